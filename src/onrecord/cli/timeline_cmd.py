"""`onrecord timeline NAME`: one actor's dated positions, oldest first, with conditions and articles."""

from __future__ import annotations

from typing import Optional

import typer

from . import app
from .common import DB, open_ledger
from .listing import LIST_FORMAT, ListFormat, emit, one_line_errors, short


def _article(rec) -> str:
    art = rec["article"]
    line = f"{art['id']}" + (f" ({art['source']})" if art.get("source") and art["source"] != art["id"] else "")
    copies = art.get("copies") or []
    return line + (f" +{len(copies)} copies" if copies else "")


TIMELINE_COLUMNS = (
    ("day", lambda r: r.get("day") or ""),
    ("stance", lambda r: r.get("stance") or ""),
    ("statement", lambda r: short(r["text"])),
    ("conditions", lambda r: "; ".join(c["text"] for c in r["conditions"])),
    ("article", _article),
)


@app.command("timeline")
def timeline_command(
    name: str = typer.Argument(..., help="Actor name, alias or id: \"Shoigu\", \"Sergei Shoigu\"."),
    all_topics: bool = typer.Option(False, "--all", help="Every statement, not only those on negotiations."),
    db: Optional[str] = DB,
    format: ListFormat = LIST_FORMAT,
) -> None:
    """An actor's dated statements on negotiations, oldest first: stance, conditions, article and its copies."""
    from ..ledger import query
    from ..ledger.export import SPECS

    with one_line_errors():
        ledger = open_ledger(db)
        found = query.timeline(ledger, name, about=None if all_topics else "negotiations")
    emit(found, format, SPECS["statements"], TIMELINE_COLUMNS, f"{name}: {len(found)} statements")
