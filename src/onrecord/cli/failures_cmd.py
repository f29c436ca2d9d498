"""`onrecord failures`: the inputs that could not be read or analysed, with their reasons."""

from __future__ import annotations

import json
from typing import Optional

from rich.console import Console
from rich.table import Table

from . import app
from .common import DB, FORMAT, Format, open_ledger, write_line


@app.command("failures")
def failures_command(db: Optional[str] = DB, format: Format = FORMAT) -> None:
    """List the inputs that failed in earlier runs, with file, place and problem."""
    ledger = open_ledger(db)
    failures = ledger.failures()
    if format is Format.jsonl:
        for f in failures:
            write_line(json.dumps(f.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"{len(failures)} failures in {ledger.url}", title_justify="left")
    for col in ("source", "place", "problem"):
        table.add_column(col)
    for f in failures:
        table.add_row(f.source, f.place or "", f.problem)
    Console(highlight=False).print(table)
