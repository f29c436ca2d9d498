"""API latency under concurrent load: actor timelines and statement search over a 100k-statement ledger.

Generates a synthetic SQLite ledger (bulk inserts straight into the ledger's tables; no analysis), starts
`onrecord serve` (2 server processes by default) on a free loopback port, then drives it with N keep-alive
connections, one request in flight on each (a plain asyncio HTTP/1.1 client: httpx.AsyncClient cost about a
millisecond of the 2 shared cores per request; `--client httpx` still uses it). Latency is measured at the client,
from sending a request to the last byte of its answer. Runs the server with its response cache off (every request
answered from the ledger: the real cost) and then on (the requests repeat, so most are hits). Prints p50/p95
latency and requests/s; appends a row per endpoint and cache setting to bench/RESULTS.md with --record.
Target: p95 < 100 ms.

    .venv/bin/python bench/bench_api.py [--statements 100000] [--requests 2000] [--clients 8] [--workers 2]
                                        [--cache off|on|both] [--db FILE] [--record]
"""

from __future__ import annotations

import argparse
import os
import asyncio
import datetime as dt
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION = "## API latency (`bench/bench_api.py`)"
STATEMENTS_PER_ARTICLE = 10
ACTORS = 200
SEED = 7
WORDS = ("talks negotiations ceasefire truce border troops withdrawal sanctions prisoners exchange corridor grain "
         "ports shelling offensive security guarantees referendum territory mediators delegation round capital "
         "summit envoy minister president army front energy strikes humanitarian pause deal framework").split()
STANCES = ("reject", "conditional", "open", "neutral")
# A request not answered within this many seconds ends the run with an error (the bench never waits forever).
REQUEST_TIMEOUT_S = 60


