"""Outlet profiles: boilerplate memory that outlives a run.

At ingest each stored original article adds one to the count of each distinct paragraph fingerprint under
its outlet (table ``outlet_profiles``; a replaced article first takes its old paragraphs back out). A later
run builds its :class:`~onrecord.zones.BoilerplateMemory` from these counts plus the run's own new articles,
so a donation box seen in last week's articles is boilerplate in today's single article too.

Counts mean what ``BoilerplateMemory`` counts: the number of distinct articles of the outlet holding the
paragraph. Near-duplicate copies are not counted (a re-scrape would otherwise make every paragraph of its
story look like boilerplate of the outlet).
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import Connection, select, update

from ..records import Article
from ..zones import BoilerplateMemory
from ..zones.memory import fingerprint, outlet_key
from ..zones.paragraphs import split_paragraphs
from . import schema

P = schema.outlet_profiles
# Fingerprints looked up per query when loading an outlet's profile (bound-parameter limits: SQLite 32766).
_LOOKUP_BATCH = 5000


def fingerprints(text: str) -> set[str]:
    """The distinct paragraph fingerprints of a text, as ``BoilerplateMemory.add`` counts them."""
    return {fp for fp in (fingerprint(p.text) for p in split_paragraphs(text)) if fp is not None}


def add_article(conn: Connection, outlet: str | None, text: str) -> None:
    """Count the article's paragraphs once each under its outlet."""
    _bump(conn, outlet_key(outlet), fingerprints(text), +1)


def remove_article(conn: Connection, outlet: str | None, text: str) -> None:
    """Take an article's paragraphs back out (its row is being replaced or removed)."""
    _bump(conn, outlet_key(outlet), fingerprints(text), -1)


def _bump(conn: Connection, outlet: str, fps: set[str], step: int) -> None:
    if not fps:
        return
    if step > 0:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = insert(P).on_conflict_do_update(index_elements=[P.c.outlet, P.c.fingerprint],
                                               set_={"count": P.c.count + 1})
        conn.execute(stmt, [{"outlet": outlet, "fingerprint": fp, "count": 1} for fp in sorted(fps)])
        return
    for chunk in _chunks(sorted(fps), _LOOKUP_BATCH):
        conn.execute(update(P).where((P.c.outlet == outlet) & P.c.fingerprint.in_(chunk))
                     .values(count=P.c.count - 1))
    conn.execute(P.delete().where((P.c.outlet == outlet) & (P.c.count <= 0)))


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def counted_versions(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """article id -> (outlet, text) of the stored versions counted in the profiles (originals, not copies)."""
    a = schema.articles
    out: dict[str, tuple[str | None, str]] = {}
    for chunk in _chunks(sorted(set(ids)), _LOOKUP_BATCH):
        rows = conn.execute(select(a.c.id, a.c.outlet, a.c.text)
                            .where(a.c.id.in_(chunk) & a.c.duplicate_of.is_(None)))
        out.update({r.id: (r.outlet, r.text) for r in rows})
    return out


def run_memory(conn: Connection, articles: Iterable[Article]) -> BoilerplateMemory:
    """The memory for a run: stored profiles of the run's outlets plus the run's articles, each counted once.

    A run article whose stored version is counted already is not added again when unchanged; when edited,
    its stored version is taken out and the new one put in (as the store will do when it is replaced).
    """
    articles = list(articles)
    stored = counted_versions(conn, (a.id for a in articles))
    outlets = {outlet_key(a.outlet) for a in articles} | {outlet_key(o) for o, _ in stored.values()}
    counts: dict[str, dict[str, int]] = {}
    for outlet in outlets:
        group = counts.setdefault(outlet, {})
        for fp, n in conn.execute(select(P.c.fingerprint, P.c.count).where(P.c.outlet == outlet)):
            group[fp] = n
    for a in articles:
        old = stored.get(a.id)
        if old is not None:
            old_outlet, old_text = old
            if old_text == a.text and old_outlet == a.outlet:
                continue
            old_group = counts.setdefault(outlet_key(old_outlet), {})
            for fp in fingerprints(old_text):
                if old_group.get(fp, 0) > 0:
                    old_group[fp] -= 1
        group = counts.setdefault(outlet_key(a.outlet), {})
        for fp in fingerprints(a.text):
            group[fp] = group.get(fp, 0) + 1
    return BoilerplateMemory(counts)
