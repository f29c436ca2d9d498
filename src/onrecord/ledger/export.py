"""Exports: the ledger as JSONL, CSV or Parquet, streamed in batches (never a whole archive in memory).

What is exported (``--what``):

- ``articles``: the contract article record per article, rebuilt from the ledger (zones, statements, events,
  contradictions, warnings; ``text`` only when asked). Cross-article contradictions go with the article of
  their later statement (``b``), written ``ARTICLE_ID#STATEMENT_ID``; a near-duplicate copy carries
  ``duplicate_of`` (the original's id) and no statements of its own.
- ``statements``: the contract Statement plus ``day`` and an ``article`` block (id, source, title, outlet,
  published).
- ``events``: the contract Event plus the same ``article`` block.
- ``actors``: id, name, affiliation, merged_into, aliases, roles over time, statement count.

Every kind has one column layout (``SPECS``): JSONL writes the records as they are; CSV flattens nested
objects into dotted columns (``speaker.name``) and writes lists as JSON text, an empty cell for null; Parquet
(pyarrow) keeps the nesting as struct and list columns.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any, Iterator, Mapping

from sqlalchemy import and_, func, select

from ..errors import LedgerError
from ..records import SCHEMA
from . import schema
from .rows import article_meta, statement_dict
from .store import Ledger

# ``store.actor_key`` gives a speaker without a registry id this prefix plus a slug of the name.
NAME_ID_PREFIX = "name:"

A, S, E, Z, C, K = (schema.articles, schema.statements, schema.events, schema.zones, schema.contradictions,
                    schema.conditions)
WHATS = ("articles", "statements", "events", "actors")
FORMATS = ("jsonl", "csv", "parquet")
# Rows read per query. Articles carry their statements, so fewer of them per batch; both keep one batch
# well under the SQLite bound-parameter limit (32766) and memory at a few MB.
BATCH = {"articles": 200, "statements": 5000, "events": 5000, "actors": 2000}

# ---- column layouts: "str" | "int" | "bool" scalars, dicts for objects, one-element lists for lists
SPAN = {"text": "str", "start": "int", "end": "int"}
ARTICLE_REF = {"id": "str", "source": "str", "title": "str", "outlet": "str", "published": "str"}
STATEMENT = {
    "id": "str", "kind": "str", "text": "str", "start": "int", "end": "int",
    "speaker": {"name": "str", "actor_id": "str", "mention": "str", "start": "int", "end": "int", "role": "str",
                "affiliation": "str"},
    "cue": SPAN, "channel": {"name": "str", "start": "int", "end": "int"}, "said_on": "str", "date_text": "str",
    "zone": "str", "about_negotiations": "bool", "stance": "str", "counterpart": "str", "conditions": [SPAN],
    "via": "str",
}
EVENT_ACTOR = {"name": "str", "actor_id": "str", "affiliation": "str"}
EVENT = {
    "id": "str", "type": "str", "mode": "str", "cameo": "str", "source": EVENT_ACTOR, "target": EVENT_ACTOR,
    "date": "str", "location": "str", "negated": "bool", "hypothetical": "bool", "statement": "str",
    "text": "str", "start": "int", "end": "int",
}
CONTRADICTION = {"a": "str", "b": "str", "kind": "str", "why": "str"}


def article_spec(with_text: bool) -> dict[str, Any]:
    spec: dict[str, Any] = {"schema": "str", "id": "str", "source": "str", "title": "str", "outlet": "str",
                            "published": "str", "language": "str"}
    if with_text:
        spec["text"] = "str"
    spec.update({"zones": [{"kind": "str", "start": "int", "end": "int"}], "statements": [STATEMENT],
                 "events": [EVENT], "contradictions": [CONTRADICTION], "warnings": ["str"], "duplicate_of": "str"})
    return spec


SPECS: dict[str, dict[str, Any]] = {
    "statements": {**STATEMENT, "day": "str", "article": ARTICLE_REF},
    "events": {**EVENT, "article": ARTICLE_REF},
    "actors": {"id": "str", "name": "str", "affiliation": "str", "merged_into": "str", "aliases": ["str"],
               "roles": [{"role": "str", "from": "str", "to": "str"}], "statements": "int"},
}


def spec_for(what: str, with_text: bool = False) -> dict[str, Any]:
    if what not in WHATS:
        raise LedgerError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    return article_spec(with_text) if what == "articles" else SPECS[what]


# ---- reading the ledger in batches
def rows(ledger: Ledger, what: str, with_text: bool = False) -> Iterator[dict[str, Any]]:
    """The export records of one kind, batch by batch, in a stable order."""
    spec_for(what)
    reader = {"articles": lambda conn, after: _articles(conn, after, with_text), "statements": _statements,
              "events": _events, "actors": _actors}[what]
    after = ""
    with ledger.engine.connect() as conn:
        while True:
            batch, after = reader(conn, after)
            yield from batch
            if after is None:
                return


def _page(q, key, after: str, size: int):
    return q.where(key > after).order_by(key).limit(size)


def _last(items: list, size: int, key) -> str | None:
    return key(items[-1]) if len(items) == size else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _ref(m: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": m["a_id"], "source": m["a_source"], "title": m["a_title"], "outlet": m["a_outlet"],
            "published": _iso(m["a_published"])}


_REF_COLS = (A.c.id.label("a_id"), A.c.source.label("a_source"), A.c.title.label("a_title"),
             A.c.outlet.label("a_outlet"), A.c.published.label("a_published"))


def _conditions_of(conn, statement_uids) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in conn.execute(select(K).where(K.c.statement_uid.in_(statement_uids))).mappings():
        out.setdefault(c["statement_uid"], []).append(c)
    return out


def _statements(conn, after: str):
    size = BATCH["statements"]
    page = conn.execute(_page(select(S, *_REF_COLS).join(A, A.c.uid == S.c.article_uid), S.c.uid, after, size)
                        ).mappings().all()
    conds = _conditions_of(conn, [r["uid"] for r in page]) if page else {}
    out = []
    for r in page:
        d = statement_dict(r, conds.get(r["uid"], ()))
        d["day"] = _iso(r["day"])
        d["article"] = _ref(r)
        out.append(d)
    return out, _last(page, size, lambda r: r["uid"])


def _events(conn, after: str):
    size = BATCH["events"]
    page = conn.execute(_page(select(E.c.uid, E.c.record, *_REF_COLS).join(A, A.c.uid == E.c.article_uid),
                              E.c.uid, after, size)).mappings().all()
    out = [{**json.loads(r["record"]), "article": _ref(r)} for r in page]
    return out, _last(page, size, lambda r: r["uid"])


def _actors(conn, after: str):
    from .query import _actor_dict

    act = schema.actors
    size = BATCH["actors"]
    page = conn.execute(_page(select(act), act.c.id, after, size)).mappings().all()
    ids = [r["id"] for r in page]
    counts = dict(conn.execute(select(S.c.actor_id, func.count()).where(S.c.actor_id.in_(ids))
                               .group_by(S.c.actor_id)).all()) if ids else {}
    out = []
    for r in page:
        d = _actor_dict(conn, {**r, "statements": counts.get(r["id"], 0)}, own_only=True)
        out.append({"id": d["id"], "name": d["name"], "affiliation": d["affiliation"],
                    "merged_into": r["merged_into"], "aliases": d["aliases"], "roles": d["roles"],
                    "statements": d["statements"]})
    return out, _last(page, size, lambda r: r["id"])


def _articles(conn, after: str, with_text: bool):
    size = BATCH["articles"]
    page = conn.execute(_page(select(A), A.c.uid, after, size)).mappings().all()
    if not page:
        return [], None
    uids = [r["uid"] for r in page]
    zones: dict[str, list] = {}
    for z in conn.execute(select(Z).where(Z.c.article_uid.in_(uids)).order_by(Z.c.article_uid, Z.c.idx)).mappings():
        zones.setdefault(z["article_uid"], []).append({"kind": z["kind"], "start": z["start"], "end": z["end"]})
    st_uids = select(S.c.uid).where(S.c.article_uid.in_(uids))
    conds: dict[str, list] = {}
    for c in conn.execute(select(K).where(K.c.statement_uid.in_(st_uids))).mappings():
        conds.setdefault(c["statement_uid"], []).append(c)
    statements: dict[str, list] = {}
    for r in conn.execute(select(S).where(S.c.article_uid.in_(uids))
                          .order_by(S.c.article_uid, S.c.seq, S.c.start, S.c.sid)).mappings():
        statements.setdefault(r["article_uid"], []).append(_as_analysed(statement_dict(r, conds.get(r["uid"], ()))))
    events: dict[str, list] = {}
    for r in conn.execute(select(E.c.article_uid, E.c.record).where(E.c.article_uid.in_(uids))
                          .order_by(E.c.article_uid, E.c.seq, E.c.eid)).mappings():
        events.setdefault(r["article_uid"], []).append(json.loads(r["record"]))
    contradictions = _article_contradictions(conn, uids)
    originals = {}
    dup_uids = {r["duplicate_of"] for r in page if r["duplicate_of"]}
    if dup_uids:
        originals = dict(conn.execute(select(A.c.uid, A.c.id).where(A.c.uid.in_(dup_uids))).all())
    out = []
    for r in page:
        uid = r["uid"]
        rec: dict[str, Any] = {"schema": SCHEMA, **article_meta(r)}
        if with_text:
            rec["text"] = r["text"]
        rec["zones"] = zones.get(uid, [])
        rec["statements"] = statements.get(uid, [])
        rec["events"] = events.get(uid, [])
        rec["contradictions"] = contradictions.get(uid, [])
        rec["warnings"] = json.loads(r["warnings"] or "[]")
        if r["duplicate_of"]:
            rec["duplicate_of"] = originals.get(r["duplicate_of"], r["duplicate_of"])
        out.append(rec)
    return out, _last(page, size, lambda r: r["uid"])


def _as_analysed(statement: dict[str, Any]) -> dict[str, Any]:
    """The statement as the analysis gave it: a ledger-made actor id ("name:...") was null there."""
    if (statement["speaker"]["actor_id"] or "").startswith(NAME_ID_PREFIX):
        statement["speaker"]["actor_id"] = None
    return statement


def _article_contradictions(conn, uids: list[str]) -> dict[str, list]:
    """Within-article pairs (statement ids) in statement order, then cross-article ones whose ``b`` is here."""
    sa, sb = S.alias("sa"), S.alias("sb")
    aa, ab = A.alias("aa"), A.alias("ab")
    q = (select(C.c.a, C.c.b, C.c.kind, C.c.why, C.c.across, sb.c.article_uid.label("owner"),
                aa.c.id.label("a_article"), ab.c.id.label("b_article"), sa.c.sid.label("a_sid"),
                sb.c.sid.label("b_sid"))
         .join(sa, sa.c.uid == C.c.a).join(sb, sb.c.uid == C.c.b)
         .join(aa, aa.c.uid == sa.c.article_uid).join(ab, ab.c.uid == sb.c.article_uid)
         .where(and_(sb.c.article_uid.in_(uids)))
         .order_by(sb.c.article_uid, C.c.across, sa.c.seq, sb.c.seq, C.c.a, C.c.b))
    out: dict[str, list] = {}
    for r in conn.execute(q).mappings():
        if r["across"]:
            a, b = f"{r['a_article']}#{r['a_sid']}", f"{r['b_article']}#{r['b_sid']}"
        else:
            a, b = r["a_sid"], r["b_sid"]
        out.setdefault(r["owner"], []).append({"a": a, "b": b, "kind": r["kind"], "why": r["why"]})
    return out


# ---- writing
def columns(spec: Mapping[str, Any], prefix: str = "") -> list[str]:
    """CSV column names: nested objects as dotted names, lists as one column."""
    out = []
    for name, kind in spec.items():
        if isinstance(kind, dict):
            out += columns(kind, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def flatten(record: Mapping[str, Any] | None, spec: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV row: dotted columns; lists as JSON text; null as an empty cell; booleans as true/false."""
    out: dict[str, str] = {}
    for name, kind in spec.items():
        value = record.get(name) if record is not None else None
        if isinstance(kind, dict):
            out.update(flatten(value, kind, f"{prefix}{name}."))
        elif value is None:
            out[prefix + name] = ""
        elif isinstance(kind, list):
            out[prefix + name] = json.dumps(value, ensure_ascii=False)
        elif kind == "bool":
            out[prefix + name] = "true" if value else "false"
        else:
            out[prefix + name] = str(value)
    return out


