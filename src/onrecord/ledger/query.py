"""Reading the ledger: statements with filters, actors, timelines, contradictions.

Every function takes a ``Ledger`` and returns plain dicts in the contract's shapes (statements carry an
extra ``article`` block with the article's id, title, outlet and published date).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from sqlalchemy import Select, String, and_, bindparam, func, literal_column, or_, select, type_coerce
from sqlalchemy.exc import OperationalError

from ..errors import LedgerError
from . import schema
from .search import Search
from .store import Ledger, fold

S, A = schema.statements, schema.articles
STANCES = ("reject", "conditional", "open", "neutral")
# Listing pages are capped so that one request never materialises a whole archive.
MAX_LIMIT = 1000
# NULL dates sort as SQLite sorts them (first going up, last going down); PostgreSQL's default is the
# opposite, so every order on a nullable date says which it means and both databases give the same pages.


@dataclass(frozen=True)
class StatementFilter:
    """The filters of `onrecord statements` and `GET /api/statements`."""

    speaker: str | None = None
    about: str | None = None  # "negotiations"
    stance: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    search: str | None = None  # words, see search.py; blank: no filter; only punctuation: matches nothing
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
    """Actor ids whose id, name or alias is ``name`` (folded); else the registry's actor for that name
    (transliterations: "Shoygu"), when stored; else those whose alias contains it.

    A user's merge is followed: asking for either actor of a merged pair gives both.
    """
    key = fold(name)
    act = schema.actors
    ids = set(conn.execute(select(act.c.id).where(act.c.id == name)).scalars())
    if not ids:
        ids = set(conn.execute(select(schema.aliases.c.actor_id).where(schema.aliases.c.folded == key)).scalars())
    if not ids:
        ids = set(conn.execute(select(act.c.id).where(act.c.id == _registry_id(name))).scalars())
    if not ids:
        pattern = f"%{_escape_like(key)}%"
        ids = set(conn.execute(select(schema.aliases.c.actor_id)
                               .where(schema.aliases.c.folded.like(pattern, escape="\\"))).scalars())
    if not ids:
        return []
    roots = {r.merged_into or r.id for r in conn.execute(select(act.c.id, act.c.merged_into).where(act.c.id.in_(ids)))}
    members = set(conn.execute(select(act.c.id).where(act.c.merged_into.in_(roots))).scalars())
    return sorted(roots | members | ids)


def _registry_id(name: str) -> str | None:
    """The actor registry's id for a name (exact, unique surname or close transliteration), if any."""
    try:
        from ..actors import default_registry

        found = default_registry().lookup(name)
    except Exception:  # noqa: BLE001 - without the registry the ledger's own aliases still answer
        return None
    return found.id if found is not None else None


def one_actor(conn, name: str) -> list[str]:
    """The ids of the one actor (with its merged parts) ``name`` means; a clear error when none or several."""
    ids = actor_ids_for(conn, name)
    if not ids:
        raise LedgerError(f"no actor named {name!r} in the ledger: `onrecord actors --search` lists them")
    act = schema.actors
    rows = conn.execute(select(act.c.id, act.c.name, act.c.merged_into).where(act.c.id.in_(ids))).all()
    roots = {r.merged_into or r.id for r in rows}
    if len(roots) > 1:
        names = {r.id: r.name for r in rows}
        listed = ", ".join(f"{names.get(r, r)} ({r})" for r in sorted(roots))
        raise LedgerError(f"{name!r} names {len(roots)} actors: {listed}; give a full name or an id, "
                          "or merge them with `onrecord actors merge`")
    return ids


def actor_group(conn, actor_id: str) -> list[str]:
    """The ids of the actor with id ``actor_id`` and of its merge group (what ``one_actor`` gives for an id),
    in one query; empty when no actor has that id."""
    return sorted(conn.execute(prepared("actor_group", _actor_group_select), {"actor_id": actor_id}).scalars())


def _actor_group_select() -> Select:
    act = schema.actors
    asked = bindparam("actor_id", type_=act.c.id.type)
    root = select(func.coalesce(act.c.merged_into, act.c.id)).where(act.c.id == asked).scalar_subquery()
    return select(act.c.id).where(or_(act.c.id == asked, act.c.id == root, act.c.merged_into == root))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def about_negotiations():
    """The topic condition, wrapped so that no planner takes the (about_negotiations, stance) index for it: half
    the table matches, and the (actor_id, day) or day index answers every listing faster."""
    return func.coalesce(S.c.about_negotiations, False).is_(True)


def _searching(f: StatementFilter) -> bool:
    return bool(f.search and f.search.strip())  # an empty search box is no filter


def _only_search(f: StatementFilter) -> bool:
    return _searching(f) and not any((f.speaker, f.about, f.stance, f.since, f.until, f.outlet))


