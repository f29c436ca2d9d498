"""Opening a ledger: a SQLite file by default (WAL mode), any SQLAlchemy URL otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..errors import LedgerError

DEFAULT_DB = "onrecord.db"
ENV_VAR = "ONRECORD_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a writer waits for another writer's lock before giving up (SQLite busy timeout), in seconds.
SQLITE_BUSY_TIMEOUT_S = 30
# SQLite reads the file through a memory map of up to this many bytes instead of a read() per page: the pages are
# the operating system's cache, shared by every connection and server process (a 100k-statement timeline page:
# 1.2 -> 0.9 ms). Only address space is reserved; a larger file is read the usual way beyond it.
SQLITE_MMAP_BYTES = 256 * 1024 * 1024


def resolve_url(db: str | None) -> str:
    """A file path or a SQLAlchemy URL; default from $ONRECORD_DB, else ./onrecord.db."""
    db = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _check_sqlite_file(url: str) -> None:
    path_text = url.split(":///", 1)[1] if ":///" in url else ""
    if not path_text or path_text == ":memory:" or path_text.startswith("file:"):
        return  # in-memory, or a SQLite URI (file:...?mode=ro&uri=true) that SQLite itself checks
    path = Path(path_text)
    if path.is_dir():
        raise LedgerError(f"{path} is a directory: give --db a file path such as {path / DEFAULT_DB}")
    if path.exists():
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        if head and head != SQLITE_MAGIC:
            raise LedgerError(f"{path} is not a SQLite database: give --db a new file name or an onrecord ledger")
    elif not path.parent.exists():
        raise LedgerError(f"{path.parent} does not exist: create the directory or give --db another path")


def make_engine(db: str | None) -> Engine:
    url = resolve_url(db)
    if url.startswith("sqlite"):
        _check_sqlite_file(url)
    try:
        engine = create_engine(url, future=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
                               if url.startswith("sqlite") else {})
    except NoSuchModuleError:
        scheme = url.split("://", 1)[0]
        raise LedgerError(
            f"unknown database URL scheme {scheme!r}: give a file path, sqlite:///FILE, or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DB"
        ) from None
    except (ArgumentError, ValueError) as exc:
        raise LedgerError(f"cannot read the database URL {url!r}: {exc}") from None
    except ModuleNotFoundError as exc:
        raise LedgerError(f"the driver for {url.split('://', 1)[0]!r} is not installed ({exc.name}): "
                          "pip install 'onrecord[postgres]' for PostgreSQL") from None
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
            cur.close()
    return engine
