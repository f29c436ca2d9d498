"""The ledger's view and export commands through a real subprocess on a real SQLite file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.ledger import Ledger
from onrecord.records import Analysis, Article, Span, Speaker, Statement, Zone

REJECT = "Minister Olav Berg said there would be \u201cno talks until the shelling stops\u201d on Friday."
OPEN = "Minister Olav Berg said \u201cwe remain open to talks with them\u201d in a speech."


def _analysis(article_id: str, text: str, quote: str, stance: str, day: dt.date, outlet: str) -> Analysis:
    start = text.index(quote)
    m = text.index("Olav Berg")
    cond = [Span(text.index("until the shelling stops"), text.index("until the shelling stops") + 24,
                 "until the shelling stops")] if "until" in quote else []
    st = Statement(id="s1", kind="direct", text=quote, start=start, end=start + len(quote),
                   speaker=Speaker(name="Olav Berg", mention="Olav Berg", start=m, end=m + 9, role="Minister",
                                   affiliation="Northland"),
                   said_on=day, about_negotiations=True, stance=stance, conditions=tuple(cond))
    return Analysis(article=Article(id=article_id, text=text, published=day, outlet=outlet, source=f"in/{article_id}.txt"),
                    zones=(Zone("body", 0, len(text)),), statements=(st,))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("views") / "v.db"
    led = Ledger.open(str(path))
    led.store(_analysis("r1", REJECT, "no talks until the shelling stops", "reject", dt.date(2024, 3, 1), "Nordpress"))
    led.store(_analysis("o1", OPEN, "we remain open to talks with them", "open", dt.date(2024, 4, 10), "Daily Wire"))
    led.close()
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "onrecord", *args], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "COLUMNS": "200"})


def _lines(err: str) -> list[str]:
    return [ln for ln in err.splitlines() if ln.strip()]


@pytest.mark.parametrize("args,expected", [
    (["--speaker", "Berg"], ["we remain open to talks with them", "no talks until the shelling stops"]),
    (["--stance", "reject", "--about", "negotiations"], ["no talks until the shelling stops"]),
    (["--since", "2024-04-01", "--until", "2024-12-31"], ["we remain open to talks with them"]),
    (["--outlet", "nordpress", "--search", "SHELLING"], ["no talks until the shelling stops"]),
    (["--limit", "1", "--offset", "1"], ["no talks until the shelling stops"]),
])
def test_views_statements_filters_jsonl(db, args, expected):
    proc = _run("statements", "--db", str(db), "--format", "jsonl", *args)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(ln)["text"] for ln in proc.stdout.splitlines()] == expected


def test_views_statements_csv_and_table(db):
    proc = _run("statements", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout, newline="")))
    assert {r["article.id"] for r in rows} == {"r1", "o1"} and rows[0]["speaker.name"] == "Olav Berg"
    table = _run("statements", "--db", str(db))
    assert table.returncode == 0 and "2 of 2 statements" in table.stdout and "Olav Berg" in table.stdout


@pytest.mark.parametrize("args,fragment", [
    (["statements", "--since", "2024-02-30"], "--since '2024-02-30' is not a date"),
    (["statements", "--stance", "maybe"], "stance='maybe' is not one of reject, conditional, open, neutral"),
    (["statements", "--speaker", "Zed Nobody"], "no actor named 'Zed Nobody'"),
    (["timeline", "Zed Nobody"], "no actor named 'Zed Nobody'"),
    (["actor", "Zed Nobody"], "no actor named 'Zed Nobody'"),
    (["actors", "merge", "Olav Berg", "Zed Nobody"], "no actor named 'Zed Nobody'"),
    (["export", "--format", "parquet"], "give an output file with -o"),
])
def test_views_bad_input_is_one_line_and_exit_1(db, args, fragment):
    proc = _run(*args, "--db", str(db))
    assert proc.returncode == 1
    (line,) = _lines(proc.stderr)
    assert fragment in line


def test_views_bad_merge_writes_nothing(db):
    _run("actors", "merge", "Olav Berg", "Zed Nobody", "--db", str(db))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0


def test_views_timeline_and_contradictions(db):
    proc = _run("timeline", "Berg", "--db", str(db), "--format", "jsonl")
    rows = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [(r["day"], r["stance"], r["article"]["id"]) for r in rows] == [
        ("2024-03-01", "reject", "r1"), ("2024-04-10", "open", "o1")]
    assert rows[0]["conditions"][0]["text"] == "until the shelling stops"
    pairs = [json.loads(ln) for ln in _run("contradictions", "--across", "--db", str(db), "-f", "jsonl").stdout.splitlines()]
    assert [(p["a"], p["b"], p["kind"]) for p in pairs] == [("r1#s1", "o1#s1", "shift")]
    assert pairs[0]["why"] and len(pairs[0]["statements"]) == 2
    table = _run("contradictions", "--db", str(db))
    assert "shift" in table.stdout and "r1#s1" in table.stdout


def test_views_actors_merge_split_and_actor(tmp_path, db):
    local = tmp_path / "a.db"
    local.write_bytes(db.read_bytes())
    led = Ledger.open(str(local))
    text = "Envoy Olav Bergman said \u201cwe will not talk\u201d today."
    i = text.index("we will not talk")
    led.store(Analysis(article=Article(id="b2", text=text, published=dt.date(2024, 4, 11)),
                       statements=(Statement(id="s1", kind="direct", text="we will not talk", start=i, end=i + 16,
                                             speaker=Speaker(name="Olav Bergman")),)))
    led.close()
    listed = [json.loads(ln) for ln in _run("actors", "--db", str(local), "-f", "jsonl").stdout.splitlines()]
    assert [a["name"] for a in listed] == ["Olav Berg", "Olav Bergman"]
    assert _run("actors", "merge", "Olav Berg", "Olav Bergman", "--db", str(local)).returncode == 0
    merged = json.loads(_run("actor", "Olav Bergman", "--db", str(local), "-f", "jsonl").stdout)
    assert merged["name"] == "Olav Berg" and merged["statements"] == 3
    searched = _run("actors", "--search", "bergman", "--limit", "5", "--db", str(local), "-f", "csv").stdout
    assert list(csv.DictReader(io.StringIO(searched)))[0]["name"] == "Olav Berg"
    assert _run("actors", "split", "Olav Berg", "Olav Bergman", "--db", str(local)).returncode == 0
    assert json.loads(_run("actor", "Olav Bergman", "--db", str(local), "-f", "jsonl").stdout)["statements"] == 1


def test_views_export_formats(db, tmp_path):
    out = _run("export", "--db", str(db), "--what", "articles", "--with-text")
    records = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert {r["id"]: r["text"] for r in records} == {"r1": REJECT, "o1": OPEN}
    path = tmp_path / "s.csv"
    proc = _run("export", "--db", str(db), "--what", "statements", "--format", "csv", "-o", str(path))
    assert proc.returncode == 0 and "2 statements" in proc.stderr
    with path.open(newline="", encoding="utf-8") as fh:
        assert {r["stance"] for r in csv.DictReader(fh)} == {"reject", "open"}
    pq = pytest.importorskip("pyarrow.parquet")
    ppath = tmp_path / "e.parquet"
    assert _run("export", "--db", str(db), "--what", "actors", "--format", "parquet", "--output", str(pppath := ppath)
                ).returncode == 0
    assert pq.read_table(pppath).to_pylist()[0]["name"] == "Olav Berg"


# A recurring block with no words of a donation box or a footer: only the memory can call it boilerplate.
BOX = "The river rose again near the old mill, where the ferry waits for the morning fog to lift."


@pytest.mark.slow
def test_views_ingest_uses_stored_outlet_profiles(tmp_path):
    """A box seen in an earlier run's articles is boilerplate in a later run's single article."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i in range(2):
        (first / f"a{i}.txt").write_text(f"Story {i} Headline\n\nThe council met on day {i} to vote on roads.\n\n{BOX}\n",
                                         encoding="utf-8")
    (second / "b.txt").write_text(f"Another Headline\n\nThe mayor spoke about the budget today.\n\n{BOX}\n",
                                  encoding="utf-8")

    def box_kinds(db: Path, folders) -> list[str]:
        for folder in folders:
            proc = subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(folder), "--db", str(db),
                                   "--outlet", "Town Paper"], capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, proc.stderr
        out = _run("export", "--db", str(db), "--with-text")
        (rec,) = [r for r in map(json.loads, out.stdout.splitlines()) if r["id"] == "b"]
        box_start = rec["text"].index(BOX)
        return [z["kind"] for z in rec["zones"] if z["start"] <= box_start < z["end"]]

    assert box_kinds(tmp_path / "alone.db", [second]) != ["boilerplate"]  # control: one article, no memory
    assert box_kinds(tmp_path / "z.db", [first, second]) == ["boilerplate"]
