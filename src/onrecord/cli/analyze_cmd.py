"""`onrecord analyze PATH...`: the contract article records, or a readable table."""

from __future__ import annotations

import json
from typing import List, Optional

import typer
from rich.table import Table

from . import app
from .common import (FORMAT, META, OUTLET, PUBLISHED, RULES_ONLY, STRICT, TITLE, Format, Inputs, err_console,
                     make_options, table_console, write_line)

FIRST_WORDS = 14


@app.command("analyze")
def analyze_command(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."),
    format: Format = FORMAT,
    with_text: bool = typer.Option(False, "--with-text", help="Include the article text that offsets index (jsonl)."),
    published: Optional[str] = PUBLISHED,
    outlet: Optional[str] = OUTLET,
    title: Optional[str] = TITLE,
    strict: bool = STRICT,
    meta: Optional[str] = META,
    rules_only: bool = RULES_ONLY,
) -> None:
    """Find who said what: statements with speaker, cue, channel and date."""
    from ..errors import OnrecordError
    from ..pipeline import RunContext, analyze_article
    from ..records import Failure
    from ..zones import BoilerplateMemory

    options = make_options(published, outlet, title, strict, rules_only)
    inputs = Inputs(paths, options, meta)
    articles = list(inputs.articles())
    # what the run teaches every article: recurring boilerplate and the full names the articles give
    memory = RunContext.from_articles(articles, BoilerplateMemory.from_articles(articles))
    console = table_console()
    for article in articles:
        try:
            analysis = analyze_article(article, options, memory)
        except OnrecordError as exc:
            inputs.report(Failure(source=article.source or article.id, problem=str(exc)))
            continue
        if format is Format.jsonl:
            write_line(json.dumps(analysis.to_dict(with_text=with_text), ensure_ascii=False))
            continue
        table = Table(title=f"{article.id}  ({article.source or 'stdin'})", title_justify="left")
        for col in ("speaker", "kind", "cue", "channel", "date", "stance", "counterpart", "conditions", "first words"):
            table.add_column(col, overflow="fold")
        for s in analysis.statements:
            table.add_row(
                s.speaker.name or s.speaker.mention or "?",
                s.kind,
                s.cue.text if s.cue else "",
                s.channel.name if s.channel else "",
                s.said_on.isoformat() if s.said_on else (s.date_text or ""),
                s.stance or ("-" if not s.about_negotiations else "?"),
                s.counterpart or "",
                "; ".join(c.text for c in s.conditions),
                " ".join(s.text.split()[:FIRST_WORDS]),
            )
        console.print(table)
        for w in analysis.warnings:
            err_console.print(f"[yellow]warning[/yellow] {article.id}: {w}", markup=True)
    raise typer.Exit(inputs.exit_code())
