"""Reading the ledger: statements with filters, actors, timelines, contradictions.

Every function takes a ``Ledger`` and returns plain dicts in the contract's shapes (statements carry an
extra ``article`` block with the article's id, title, outlet and published date).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from sqlalchemy import Select, and_, func, or_, select

from ..errors import LedgerError
from . import schema
from .rows import statement_dict
from .store import Ledger, fold

S, A = schema.statements, schema.articles
STANCES = ("reject", "conditional", "open", "neutral")
# Listing pages are capped so that one request never materialises a whole archive.
MAX_LIMIT = 1000


@dataclass(frozen=True)
class StatementFilter:
    """The filters of `onrecord statements` and `GET /api/statements`."""

    speaker: str | None = None
    about: str | None = None  # "negotiations"
    stance: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    search: str | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.about not in (None, "negotiations"):
            raise LedgerError(f"about={self.about!r} is not known: the only topic is 'negotiations'")
        if self.stance not in (None, *STANCES):
            raise LedgerError(f"stance={self.stance!r} is not one of {', '.join(STANCES)}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise LedgerError(f"limit={self.limit} must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise LedgerError(f"offset={self.offset} must not be negative")


def actor_ids_for(conn, name: str) -> list[str]:
    """Actor ids whose name or alias is ``name`` (folded); else those whose alias contains it.

    A user's merge is followed: asking for either actor of a merged pair gives both.
    """
    key = fold(name)
    ids = set(conn.execute(select(schema.aliases.c.actor_id).where(schema.aliases.c.folded == key)).scalars())
    if not ids:
        pattern = f"%{_escape_like(key)}%"
        ids = set(conn.execute(select(schema.aliases.c.actor_id)
                               .where(schema.aliases.c.folded.like(pattern, escape="\\"))).scalars())
    if not ids:
        return []
    act = schema.actors
    roots = {r.merged_into or r.id for r in conn.execute(select(act.c.id, act.c.merged_into).where(act.c.id.in_(ids)))}
    members = set(conn.execute(select(act.c.id).where(act.c.merged_into.in_(roots))).scalars())
    return sorted(roots | members | ids)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(conn, f: StatementFilter) -> Select | None:
    q = select(S, A.c.id.label("article_id"), A.c.title.label("article_title"), A.c.outlet.label("article_outlet"),
               A.c.published.label("article_published")).join(A, A.c.uid == S.c.article_uid)
    conds = []
    if f.speaker:
        ids = actor_ids_for(conn, f.speaker)
        if not ids:
            return None
        conds.append(S.c.actor_id.in_(ids))
    if f.about == "negotiations":
        conds.append(S.c.about_negotiations.is_(True))
    if f.stance:
        conds.append(S.c.stance == f.stance)
    if f.since:
        conds.append(S.c.day >= f.since)
    if f.until:
        conds.append(S.c.day <= f.until)
    if f.outlet:
        conds.append(func.lower(A.c.outlet) == f.outlet.lower())
    if f.search:
        pattern = f"%{_escape_like(f.search.lower())}%"
        conds.append(or_(func.lower(S.c.text).like(pattern, escape="\\"),
                         func.lower(S.c.speaker_name).like(pattern, escape="\\")))
    return q.where(and_(*conds)) if conds else q


def _with_conditions(conn, rows: Sequence[Any]) -> list[dict[str, Any]]:
    uids = [r.uid for r in rows]
    conds: dict[str, list] = defaultdict(list)
    if uids:
        for c in conn.execute(select(schema.conditions).where(schema.conditions.c.statement_uid.in_(uids))).mappings():
            conds[c["statement_uid"]].append(c)
    out = []
    for r in rows:
        m = r._mapping
        d = statement_dict(m, conds.get(r.uid, ()))
        d["uid"] = r.uid
        d["day"] = m["day"].isoformat() if m["day"] else None
        d["article"] = {"id": m["article_id"], "title": m["article_title"], "outlet": m["article_outlet"],
                        "published": m["article_published"].isoformat() if m["article_published"] else None}
        out.append(d)
    return out


def statements(ledger: Ledger, f: StatementFilter = StatementFilter()) -> tuple[list[dict[str, Any]], int]:
    """(one page of statements, newest first; the total matching)."""
    with ledger.engine.connect() as conn:
        q = _filtered(conn, f)
        if q is None:
            return [], 0
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        rows = conn.execute(q.order_by(S.c.day.desc(), S.c.uid).limit(f.limit).offset(f.offset)).all()
        return _with_conditions(conn, rows), total


def timeline(ledger: Ledger, name: str, about: str | None = "negotiations") -> list[dict[str, Any]]:
    """An actor's dated statements (on negotiations by default), oldest first, with conditions and articles."""
    with ledger.engine.connect() as conn:
        ids = actor_ids_for(conn, name)
        if not ids:
            raise LedgerError(f"no actor named {name!r} in the ledger: `onrecord actors --search` lists them")
        q = _filtered(conn, StatementFilter(about=about))
        rows = conn.execute(q.where(S.c.actor_id.in_(ids)).order_by(S.c.day, S.c.uid)).all()
        return _with_conditions(conn, rows)


