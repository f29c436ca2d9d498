"""Writing analyses into the ledger: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.exc import DBAPIError, OperationalError

from ..actors.names import strip_accents
from ..options import Options
from ..errors import LedgerError
from ..records import Analysis, Article, Failure, Statement
from . import schema
from .connect import make_engine, resolve_url
from .migrations import migrate

Outcome = Literal["inserted", "replaced", "unchanged"]
# Mentions that name nobody in particular are not kept as aliases of an actor.
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"}
# Actor ids live in VARCHAR(200) columns (schema.actors.id): PostgreSQL enforces the length (SQLite does not),
# so an id made from a longer name is cut, ending in this many hex digits of a hash of the whole id.
_MAX_ACTOR_ID = schema.actors.c.id.type.length
_ACTOR_ID_HASH = 16
# Rows ANALYZE reads per index on SQLite: the value SQLite's documentation suggests for PRAGMA optimize
# (https://sqlite.org/lang_analyze.html#approx); enough for the planner to tell a selective index from a poor one.
SQLITE_ANALYSIS_LIMIT = 400
# PostgreSQL text cannot hold U+0000 (its strings are NUL-terminated); SQLite stores it like any character.
_NUL = "\x00"


def fold(name: str) -> str:
    """Case- and accent-folded form of a name, for matching aliases (the stored alias key: keep it stable)."""
    return re.sub(r"\s+", " ", strip_accents(name)).strip().casefold()


def article_uid(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]


# The reading an analysis was made with, as the ledger records it in the content hash: the default (the rules
# revised by the learned models) adds nothing, so ledgers filled before the models keep their hashes.
RULES_ONLY_READING = "rules-only"


def reading_of(options: Options | None) -> str:
    """The reading of ``options`` for :func:`content_hash`: "" by default, "rules-only" without either learned
    model, "stance-rules-only" or "pair-rules-only" without one of them."""
    if options is None or (options.stance_model and options.pair_model):
        return ""
    if not options.stance_model and not options.pair_model:
        return RULES_ONLY_READING
    return "stance-rules-only" if not options.stance_model else "pair-rules-only"


def content_hash(article: Article, reading: str = "") -> str:
    """A hash of the text, the metadata and the stance reading (:func:`reading_of`): an article stored with
    another reading is not "unchanged" (``ingest --rules-only`` after a default run reads it again)."""
    fields = [article.text, article.title, article.outlet,
              article.published.isoformat() if article.published else None, article.source, article.url]
    if reading:
        fields.append(reading)
    payload = json.dumps(fields, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def actor_key(statement: Statement) -> str | None:
    """The ledger's actor id for a statement's speaker: the registry id, else one made from the name."""
    sp = statement.speaker
    if sp.actor_id:
        return sp.actor_id
    if sp.name:
        key = "name:" + re.sub(r"[^a-z0-9]+", "-", fold(sp.name)).strip("-")
        if len(key) > _MAX_ACTOR_ID:  # keep the start, readable, and a hash of the whole, unique
            digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:_ACTOR_ID_HASH]
            key = key[:_MAX_ACTOR_ID - _ACTOR_ID_HASH - 1] + "-" + digest
        return key
    return None


def is_alias(mention: str | None) -> bool:
    """A mention worth keeping as an alias: it names someone (capitalised word), not a pronoun or 'the aide'."""
    if not mention or fold(mention) in _PRONOUNS:
        return False
    words = mention.split()
    return len(words) <= 12 and any(w[:1].isupper() for w in words[1:] or words) and not mention.islower()


@dataclass
class Ledger:
    """A ledger on a SQLite file or any SQLAlchemy URL. Opening it applies pending migrations."""

    engine: Engine
    url: str
    # The near-duplicate index, loaded from the stored signatures when this ledger first stores an article.
    _duplicates: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def open(cls, db: str | None = None) -> "Ledger":
        engine = make_engine(db)
        try:
            with engine.begin() as conn:
                migrate(conn)
        except DBAPIError as exc:
            raise LedgerError(_explain(resolve_url(db), exc)) from None
        return cls(engine=engine, url=resolve_url(db))

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ------------------------------------------------------------------------------------
    def known(self) -> dict[str, str]:
        """article id -> content hash, for skipping unchanged articles before analysing them."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(schema.articles.c.id, schema.articles.c.content_hash)).all())

    def store(self, analysis: Analysis, reanalysed: bool = False, reading: str = "") -> Outcome:
        """Store one analysed article in one transaction; an edited article replaces its earlier version, and
        so does an unchanged one with ``reanalysed`` (a new analysis of the same text, after an upgrade) or one
        stored with another stance ``reading`` (:func:`reading_of` the options it was analysed with).

        After the rows: a near-copy of a stored article keeps only its article row and zones
        (``duplicate_of``); an original adds its paragraphs to the outlet profile, its MinHash signature,
        its cross-article contradictions, and the user's actor corrections are re-applied.
        """
        from . import actors as actor_fixes
        from . import dedup, profiles
        from .across import find_across

        problem = self.unstorable(analysis)
        if problem:
            raise LedgerError(problem)
        article = analysis.article
        chash = content_hash(article, reading)
        uid = article_uid(article.id)
        try:
            index = self._duplicate_index()
            sig = dedup.signature(article.text)
            with self.engine.begin() as conn:
                A = schema.articles
                old = conn.execute(select(A.c.content_hash, A.c.outlet, A.c.text, A.c.duplicate_of)
                                   .where(A.c.uid == uid)).first()
                if old is not None and old.content_hash == chash and not reanalysed:
                    return "unchanged"
                if old is not None:
                    if old.duplicate_of is None:
                        profiles.remove_article(conn, old.outlet, old.text)
                    _delete_article(conn, uid)
                original = index.original_of(sig, exclude=uid) if sig is not None else None
                actor_ids = _insert_article(conn, uid, chash, analysis, duplicate_of=original)
                if original is None:
                    if sig is not None:
                        dedup.save_signature(conn, uid, sig)
                    profiles.add_article(conn, article.outlet, article.text)
                    actor_fixes.reapply(conn, actor_ids)
                    _insert_ignore(conn, schema.contradictions, find_across(conn, uid, analysis))
        except DBAPIError as exc:
            raise LedgerError(_explain(self.url, exc)) from None
        index.remove(uid)  # the transaction is committed: the in-memory index follows it
        if original is None and sig is not None:
            index.add(uid, sig)
        return "replaced" if old is not None else "inserted"

    def unstorable(self, analysis: Analysis) -> str | None:
        """Why this database cannot store ``analysis`` as it is (``store`` would raise it), else None.

        PostgreSQL refuses the NUL character (U+0000) in text. onrecord never drops or replaces characters
        (every offset indexes the text as read), so such an article is refused whole, with where the NUL is.
        """
        if self.engine.dialect.name != "postgresql":
            return None
        found = _first_nul(analysis)
        if found is None:
            return None
        where, offset = found
        return (f"article {analysis.article.id!r}: its {where} holds a NUL character (U+0000) at offset {offset}, "
                "which PostgreSQL cannot store in text; nothing of this article was written. Remove NUL "
                "characters from the input (they are not text), or use a SQLite ledger, which keeps them")

    def _duplicate_index(self):
        if self._duplicates is None:
            from .dedup import DuplicateIndex

            with self.engine.connect() as conn:
                self._duplicates = DuplicateIndex.load(conn)
        return self._duplicates

    def record_failure(self, failure: Failure) -> None:
        if self.engine.dialect.name == "postgresql":  # a message, not an article: show a NUL, never drop it
            failure = Failure(*(v.replace(_NUL, "\\x00") if v else v
                                for v in (failure.source, failure.problem, failure.place)))
        try:
            with self.engine.begin() as conn:
                conn.execute(schema.failures.insert().values(
                    source=failure.source, place=failure.place, problem=failure.problem,
                    at=dt.datetime.now(dt.timezone.utc)))
        except DBAPIError as exc:
            raise LedgerError(_explain(self.url, exc)) from None

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.failures).order_by(schema.failures.c.id)).mappings().all()
        return [Failure(source=r["source"], place=r["place"], problem=r["problem"]) for r in rows]

    def optimize(self) -> None:
        """Refresh the planner's statistics (after an ingest or a bulk load), so that it picks the (actor_id, day)
        index for timelines and speaker filters. SQLite: ANALYZE sampling at most ``SQLITE_ANALYSIS_LIMIT`` rows
        an index (milliseconds even on millions of rows), then PRAGMA optimize; PostgreSQL: ANALYZE."""
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
                    conn.exec_driver_sql("ANALYZE")
                    conn.exec_driver_sql("PRAGMA optimize")
                elif conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("ANALYZE")
        except DBAPIError as exc:
            raise LedgerError(_explain(self.url, exc)) from None

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        out = {}
        with self.engine.connect() as conn:
            for table in (schema.articles, schema.statements, schema.events, schema.actors,
                          schema.contradictions, schema.failures):
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return out


