"""The real command line on good and bad inputs: one stderr line per bad input, exit status 1 when any failed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.pipeline import text_id

# Rich reads COLUMNS when output is not a terminal: wide, so that stderr lines are never folded.
ENV = {**os.environ, "COLUMNS": "1000"}
GOOD = "Talks are off, the minister said.\nNo date was set.\n"


def run(*args: str, stdin: bytes | None = None, module: str = "onrecord") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args], input=stdin, capture_output=True, timeout=120, env=ENV,
    )


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.startswith("error ")]


def jsonl(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b [draft].txt").write_bytes(b"")  # brackets: printed as written, not read as Rich markup
    (root / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "d.pdf").write_bytes(b"%PDF-1.4")
    (root / "sub" / "e.txt").write_bytes("Переговоры невозможны, заявил министр.\n".encode("cp1251"))
    (root / "sub" / "f.jsonl").write_text('{"id": "f1", "text": "From a feed."}\n{broken\n', encoding="utf-8")
    return root


def test_cli_inputs_mixed_directory_reports_each_bad_file_and_exits_1(mixed):
    proc = run("zones", "--format", "jsonl", str(mixed))
    assert proc.returncode == 1
    errors = error_lines(proc)
    assert len(errors) == 4, proc.stderr.decode()
    expected = [
        (mixed / "b [draft].txt", "empty file"),
        (mixed / "c.txt", "binary file"),
        (mixed / "d.pdf", "unsupported file type '.pdf'"),
        (mixed / "sub" / "f.jsonl", "line 2: invalid JSON"),
    ]
    for line, (path, problem) in zip(errors, expected):
        assert line.startswith(f"error {path}:"), line
        assert problem in line
    records = jsonl(proc)
    assert [r["id"] for r in records] == ["a", "sub/e", "f1"]
    assert records[0]["source"] == str(mixed / "a.txt")
    assert all(r["zones"] and r["zones"][-1]["end"] > 0 for r in records)


def test_cli_inputs_all_good_exits_0_and_prints_each_article(mixed):
    for bad in ("b [draft].txt", "c.txt", "d.pdf"):
        (mixed / bad).unlink()
    (mixed / "sub" / "f.jsonl").write_text('{"id": "f1", "text": "From a feed."}\n', encoding="utf-8")
    proc = run("zones", str(mixed))
    assert proc.returncode == 0, proc.stderr.decode()
    assert error_lines(proc) == []
    out = "".join(proc.stdout.decode().split())  # Rich wraps a table title to the table's width
    for title in (f"a({mixed / 'a.txt'})", f"sub/e({mixed / 'sub' / 'e.txt'})", f"f1({mixed / 'sub' / 'f.jsonl'})"):
        assert title in out
    assert out.index("a(") < out.index("sub/e(") < out.index("f1(")


def test_cli_inputs_strict_stops_at_the_first_failure(mixed):
    proc = run("zones", "--strict", "--format", "jsonl", str(mixed))
    assert proc.returncode == 1
    errors = error_lines(proc)
    assert len(errors) == 1 and errors[0].startswith(f"error {mixed / 'b [draft].txt'}:")
    out = proc.stdout.decode()
    assert "sub/e" not in out and "f1" not in out  # later files never printed
    assert str(mixed / "c.txt") not in proc.stderr.decode()


def test_cli_inputs_stdin_text(tmp_path):
    proc = run("zones", "--format", "jsonl", "--published", "2024-08-19", "--outlet", "Piped", "-",
               stdin=GOOD.replace("\n", "\r\n").encode("utf-16"))
    assert proc.returncode == 0, proc.stderr.decode()
    [record] = jsonl(proc)
    text = GOOD.replace("\n", "\r\n")
    assert record["id"] == text_id(text)
    assert (record["source"], record["published"], record["outlet"]) == (None, "2024-08-19", "Piped")
    assert record["zones"][-1]["end"] == len(text)  # offsets index the text as decoded, \r\n kept


@pytest.mark.parametrize(
    "stdin, problem",
    [(b"", "error <stdin>: empty file"), (b"\x00\x01\x02\x03\x04\x05", "error <stdin>:byte 0: binary file")],
)
def test_cli_inputs_stdin_failures(stdin, problem):
    proc = run("zones", "-", stdin=stdin, module="onrecord.cli")
    assert proc.returncode == 1
    assert [line[: len(problem)] for line in error_lines(proc)] == [problem]


def test_cli_inputs_missing_path_and_good_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    proc = run("zones", "-f", "jsonl", str(tmp_path / "nope.txt"), str(good))
    assert proc.returncode == 1
    assert error_lines(proc) == [f"error {tmp_path / 'nope.txt'}: no such file or directory: check the path "
                                 "(use - to read standard input)"]
    assert [r["id"] for r in jsonl(proc)] == ["good"]


@pytest.mark.parametrize(
    "flags, expected",
    [
        ([], {"title": "From the record", "outlet": "Record Outlet", "published": "2024-03-05"}),
        (["--title", "Mine", "--outlet", "My Outlet", "--published", "2024-08-20"],
         {"title": "Mine", "outlet": "My Outlet", "published": "2024-08-20"}),
    ],
)
def test_cli_inputs_flags_override_what_the_reader_found(tmp_path, flags, expected):
    feed = tmp_path / "feed.jsonl"
    record = {"id": "r", "text": GOOD, "title": "From the record", "outlet": "Record Outlet",
              "published": "2024-03-05T08:00:00+03:00"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["zones", "-f", "jsonl", *flags, str(feed)])
    assert result.exit_code == 0, result.output
    [out] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {k: out[k] for k in expected} == expected
    assert dt.date.fromisoformat(out["published"])


def test_rules_only_writes_the_rules_reading(tmp_path: Path, monkeypatch):
    """--rules-only: the rules' reading; without it, the learned model's (here a model written for the test that
    reads every statement as neutral)."""
    import onrecord.stance.learned as learned

    article = tmp_path / "talks.txt"
    article.write_text("Peace talks resumed in Geneva on Monday, the mediators said.\n\nThe rebels' spokesman said the "
                       "movement would attend the next round if the prisoners were released first.\n",
                       encoding="utf-8")
    neutral = learned.StanceModel(learned.CLASSES, {"bias": (0.0, 0.0, 0.0, 0.0, 9.0)})
    monkeypatch.setattr(learned, "load_stance_model", lambda: neutral)
    stances = {}
    for flags in ((), ("--rules-only",)):
        result = CliRunner().invoke(app, ["analyze", str(article), "--format", "jsonl", *flags])
        assert result.exit_code == 0, result.output
        (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        stances[flags] = [s["stance"] for s in record["statements"] if "attend" in s["text"]]
    assert stances[("--rules-only",)] == ["conditional"] and stances[()] == ["neutral"]


def test_rules_only_reaches_ingest_and_evaluate(tmp_path: Path, monkeypatch):
    """--rules-only on ingest (the stored stances) and evaluate (the stance figure), against a model written for
    the test that reads every statement as neutral."""
    import sqlite3

    import onrecord.stance.learned as learned

    monkeypatch.setattr(learned, "load_stance_model",
                        lambda: learned.StanceModel(learned.CLASSES, {"bias": (0.0, 0.0, 0.0, 0.0, 9.0)}))
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "talks.txt").write_text(
        "Peace talks resumed in Geneva on Monday, the mediators said.\n\nThe rebels' spokesman said the movement "
        "would attend the next round if the prisoners were released first.\n", encoding="utf-8")
    stored = {}
    for flags in ((), ("--rules-only",)):
        db = tmp_path / f"ledger{len(flags)}.db"
        result = CliRunner().invoke(app, ["ingest", str(articles), "--db", str(db), *flags])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as conn:
            stored[flags] = [s for (t, s) in conn.execute("SELECT text, stance FROM statements") if "attend" in t]
    assert stored[("--rules-only",)] == ["conditional"] and stored[()] == ["neutral"]
    # the same ledger read again the other way: not "unchanged", the stored reading is replaced
    db = tmp_path / "ledger0.db"
    result = CliRunner().invoke(app, ["ingest", str(articles), "--db", str(db), "--rules-only"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert [s for (t, s) in conn.execute("SELECT text, stance FROM statements") if "attend" in t] == ["conditional"]

    root = Path(__file__).resolve().parents[2] / "examples"
    figures = {}
    for flags in ((), ("--rules-only",)):
        result = CliRunner().invoke(app, ["evaluate", "--gold", str(root / "gold"), "--articles",
                                          str(root / "articles"), "--meta", str(root / "meta.json"), "--json",
                                          *flags])
        assert result.exit_code == 0, result.output
        figures[flags] = json.loads(result.stdout)["stance_accuracy"]
    assert figures[("--rules-only",)] > 0.9 > figures[()]  # the examples take every stance, not only neutral


@pytest.mark.parametrize("which", ["stance", "pair"])
@pytest.mark.parametrize("command", ["analyze", "ingest", "evaluate"])
def test_a_broken_model_is_one_error_for_the_run(tmp_path: Path, monkeypatch, command, which):
    """A missing or broken model file (the stance model or the pair model) stops the run before any article, with
    one line naming the file and the fix; --rules-only runs without it."""
    import onrecord.learned_pairs as learned_pairs
    import onrecord.stance.learned as learned
    from onrecord.errors import OnrecordError

    def broken():
        raise OnrecordError(f"/x/{which}_model.json: the packaged {which} model is missing: reinstall onrecord, "
                            "or run with --rules-only")

    if which == "stance":
        monkeypatch.setattr(learned, "load_stance_model", broken)
    else:
        monkeypatch.setattr(learned_pairs, "load_pair_model", broken)
    articles = tmp_path / "in"
    articles.mkdir()
    for k in range(3):
        (articles / f"a{k}.txt").write_text(GOOD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2] / "examples"
    args = {"analyze": ["analyze", str(articles)], "ingest": ["ingest", str(articles), "--db", str(tmp_path / "l.db")],
            "evaluate": ["evaluate", "--gold", str(root / "gold"), "--articles", str(root / "articles")]}[command]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if f"{which}_model.json" in line] == [
        f"error /x/{which}_model.json: the packaged {which} model is missing: reinstall onrecord, or run with "
        "--rules-only"]
    assert CliRunner().invoke(app, [*args, "--rules-only"]).exit_code == 0
    # zones reads no stance: it runs with the broken model
    assert CliRunner().invoke(app, ["zones", str(articles)]).exit_code == 0
