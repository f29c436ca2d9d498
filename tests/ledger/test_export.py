"""Exports on a real SQLite file: JSONL articles equal the stored analyses; CSV and Parquet re-read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from .ledger_kit import article, rich_article, said

from onrecord.errors import LedgerError
from onrecord.ledger import Ledger
from onrecord.ledger import export as ex
from onrecord.records import Analysis, Article, Speaker, Statement

OTHER = "Foreign Minister Lena Novak said \u201cwe are open to talks\u201d on Friday."


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "x.db"))
    yield led
    led.close()


def _stored(ledger) -> list[Analysis]:
    # another side's statement: no cross-article pair, so each record is exactly its analysis
    analyses = [rich_article(), article("plain", OTHER, [said(OTHER, "we are open to talks", "s1", "Lena Novak",
                                                              stance="open", affiliation="Eastland")])]
    for a in analyses:
        ledger.store(a)
    return analyses


def _jsonl(ledger, what: str, with_text: bool = False) -> list[dict]:
    buf = io.StringIO()
    ex.export(ledger, what, "jsonl", buf, with_text)
    return [json.loads(line) for line in buf.getvalue().splitlines()]  # splitlines: the strictest reader


@pytest.mark.parametrize("with_text", [False, True])
def test_export_jsonl_articles_equal_the_stored_analyses(ledger, with_text):
    analyses = _stored(ledger)
    got = {r["id"]: r for r in _jsonl(ledger, "articles", with_text)}
    assert got == {a.article.id: a.to_dict(with_text=with_text) for a in analyses}


def test_export_articles_stream_in_batches(ledger, monkeypatch):
    monkeypatch.setitem(ex.BATCH, "articles", 2)
    monkeypatch.setitem(ex.BATCH, "statements", 2)
    for i in range(5):
        ledger.store(article(f"n{i}", OTHER + f" Item {i}.", [said(OTHER, "we are open to talks", "s1", "Lena Novak")]))
    assert sorted(r["id"] for r in _jsonl(ledger, "articles")) == [f"n{i}" for i in range(5)]
    assert len(_jsonl(ledger, "statements")) == 5


@pytest.mark.parametrize("what,key,expected", [
    ("statements", "speaker.name", {"Ivan Petrov", "Lena Novak"}),
    ("events", "type", {"REJECT"}),
    ("actors", "name", {"Ivan Petrov", "Lena Novak"}),
])
def test_export_csv_rereads_with_dotted_columns(ledger, tmp_path, what, key, expected):
    _stored(ledger)
    path = tmp_path / f"{what}.csv"
    n = ex.export(ledger, what, "csv", path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n and {r[key] for r in rows} == expected
    assert list(rows[0]) == ex.columns(ex.spec_for(what))


def test_export_csv_statement_fields_round_trip(ledger, tmp_path):
    analyses = _stored(ledger)
    path = tmp_path / "s.csv"
    ex.export(ledger, "statements", "csv", path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {r["text"]: r for r in csv.DictReader(fh)}
    s1 = analyses[0].statements[0]
    row = rows[s1.text]
    assert row["cue.text"] == "told" and int(row["cue.start"]) == s1.cue.start
    assert row["channel.name"] == "the news agency Tass"
    assert json.loads(row["conditions"]) == [c.to_dict() for c in s1.conditions]
    assert row["about_negotiations"] == "true" and row["stance"] == "reject"
    assert row["article.id"] == "rich" and row["day"] == "2024-05-02"
    assert row["counterpart"] == ""  # null is an empty cell


def test_export_parquet_rereads_with_pyarrow(ledger, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    analyses = _stored(ledger)
    for what in ex.WHATS:
        path = tmp_path / f"{what}.parquet"
        n = ex.export(ledger, what, "parquet", path)
        table = pq.read_table(path)
        assert table.num_rows == n
    records = {r["id"]: r for r in pq.read_table(tmp_path / "articles.parquet").to_pylist()}
    expected = analyses[0].to_dict()
    got = records["rich"]
    assert got["statements"] == expected["statements"] and got["events"] == expected["events"]
    assert got["zones"] == expected["zones"] and got["duplicate_of"] is None


def test_export_parquet_without_a_file_is_a_clear_error(ledger):
    with pytest.raises(LedgerError, match="-o FILE.parquet"):
        ex.export(ledger, "statements", "parquet", io.StringIO())


@pytest.mark.parametrize("what", ["article", "speakers"])
def test_export_unknown_kind_is_a_clear_error(ledger, what):
    with pytest.raises(LedgerError, match="choose one of articles, statements, events, actors"):
        ex.export(ledger, what, "jsonl", io.StringIO())


def test_export_empty_ledger_writes_a_header_only_csv_and_an_empty_parquet(ledger, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    buf = io.StringIO()
    assert ex.export(ledger, "statements", "csv", buf) == 0
    assert buf.getvalue().splitlines() == [",".join(ex.columns(ex.spec_for("statements")))]
    assert ex.export(ledger, "articles", "parquet", tmp_path / "a.parquet") == 0
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 0


@pytest.fixture(scope="module")
def shared_ledger(tmp_path_factory):
    led = Ledger.open(str(tmp_path_factory.mktemp("u") / "u.db"))
    yield led
    led.close()


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=200), name=st.text(min_size=1, max_size=30))
def test_export_arbitrary_unicode_survives_jsonl_and_csv(shared_ledger, text, name):
    led = shared_ledger  # one file for all examples (opening one costs more than the check); ids keep them apart
    stmt = Statement(id="s1", kind="direct", text=text, start=0, end=len(text), speaker=Speaker(name=name, mention=name),
                     said_on=dt.date(2024, 1, 2))
    analysis = Analysis(article=Article(id=name, text=text, title=text[:10], outlet=name), statements=(stmt,))
    led.store(analysis)
    (rec,) = [r for r in _jsonl(led, "articles", with_text=True) if r["id"] == name]
    assert rec == analysis.to_dict(with_text=True)
    buf = io.StringIO(newline="")
    ex.export(led, "statements", "csv", buf)
    (row,) = [r for r in csv.DictReader(io.StringIO(buf.getvalue(), newline=""), strict=True)
              if r["article.id"] == name]
    assert row["text"] == text and row["speaker.name"] == name and row["article.outlet"] == name
