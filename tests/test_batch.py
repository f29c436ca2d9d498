"""Batch runs: in-process, worker processes and a Dask LocalCluster give the same results, in input order,
with a failing article recorded as a Failure while the rest go on."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import onrecord.pipeline
from onrecord.batch import analyze_dask, analyze_stream, check_dask_address, dask_client
from onrecord.errors import OptionsError
from onrecord.records import Analysis, Article, Failure
from onrecord.zones import BoilerplateMemory

SENTENCES = [
    "Deputy Foreign Minister Lena Okafor said on Monday that talks with the northern rebels would resume "
    "only after the shelling stops.",
    "\u201cWe will not negotiate while our towns are under fire,\u201d Defence Minister Pavel Rudd told "
    "reporters in the capital.",
    "Prime Minister Ines Varga said her government was open to a ceasefire and had never refused dialogue.",
    "The rebel commander, Tomas Reyes, said there could be no peace deal until the army withdrew.",
    "A spokesman for the mediators, Jonas Wel, said the next round of talks was planned for March.",
]


def _articles(n: int = 5) -> list[Article]:
    return [Article(id=f"art{i}", source=f"in/art{i}.txt", text=f"Talks Round {i}\n\n{SENTENCES[i % len(SENTENCES)]}\n",
                    published=dt.date(2025, 2, 10 + i), outlet="Test Wire") for i in range(n)]


def _memory(articles: list[Article]) -> BoilerplateMemory:
    return BoilerplateMemory.from_articles(a for a in articles if isinstance(a.text, str))


def _bad_text_article() -> Article:
    # A reader bug handing over something that is not text: the analysis itself raises (TypeError).
    return Article(id="not-text", source="in/not-text.bin", text=None)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def single() -> list[Analysis | Failure]:
    articles = _articles()
    return list(analyze_stream(articles, None, _memory(articles), workers=1))


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_stream_workers_give_identical_results_in_input_order(single, workers):
    articles = _articles()
    results = list(analyze_stream(articles, None, _memory(articles), workers=workers))
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert results == single
    assert all(isinstance(r, Analysis) for r in results)
    assert sum(len(r.statements) for r in results) >= len(articles) - 1, "the test sentences should yield statements"


def _raise_on_boom(real):
    def find_zones(article, memory=None):
        if article.id == "boom":
            raise RuntimeError("zoning exploded on purpose")
        return real(article, memory)
    return find_zones


@pytest.mark.parametrize("workers,how", [(1, "failing stage"), (2, "not text")])
def test_batch_stream_failing_article_becomes_failure_and_rest_go_on(single, monkeypatch, workers, how):
    articles = _articles()
    if how == "failing stage":  # in this process only: the zoning stage raises for one article
        monkeypatch.setattr(onrecord.pipeline, "find_zones", _raise_on_boom(onrecord.pipeline.find_zones))
        bad = Article(id="boom", source="in/boom.txt", text="Boom\n\nAn article like any other, said the editor.\n")
        problem = "RuntimeError: zoning exploded on purpose"
    else:
        bad = _bad_text_article()
        problem = "TypeError"
    mixed = articles[:2] + [bad] + articles[2:]
    results = list(analyze_stream(mixed, None, _memory(articles), workers=workers))
    assert len(results) == len(mixed)
    failure = results[2]
    assert isinstance(failure, Failure)
    assert failure.source == bad.source and problem in failure.problem
    assert results[:2] + results[3:] == single


@pytest.mark.parametrize("make", [
    lambda single: single[0],
    lambda single: Failure(source="in/x.txt", problem="analysis failed: ValueError: bad", place="line 3"),
])
def test_batch_records_survive_pickling(single, make):
    record = make(single)
    assert pickle.loads(pickle.dumps(record)) == record


@pytest.mark.parametrize("address,ok", [
    ("local", True), ("tcp://10.0.0.5:8786", True), ("scheduler.internal:8786", True),
    ("tcp://[::1]:8786", True), ("local cluster", False), ("http://x y", False), ("", False),
])
def test_batch_dask_address_is_checked(address, ok):
    if ok:
        assert check_dask_address(address) == address
    else:
        with pytest.raises(OptionsError, match="neither 'local' nor a scheduler address"):
            check_dask_address(address)


def test_batch_dask_no_articles_starts_no_cluster():
    # An unreachable address proves no connection is attempted when there is nothing to analyse.
    assert list(analyze_dask([], address="tcp://127.0.0.1:1")) == []


def test_batch_dask_unreachable_scheduler_is_one_clear_error(monkeypatch):
    monkeypatch.setattr("onrecord.batch.DASK_CONNECT_TIMEOUT_S", 1)
    with pytest.raises(OptionsError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        list(analyze_dask(_articles(1), address="tcp://127.0.0.1:1"))


def _model_loads() -> int:
    from onrecord.nlp import load_model

    return load_model.cache_info().misses


@pytest.mark.slow
def test_batch_dask_local_cluster_matches_single_process(single):
    articles = _articles()
    mixed = articles[:3] + [_bad_text_article()] + articles[3:]
    with dask_client("local", workers=2) as client:
        first = list(analyze_dask(mixed, None, _memory(articles), client=client))
        again = list(analyze_dask(articles, None, _memory(articles), client=client))
        loads = client.run(_model_loads)
    assert isinstance(first[3], Failure) and first[3].source == "in/not-text.bin"
    assert "TypeError" in first[3].problem
    assert first[:3] + first[4:] == single
    assert again == single
    assert len(loads) == 2 and set(loads.values()) <= {0, 1}, f"the model was loaded more than once: {loads}"
    assert sum(loads.values()) >= 1
