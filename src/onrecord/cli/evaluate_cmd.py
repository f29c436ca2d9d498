"""`onrecord evaluate`: score onrecord against gold files or a PolNeAR JSONL file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import OnrecordError
from . import app
from .common import META, RULES_ONLY, err_console, load_meta, make_options, write_line


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(title: str, scores) -> Table:
    from ..evaluate.scores import ACCURACY_KEYS

    table = Table(title=title, title_justify="left")
    for col in ("figure", "value", "n"):
        table.add_column(col, justify="left" if col == "figure" else "right")
    table.add_row("articles", str(scores.articles), "")
    table.add_row("statements tp / fp / fn", f"{scores.tp} / {scores.fp} / {scores.fn}", "")
    table.add_row("optional gold matched", str(scores.optional_matched), "")
    if scores.gold_skipped:
        table.add_row("gold skipped (no span)", str(scores.gold_skipped), "")
    table.add_row("precision", _fmt(scores.precision), str(scores.tp + scores.fp))
    table.add_row("recall", _fmt(scores.recall), str(scores.tp + scores.fn))
    table.add_row("F1", _fmt(scores.f1), "")
    for name, (key, _) in ACCURACY_KEYS.items():
        acc = getattr(scores, name)
        table.add_row(key.replace("_", " "), _fmt(acc.value), str(acc.total))
    if scores.seconds is not None:
        table.add_row("analysis seconds", f"{scores.seconds:.1f}", "")
    return table


def _article_table(scores) -> Table:
    table = Table(title="per article", title_justify="left")
    for col in ("article", "tp", "fp", "fn", "F1", "speaker", "stance"):
        table.add_column(col, justify="left" if col == "article" else "right")
    for item in scores.by_article:
        s = item.scores
        table.add_row(item.id, str(s.tp), str(s.fp), str(s.fn), _fmt(s.f1), _fmt(s.speaker_accuracy),
                      _fmt(s.stance_accuracy))
    return table


@app.command("evaluate")
def evaluate_command(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Directory of gold files NAME.json (contract.md format)."),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Directory of the articles NAME.txt the gold annotates."),
    polnear: Optional[Path] = typer.Option(None, "--polnear", help="A PolNeAR JSONL file (e.g. polnear_dev.jsonl)."),
    speech_only: bool = typer.Option(False, "--speech-only", help="PolNeAR: score only gold whose cue is a speech verb or 'according to'."),
    quoted_only: bool = typer.Option(False, "--quoted-only", help="PolNeAR: score only gold whose content has quotation marks."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="PolNeAR: only the first N articles."),
    verbs: Optional[Path] = typer.Option(None, "--verbs", help="Speech-verb list for --speech-only; default: ../ggt_quote_verb_list.txt beside the PolNeAR file's folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object instead of tables."),
    meta: Optional[str] = META,
    rules_only: bool = RULES_ONLY,
) -> None:
    """Score onrecord's statements against gold: --gold DIR --articles DIR, or --polnear FILE."""
    from ..evaluate import evaluate_polnear_file, score_gold

    if polnear is not None and (gold is not None or articles is not None):
        _fail("give either --polnear FILE or --gold DIR --articles DIR, not both")
    if polnear is None and (gold is None or articles is None):
        _fail("give --gold DIR and --articles DIR (gold files and their articles), or --polnear FILE")
    if polnear is None and (speech_only or quoted_only or limit is not None or verbs is not None):
        _fail("--speech-only, --quoted-only, --limit and --verbs apply to --polnear only")
    if polnear is not None and meta is not None:
        _fail("--meta applies to --gold DIR --articles DIR only")
    try:
        if polnear is not None:
            scores = evaluate_polnear_file(polnear, speech_only=speech_only, quoted_only=quoted_only, limit=limit,
                                           verbs_path=verbs)
            filters = [name for name, on in (("speech-only", speech_only), ("quoted-only", quoted_only)) if on]
            title = f"PolNeAR {polnear.name}" + (f" ({', '.join(filters)})" if filters else " (all attributions)")
        else:
            options = make_options(None, None, None, False, rules_only)  # loads the models first
            scores = score_gold(articles, gold, load_meta(meta), options)
            title = f"gold {gold} on articles {articles}"
    except OnrecordError as exc:
        _fail(str(exc))
    if as_json:
        write_line(json.dumps(scores.to_dict(), ensure_ascii=False))
        return
    console = Console(highlight=False)
    console.print(_table(title, scores))
    if polnear is None:
        console.print(_article_table(scores))


def _fail(message: str) -> None:
    err_console.print(f"[red]error[/red] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(1)
