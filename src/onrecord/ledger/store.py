"""Writing analyses into the ledger: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Literal

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import LedgerError
from ..records import Analysis, Article, Failure, Statement
from . import schema
from .connect import make_engine, resolve_url
from .migrations import migrate

Outcome = Literal["inserted", "replaced", "unchanged"]
# Mentions that name nobody in particular are not kept as aliases of an actor.
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"}


def fold(name: str) -> str:
    """Case- and accent-folded form of a name, for matching aliases."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().casefold()


def article_uid(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def content_hash(article: Article) -> str:
    payload = json.dumps(
        [article.text, article.title, article.outlet,
         article.published.isoformat() if article.published else None, article.source, article.url],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def actor_key(statement: Statement) -> str | None:
    """The ledger's actor id for a statement's speaker: the registry id, else one made from the name."""
    sp = statement.speaker
    if sp.actor_id:
        return sp.actor_id
    if sp.name:
        return "name:" + re.sub(r"[^a-z0-9]+", "-", fold(sp.name)).strip("-")
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

    def store(self, analysis: Analysis) -> Outcome:
        """Store one analysed article in one transaction; an edited article replaces its earlier version."""
        article = analysis.article
        chash = content_hash(article)
        uid = article_uid(article.id)
        try:
            with self.engine.begin() as conn:
                old = conn.execute(
                    select(schema.articles.c.content_hash).where(schema.articles.c.uid == uid)
                ).scalar_one_or_none()
                if old == chash:
                    return "unchanged"
                if old is not None:
                    _delete_article(conn, uid)
                _insert_article(conn, uid, chash, analysis)
                return "replaced" if old is not None else "inserted"
        except DBAPIError as exc:
            raise LedgerError(_explain(self.url, exc)) from None

    def record_failure(self, failure: Failure) -> None:
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
    if isinstance(exc, OperationalError) and "could not connect" in low or "connection refused" in low:
        return f"{where}: cannot connect to the database server: is it running? ({msg.splitlines()[0]})"
    return f"{where}: database error: {msg.splitlines()[0] if msg else type(exc).__name__}"


def _delete_article(conn: Connection, uid: str) -> None:
    st_uids = select(schema.statements.c.uid).where(schema.statements.c.article_uid == uid)
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


def _insert_article(conn: Connection, uid: str, chash: str, analysis: Analysis) -> None:
    a = analysis.article
    conn.execute(schema.articles.insert().values(
        uid=uid, id=a.id, content_hash=chash, source=a.source, url=a.url, title=a.title, outlet=a.outlet,
        published=a.published, language=a.language, text=a.text, warnings=json.dumps(list(analysis.warnings)),
        ingested_at=dt.datetime.now(dt.timezone.utc),
    ))
    if analysis.zones:
        conn.execute(schema.zones.insert(), [
            {"article_uid": uid, "idx": i, "kind": z.kind, "start": z.start, "end": z.end}
            for i, z in enumerate(analysis.zones)])
    st_rows, cond_rows = [], []
    actors, alias_rows, role_rows = {}, [], []
    for s in analysis.statements:
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
            "counterpart": s.counterpart, "via": s.via,
        })
        cond_rows += [{"statement_uid": suid, "idx": i, "text": c.text, "start": c.start, "end": c.end}
                      for i, c in enumerate(s.conditions)]
        if aid and sp.name:
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
        } for e in analysis.events])
    if analysis.contradictions:
        _insert_ignore(conn, schema.contradictions, [
            {"a": f"{uid}#{c.a}", "b": f"{uid}#{c.b}", "kind": c.kind, "why": c.why, "across": False, "article_uid": uid}
            for c in analysis.contradictions])


def _upsert_roles(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Roles over time: widen first_seen/last_seen of an (actor, role) pair as new dates come in."""
    r = schema.actor_roles
    for row in rows:
        cur = conn.execute(select(r.c.first_seen, r.c.last_seen).where(
            (r.c.actor_id == row["actor_id"]) & (r.c.role == row["role"]))).first()
        if cur is None:
            conn.execute(r.insert().values(**row))
            continue
        first, last = cur
        when = row["first_seen"]
        if when is None:
            continue
        new_first = min(d for d in (first, when) if d is not None)
        new_last = max(d for d in (last, when) if d is not None)
        if (new_first, new_last) != (first, last):
            conn.execute(r.update().where((r.c.actor_id == row["actor_id"]) & (r.c.role == row["role"]))
                         .values(first_seen=new_first, last_seen=new_last))