def generate(db: Path, n_statements: int) -> None:
    """A ledger of ``n_statements`` statements by ``ACTORS`` actors over a year, half on negotiations."""
    from onrecord.ledger import Ledger, schema

    rng = random.Random(SEED)
    ledger = Ledger.open(str(db))
    now = dt.datetime.now(dt.timezone.utc)
    start_day = dt.date(2024, 1, 1)
    actors = [{"id": f"actor-{i}", "name": f"Actor {i} Name", "affiliation": rng.choice(["North", "South", "East"])}
              for i in range(ACTORS)]
    aliases = [{"actor_id": a["id"], "alias": a["name"], "folded": a["name"].casefold()} for a in actors]
    articles, statements, conditions = [], [], []
    for k in range(n_statements // STATEMENTS_PER_ARTICLE):
        uid = f"{k:024x}"
        published = start_day + dt.timedelta(days=rng.randrange(365))
        sentences, offset = [], 0
        for j in range(STATEMENTS_PER_ARTICLE):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."
            actor = actors[min(int(rng.paretovariate(1.2)) - 1, ACTORS - 1) if j % 2 else rng.randrange(ACTORS)]
            about = rng.random() < 0.5
            text_start = offset
            sentences.append(words)
            offset += len(words) + 1
            suid = f"{uid}#s{j + 1}"
            statements.append({
                "uid": suid, "article_uid": uid, "sid": f"s{j + 1}", "kind": "direct", "text": words,
                "start": text_start, "end": text_start + len(words), "speaker_name": actor["name"],
                "actor_id": actor["id"], "affiliation": actor["affiliation"], "day": published,
                "zone": "body", "about_negotiations": about, "stance": rng.choice(STANCES) if about else None,
                "seq": j})
            if about and rng.random() < 0.3:
                first = words.split()[0]
                conditions.append({"statement_uid": suid, "idx": 0, "text": first, "start": text_start,
                                   "end": text_start + len(first)})
        text = " ".join(sentences)
        articles.append({"uid": uid, "id": f"bench/{k}", "content_hash": uid, "title": f"Article {k}",
                         "outlet": f"Outlet {k % 12}", "published": published, "language": "en", "text": text,
                         "warnings": "[]", "ingested_at": now})
    with ledger.engine.begin() as conn:
        conn.execute(schema.actors.insert(), actors)
        conn.execute(schema.aliases.insert(), aliases)
        conn.execute(schema.articles.insert(), articles)
        conn.execute(schema.statements.insert(), statements)
        conn.execute(schema.conditions.insert(), conditions)
    ledger.optimize()  # as `onrecord ingest` does at the end of a run: planner statistics
    ledger.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Connection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads whole responses (Content-Length bodies, as
    the API answers listings): the load generator's client, a few microseconds of CPU per request where
    httpx.AsyncClient spends about a millisecond, on the same 2 cores as the server."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"GET {path}: no Content-Length in the answer")
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(url: str, paths: list[str], clients: int, client: str = "raw") -> tuple[list[float], float]:
    """Latencies (s) of every request, measured at the client from sending the request to the last byte of the
    answer, and the wall time, with ``clients`` requests in flight at once (one connection each)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []

    async def raw_worker() -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        conn = Connection(host, int(port))
        try:
            while not queue.empty():
                path = queue.get_nowait()
                t0 = time.perf_counter()
                status, body = await asyncio.wait_for(conn.get(path), REQUEST_TIMEOUT_S)
                latencies.append(time.perf_counter() - t0)
                if status != 200 or not body.startswith(b'{"ok":true'):
                    raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")
        finally:
            conn.close()

    async def httpx_worker(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            path = queue.get_nowait()
            t0 = time.perf_counter()
            r = await http.get(path)
            latencies.append(time.perf_counter() - t0)
            r.raise_for_status()

    started = time.perf_counter()
    if client == "raw":
        await asyncio.gather(*(raw_worker() for _ in range(clients)))
    else:
        async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT_S,
                                     limits=httpx.Limits(max_connections=clients)) as http:
            started = time.perf_counter()
            await asyncio.gather(*(httpx_worker(http) for _ in range(clients)))
    return latencies, time.perf_counter() - started


def run(coro):
    """Run the load generator on uvloop when it is installed (the web extra brings it), else asyncio's loop."""
    try:
        import uvloop
    except ModuleNotFoundError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def record(rows: list[dict], args) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION not in text:
        text = text.rstrip("\n") + (
            f"\n\n{SECTION}\n\nA synthetic SQLite ledger ({ACTORS} actors, {STATEMENTS_PER_ARTICLE} statements an article), "
            "`onrecord serve` on loopback, N requests in flight. Target: p95 < 100 ms.\n\n"
            "| date | endpoint | statements | requests | clients | p50 ms | p95 ms | req/s | machine |\n"
            "|---|---|---|---|---|---|---|---|---|\n")
    for r in rows:
        text = text.rstrip("\n") + (f"\n| {dt.date.today()} | {r['name']} | {args.statements} | {args.requests} | "
                                    f"{args.clients} | {r['p50']:.1f} | {r['p95']:.1f} | {r['rps']:.0f} | "
                                    f"{platform.machine()} {platform.python_version()}, {args.workers} server process(es), "
                                    f"response cache {r['cache']}, {args.client} client, "
                                    f"load {args.load:.1f} at start, {r['load']:.1f} after |")
    RESULTS.write_text(text + "\n", encoding="utf-8")


def measure(db: Path, args, cache: str) -> list[dict]:
    """Start `onrecord serve` over ``db`` with its response cache on or off; time both endpoints."""
    rng = random.Random(SEED)  # the same requests in both runs
    port = free_port()
    env = {**os.environ, "ONRECORD_API_CACHE": "1" if cache == "on" else "0"}
    server = subprocess.Popen([sys.executable, "-m", "onrecord", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/api/actors?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        endpoints = {
            "GET /api/actors/{id}/timeline": [f"/api/actors/actor-{rng.randrange(ACTORS)}/timeline"
                                              for _ in range(args.requests)],
            "GET /api/statements?q=WORD": [f"/api/statements?q={rng.choice(WORDS)}" for _ in range(args.requests)],
        }
        for name, paths in endpoints.items():
            run(drive(url, paths[: args.clients * 4], args.clients, args.client))  # warm-up
            latencies, wall = run(drive(url, paths, args.clients, args.client))
            row = {"name": name, "p50": pct(latencies, 50), "p95": pct(latencies, 95), "rps": len(paths) / wall,
                   "cache": cache, "load": os.getloadavg()[0]}
            rows.append(row)
            print(f"{name:34s} cache {cache:3s} p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  "
                  f"{row['rps']:6.0f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000, help="Requests per endpoint.")
    ap.add_argument("--clients", type=int, default=8, help="Requests in flight at once.")
    ap.add_argument("--workers", type=int, default=2, help="Server processes (`onrecord serve --workers`).")
    ap.add_argument("--cache", choices=("off", "on", "both"), default="both",
                    help="The server's response cache (ONRECORD_API_CACHE): off measures every request's real cost "
                         "(the requests repeat: 200 actors, 36 words); both: a run of each, off first.")
    ap.add_argument("--db", type=Path, help="Keep the generated ledger in this file and reuse it when it exists.")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="Load generator: raw keep-alive HTTP/1.1 connections (default) or httpx.AsyncClient.")
    ap.add_argument("--record", action="store_true", help="Append the figures to bench/RESULTS.md.")
    args = ap.parse_args()
    args.load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if db.exists():
            print(f"ledger: {db} as it is (made by an earlier run with --db)")
        else:
            t0 = time.perf_counter()
            generate(db, args.statements)
            print(f"ledger: {args.statements} statements in {time.perf_counter() - t0:.1f} s")
        rows = []
        for cache in (("off", "on") if args.cache == "both" else (args.cache,)):
            rows += measure(db, args, cache)
    if args.record:
        record(rows, args)


if __name__ == "__main__":
    main()
