"""What the ledger's listing commands share: --format table|jsonl|csv, dates, one-line errors."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Mapping, NoReturn, Optional, Sequence

import typer
from rich.console import Console
from rich.table import Table

from ..errors import OnrecordError
from .common import err_console

# Characters of a statement shown in a table cell; the full text is in jsonl/csv.
TABLE_TEXT_CHARS = 160


class ListFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


LIST_FORMAT = typer.Option(ListFormat.table, "--format", "-f",
                           help="table (readable), jsonl (one JSON record a line) or csv (dotted columns).")


def fail(message: str) -> NoReturn:
    """One line on stderr, exit status 1."""
    err_console.print(f"[red]error[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(1)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """A library error becomes one line on stderr and exit status 1."""
    try:
        yield
    except OnrecordError as exc:
        fail(str(exc))


def parse_day(value: Optional[str], flag: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-08-19")


def short(text: str | None, limit: int = TABLE_TEXT_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def emit(records: Sequence[Mapping[str, Any]], fmt: ListFormat, spec: Mapping[str, Any],
         table_columns: Sequence[tuple[str, Callable[[Mapping[str, Any]], str]]], title: str,
         drop: Iterable[str] = ("uid",)) -> None:
    """Print records as a Rich table, JSON lines, or CSV with the export's dotted columns."""
    from ..ledger.export import csv_writer, flatten, json_line

    hidden = set(drop)
    if fmt is ListFormat.jsonl:
        for rec in records:
            sys.stdout.write(json_line({k: v for k, v in rec.items() if k not in hidden}) + "\n")
        return
    if fmt is ListFormat.csv:
        writer = csv_writer(sys.stdout, spec)
        writer.writeheader()
        for rec in records:
            writer.writerow(flatten(rec, spec))
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for header, _ in table_columns:
        table.add_column(header, overflow="fold")
    for rec in records:
        table.add_row(*(get(rec) or "" for _, get in table_columns))
    Console(highlight=False).print(table)


def article_ref(rec: Mapping[str, Any]) -> str:
    art = rec.get("article") or {}
    where = art.get("source") or art.get("outlet") or ""
    return f"{art.get('id')}" + (f" ({where})" if where and where != art.get("id") else "")
