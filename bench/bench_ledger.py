"""The ledger's cost: (a) storing against analysing, (b) view latency on one million statements.

(a) Analyses N articles (PolNeAR dev texts, or any JSONL with a "text" field, or generated texts when neither
    is there) with ``onrecord.analyze_many``, then stores the same analyses in a fresh SQLite ledger; the
    storage overhead ratio is (analysis + storing) / analysis. Target <= 1.1.
(b) Fills a fresh ledger with --statements rows directly (executemany in batches of 10k: a few thousand
    actors, days over three years), then times `statements --speaker` (``query.statements``, first page)
    and `timeline` (``query.timeline``), median of --repeat runs. Target < 50 ms.

    .venv/bin/python bench/bench_ledger.py [FILE.jsonl] [--limit N] [--statements 1000000] [--record]
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_analyze import DEFAULT, load_texts  # noqa: E402

BATCH = 10_000
ACTORS = 3_000
STATEMENTS_PER_ARTICLE = 10
DAYS = 3 * 365
START = dt.date(2022, 1, 1)
STANCES = ("reject", "conditional", "open", "neutral")
SEARCH_WORD = "talks"  # in every generated statement
RARE_WORD = "123457"  # the number of one statement
SENTENCE = ("Foreign Minister {name} said on Tuesday that talks with the other side would resume only if the "
            "shelling stopped. \u201cWe are ready to sit down with them,\u201d {last} told reporters. ")


def generated_texts(n: int) -> list[dict]:
    names = ["Anna Berg", "Olav Lund", "Karin Vik", "Pavel Orlov", "Lena Novak"]
    items = []
    for i in range(n):
        name = names[i % len(names)]
        body = "\n\n".join(SENTENCE.format(name=name, last=name.split()[-1]) for _ in range(6))
        items.append({"id": f"gen{i}", "text": f"Talks Round {i}\n\n{body}\nItem {i}.", "published": "2024-05-01"})
    return items


def storage_overhead(items: list[dict]) -> dict:
    import onrecord
    from onrecord.ledger import Ledger

    onrecord.analyze_many(items[:2])  # warm-up: model load and first-call allocations
    t0 = time.perf_counter()
    analyses = onrecord.analyze_many(items)
    analysis_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        warm = Ledger.open(str(Path(tmp) / "warm.db"))  # warm-up: actor registry and stance lexicon loads
        warm.store(analyses[0])
        warm.close()
        ledger = Ledger.open(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        for a in analyses:
            ledger.store(a)
        store_s = time.perf_counter() - t0
        ledger.close()
    return {"articles": len(items), "statements": sum(len(a.statements) for a in analyses),
            "analysis_s": analysis_s, "store_s": store_s, "ratio": (analysis_s + store_s) / analysis_s}


def fill(db: Path, n_statements: int, seed: int = 7) -> dict:
    """Bulk-insert actors, aliases, articles and statements straight into a fresh ledger."""
    from onrecord.ledger import Ledger

    rng = random.Random(seed)
    ledger = Ledger.open(str(db))
    raw = ledger.engine.raw_connection()
    cur = raw.cursor()
    actors = [(f"name:person-{i}", f"Person{i} Surname{i}", rng.choice(["Northland", "Southland", "Eastland"]))
              for i in range(ACTORS)]
    cur.executemany("INSERT INTO actors (id, name, affiliation) VALUES (?, ?, ?)", actors)
    cur.executemany("INSERT INTO aliases (actor_id, alias, folded) VALUES (?, ?, ?)",
                    [(i, name, name.lower()) for i, name, _ in actors] +
                    [(i, name.split()[1], name.split()[1].lower()) for i, name, _ in actors])
    now = dt.datetime.now(dt.timezone.utc).isoformat(sep=" ")
    n_articles = n_statements // STATEMENTS_PER_ARTICLE
    t0 = time.perf_counter()
    for lo in range(0, n_articles, BATCH):
        rows = []
        for k in range(lo, min(lo + BATCH, n_articles)):
            day = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
            rows.append((f"{k:024x}", f"art{k}", f"h{k}", f"Outlet{k % 50}", day, "text", "[]", now))
        cur.executemany("INSERT INTO articles (uid, id, content_hash, outlet, published, text, warnings, "
                        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    days = dict(cur.execute("SELECT uid, published FROM articles").fetchall())
    for lo in range(0, n_statements, BATCH):
        rows = []
        for k in range(lo, min(lo + BATCH, n_statements)):
            art = f"{k // STATEMENTS_PER_ARTICLE:024x}"
            actor_id, name, affiliation = actors[rng.randrange(ACTORS)]
            about = rng.random() < 0.5
            rows.append((f"{art}#s{k % STATEMENTS_PER_ARTICLE}", art, f"s{k % STATEMENTS_PER_ARTICLE}", "direct",
                         f"statement {k} on the talks", 0, 10, name, actor_id, affiliation, days[art], "body",
                         about, rng.choice(STANCES) if about else None, k % STATEMENTS_PER_ARTICLE))
        cur.executemany("INSERT INTO statements (uid, article_uid, sid, kind, text, start, \"end\", speaker_name, "
                        "actor_id, affiliation, day, zone, about_negotiations, stance, seq) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    raw.commit()
    raw.close()
    ledger.optimize()  # what `onrecord ingest` does at the end of a run: planner statistics
    ledger.close()
    return {"articles": n_articles, "statements": n_statements, "fill_s": time.perf_counter() - t0}


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up: the first call pays for imports and the page cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def view_latency(db: Path, repeat: int) -> dict:
    from onrecord.ledger import Ledger, query

    ledger = Ledger.open(str(db))
    with ledger.engine.connect() as conn:
        counts = conn.exec_driver_sql("SELECT actor_id, count(*) FROM statements GROUP BY actor_id "
                                      "ORDER BY 2").fetchall()
    median_actor, median_n = counts[len(counts) // 2]
    top_actor, top_n = counts[-1]
    name = median_actor.split(":", 1)[1].replace("person-", "Person") + f" Surname{median_actor.split('-')[-1]}"
    top_name = top_actor.split(":", 1)[1].replace("person-", "Person") + f" Surname{top_actor.split('-')[-1]}"
    out = {
        "statements_ms": median_ms(lambda: query.statements(ledger, query.StatementFilter(speaker=name)), repeat),
        "timeline_ms": median_ms(lambda: query.timeline(ledger, name), repeat),
        "timeline_top_ms": median_ms(lambda: query.timeline(ledger, top_name), repeat),
        # every generated statement holds the word: the worst case for a search's page and exact total
        "search_ms": median_ms(lambda: query.statements(ledger, query.StatementFilter(search=SEARCH_WORD)), repeat),
        "search_rare_ms": median_ms(lambda: query.statements(ledger, query.StatementFilter(search=RARE_WORD)), repeat),
        "actor_statements": median_n, "top_statements": top_n,
    }
    ledger.close()
    return out


SECTION = "## Ledger (`bench/bench_ledger.py`)"
SECTION_HEAD = ("(a) storing vs analysing the same articles, target ratio <= 1.1; (b) views on a generated ledger, "
                "median ms, target < 50.\n\n| date | articles (a) | analysis s | store s | ratio | statements (b) | "
                "statements --speaker ms | timeline ms | timeline (top actor) ms | machine | search ms (all / one match) |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|")


def record_row(results: Path, row: str) -> None:
    """Append ``row`` at the end of this script's table (other scripts' sections may follow it)."""
    lines = results.read_text(encoding="utf-8").splitlines()
    if SECTION not in lines:
        lines += ["", SECTION, "", *SECTION_HEAD.splitlines()]
        lines.append(row)
    else:
        i = lines.index(SECTION) + 1
        while i < len(lines) and not lines[i].startswith("## "):
            i += 1
        while lines[i - 1].strip() == "":
            i -= 1
        lines.insert(i, row)
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=40, help="articles for (a)")
    parser.add_argument("--statements", type=int, default=1_000_000, help="rows for (b)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip-ingest", action="store_true", help="only (b)")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    path = Path(args.file)
    a = None
    if not args.skip_ingest:
        items = load_texts(path, args.limit) if path.exists() else generated_texts(args.limit)
        source = path.name if path.exists() else "generated"
        a = storage_overhead(items)
        print(f"(a) {a['articles']} articles ({source}), {a['statements']} statements: analysis {a['analysis_s']:.2f} s, "
              f"storing {a['store_s']:.2f} s -> overhead ratio {a['ratio']:.3f} (target <= 1.1)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        b = fill(db, args.statements)
        print(f"(b) filled {b['statements']} statements / {b['articles']} articles / {ACTORS} actors "
              f"in {b['fill_s']:.0f} s")
        v = view_latency(db, args.repeat)
    print(f"    statements --speaker (first page, {v['actor_statements']} matching): {v['statements_ms']:.1f} ms")
    print(f"    timeline (median actor, {v['actor_statements']} statements): {v['timeline_ms']:.1f} ms")
    print(f"    timeline (most quoted actor, {v['top_statements']} statements): {v['timeline_top_ms']:.1f} ms  "
          f"(target < 50 ms; median of {args.repeat})")
    print(f"    statements --search {SEARCH_WORD} (every statement matches): {v['search_ms']:.1f} ms; "
          f"--search {RARE_WORD} (one match): {v['search_rare_ms']:.1f} ms")
    if args.record:
        results = HERE / "RESULTS.md"
        cells = ([str(a["articles"]), f"{a['analysis_s']:.2f}", f"{a['store_s']:.2f}", f"{a['ratio']:.3f}"]
                 if a else ["-"] * 4)
        cells += [str(b["statements"]), f"{v['statements_ms']:.1f}", f"{v['timeline_ms']:.1f}",
                  f"{v['timeline_top_ms']:.1f}",
                  f"{platform.machine()}, Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f}",
                  f"{v['search_ms']:.1f} / {v['search_rare_ms']:.1f}"]
        record_row(results, f"| {dt.date.today()} | " + " | ".join(cells) + " |")
        print(f"recorded in {results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
