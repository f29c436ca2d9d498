"""Flags and input handling shared by the commands."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import OnrecordError
from ..options import Options
from ..records import Article, Failure

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2024-08-19")


PUBLISHED = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; overrides what the reader found.")
OUTLET = typer.Option(None, "--outlet", help="Outlet name; overrides what the reader found.")
TITLE = typer.Option(None, "--title", help="Title; overrides what the reader found.")
STRICT = typer.Option(False, "--strict", help="Stop at the first input that fails instead of going on.")
RULES_ONLY = typer.Option(
    False, "--rules-only",
    help="The rules alone: no learned second reading of stance (stance/learned.py) or of contradictions "
         "(learned_pairs.py).",
)
FORMAT = typer.Option(Format.table, "--format", "-f", help="table (readable) or jsonl (the contract records).")
DB = typer.Option(
    None, "--db",
    help="Ledger: a SQLite file path or a SQLAlchemy URL (default: $ONRECORD_DB, else ./onrecord.db).",
)
META = typer.Option(
    None, "--meta",
    help="JSON file mapping article id -> {published, outlet, title, url}; overrides what the reader found.",
)


def make_options(published: Optional[str], outlet: Optional[str], title: Optional[str], strict: bool,
                 rules_only: bool = False) -> Options:
    if not rules_only:
        check_models()
    return Options(published=parse_date(published), outlet=outlet, title=title, strict=strict,
                   stance_model=not rules_only, pair_model=not rules_only)


def check_models() -> None:
    """Read the learned stance and pair models once before any article: a missing or broken file is one error
    line for the run (naming the file and the fix) and exit 1, not one failure per article."""
    from ..learned_pairs import load_pair_model
    from ..stance.learned import load_stance_model

    try:
        load_stance_model()
        load_pair_model()
    except OnrecordError as exc:
        err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False)
        raise typer.Exit(1)


def load_meta(path: Optional[str]) -> dict[str, dict]:
    """The --meta file: {"article id": {"published": "YYYY-MM-DD", "outlet": ..., "title": ..., "url": ...}}."""
    if path is None:
        return {}
    import json
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise typer.BadParameter(f"{path}: no such file")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise typer.BadParameter(f"{path}: not a JSON object of article id -> metadata ({exc})")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise typer.BadParameter(f"{path}: expected a JSON object mapping article id -> {{published, outlet, title}}")
    return data


def apply_meta(article: Article, meta: dict[str, dict], options: Options) -> Article:
    """Metadata precedence: CLI flags > the --meta file > what the reader found."""
    from ..errors import InputError
    from ..read.metadata import with_metadata

    keep = [key for key in ("published", "outlet", "title") if getattr(options, key) is not None]
    try:
        return with_metadata(article, meta.get(article.id), keep)
    except InputError as exc:
        raise typer.BadParameter(f"--meta: {exc}")


class Inputs:
    """Reads the paths; failures are printed as one line each on stderr and remembered for the exit code."""

    def __init__(self, paths: list[str], options: Options, meta_path: Optional[str] = None):
        self.paths = paths
        self.options = options
        self.meta = load_meta(meta_path)
        self.failures: list[Failure] = []

    def report(self, failure: Failure) -> None:
        self.failures.append(failure)
        err_console.print(f"[red]error[/red] {escape(failure.line())}", markup=True, highlight=False)
        if self.options.strict:
            raise typer.Exit(1)

    def articles(self) -> Iterator[Article]:
        from ..read import read_paths

        try:
            for item in read_paths(self.paths, self.options):
                if isinstance(item, Failure):
                    self.report(item)
                else:
                    yield apply_meta(item, self.meta, self.options)
        except OnrecordError as exc:
            err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False)
            raise typer.Exit(1)

    def exit_code(self) -> int:
        return 1 if self.failures else 0


def write_line(line: str) -> None:
    sys.stdout.write(line + "\n")


def open_ledger(db: Optional[str]):
    """Open the ledger or exit with one clear line."""
    from ..ledger import Ledger

    try:
        return Ledger.open(db)
    except OnrecordError as exc:
        err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False)
        raise typer.Exit(1)


# Tables printed to a pipe or file (no terminal to measure) are laid out this wide rather than Rich's 80.
PIPE_TABLE_WIDTH = 180


def table_console() -> Console:
    """A console for result tables: the terminal's width, or PIPE_TABLE_WIDTH when output is not a terminal."""
    probe = Console()
    return Console(highlight=False, width=None if probe.is_terminal else PIPE_TABLE_WIDTH)
