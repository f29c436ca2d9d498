"""`onrecord statements`: stored statements, filtered, newest first."""

from __future__ import annotations

from typing import Optional

import typer

from . import app
from .common import DB, open_ledger
from .listing import LIST_FORMAT, ListFormat, article_ref, emit, one_line_errors, parse_day, short

STATEMENT_COLUMNS = (
    ("day", lambda r: r.get("day") or ""),
    ("speaker", lambda r: r["speaker"]["name"] or r["speaker"]["mention"] or ""),
    ("stance", lambda r: r.get("stance") or ""),
    ("statement", lambda r: short(r["text"])),
    ("article", article_ref),
)


@app.command("statements")
def statements_command(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Actor name, alias or id (merges followed)."),
    about: Optional[str] = typer.Option(None, "--about", help="Only statements on this topic: negotiations."),
    stance: Optional[str] = typer.Option(None, "--stance", help="reject, conditional, open or neutral."),
    since: Optional[str] = typer.Option(None, "--since", help="From this day on (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this day (YYYY-MM-DD)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only articles of this outlet (case ignored)."),
    search: Optional[str] = typer.Option(None, "--search", help="Words in the statement or the speaker's name."),
    limit: int = typer.Option(50, "--limit", "-n", help="Statements shown (1-1000)."),
    offset: int = typer.Option(0, "--offset", help="Skip this many (for the next page)."),
    db: Optional[str] = DB,
    format: ListFormat = LIST_FORMAT,
) -> None:
    """List stored statements, newest first, filtered by speaker, topic, stance, days, outlet or words."""
    from ..errors import LedgerError
    from ..ledger import query
    from ..ledger.export import SPECS

    with one_line_errors():
        f = query.StatementFilter(speaker=speaker, about=about, stance=stance, since=parse_day(since, "--since"),
                                  until=parse_day(until, "--until"), outlet=outlet, search=search, limit=limit,
                                  offset=offset)
        ledger = open_ledger(db)
        if speaker:
            with ledger.engine.connect() as conn:
                if not query.actor_ids_for(conn, speaker):
                    raise LedgerError(f"no actor named {speaker!r} in the ledger: "
                                            "`onrecord actors --search` lists them")
        found, total = query.statements(ledger, f)
    emit(found, format, SPECS["statements"], STATEMENT_COLUMNS, f"{len(found)} of {total} statements")
