"""`onrecord contradictions`: stored pairs of conflicting statements, within and across articles."""

from __future__ import annotations

from typing import Optional

import typer

from . import app
from .common import DB, open_ledger
from .listing import LIST_FORMAT, ListFormat, emit, one_line_errors, short


def _side(rec, i: int) -> str:
    st = rec["statements"][i]
    who = st["speaker"]["name"] or st["speaker"]["mention"] or "?"
    return f"{rec['ab'[i]]}  {who} ({st.get('day') or '?'}, {st.get('stance')}): {short(st['text'], 90)}"


CONTRADICTION_COLUMNS = (
    ("kind", lambda r: r["kind"] + (" (across)" if r["across"] else "")),
    ("a", lambda r: _side(r, 0)),
    ("b", lambda r: _side(r, 1)),
    ("why", lambda r: r["why"]),
)


@app.command("contradictions")
def contradictions_command(
    across: bool = typer.Option(False, "--across", help="Only pairs from two different articles."),
    limit: int = typer.Option(100, "--limit", "-n", min=1, help="Pairs shown."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (for the next page)."),
    db: Optional[str] = DB,
    format: ListFormat = LIST_FORMAT,
) -> None:
    """Conflicting statements (contradiction, shift, clash), each with its two statements and why."""
    from ..ledger import query
    from ..ledger.export import CONTRADICTION, SPECS

    spec = {**CONTRADICTION, "across": "bool", "statements": [SPECS["statements"]]}
    with one_line_errors():
        ledger = open_ledger(db)
        found, total = query.contradictions(ledger, across=True if across else None, limit=limit, offset=offset)
    emit(found, format, spec, CONTRADICTION_COLUMNS, f"{len(found)} of {total} conflicting pairs")
