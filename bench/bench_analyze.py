"""Analysis speed against bare spaCy over the same texts, in one process.

Runs `nlp.pipe` (the baseline) and `onrecord.analyze_many` over the PolNeAR dev texts (or any JSONL with a
"text" field given as the first argument), prints articles/s for both, the ratio, and peak memory, and appends
a row to bench/RESULTS.md with --record.

    .venv/bin/python bench/bench_analyze.py [FILE.jsonl] [--limit N] [--record]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "polnear" / "polnear_dev.jsonl"


def load_texts(path: Path, limit: int | None) -> list[dict]:
    seen: set[str] = set()
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in seen:
                continue  # one line per (article, annotator): keep one per article
            seen.add(rec.get("id"))
            items.append({"id": rec.get("id") or str(len(items)), "text": rec["text"],
                          "published": rec.get("publication_date")})
            if limit and len(items) >= limit:
                break
    return items


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--record", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    path = Path(args.file)
    if not path.exists():
        print(f"bench: {path} not found: give a JSONL file with a 'text' field, or put ../shared beside the repo",
              file=sys.stderr)
        return 1
    import onrecord
    from onrecord.nlp import load_model

    items = load_texts(path, args.limit)
    texts = [i["text"] for i in items]
    nlp = load_model()
    list(nlp.pipe(texts[:2]))  # warm-up: first-call allocations are not part of either figure
    onrecord.analyze_many(items[:2])

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    bare = time.perf_counter() - t0
    rss_bare = peak_rss_mb()

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    analyses = onrecord.analyze_many(items, onrecord.Options(timings=timings))
    ours = time.perf_counter() - t0
    rss_ours = peak_rss_mb()

    n = len(texts)
    statements = sum(len(a.statements) for a in analyses)
    ratio = ours / bare
    print(f"articles: {n}  characters: {sum(map(len, texts))}  statements found: {statements}")
    print(f"bare spaCy nlp.pipe : {n / bare:8.2f} articles/s  ({bare:.2f} s)")
    print(f"onrecord analyze_many: {n / ours:8.2f} articles/s  ({ours:.2f} s)")
    print(f"ratio onrecord / bare spaCy: {ratio:.2f}  (target <= 1.5)")
    print(f"peak RSS: {rss_bare:.0f} MB after the baseline, {rss_ours:.0f} MB after onrecord")
    print("stages (share of onrecord's time):")
    for name, sec in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:22s} {sec:7.2f} s  {100 * sec / ours:5.1f}%")
    stance_share = (timings.get("stance", 0.0) + timings.get("contradictions+events", 0.0)) / max(
        ours - timings.get("stance", 0.0) - timings.get("contradictions+events", 0.0), 1e-9)
    print(f"stance stage adds {100 * stance_share:.1f}% to the rest of the analysis (target <= 10%)")
    if args.record:
        load = os.getloadavg()[0]
        row = (f"| {dt.date.today()} | {path.name} | {n} | {n / bare:.2f} | {n / ours:.2f} | {ratio:.2f} | "
               f"{100 * stance_share:.1f}% | {rss_ours:.0f} | {platform.machine()}, Python "
               f"{platform.python_version()}, load {load:.1f} |\n")
        results = HERE / "RESULTS.md"
        lines = results.read_text(encoding="utf-8").splitlines()
        # the row goes at the end of this benchmark's own table, not at the end of the file
        at = next(i for i, line in enumerate(lines) if line.startswith("| date | input | articles | bare spaCy")) + 2
        while at < len(lines) and lines[at].startswith("|"):
            at += 1
        lines.insert(at, row.rstrip("\n"))
        results.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded in {results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
