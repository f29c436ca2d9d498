"""`onrecord actors` (list, merge, split) and `onrecord actor NAME`: who is in the ledger."""

from __future__ import annotations

from typing import Optional

import typer

from . import app
from .common import DB, err_console, open_ledger
from .listing import LIST_FORMAT, ListFormat, emit, one_line_errors


def _roles(rec) -> str:
    return "; ".join(f"{r['role']} ({r['from'] or '?'}..{r['to'] or '?'})" for r in rec["roles"])


ACTOR_COLUMNS = (
    ("id", lambda r: r["id"]),
    ("name", lambda r: r["name"]),
    ("affiliation", lambda r: r.get("affiliation") or ""),
    ("statements", lambda r: str(r["statements"])),
    ("aliases", lambda r: "; ".join(a for a in r["aliases"] if a != r["name"])),
    ("roles", _roles),
)

actors_app = typer.Typer(help="Actors in the ledger; `merge` and `split` correct who is whom.",
                         invoke_without_command=True, no_args_is_help=False)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors_command(
    ctx: typer.Context,
    search: Optional[str] = typer.Option(None, "--search", help="Name, alias, transliteration or part of one."),
    limit: int = typer.Option(100, "--limit", "-n", min=1, help="Actors shown."),
    db: Optional[str] = DB,
    format: ListFormat = LIST_FORMAT,
) -> None:
    """List actors, most quoted first, with aliases, roles over time and statement counts."""
    if ctx.invoked_subcommand:
        return
    from ..ledger import query
    from ..ledger.export import SPECS

    with one_line_errors():
        ledger = open_ledger(db)
        found, total = query.actors(ledger, search=search, limit=limit)
    emit(found, format, SPECS["actors"], ACTOR_COLUMNS, f"{len(found)} of {total} actors")


@actors_app.command("merge")
def merge_command(
    a: str = typer.Argument(..., help="The actor that stays (name, alias or id)."),
    b: str = typer.Argument(..., help="The actor shown as A from now on."),
    db: Optional[str] = DB,
) -> None:
    """Merge actor B into actor A (the same person under two names); kept across re-ingests."""
    from ..ledger import actors

    with one_line_errors():
        done = actors.merge(open_ledger(db), a, b)
    err_console.print(f"merged {done.b} into {done.a}")


@actors_app.command("split")
def split_command(
    a: str = typer.Argument(..., help="The actor B was merged into."),
    b: str = typer.Argument(..., help="The actor to show on its own again."),
    db: Optional[str] = DB,
) -> None:
    """Undo `onrecord actors merge A B`: B is its own actor again; kept across re-ingests."""
    from ..ledger import actors

    with one_line_errors():
        done = actors.split(open_ledger(db), a, b)
    err_console.print(f"split {done.b} from {done.a}")


@app.command("actor")
def actor_command(
    name: str = typer.Argument(..., help="Name, alias, transliteration or id: \"Shoygu\"."),
    db: Optional[str] = DB,
    format: ListFormat = LIST_FORMAT,
) -> None:
    """One actor: aliases, roles over time, affiliation and statement count (merged parts included)."""
    from ..ledger import query
    from ..ledger.export import SPECS

    with one_line_errors():
        found = query.actor(open_ledger(db), name)
    emit([found], format, SPECS["actors"], ACTOR_COLUMNS, found["name"])
