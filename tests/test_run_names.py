"""Full names across a run: a surname-only speaker in one article is completed from the full name another
article of the same run gives, whatever the input order or the number of workers; a surname two people of
the run share completes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.actors.run_names import RunNames, harvest_names
from onrecord.batch import analyze_stream
from onrecord.pipeline import RunContext, analyze_article, analyze_many
from onrecord.records import Article

FULL = "Foreign Minister Anna Berg said on Monday that talks with the rebels would resume in March."
SURNAME = "Berg said on Tuesday that the talks would not resume while the shelling went on."
OTHER_BERG = "Economy Minister Lars Berg said on Wednesday that the budget would be cut."
UNRELATED = "Deputy Prime Minister Ines Varga said her government was open to a ceasefire."


def _article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", text=f"Talks Update {i}\n\n{text}\n", published=dt.date(2025, 3, 1 + i),
                   outlet=f"Wire {i}")


def _speakers(analyses, article_id: str) -> list[str | None]:
    for a in analyses:
        if a.article.id == article_id:
            return [s.speaker.name for s in a.statements]
    raise AssertionError(f"no analysis for {article_id}")


@pytest.mark.parametrize("text, names", [
    (FULL, ["Anna Berg"]),
    ("Anna Berg, the foreign minister, said so.", ["Anna Berg"]),
    ("Talks With Kyiv Resume As The Kremlin Says Nothing.", []),  # no person evidence in title case
    ("Army chief Abdel Fattah al-Burhan told troops.", ["Abdel Fattah al-Burhan"]),
])
def test_run_names_harvest(text, names):
    assert harvest_names(text) == names


def test_run_names_surname_shared_by_two_people_completes_nothing():
    table = RunNames.harvest([FULL, OTHER_BERG, UNRELATED])
    assert table.complete("Berg") is None and table.complete("Varga") == "Ines Varga"


@pytest.mark.parametrize("order", [[0, 1, 2], [1, 2, 0], [2, 1, 0]])
def test_run_names_completion_does_not_depend_on_order(order):
    articles = [_article(0, FULL), _article(1, SURNAME), _article(2, UNRELATED)]
    analyses = analyze_many([articles[i] for i in order])
    assert _speakers(analyses, "a1") == ["Anna Berg"]


def test_run_names_collision_across_the_run_leaves_surname_unnamed():
    articles = [_article(0, FULL), _article(1, SURNAME), _article(2, OTHER_BERG)]
    assert _speakers(analyze_many(articles), "a1") == [None]


def test_run_names_single_article_call_keeps_working():
    article = _article(1, SURNAME)
    assert [s.speaker.name for s in analyze_article(article).statements] == [None]
    context = RunContext.from_articles([_article(0, FULL), article])
    assert [s.speaker.name for s in analyze_article(article, None, context).statements] == ["Anna Berg"]


def test_run_names_two_workers_same_as_one():
    articles = [_article(0, SURNAME), _article(1, UNRELATED), _article(2, FULL), _article(3, SURNAME)]
    one = [r.to_dict() for r in analyze_stream(articles, workers=1)]
    two = [r.to_dict() for r in analyze_stream(articles, workers=2)]
    assert one == two
    assert [s["speaker"]["name"] for s in one[0]["statements"]] == ["Anna Berg"]
