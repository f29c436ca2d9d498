"""`onrecord zones PATH...`: each article's zones."""

from __future__ import annotations

import json
from typing import List, Optional

import typer
from rich.table import Table

from . import app
from .common import FORMAT, META, OUTLET, PUBLISHED, STRICT, TITLE, Format, Inputs, make_options, table_console, write_line

FIRST_WORDS = 8


@app.command("zones")
def zones_command(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, or - for stdin."),
    format: Format = FORMAT,
    published: Optional[str] = PUBLISHED,
    outlet: Optional[str] = OUTLET,
    title: Optional[str] = TITLE,
    strict: bool = STRICT,
    meta: Optional[str] = META,
) -> None:
    """Print each article's zones: headline, byline, caption, body, boilerplate."""
    from ..zones import BoilerplateMemory, find_zones

    inputs = Inputs(paths, make_options(published, outlet, title, strict, rules_only=True), meta)
    articles = list(inputs.articles())
    memory = BoilerplateMemory.from_articles(articles)
    console = table_console()
    for article in articles:
        zones = find_zones(article, memory)
        if format is Format.jsonl:
            record = {**article.meta_dict(), "zones": [z.to_dict() for z in zones]}
            write_line(json.dumps(record, ensure_ascii=False))
            continue
        table = Table(title=f"{article.id}  ({article.source or 'stdin'})", title_justify="left")
        for col in ("kind", "start", "end", "first words"):
            table.add_column(col, no_wrap=col != "first words")
        for z in zones:
            words = " ".join(article.text[z.start : z.end].split()[:FIRST_WORDS])
            table.add_row(z.kind, str(z.start), str(z.end), words)
        console.print(table)
    raise typer.Exit(inputs.exit_code())
