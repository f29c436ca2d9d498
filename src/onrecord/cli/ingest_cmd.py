"""`onrecord ingest PATH...`: read, analyse and store articles in the ledger."""

from __future__ import annotations

import time
from typing import Iterator, List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import OptionsError
from . import app
from .common import (DB, META, OUTLET, PUBLISHED, RULES_ONLY, STRICT, TITLE, Inputs, err_console, make_options,
                     open_ledger)


@app.command("ingest")
def ingest_command(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."),
    db: Optional[str] = DB,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the model once)."),
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS|local",
        help="Analyse on a Dask cluster: 'local' starts one here (--workers processes, at least 2), else a "
             "scheduler address such as tcp://10.0.0.5:8786. Articles are still stored from this process."),
    published: Optional[str] = PUBLISHED,
    outlet: Optional[str] = OUTLET,
    title: Optional[str] = TITLE,
    strict: bool = STRICT,
    meta: Optional[str] = META,
    rules_only: bool = RULES_ONLY,
    reanalyse: bool = typer.Option(
        False, "--reanalyse",
        help="Analyse unchanged articles again and replace their stored analysis (after upgrading onrecord)."),
) -> None:
    """Analyse articles and store them in the ledger; unchanged articles are skipped, edited ones replaced."""
    from ..records import Failure
    from ..ledger.profiles import run_memory
    from ..pipeline import RunContext

    options = make_options(published, outlet, title, strict, rules_only)
    if dask:
        _check_dask(dask)
    ledger = open_ledger(db)
    inputs = Inputs(paths, options, meta)
    articles = list(inputs.articles())
    for failure in inputs.failures:
        ledger.record_failure(failure)
    known = ledger.known()
    from ..ledger import content_hash
    from ..ledger.store import reading_of

    reading = reading_of(options)
    todo = articles if reanalyse else [a for a in articles if known.get(a.id) != content_hash(a, reading)]
    skipped = len(articles) - len(todo)
    # boilerplate memory: the outlets' stored profiles plus this run's articles, each article counted once
    with ledger.engine.connect() as conn:
        memory = run_memory(conn, articles)
    # full names given anywhere in this run (unchanged articles included) complete surnames elsewhere
    memory = RunContext.from_articles(articles, memory)
    counts = {"inserted": 0, "replaced": 0, "unchanged": skipped, "failed": 0}
    started = time.perf_counter()
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), console=err_console, transient=False) as progress:
        task = progress.add_task("ingest", total=len(todo), rate="")
        for done, result in enumerate(_analyses(todo, options, memory, workers, dask), start=1):
            problem = None if isinstance(result, Failure) else ledger.unstorable(result)
            if problem:  # e.g. a NUL character for PostgreSQL: recorded like any failure, the run goes on
                result = Failure(source=result.article.source or result.article.id, problem=problem)
            if isinstance(result, Failure):
                counts["failed"] += 1
                ledger.record_failure(result)
                inputs.report(result)
            else:
                counts[ledger.store(result, reanalysed=reanalyse, reading=reading)] += 1
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")
    if counts["inserted"] or counts["replaced"]:
        ledger.optimize()  # fresh planner statistics: timelines keep taking the (actor_id, day) index
    err_console.print(
        f"{counts['inserted']} new, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
        f"{len(inputs.failures)} failed -> {ledger.url}")
    raise typer.Exit(inputs.exit_code())


def _check_dask(address: str) -> None:
    from ..batch import check_dask_address

    try:
        check_dask_address(address)
    except OptionsError as exc:
        err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False)
        raise typer.Exit(1)


def _analyses(todo, options, memory, workers: int, dask: Optional[str]) -> Iterator:
    """Analyses in input order: on Dask with --dask, else in ``workers`` processes."""
    from ..batch import LOCAL_DASK_WORKERS, analyze_stream

    if not dask:
        return analyze_stream(todo, options, memory, workers)
    return _on_dask(todo, options, memory, dask, max(workers, LOCAL_DASK_WORKERS))


def _on_dask(todo, options, memory, address: str, workers: int) -> Iterator:
    from ..batch import analyze_dask

    try:
        yield from analyze_dask(todo, options, memory, address, workers=workers)
    except OptionsError as exc:  # the scheduler cannot be reached: one line, exit 1
        err_console.print(f"[red]error[/red] {escape(str(exc))}", markup=True, highlight=False)
        raise typer.Exit(1)
