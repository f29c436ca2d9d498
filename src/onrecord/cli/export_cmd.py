"""`onrecord export`: the ledger as JSONL, CSV or Parquet, streamed."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .common import DB, err_console, open_ledger
from .listing import fail, one_line_errors


class ExportFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class What(str, enum.Enum):
    articles = "articles"
    statements = "statements"
    events = "events"
    actors = "actors"


@app.command("export")
def export_command(
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                        help="jsonl (contract records), csv (dotted columns) or parquet (needs -o)."),
    what: What = typer.Option(What.articles, "--what", help="articles, statements, events or actors."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout for text)."),
    with_text: bool = typer.Option(False, "--with-text", help="Include each article's text (articles only)."),
    db: Optional[str] = DB,
) -> None:
    """Export articles (contract records), statements, events or actors, batch by batch."""
    from ..ledger.export import export

    if format is ExportFormat.parquet and output is None:
        fail("Parquet is binary: give an output file with -o FILE.parquet")
    if output is not None and output.is_dir():
        fail(f"{output} is a directory: give -o a file name")
    with one_line_errors():
        ledger = open_ledger(db)
        n = export(ledger, what.value, format.value, output if output is not None else sys.stdout, with_text)
    if output is not None:
        err_console.print(f"{n} {what.value} -> {output}")