def _walk_days(conn, matches: int, wanted: int) -> bool:
    """SQLite, a search: is walking the day index newest first (checking each row against the matches) cheaper
    than reading every match and sorting them? The walk reads about ``wanted * rows / matches`` rows; the sort
    reads ``matches`` rows (a common word: 30k rows and a sort, ~70 ms on 100k statements; the walk: ~2 ms)."""
    if matches == 0:
        return False
    rows = conn.execute(select(func.max(literal_column("statements.rowid")))
                        .select_from(S)).scalar() or 0  # an upper bound on the row count, from the rowid b-tree
    return wanted * rows < matches * matches


def _filtered(conn, f: StatementFilter, walk_days: bool = False) -> Select | None:
    """The statements (with their article's fields) matching ``f``; None when its speaker names no actor.

    ``walk_days`` (SQLite, a search): check the matches row by row while walking the day index (``_walk_days``).
    """
    q = select(*ITEM_COLUMNS).join(A, A.c.uid == S.c.article_uid)
    conds = []
    if f.speaker:
        ids = actor_ids_for(conn, f.speaker)
        if not ids:
            return None
        conds.append(S.c.actor_id.in_(ids))
    if f.about == "negotiations":
        conds.append(about_negotiations())
    conds += stance_and_days(f.stance, f.since, f.until)
    if f.outlet:
        conds.append(func.lower(A.c.outlet) == f.outlet.lower())
    if _searching(f):
        conds.append(Search.parse(f.search).condition(conn.dialect.name, by_rowid=not walk_days))
    return q.where(and_(*conds)) if conds else q


def stance_and_days(stance: str | None, since: dt.date | None, until: dt.date | None) -> list:
    """The stance and day-range conditions shared by every statement listing."""
    conds = []
    if stance:
        conds.append(S.c.stance == stance)
    if since:
        conds.append(S.c.day >= since)
    if until:
        conds.append(S.c.day <= until)
    return conds


def conditions_of(conn, statement_uids: Sequence[str]) -> dict[str, list]:
    """statement uid -> its condition rows."""
    out: dict[str, list] = defaultdict(list)
    if statement_uids:
        cond = schema.conditions
        for c in conn.execute(select(cond).where(cond.c.statement_uid.in_(statement_uids))).mappings():
            out[c["statement_uid"]].append(c)
    return out


# What a listing reads of a statement and its article: only the columns of the record (no ``seq``, no article
# text), in the order ``_items`` unpacks them.
# Dates are read as the database gives them (SQLite: the stored ISO text, which the record wants; PostgreSQL: a
# date), not parsed into a date only to be formatted back (a third of the Python time of a 1000-row page).
ITEM_COLUMNS = (
    S.c.uid, S.c.sid, S.c.kind, S.c.text, S.c.start, S.c.end, S.c.speaker_name, S.c.actor_id, S.c.mention,
    S.c.mention_start, S.c.mention_end, S.c.role, S.c.affiliation, S.c.cue, S.c.cue_start, S.c.cue_end, S.c.channel,
    S.c.channel_start, S.c.channel_end, type_coerce(S.c.said_on, String).label("said_on"),
    type_coerce(S.c.day, String).label("day"), S.c.date_text, S.c.zone, S.c.about_negotiations,
    S.c.stance, S.c.counterpart, S.c.via, A.c.id.label("article_id"), A.c.source.label("article_source"),
    A.c.title.label("article_title"), A.c.outlet.label("article_outlet"),
    type_coerce(A.c.published, String).label("article_published"),
)


def newest_first(c) -> tuple:
    """The order of statement listings (``c``: the statements columns, or a subquery's)."""
    return c.day.desc().nulls_last(), c.uid


def oldest_first(c) -> tuple:
    """The order of timelines."""
    return c.day.asc().nulls_first(), c.uid


def page_select(q: Select, order, paged: bool = True) -> Select:
    """One page of ``q`` (a select of ``ITEM_COLUMNS``) in ``order`` (``newest_first`` or ``oldest_first``), each
    statement's conditions joined to it: one query, no second round trip with the page's uids as parameters.

    ``paged``: the page's size and start are the bind parameters ``page_limit`` and ``page_offset``.
    """
    page = q.order_by(*order(S.c))
    if paged:
        page = page.limit(bindparam("page_limit")).offset(bindparam("page_offset"))
    p, cond = page.subquery("page"), schema.conditions
    return (select(p, cond.c.text.label("c_text"), cond.c.start.label("c_start"), cond.c.end.label("c_end"))
            .outerjoin(cond, cond.c.statement_uid == p.c.uid).order_by(*order(p.c), cond.c.idx))


