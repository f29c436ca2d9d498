"""Named migrations, applied in order and recorded in the ``migrations`` table.

A migration is applied once: its name is the record. Add new ones at the end; never edit an applied one.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy import Connection, inspect, select, text

from . import schema, search


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables if t.name != "migrations"])


def _views(conn: Connection) -> None:
    """0002: statement/event order (``seq``), MinHash signatures, copies, indexes for cross-article lookups.

    On a ledger created after this migration was written, 0001 already made all of it from ``schema``:
    every step checks first, so it is a no-op there.
    """
    insp = inspect(conn)
    quote = conn.dialect.identifier_preparer.quote
    for table in (schema.statements, schema.events):
        have = {c["name"] for c in insp.get_columns(table.name)}
        if "seq" not in have:
            conn.execute(text(f"ALTER TABLE {quote(table.name)} ADD COLUMN seq INTEGER"))
    schema.signatures.create(conn, checkfirst=True)
    schema.copies.create(conn, checkfirst=True)
    for index in (_index(schema.statements, "ix_statements_affiliation_day"),
                  _index(schema.contradictions, "ix_contradictions_b"),
                  _index(schema.articles, "ix_articles_duplicate_of")):
        index.create(conn, checkfirst=True)


def _search(conn: Connection) -> None:
    """0003: the full-text search index of statements (SQLite FTS5 table and triggers; PostgreSQL GIN
    expression index), filled from the statements already stored. See ``search``."""
    search.create_index(conn)


def _index(table, name: str):
    return next(ix for ix in table.indexes if ix.name == name)


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_views_dedup", _views),
    ("0003_search", _search),
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