def _explain(url: str, exc: DBAPIError) -> str:
    msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
    low = msg.lower()
    where = url.split("://", 1)[-1].lstrip("/") if url.startswith("sqlite") else url.split("@")[-1]
    if "file is not a database" in low or "file is encrypted" in low:
        return f"{where} is not a SQLite database: give --db a new file name or an onrecord ledger"
    if "readonly" in low or "read-only" in low:
        return f"{where} is read-only: make the file and its directory writable, or give --db another path"
    if "disk is full" in low or "database or disk is full" in low or "no space" in low:
        return f"{where}: the disk is full; nothing of this article was written. Free space and run again"
    if "unable to open" in low:
        return f"{where}: cannot open the database file: check the directory exists and is writable"
    if "password authentication failed" in low:
        return f"{where}: the server refused the user or password in the URL ({msg.splitlines()[0]})"
    if isinstance(exc, OperationalError) and "could not connect" in low or "connection refused" in low:
        return f"{where}: cannot connect to the database server: is it running? ({msg.splitlines()[0]})"
    return f"{where}: database error: {msg.splitlines()[0] if msg else type(exc).__name__}"


def _first_nul(analysis: Analysis) -> tuple[str, int] | None:
    """(which field, offset) of the first NUL character in what ``store`` writes, else None."""
    a = analysis.article
    fields: list[tuple[str, Any]] = [("id", a.id), ("text", a.text), ("title", a.title), ("outlet", a.outlet),
                                     ("source", a.source), ("url", a.url), ("language", a.language)]
    record = analysis.to_dict()
    fields += [(key, record[key]) for key in ("zones", "statements", "events", "contradictions", "warnings")]
    while fields:
        where, value = fields.pop(0)
        if isinstance(value, str) and _NUL in value:
            return where, value.index(_NUL)
        if isinstance(value, dict):
            fields[:0] = [(f"{where}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            fields[:0] = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    return None


def _delete_article(conn: Connection, uid: str) -> None:
    st_uids = select(schema.statements.c.uid).where(schema.statements.c.article_uid == uid)
    conn.execute(delete(schema.signatures).where(schema.signatures.c.article_uid == uid))
    conn.execute(delete(schema.copies).where(schema.copies.c.copy_uid == uid))
    conn.execute(delete(schema.conditions).where(schema.conditions.c.statement_uid.in_(st_uids)))
    conn.execute(delete(schema.contradictions).where(
        schema.contradictions.c.a.in_(st_uids) | schema.contradictions.c.b.in_(st_uids)))
    for table in (schema.statements, schema.events, schema.zones):
        conn.execute(delete(table).where(table.c.article_uid == uid))
    conn.execute(delete(schema.articles).where(schema.articles.c.uid == uid))


def _insert_ignore(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - other dialects: plain insert, row by row, duplicates ignored
        for row in rows:
            try:
                with conn.begin_nested():
                    conn.execute(table.insert().values(**row))
            except DBAPIError:
                pass
        return
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def _insert_article(conn: Connection, uid: str, chash: str, analysis: Analysis,
                    duplicate_of: str | None = None) -> set[str]:
    """Write the article's rows; returns the actor ids its statements name. A copy gets no statements."""
    a = analysis.article
    conn.execute(schema.articles.insert().values(
        uid=uid, id=a.id, content_hash=chash, source=a.source, url=a.url, title=a.title, outlet=a.outlet,
        published=a.published, language=a.language, text=a.text, warnings=json.dumps(list(analysis.warnings)),
        duplicate_of=duplicate_of, ingested_at=dt.datetime.now(dt.timezone.utc),
    ))
    if analysis.zones:
        conn.execute(schema.zones.insert(), [
            {"article_uid": uid, "idx": i, "kind": z.kind, "start": z.start, "end": z.end}
            for i, z in enumerate(analysis.zones)])
    if duplicate_of is not None:
        conn.execute(schema.copies.insert().values(original_uid=duplicate_of, copy_uid=uid))
        return set()
    from .actors import registry_aliases

    st_rows, cond_rows = [], []
    actors, alias_rows, role_rows = {}, [], []
    for seq, s in enumerate(analysis.statements):
        suid = f"{uid}#{s.id}"
        aid = actor_key(s)
        sp = s.speaker
        st_rows.append({
            "uid": suid, "article_uid": uid, "sid": s.id, "kind": s.kind, "text": s.text, "start": s.start,
            "end": s.end, "speaker_name": sp.name, "actor_id": aid, "mention": sp.mention,
            "mention_start": sp.start, "mention_end": sp.end, "role": sp.role, "affiliation": sp.affiliation,
            "cue": s.cue.text if s.cue else None, "cue_start": s.cue.start if s.cue else None,
            "cue_end": s.cue.end if s.cue else None, "day": s.said_on or a.published, "channel": s.channel.name if s.channel else None,
            "channel_start": s.channel.start if s.channel else None,
            "channel_end": s.channel.end if s.channel else None, "said_on": s.said_on, "date_text": s.date_text,
            "zone": s.zone, "about_negotiations": s.about_negotiations, "stance": s.stance,
            "counterpart": s.counterpart, "via": s.via, "seq": seq,
        })
        cond_rows += [{"statement_uid": suid, "idx": i, "text": c.text, "start": c.start, "end": c.end}
                      for i, c in enumerate(s.conditions)]
        if aid and sp.name:
            if aid not in actors and aid == sp.actor_id:  # a registry actor: its aliases and transliterations
                alias_rows += [{"actor_id": aid, "alias": x, "folded": fold(x)} for x in registry_aliases(aid)]
            actors.setdefault(aid, {"id": aid, "name": sp.name, "affiliation": sp.affiliation})
            for alias in {sp.name, sp.mention if is_alias(sp.mention) else None} - {None}:
                alias_rows.append({"actor_id": aid, "alias": alias, "folded": fold(alias)})
            if sp.role:
                when = s.said_on or a.published
                role_rows.append({"actor_id": aid, "role": sp.role, "first_seen": when, "last_seen": when})
    _insert_ignore(conn, schema.actors, list(actors.values()))
    _insert_ignore(conn, schema.aliases, alias_rows)
    _upsert_roles(conn, role_rows)
    if st_rows:
        conn.execute(schema.statements.insert(), st_rows)
    if cond_rows:
        conn.execute(schema.conditions.insert(), cond_rows)
    if analysis.events:
        conn.execute(schema.events.insert(), [{
            "uid": f"{uid}#{e.id}", "article_uid": uid, "eid": e.id, "record": json.dumps(e.to_dict(), ensure_ascii=False),
            "type": e.type, "cameo": e.cameo, "date": e.date,
            "source_actor_id": (e.source.actor_id if e.source else None), "target_name": e.target.name if e.target else None,
            "seq": seq,
        } for seq, e in enumerate(analysis.events)])
    if analysis.contradictions:
        _insert_ignore(conn, schema.contradictions, [
            {"a": f"{uid}#{c.a}", "b": f"{uid}#{c.b}", "kind": c.kind, "why": c.why, "across": False, "article_uid": uid}
            for c in analysis.contradictions])
    return set(actors)


def _upsert_roles(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Roles over time: widen first_seen/last_seen of an (actor, role) pair as new dates come in."""
    r = schema.actor_roles
    spans: dict[tuple[str, str], list] = {}
    for row in rows:  # one article names the same (actor, role) many times: one read and write per pair
        key = (row["actor_id"], row["role"])
        when = row["first_seen"]
        span = spans.setdefault(key, [when, when])
        if when is not None:
            span[0] = when if span[0] is None else min(span[0], when)
            span[1] = when if span[1] is None else max(span[1], when)
    for (actor_id, role), (first_new, last_new) in spans.items():
        cur = conn.execute(select(r.c.first_seen, r.c.last_seen).where(
            (r.c.actor_id == actor_id) & (r.c.role == role))).first()
        if cur is None:
            conn.execute(r.insert().values(actor_id=actor_id, role=role, first_seen=first_new, last_seen=last_new))
            continue
        first, last = cur
        if first_new is None:
            continue
        new_first = min(d for d in (first, first_new) if d is not None)
        new_last = max(d for d in (last, last_new) if d is not None)
        if (new_first, new_last) != (first, last):
            conn.execute(r.update().where((r.c.actor_id == actor_id) & (r.c.role == role))
                         .values(first_seen=new_first, last_seen=new_last))
