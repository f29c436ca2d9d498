"""What the web API and pages read from the ledger beyond ``ledger.query``.

Functions here take a ``Ledger`` and return the contract's shapes (plain dicts, as ``query`` does) inside
typed records. Candidates to move into ``ledger/query.py`` later: ``article_records``, ``article``,
``statement``, ``events``, ``actor_exists`` and ``overview``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from sqlalchemy import Select, and_, bindparam, func, select

from ..records import SCHEMA
from ..ledger import query, schema
from ..ledger.rows import article_meta, statement_dict
from ..ledger.store import Ledger

A, S, E, Z, C = schema.articles, schema.statements, schema.events, schema.zones, schema.contradictions
# How many items each overview panel shows: one screen of a laptop.
OVERVIEW_ITEMS = 8


@dataclass(frozen=True)
class Page:
    """One page of a listing: the items, the total matching, and where the page starts."""

    items: list[dict[str, Any]]
    total: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if self.items and end < self.total else None


@dataclass(frozen=True)
class Overview:
    """What the front page shows."""

    counts: dict[str, int]
    latest: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    days: tuple[str | None, str | None]  # first and last statement day


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _article_ref(m: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": m["id"], "source": m["source"], "title": m["title"], "outlet": m["outlet"],
            "published": _iso(m["published"])}


def _records(conn, rows: Sequence[Mapping[str, Any]], with_text: bool) -> list[dict[str, Any]]:
    """Article rows as contract article records (statements in analysis order), plus ``duplicate_of``."""
    uids = [r["uid"] for r in rows]
    if not uids:
        return []
    zones: dict[str, list] = defaultdict(list)
    for z in conn.execute(select(Z).where(Z.c.article_uid.in_(uids)).order_by(Z.c.article_uid, Z.c.idx)).mappings():
        zones[z["article_uid"]].append({"kind": z["kind"], "start": z["start"], "end": z["end"]})
    st_rows = conn.execute(select(S).where(S.c.article_uid.in_(uids))
                           .order_by(S.c.article_uid, S.c.seq, S.c.start, S.c.sid)).mappings().all()
    conds = query.conditions_of(conn, [r["uid"] for r in st_rows])
    statements: dict[str, list] = defaultdict(list)
    sid_of = {}
    for r in st_rows:
        statements[r["article_uid"]].append(statement_dict(r, conds.get(r["uid"], ())))
        sid_of[r["uid"]] = r["sid"]
    events: dict[str, list] = defaultdict(list)
    for r in conn.execute(select(E.c.article_uid, E.c.record).where(E.c.article_uid.in_(uids))
                          .order_by(E.c.article_uid, E.c.seq, E.c.eid)).mappings():
        events[r["article_uid"]].append(json.loads(r["record"]))
    pairs = _pairs(conn, uids)
    originals: dict[str, str] = {}
    dups = {r["duplicate_of"] for r in rows if r["duplicate_of"]}
    if dups:
        originals = dict(conn.execute(select(A.c.uid, A.c.id).where(A.c.uid.in_(dups))).all())
    out = []
    for r in rows:
        rec: dict[str, Any] = {"schema": SCHEMA, **article_meta(r)}
        if with_text:
            rec["text"] = r["text"]
        rec.update(zones=zones.get(r["uid"], []), statements=statements.get(r["uid"], []),
                   events=events.get(r["uid"], []), contradictions=pairs.get(r["uid"], []),
                   warnings=json.loads(r["warnings"] or "[]"), uid=r["uid"])
        if r["duplicate_of"]:
            rec["duplicate_of"] = originals.get(r["duplicate_of"], r["duplicate_of"])
        out.append(rec)
    return out


def _pairs(conn, uids: list[str]) -> dict[str, list]:
    """Contradictions per article: within-article ones by statement id; across ones (ARTICLE_ID#STATEMENT_ID)
    go with the article of their ``b`` statement, as the export does."""
    sa, sb, aa, ab = S.alias("sa"), S.alias("sb"), A.alias("aa"), A.alias("ab")
    q = (select(C.c.kind, C.c.why, C.c.across, sb.c.article_uid.label("owner"), aa.c.id.label("a_article"),
                ab.c.id.label("b_article"), sa.c.sid.label("a_sid"), sb.c.sid.label("b_sid"))
         .join(sa, sa.c.uid == C.c.a).join(sb, sb.c.uid == C.c.b)
         .join(aa, aa.c.uid == sa.c.article_uid).join(ab, ab.c.uid == sb.c.article_uid)
         .where(sb.c.article_uid.in_(uids)).order_by(C.c.across, sa.c.seq, sb.c.seq, C.c.a, C.c.b))
    out: dict[str, list] = defaultdict(list)
    for r in conn.execute(q).mappings():
        if r["across"]:
            a, b = f"{r['a_article']}#{r['a_sid']}", f"{r['b_article']}#{r['b_sid']}"
        else:
            a, b = r["a_sid"], r["b_sid"]
        out[r["owner"]].append({"a": a, "b": b, "kind": r["kind"], "why": r["why"]})
    return out


def article_records(ledger: Ledger, limit: int, offset: int = 0, outlet: str | None = None) -> Page:
    """Contract article records (without text), newest publication first."""
    with ledger.engine.connect() as conn:
        q = select(A)
        if outlet:
            q = q.where(func.lower(A.c.outlet) == outlet.lower())
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        rows = conn.execute(q.order_by(A.c.published.desc(), A.c.id).limit(limit).offset(offset)).mappings().all()
        return Page(_records(conn, rows, with_text=False), total, offset)


def article(ledger: Ledger, article_id: str, with_text: bool = True) -> dict[str, Any] | None:
    """One article as the contract record, text included; None when no article has that id."""
    with ledger.engine.connect() as conn:
        row = conn.execute(select(A).where(A.c.id == article_id)).mappings().first()
        return _records(conn, [row], with_text)[0] if row is not None else None


def article_by_uid(ledger: Ledger, uid: str, with_text: bool = True) -> dict[str, Any] | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(select(A).where(A.c.uid == uid)).mappings().first()
        return _records(conn, [row], with_text)[0] if row is not None else None


def statement(ledger: Ledger, uid: str) -> dict[str, Any] | None:
    """One stored statement (``ARTICLE_UID#STATEMENT_ID``) with ``uid``, ``day`` and its article block."""
    with ledger.engine.connect() as conn:
        row = conn.execute(select(S, A.c.id, A.c.source, A.c.title, A.c.outlet, A.c.published)
                           .join(A, A.c.uid == S.c.article_uid).where(S.c.uid == uid)).mappings().first()
        if row is None:
            return None
        d = statement_dict(row, query.conditions_of(conn, [uid]).get(uid, ()))
        d.update(uid=uid, day=_iso(row["day"]), article=_article_ref(row))
        return d


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def events(ledger: Ledger, f: EventFilter, limit: int, offset: int = 0) -> Page:
    """Contract events with their article block, newest first."""
    with ledger.engine.connect() as conn:
        conds = []
        if f.type:
            conds.append(func.upper(E.c.type) == f.type.upper())
        if f.since:
            conds.append(E.c.date >= f.since)
        if f.until:
            conds.append(E.c.date <= f.until)
        q = select(E.c.uid, E.c.record, A.c.id, A.c.source, A.c.title, A.c.outlet, A.c.published).join(
            A, A.c.uid == E.c.article_uid)
        if conds:
            q = q.where(and_(*conds))
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        rows = conn.execute(q.order_by(E.c.date.desc(), E.c.uid).limit(limit).offset(offset)).mappings().all()
        items = [{**json.loads(r["record"]), "uid": r["uid"], "article": _article_ref(r)} for r in rows]
        return Page(items, total, offset)


def actor_exists(ledger: Ledger, actor_id: str) -> bool:
    with ledger.engine.connect() as conn:
        return conn.execute(select(schema.actors.c.id).where(schema.actors.c.id == actor_id)).first() is not None


def overview(ledger: Ledger) -> Overview:
    counts = ledger.counts()
    latest, _ = query.statements(ledger, query.StatementFilter(limit=OVERVIEW_ITEMS))
    actors, _ = query.actors(ledger, limit=OVERVIEW_ITEMS)
    pairs, _ = query.contradictions(ledger, limit=OVERVIEW_ITEMS)
    with ledger.engine.connect() as conn:
        first, last = conn.execute(select(func.min(S.c.day), func.max(S.c.day))).one()
        counts["negotiations"] = conn.execute(select(func.count()).select_from(S)
                                              .where(S.c.about_negotiations.is_(True))).scalar_one()
    return Overview(counts, latest, actors, pairs, (_iso(first), _iso(last)))


@dataclass(frozen=True)
class TimelineFilter:
    """The actor page's filters: topic ("negotiations" or "all"), stance, days."""

    about: str = "negotiations"
    stance: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def timeline(ledger: Ledger, actor_id: str, f: TimelineFilter, limit: int, offset: int = 0) -> Page | None:
    """One page of an actor's statements (merged parts included), oldest first, filtered and paged in SQL; None
    when no actor has the id ``actor_id``.

    Like ``query.timeline`` (same order and records, without ``article.copies``), but a prolific actor's
    thousands of statements are never all read for one page. Queries: the actor's merge group, the page with its
    conditions, and the count only when the page is full (a page that is not full ends the listing).
    """
    with ledger.engine.connect() as conn:
        ids = query.actor_group(conn, actor_id)
        if not ids:
            return None
        page, count = query.prepared(("timeline", f.about == "negotiations", bool(f.stance), bool(f.since),
                                      bool(f.until)), lambda: _timeline_selects(f))
        params = {"ids": ids, "stance": f.stance, "since": f.since, "until": f.until}
        items = query.run_page(conn, page, limit, offset, params)
        total = query.known_total(offset, limit, len(items))
        if total is None:
            total = conn.execute(count, params).scalar_one()
        return Page(items, total, offset)


def _timeline_selects(f: TimelineFilter) -> tuple[Select, Select]:
    """(the page, the count) of timelines filtered like ``f``, its values left as bind parameters."""
    conds = [S.c.actor_id.in_(bindparam("ids", expanding=True))]
    if f.about == "negotiations":
        conds.append(query.about_negotiations())
    if f.stance:
        conds.append(S.c.stance == bindparam("stance"))
    if f.since:
        conds.append(S.c.day >= bindparam("since"))
    if f.until:
        conds.append(S.c.day <= bindparam("until"))
    where = and_(*conds)
    page = query.page_select(select(*query.ITEM_COLUMNS).join(A, A.c.uid == S.c.article_uid).where(where),
                             query.oldest_first)
    return page, select(func.count()).select_from(S).where(where)