def run_page(conn, page: Select, limit: int | None = None, offset: int = 0,
             params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The statement records (with conditions, ``uid``, ``day`` and ``article``) of a ``page_select``."""
    args = dict(params or ())
    if limit is not None:
        args.update(page_limit=limit, page_offset=offset)
    return _items(conn.execute(page, args).all())


def page_items(conn, q: Select, order, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """The statement records of one page of ``q`` (``page_select`` and ``run_page``)."""
    return run_page(conn, page_select(q, order, paged=limit is not None), limit, offset)


_PREPARED: dict[Any, Any] = {}


def prepared(key: Any, build: Callable[[], Any]) -> Any:
    """The statement ``build()`` makes, built once per ``key`` (a hot listing's shape; its values are bind
    parameters): building a select with its subquery costs ~0.5-1 ms of Python a request, executing a built one
    only SQLAlchemy's compiled-cache lookup."""
    stmt = _PREPARED.get(key)
    if stmt is None:
        stmt = _PREPARED[key] = build()
    return stmt


def _iso(value: Any) -> str | None:
    """A date as read by ``ITEM_COLUMNS`` (ISO text, a date, or None) as ISO text."""
    return value if value is None or type(value) is str else value.isoformat()


def _items(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """Rows of ITEM_COLUMNS plus a condition's (text, start, end), ordered by statement then condition, as
    records of the same shape as ``rows.statement_dict`` (plus ``uid``, ``day``, ``article``)."""
    out: list[dict[str, Any]] = []
    last = None
    for (uid, sid, kind, text, start, end, speaker_name, actor_id, mention, mention_start, mention_end, role,
         affiliation, cue, cue_start, cue_end, channel, channel_start, channel_end, said_on, day, date_text, zone,
         about, stance, counterpart, via, a_id, a_source, a_title, a_outlet, a_published,
         c_text, c_start, c_end) in rows:
        if uid != last:
            last = uid
            conditions: list[dict[str, Any]] = []
            out.append({
                "id": sid, "kind": kind, "text": text, "start": start, "end": end,
                "speaker": {"name": speaker_name, "actor_id": actor_id, "mention": mention, "start": mention_start,
                            "end": mention_end, "role": role, "affiliation": affiliation},
                "cue": None if cue is None or cue_start is None else {"text": cue, "start": cue_start, "end": cue_end},
                "channel": None if channel is None or channel_start is None else
                {"name": channel, "start": channel_start, "end": channel_end},
                "said_on": _iso(said_on), "date_text": date_text, "zone": zone, "about_negotiations": bool(about),
                "stance": stance, "counterpart": counterpart, "conditions": conditions, "via": via,
                "uid": uid, "day": _iso(day),
                "article": {"id": a_id, "source": a_source, "title": a_title, "outlet": a_outlet,
                            "published": _iso(a_published)},
            })
        if c_text is not None:
            conditions.append({"text": c_text, "start": c_start, "end": c_end})
    return out


def known_total(offset: int, limit: int, found: int) -> int | None:
    """The listing's total when the page at ``offset`` of at most ``limit`` rows, holding ``found``, tells it: a
    page that is not full ends the listing; None when only a count can (a full page, or an empty one past the
    start)."""
    if found and found < limit or (found == 0 and offset == 0):
        return offset + found
    return None


def page_total(conn, q: Select, offset: int, limit: int, found: int) -> int:
    """How many rows ``q`` matches in all (``known_total``, else a count)."""
    total = known_total(offset, limit, found)
    if total is not None:
        return total
    return conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()


def statements(ledger: Ledger, f: StatementFilter = StatementFilter()) -> tuple[list[dict[str, Any]], int]:
    """(one page of statements, newest first; the exact total matching).

    ``search`` is a word search (see ``search.py``): every word of it begins a word of the text or speaker name.
    """
    with ledger.engine.connect() as conn:
        walk, total = False, None
        if _only_search(f):  # read from the full-text index alone: exact, and no statement row is touched
            search, wanted = Search.parse(f.search), f.limit + f.offset
            if conn.dialect.name == "sqlite":
                total, newest = search.count_and_newest(conn, wanted)
                if newest is not None:  # a common word: the page is among these matches
                    return _page_of_rowids(conn, newest, f.limit, f.offset), total
                walk = _walk_days(conn, total, wanted)
            else:
                total = search.count(conn)
        q = _filtered(conn, f, walk_days=walk)
        if q is None:
            return [], 0
        items = page_items(conn, q, newest_first, f.limit, f.offset)
        if total is None:
            total = page_total(conn, q, f.offset, f.limit, len(items))
        return items, total


def _page_of_rowids(conn, rowids: list[int], limit: int, offset: int) -> list[dict[str, Any]]:
    """SQLite: a page, newest first, of the statements with these rowids, passed as one JSON array (a bind
    parameter per rowid costs SQLAlchemy ~10 us each); as a list where SQLite was built without JSON."""
    rowid = literal_column("statements.rowid")

    def build() -> Select:
        listed = select(literal_column("value")).select_from(func.json_each(bindparam("rowids")))
        return page_select(_filtered(conn, StatementFilter()).where(rowid.in_(listed)), newest_first)

    try:
        return run_page(conn, prepared("rowids", build), limit, offset, {"rowids": f"[{','.join(map(str, rowids))}]"})
    except OperationalError:  # no json_each
        return page_items(conn, _filtered(conn, StatementFilter()).where(rowid.in_(rowids)), newest_first, limit,
                          offset)


def timeline(ledger: Ledger, name: str, about: str | None = "negotiations") -> list[dict[str, Any]]:
    """An actor's dated statements (on negotiations by default), oldest first, with conditions and articles."""
    with ledger.engine.connect() as conn:
        ids = one_actor(conn, name)
        q = _filtered(conn, StatementFilter(about=about))
        out = page_items(conn, q.where(S.c.actor_id.in_(ids)), oldest_first)
        copies = _copies(conn, {d["article"]["id"] for d in out})
        for d in out:
            d["article"]["copies"] = copies.get(d["article"]["id"], [])
        return out


def _copies(conn, article_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """article id -> its near-duplicate copies stored as extra sources ({id, source, outlet, published})."""
    if not article_ids:
        return {}
    # Through the small ``copies`` table, and sorted here: an index on the mostly-NULL articles.duplicate_of
    # is judged useless by SQLite's planner once ANALYZE has run (all NULLs count as one value), and an
    # ORDER BY on the copy's date lets it walk the whole published index (1M-statement bench: 27 ms -> 0.2 ms).
    orig, copy, link = A.alias("orig"), A.alias("copy"), schema.copies
    rows = conn.execute(select(orig.c.id.label("original"), copy.c.id, copy.c.source, copy.c.outlet, copy.c.published)
                        .join(link, link.c.original_uid == orig.c.uid).join(copy, copy.c.uid == link.c.copy_uid)
                        .where(orig.c.id.in_(article_ids))).all()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.published is not None, r.published or dt.date.min, r.id)):  # nulls first
        out[r.original].append({"id": r.id, "source": r.source, "outlet": r.outlet,
                                "published": r.published.isoformat() if r.published else None})
    return out


def sources(ledger: Ledger, article_id: str) -> list[dict[str, Any]]:
    """The near-duplicate copies of a stored article (syndications, re-scrapes): its extra sources."""
    with ledger.engine.connect() as conn:
        return _copies(conn, {article_id}).get(article_id, [])


def actors(ledger: Ledger, search: str | None = None, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """Actors with aliases, roles, affiliation and statement counts; most quoted first."""
    act = schema.actors
    with ledger.engine.connect() as conn:
        owner = func.coalesce(act.c.merged_into, act.c.id)
        counts = (select(owner.label("actor_id"), func.count().label("n")).select_from(S)
                  .join(act, act.c.id == S.c.actor_id).group_by(owner).subquery())
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
    """One actor: aliases, roles over time, affiliation, statement count (its merged parts included)."""
    with ledger.engine.connect() as conn:
        ids = one_actor(conn, name)
        act = schema.actors
        row = conn.execute(select(act).where(act.c.id.in_(ids)).order_by(act.c.merged_into.is_not(None))).mappings().first()
        root = row["merged_into"] or row["id"]
        row = conn.execute(select(act).where(act.c.id == root)).mappings().one()
        n = conn.execute(select(func.count()).select_from(S).where(S.c.actor_id.in_(ids))).scalar_one()
        return _actor_dict(conn, {**row, "statements": n}, extra_ids=ids)


def _actor_dict(conn, row: Any, extra_ids: Iterable[str] = (), own_only: bool = False) -> dict[str, Any]:
    """Aliases and roles of the actor and, unless ``own_only``, of the actors merged into it."""
    act = schema.actors
    ids = {row["id"], *extra_ids}
    if not own_only:
        ids |= set(conn.execute(select(act.c.id).where(act.c.merged_into == row["id"])).scalars())
    aliases = sorted(set(conn.execute(select(schema.aliases.c.alias).where(schema.aliases.c.actor_id.in_(ids))).scalars()))
    r = schema.actor_roles
    roles = [{"role": x.role, "from": x.first_seen.isoformat() if x.first_seen else None,
              "to": x.last_seen.isoformat() if x.last_seen else None}
             for x in conn.execute(select(r).where(r.c.actor_id.in_(ids)).order_by(r.c.first_seen.asc().nulls_first(), r.c.role))]
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
        by_uid = {d["uid"]: d for d in page_items(conn, base.where(S.c.uid.in_(uids)), newest_first)} if uids else {}
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
