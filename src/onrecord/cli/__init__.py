"""The command line: a thin shell over the library. Each command lives in a module of its own."""

from __future__ import annotations

import typer

from .. import __version__

app = typer.Typer(
    name="onrecord",
    help="Officials' statements on war and peace, from raw news articles into a ledger you can query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Officials' statements on war and peace, from raw news articles into a ledger you can query."""


from . import (  # noqa: E402,F401  (registers the commands)
    actors_cmd, analyze_cmd, contradictions_cmd, evaluate_cmd, export_cmd, failures_cmd, ingest_cmd, serve_cmd,
    statements_cmd, timeline_cmd, zones_cmd,
)


def main() -> None:
    app()