def actors(ledger: Ledger, search: str | None = None, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """Actors with aliases, roles, affiliation and statement counts; most quoted first."""
    act = schema.actors
    with ledger.engine.connect() as conn:
        counts = select(S.c.actor_id, func.count().label("n")).group_by(S.c.actor_id).subquery()
        q = (select(act, func.coalesce(counts.c.n, 0).label("statements"))
             .outerjoin(counts, counts.c.actor_id == act.c.id).where(act.c.merged_into.is_(None)))
        if search:
            ids = actor_ids_for(conn, search)
            q = q.where(act.c.id.in_(ids))
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        rows = conn.execute(q.order_by(func.coalesce(counts.c.n, 0).desc(), act.c.name)
                            .limit(limit).offset(offset)).mappings().all()
        return [_actor_dict(conn, r) for r in rows], total


def actor(ledger: Ledger, name: str) -> dict[str, Any]:
    with ledger.engine.connect() as conn:
        ids = actor_ids_for(conn, name)
        if not ids:
            raise LedgerError(f"no actor named {name!r} in the ledger: `onrecord actors --search` lists them")
        act = schema.actors
        row = conn.execute(select(act).where(act.c.id.in_(ids)).order_by(act.c.merged_into.is_not(None))).mappings().first()
        root = row["merged_into"] or row["id"]
        row = conn.execute(select(act).where(act.c.id == root)).mappings().one()
        n = conn.execute(select(func.count()).select_from(S).where(S.c.actor_id.in_(ids))).scalar_one()
        return _actor_dict(conn, {**row, "statements": n}, extra_ids=ids)


def _actor_dict(conn, row: Any, extra_ids: Iterable[str] = ()) -> dict[str, Any]:
    act = schema.actors
    ids = {row["id"], *extra_ids}
    ids |= set(conn.execute(select(act.c.id).where(act.c.merged_into == row["id"])).scalars())
    aliases = sorted(set(conn.execute(select(schema.aliases.c.alias).where(schema.aliases.c.actor_id.in_(ids))).scalars()))
    r = schema.actor_roles
    roles = [{"role": x.role, "from": x.first_seen.isoformat() if x.first_seen else None,
              "to": x.last_seen.isoformat() if x.last_seen else None}
             for x in conn.execute(select(r).where(r.c.actor_id.in_(ids)).order_by(r.c.first_seen, r.c.role))]
    return {"id": row["id"], "name": row["name"], "aliases": aliases, "roles": roles,
            "affiliation": row["affiliation"], "statements": row["statements"]}


def contradictions(ledger: Ledger, across: bool | None = None, limit: int = 100,
                   offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Contradiction pairs with both statements; ``across``: only cross-article (True), only within (False)."""
    c = schema.contradictions
    with ledger.engine.connect() as conn:
        q = select(c)
        if across is not None:
            q = q.where(c.c.across.is_(across))
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        pairs = conn.execute(q.order_by(c.c.a.desc(), c.c.b).limit(limit).offset(offset)).mappings().all()
        uids = {p["a"] for p in pairs} | {p["b"] for p in pairs}
        base = _filtered(conn, StatementFilter())
        rows = conn.execute(base.where(S.c.uid.in_(uids))).all() if uids else []
        by_uid = {d["uid"]: d for d in _with_conditions(conn, rows)}
        out = []
        for p in pairs:
            a, b = by_uid.get(p["a"]), by_uid.get(p["b"])
            if a is None or b is None:
                continue
            out.append({"a": _ref(p["a"], a, p["across"]), "b": _ref(p["b"], b, p["across"]), "kind": p["kind"],
                        "why": p["why"], "across": bool(p["across"]), "statements": [a, b]})
        return out, total


def _ref(uid: str, st: dict[str, Any], across: bool) -> str:
    """Contract form: the statement id within an article, ARTICLE_ID#STATEMENT_ID across articles."""
    return f"{st['article']['id']}#{st['id']}" if across else st["id"]
