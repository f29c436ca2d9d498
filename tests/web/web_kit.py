"""What the web tests share: servers and a crafted ledger.

Servers for the web tests: the real `onrecord serve` in a subprocess on a free loopback port.

- ``example_server``: a ledger built from the repository's examples with `onrecord ingest`, read-only;
- ``crafted_server``: a small ledger written here record by record (no model), read-only, with markup in the
  text, dated statements on negotiations, two actors sharing a surname and a contradiction;
- ``write_server``: a copy of the crafted ledger served with a token.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from onrecord.records import Analysis, Article, Channel, Contradiction, Span, Speaker, Statement, Zone

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-123"
# How long a server may take to answer its first request (imports FastAPI and opens the ledger: ~1-2 s).
STARTUP_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    db: Path
    proc: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        """What the server wrote on stderr (its tracebacks, when a request failed)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kw)


def start_server(db: Path, token: str | None = None, workers: int = 1, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if k != "ONRECORD_TOKEN"}, **(env or {})}
    cmd = [sys.executable, "-m", "onrecord", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    if token:
        cmd += ["--token", token]
    log_path = db.with_name(f"{db.stem}-server-{port}.log")
    with log_path.open("w") as log:  # a file, not a pipe: a chatty server can never block on a full pipe
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"onrecord serve exited with {proc.returncode}: {log_path.read_text()}")
        try:
            if httpx.get(f"{url}/api/actors?limit=1", timeout=2).status_code == 200:
                return Server(url, db, proc, log_path)
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"onrecord serve did not answer on {url} within {STARTUP_S} s")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


# ---- the crafted ledger ---------------------------------------------------------------------------------
def _span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start, start + len(piece), piece)


def _statement(text: str, sid: str, words: str, speaker: Speaker, mention: str, cue: str | None, *,
               stance: str | None = None, conditions: tuple[str, ...] = (), day: dt.date | None = None,
               channel: str | None = None) -> Statement:
    w = _span(text, words)
    m = _span(text, mention)
    c = _span(text, cue) if cue else None
    ch = _span(text, channel) if channel else None
    return Statement(
        id=sid, kind="direct", text=w.text, start=w.start, end=w.end,
        speaker=Speaker(speaker.name, speaker.actor_id, m.text, m.start, m.end, speaker.role, speaker.affiliation),
        cue=c, channel=Channel(ch.text, ch.start, ch.end) if ch else None, said_on=day,
        about_negotiations=stance is not None, stance=stance,
        conditions=tuple(_span(text, x, w.start) for x in conditions))


VALE = Speaker("Ana Vale", "ana-vale", role="Foreign Minister", affiliation="Northland")
VALE_TWO = Speaker("Bruno Vale", "bruno-vale", role="General", affiliation="Northland")
ORT = Speaker("Ines Ort", "ines-ort", role="President", affiliation="Southland")


def crafted_analyses() -> list[Analysis]:
    """Three articles by three outlets over three weeks; the first has markup in its text."""
    t1 = ("Vale rules out talks <script>alert('x')</script>\n\n"
          "Foreign Minister Ana Vale said on Monday: \u201cThere will be no talks <b>while</b> the shelling "
          "goes on & the border stays closed.\u201d\n\n"
          "\u201cWe are ready to sit down with them,\u201d President Ines Ort told the radio station Wave FM.\n\n"
          "Subscribe to our newsletter <script>track()</script>\n")
    a1 = Article(id="crafted/one", text=t1, title="Vale rules out talks <script>", outlet="North Post",
                 published=dt.date(2025, 3, 5))
    s1 = [
        _statement(t1, "s1", "There will be no talks <b>while</b> the shelling goes on & the border stays closed.",
                   VALE, "Ana Vale", "said", stance="reject", conditions=("the shelling goes on",),
                   day=dt.date(2025, 3, 3)),
        _statement(t1, "s2", "We are ready to sit down with them,", ORT, "President Ines Ort", "told",
                   stance="open", day=dt.date(2025, 3, 5), channel="the radio station Wave FM"),
    ]
    head = t1.index("\n\n")
    foot = t1.index("Subscribe")
    z1 = (Zone("headline", 0, head), Zone("body", head, foot), Zone("boilerplate", foot, len(t1)))
    t2 = ("Vale softens line on talks\n\n"
          "Ana Vale said talks could start \u201cif the border is reopened first\u201d, speaking on Friday.\n\n"
          "General Bruno Vale said: \u201cThe army will hold every line.\u201d\n")
    a2 = Article(id="crafted/two", text=t2, title="Vale softens line on talks", outlet="South Wire",
                 published=dt.date(2025, 3, 15))
    s2 = [
        _statement(t2, "s1", "if the border is reopened first", VALE, "Ana Vale", "said", stance="conditional",
                   conditions=("the border is reopened first",), day=dt.date(2025, 3, 14)),
        _statement(t2, "s2", "The army will hold every line.", VALE_TWO, "General Bruno Vale", "said",
                   day=dt.date(2025, 3, 15)),
    ]
    t3 = ("Ort: no deadline\n\nPresident Ines Ort said: \u201cNegotiations need no deadline.\u201d Ort added: "
          "\u201cThe talks are a matter for the ministers.\u201d\n")
    a3 = Article(id="crafted-three", text=t3, title="Ort: no deadline", outlet="North Post",
                 published=dt.date(2025, 3, 22))
    s3 = [
        _statement(t3, "s1", "Negotiations need no deadline.", ORT, "President Ines Ort", "said", stance="open"),
        _statement(t3, "s2", "The talks are a matter for the ministers.", ORT, "Ort", "added", stance="neutral"),
    ]
    return [
        Analysis(a1, zones=z1, statements=tuple(s1),
                 contradictions=(Contradiction("s1", "s2", "clash", "one rules out talks, the other is ready"),)),
        Analysis(a2, zones=(Zone("headline", 0, t2.index("\n\n")), Zone("body", t2.index("\n\n"), len(t2))),
                 statements=tuple(s2)),
        Analysis(a3, zones=(Zone("body", 0, len(t3)),), statements=tuple(s3)),
    ]


def assert_error_shape(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "status"}, body
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"].strip()
    return body
