"""`onrecord ingest` with a real subprocess and a real SQLite file: resume after kill -9, idempotence."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARAGRAPH = ("Foreign Minister Anna Berg said on Tuesday that talks with the rebels would resume next week. "
             "\u201cWe are ready to sit down with them,\u201d she told reporters in the capital. ")


def _write_articles(folder: Path, n: int, paragraphs: int = 12) -> None:
    folder.mkdir()
    for i in range(n):
        body = f"Talks Resume In Capital {i}\n\n" + "\n\n".join(PARAGRAPH for _ in range(paragraphs))
        (folder / f"art{i:03d}.txt").write_text(body + f"\n\nArticle number {i}.\n", encoding="utf-8")


def _ingest(args: list[str], **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "onrecord", "ingest", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_ingest_resumes_after_kill_with_nothing_lost_or_doubled(tmp_path):
    n = 16
    _write_articles(tmp_path / "in", n, paragraphs=6)
    db = tmp_path / "l.db"
    proc = _ingest([str(tmp_path / "in"), "--db", str(db)])
    deadline = time.monotonic() + 120
    while _count(db, "articles") < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count(db, "articles")
    assert 0 < stored < n, f"the kill came too late or too early to test resuming ({stored} stored)"
    rerun = _ingest([str(tmp_path / "in"), "--db", str(db)])
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert _count(db, "articles") == n
    with sqlite3.connect(db) as conn:
        per_article = conn.execute("SELECT count(*) FROM statements GROUP BY article_uid").fetchall()
        assert len({c for (c,) in per_article}) == 1, "some article's statements were doubled or lost"
    assert f"{n - stored} new" in err and f"{stored} unchanged" in err


@pytest.mark.slow
def test_ingest_workers_store_the_same_as_one_process(tmp_path):
    _write_articles(tmp_path / "in", 6, paragraphs=2)
    results = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        proc = _ingest([str(tmp_path / "in"), "--db", str(db), "--workers", str(workers)])
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        with sqlite3.connect(db) as conn:
            results[workers] = conn.execute(
                "SELECT a.id, s.sid, s.text, s.start FROM statements s JOIN articles a ON a.uid = s.article_uid "
                "ORDER BY a.id, s.sid").fetchall()
    assert results[1] == results[2] and results[1]


def test_ingest_bad_files_are_recorded_as_failures(tmp_path):
    folder = tmp_path / "in"
    _write_articles(folder, 2, paragraphs=1)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "l.db"
    proc = _ingest([str(folder), "--db", str(db)])
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert "empty.txt" in err
    assert _count(db, "articles") == 2 and _count(db, "failures") == 1
    listing = subprocess.run([sys.executable, "-m", "onrecord", "failures", "--db", str(db), "--format", "jsonl"],
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0 and "empty.txt" in listing.stdout


def test_ingest_unknown_dialect_is_one_line_and_exit_1(tmp_path):
    proc = _ingest([str(tmp_path), "--db", "nosuch://x/y"], env={**os.environ})
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert [ln for ln in err.splitlines() if ln.strip()] == [
        "error unknown database URL scheme 'nosuch': give a file path, sqlite:///FILE, or "
        "postgresql+psycopg://USER:PASSWORD@HOST/DB"]


def test_ingest_reanalyse_replaces_unchanged_articles(tmp_path):
    _write_articles(tmp_path / "in", 2, paragraphs=2)
    db = tmp_path / "l.db"
    first = _ingest([str(tmp_path / "in"), "--db", str(db)])
    assert first.wait(timeout=300) == 0
    again = _ingest([str(tmp_path / "in"), "--db", str(db)])
    assert again.wait(timeout=300) == 0 and "2 unchanged" in again.stderr.read()
    redo = _ingest([str(tmp_path / "in"), "--db", str(db), "--reanalyse"])
    assert redo.wait(timeout=300) == 0
    err = redo.stderr.read()
    assert "2 replaced" in err and "0 unchanged" in err
    assert _count(db, "articles") == 2
