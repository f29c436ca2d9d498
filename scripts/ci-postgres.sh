#!/usr/bin/env bash
# Start a local PostgreSQL server for the ledger tests (tests/ledger/test_postgres.py), idempotently.
#
# Runs as root (CI does). Installs the server with apt-get only when it is missing, creates the
# cluster if there is none, starts it, waits until it accepts connections, and creates the role and
# database `onrecord` (password `onrecord`) when they do not exist. Safe to run any number of times.
# The recipe is /work/shared/RECIPES.md, "PostgreSQL in CI".
#
# Then:  export ONRECORD_TEST_PG_URL=postgresql+psycopg://onrecord:onrecord@127.0.0.1:5432/onrecord
# Stop:  pg_ctlcluster 15 main stop -m fast
set -euo pipefail

# Debian 12's server; the version the recipe was checked with.
PG_VERSION="${ONRECORD_PG_VERSION:-15}"
PG_NAME=main
PG_PORT="${ONRECORD_PG_PORT:-5432}"
# Seconds to wait for the server to accept connections after starting it.
READY_TIMEOUT_S=30

if [ "$(id -u)" -ne 0 ]; then
    echo "ci-postgres.sh: run as root (it installs and starts the PostgreSQL server)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]; then
    apt-get update -qq
    apt-get install -y -qq "postgresql-${PG_VERSION}" postgresql-common
fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} ${PG_NAME}"; then
    pg_createcluster "${PG_VERSION}" "${PG_NAME}" --port "${PG_PORT}"
fi

if ! pg_lsclusters -h | awk -v v="${PG_VERSION}" -v n="${PG_NAME}" '$1==v && $2==n {print $4}' | grep -qx online; then
    pg_ctlcluster "${PG_VERSION}" "${PG_NAME}" start
fi

for _ in $(seq "${READY_TIMEOUT_S}"); do
    pg_isready -q -h 127.0.0.1 -p "${PG_PORT}" && break
    sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "${PG_PORT}"; then
    echo "ci-postgres.sh: PostgreSQL ${PG_VERSION}/${PG_NAME} did not accept connections on" \
         "127.0.0.1:${PG_PORT} within ${READY_TIMEOUT_S} s; see /var/log/postgresql/" >&2
    exit 1
fi

su postgres -c "psql -q -p ${PG_PORT} -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='onrecord') THEN
  CREATE ROLE onrecord LOGIN PASSWORD 'onrecord'; END IF; END $$;
SELECT 'CREATE DATABASE onrecord OWNER onrecord'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='onrecord')\gexec
SQL

echo "PostgreSQL ${PG_VERSION}/${PG_NAME} ready:" \
     "postgresql+psycopg://onrecord:onrecord@127.0.0.1:${PG_PORT}/onrecord"
