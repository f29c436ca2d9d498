"""`onrecord serve`: the web page and JSON API over the ledger (FastAPI + uvicorn), on loopback by default."""

from __future__ import annotations

from typing import Optional

import typer

from . import app
from .common import DB, err_console, open_ledger

LOOPBACK = "127.0.0.1"
TOKEN_ENV = "ONRECORD_TOKEN"


@app.command("serve")
def serve_command(
    db: Optional[str] = DB,
    host: str = typer.Option(LOOPBACK, "--host", help="Address to listen on; 127.0.0.1 keeps it on this machine."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar=TOKEN_ENV, show_envvar=True,
                                        help="Allow writes (POST) with 'Authorization: Bearer TOKEN'; "
                                             "without it the API is read-only."),
    workers: int = typer.Option(1, "--workers", "-w", min=1,
                                help="Server processes (each opens the ledger); more serve concurrent clients faster."),
) -> None:
    """Serve the ledger: pages for people, a JSON API for programs (OpenAPI at /docs)."""
    try:
        import uvicorn

        from ..web import create_app
    except ModuleNotFoundError as exc:
        err_console.print(f"[red]error[/red] the web server needs {exc.name}: pip install 'onrecord[web]'")
        raise typer.Exit(1)
    ledger = open_ledger(db)
    web = create_app(ledger, token=token)
    if host not in (LOOPBACK, "localhost", "::1"):
        err_console.print(f"[yellow]warning[/yellow] listening on {host}: other machines can read the ledger"
                          + ("" if not token else " and, with the token, write to it"))
    err_console.print(f"onrecord: {ledger.url} at http://{host}:{port}/ "
                      f"({'writes need the token' if token else 'read-only'}); Ctrl-C stops")
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)
        return
    import os

    from ..web.app import DB_ENV, TOKEN_ENV as SERVE_TOKEN_ENV

    os.environ[DB_ENV] = ledger.url
    os.environ[SERVE_TOKEN_ENV] = token or ""
    ledger.close()
    uvicorn.run("onrecord.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", server_header=False)
