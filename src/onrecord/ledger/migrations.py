"""Named migrations, applied in order and recorded in the ``migrations`` table.

A migration is applied once: its name is the record. Add new ones at the end; never edit an applied one.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy import Connection, inspect, select

from . import schema


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables if t.name != "migrations"])


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
]


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied now."""
    schema.migrations.create(conn, checkfirst=True)
    done = set(conn.execute(select(schema.migrations.c.name)).scalars())
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.migrations.insert().values(name=name, applied_at=dt.datetime.now(dt.timezone.utc)))
        applied.append(name)
    return applied


def applied(conn: Connection) -> list[str]:
    if not inspect(conn).has_table("migrations"):
        return []
    return list(conn.execute(select(schema.migrations.c.name).order_by(schema.migrations.c.name)).scalars())
