"""Contradictions and shifts across articles, found when an article is stored.

Each negotiation statement of the new article (with a stance and a day) is compared with the stored
negotiation statements of the same actor (following a user's merges) and of the same affiliation within
``WINDOW_DAYS`` of it; ``onrecord.contradictions.stances_conflict`` judges each pair on the two statements
alone, with the ledger's ``day`` (said_on, else the publication date) as the statements' date, so one
actor's conflicting stances on different days are a ``shift``. Pairs are stored with ``across=True``, the
older statement as ``a``; copies of other articles (near-duplicates) are never compared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any, Iterable, Mapping

from sqlalchemy import Connection, and_, or_, select

from ..contradictions import explain, stances_conflict
from ..records import Analysis, Span, Speaker, Statement
from . import schema

S, A, ACT = schema.statements, schema.articles, schema.actors
# Two statements further apart than this are not compared. A quarter: positions on talks are restated every
# news cycle, so a real change shows within weeks; beyond a few months a different stance is a new phase of
# the conflict rather than a contradiction, and pairs years apart would swamp the view.
WINDOW_DAYS = 90
# Stored statements read per new statement, nearest days first: an actor rarely states a position on talks
# more than a few dozen times a quarter; a country's officials can, and pairs with the nearest suffice.
CANDIDATES_PER_STATEMENT = 200
# Conflicting pairs kept per new statement (the closest in time): each pair says the same thing again, and
# this keeps the table linear in the number of statements.
MAX_PAIRS_PER_STATEMENT = 10


def _roots(conn: Connection, ids: set[str]) -> dict[str, str]:
    """actor id -> the actor it is shown as (itself unless merged)."""
    if not ids:
        return {}
    rows = conn.execute(select(ACT.c.id, ACT.c.merged_into).where(ACT.c.id.in_(ids)))
    out = {i: i for i in ids}
    out.update({r.id: r.merged_into or r.id for r in rows})
    return out


def _members(conn: Connection, root: str) -> list[str]:
    return [root, *conn.execute(select(ACT.c.id).where(ACT.c.merged_into == root)).scalars()]


def _record(row: Mapping[str, Any], conditions: Iterable[Mapping[str, Any]], root: str | None) -> Statement:
    return Statement(
        id=row["uid"], kind=row["kind"], text=row["text"], start=row["start"], end=row["end"],
        speaker=Speaker(name=row["speaker_name"], actor_id=root, mention=row["mention"], role=row["role"],
                        affiliation=row["affiliation"]),
        said_on=row["day"], date_text=row["date_text"], about_negotiations=bool(row["about_negotiations"]),
        stance=row["stance"], counterpart=row["counterpart"],
        conditions=tuple(Span(c["start"], c["end"], c["text"]) for c in sorted(conditions, key=lambda c: c["idx"])),
    )


def find_across(conn: Connection, uid: str, analysis: Analysis) -> list[dict[str, Any]]:
    """Contradiction rows between the new article's statements and stored ones (not yet written)."""
    published = analysis.article.published
    new = [s for s in analysis.statements if s.about_negotiations and s.stance and (s.said_on or published)]
    if not new:
        return []
    roots = _roots(conn, {k for k in map(_key, new) if k})
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for s in new:
        day = s.said_on or published
        key = _key(s)
        root = roots.get(key) if key else None
        mine = dataclasses.replace(s, id=f"{uid}#{s.id}", said_on=day,
                                   speaker=dataclasses.replace(s.speaker, actor_id=root))
        who = []
        if root:
            who.append(S.c.actor_id.in_(_members(conn, root)))
        if s.speaker.affiliation:
            who.append(S.c.affiliation == s.speaker.affiliation)
        if not who:
            continue
        window = (day - dt.timedelta(days=WINDOW_DAYS), day + dt.timedelta(days=WINDOW_DAYS))
        rows = conn.execute(
            select(S).join(A, A.c.uid == S.c.article_uid)
            .where(and_(S.c.article_uid != uid, A.c.duplicate_of.is_(None), S.c.about_negotiations.is_(True),
                        S.c.stance.is_not(None), S.c.day.between(*window), or_(*who)))
            .order_by(S.c.day.desc()).limit(CANDIDATES_PER_STATEMENT)).mappings().all()
        if not rows:
            continue
        conds: dict[str, list] = defaultdict(list)
        cs = schema.conditions
        for c in conn.execute(select(cs).where(cs.c.statement_uid.in_([r["uid"] for r in rows]))).mappings():
            conds[c["statement_uid"]].append(c)
        other_roots = _roots(conn, {r["actor_id"] for r in rows if r["actor_id"]})
        found = []
        for r in rows:
            other = _record(r, conds.get(r["uid"], ()), other_roots.get(r["actor_id"]))
            first, second = (other, mine) if (other.said_on, other.id) <= (mine.said_on, mine.id) else (mine, other)
            kind = stances_conflict(first, second)
            if kind:
                found.append((abs((other.said_on - day).days), first, second, kind))
        for _gap, first, second, kind in sorted(found, key=lambda f: (f[0], f[1].id))[:MAX_PAIRS_PER_STATEMENT]:
            out.setdefault((first.id, second.id), {"a": first.id, "b": second.id, "kind": kind,
                                                   "why": explain(first, second, kind), "across": True,
                                                   "article_uid": None})
    return list(out.values())


def _key(s: Statement) -> str | None:
    from .store import actor_key

    return actor_key(s)