# Characters that some line readers (str.splitlines, JavaScript) take for line breaks: escaped in JSONL so
# that one record stays one line for every reader. JSON allows them only inside strings, so this is exact.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record: Mapping[str, Any]) -> str:
    """One JSONL line: UTF-8 text as is, except the characters some readers split lines on."""
    line = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


def write_jsonl(records: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for n, rec in enumerate(records, 1):
        fh.write(json_line(rec) + "\n")
    return n


def csv_writer(fh: IO[str], spec: Mapping[str, Any]) -> csv.DictWriter:
    """RFC 4180 rows (CRLF ends a row; a field holding CR, LF, a comma or a quote is quoted)."""
    return csv.DictWriter(fh, fieldnames=columns(spec))


def write_csv(records: Iterator[dict[str, Any]], fh: IO[str], spec: Mapping[str, Any]) -> int:
    writer = csv_writer(fh, spec)
    writer.writeheader()
    n = 0
    for n, rec in enumerate(records, 1):
        writer.writerow(flatten(rec, spec))
    return n


def arrow_schema(spec: Mapping[str, Any]):
    import pyarrow as pa

    def typ(kind):
        if isinstance(kind, dict):
            return pa.struct([pa.field(k, typ(v)) for k, v in kind.items()])
        if isinstance(kind, list):
            return pa.list_(typ(kind[0]))
        return {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}[kind]

    return pa.schema([pa.field(k, typ(v)) for k, v in spec.items()])


def write_parquet(records: Iterator[dict[str, Any]], path: Path, spec: Mapping[str, Any], batch: int) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise LedgerError("Parquet export needs pyarrow: pip install 'onrecord[parquet]'") from None
    schema_ = arrow_schema(spec)
    n, chunk = 0, []
    with pq.ParquetWriter(str(path), schema_) as writer:
        for rec in records:
            chunk.append(rec)
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema_))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema_))
            n += len(chunk)
    return n


def export(ledger: Ledger, what: str, fmt: str, out: IO[str] | Path, with_text: bool = False) -> int:
    """Write every record of ``what`` in ``fmt`` to a text stream (jsonl, csv) or a file path; returns the count."""
    spec = spec_for(what, with_text)
    if fmt not in FORMATS:
        raise LedgerError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    records = rows(ledger, what, with_text)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise LedgerError("Parquet is binary: give an output file with -o FILE.parquet")
        return write_parquet(records, out, spec, BATCH[what])
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return write_jsonl(records, fh) if fmt == "jsonl" else write_csv(records, fh, spec)
    return write_jsonl(records, out) if fmt == "jsonl" else write_csv(records, out, spec)
