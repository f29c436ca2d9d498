"""`onrecord ingest PATH...`: read, analyse and store articles in the ledger."""

from __future__ import annotations

import time
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import app
from .common import DB, META, OUTLET, PUBLISHED, STRICT, TITLE, Inputs, err_console, make_options, open_ledger


@app.command("ingest")
def ingest_command(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."),
    db: Optional[str] = DB,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the model once)."),
    published: Optional[str] = PUBLISHED,
    outlet: Optional[str] = OUTLET,
    title: Optional[str] = TITLE,
    strict: bool = STRICT,
    meta: Optional[str] = META,
) -> None:
    """Analyse articles and store them in the ledger; unchanged articles are skipped, edited ones replaced."""
    from ..batch import analyze_stream
    from ..records import Failure
    from ..zones import BoilerplateMemory

    options = make_options(published, outlet, title, strict)
    ledger = open_ledger(db)
    inputs = Inputs(paths, options, meta)
    articles = list(inputs.articles())
    for failure in inputs.failures:
        ledger.record_failure(failure)
    known = ledger.known()
    from ..ledger import content_hash

    todo = [a for a in articles if known.get(a.id) != content_hash(a)]
    skipped = len(articles) - len(todo)
    memory = BoilerplateMemory.from_articles(articles)
    counts = {"inserted": 0, "replaced": 0, "unchanged": skipped, "failed": 0}
    started = time.perf_counter()
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), console=err_console, transient=False) as progress:
        task = progress.add_task("ingest", total=len(todo), rate="")
        for done, result in enumerate(analyze_stream(todo, options, memory, workers), start=1):
            if isinstance(result, Failure):
                counts["failed"] += 1
                ledger.record_failure(result)
                inputs.report(result)
            else:
                counts[ledger.store(result)] += 1
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")
    err_console.print(
        f"{counts['inserted']} new, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
        f"{len(inputs.failures)} failed -> {ledger.url}")
    raise typer.Exit(inputs.exit_code())
