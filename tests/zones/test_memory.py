"""Cross-document boilerplate memory: recurring paragraphs per outlet."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import OnrecordError
from onrecord.records import Article
from onrecord.zones import BoilerplateMemory, find_zones
from onrecord.zones.memory import fingerprint

# A promo line with no page vocabulary and no address to the reader: only recurrence can reveal it.
PROMO = "The Evening Ledger is published by Northgate Press in four cities."
STORIES = [
    ("Bridge Repairs Start Next Week", "Crews will close two lanes of the river bridge from Monday, the city said."),
    ("Library Extends Opening Hours", "The central library will stay open until nine on weekdays, officials said."),
    ("School Board Picks New Chair", "The school board elected a retired teacher as its chair on Wednesday."),
]


def article(i: int, outlet: str | None, promo: bool = True) -> Article:
    headline, news = STORIES[i]
    parts = [headline, news, PROMO] if promo else [headline, news]
    return Article(id=f"a{i}", text="\n\n".join(parts), outlet=outlet)


def kind_of(a: Article, piece: str, memory: BoilerplateMemory | None) -> str:
    at = a.text.index(piece)
    (kind,) = {z.kind for z in find_zones(a, memory) if z.start <= at < z.end}
    return kind


def test_memory_recurring_paragraph_is_boilerplate_for_its_outlet():
    articles = [article(i, "Evening Ledger") for i in range(3)]
    memory = BoilerplateMemory.from_articles(articles)
    assert memory.count("Evening Ledger", PROMO) == 3
    for a in articles:
        assert kind_of(a, PROMO, None) == "body"  # alone it looks like news
        assert kind_of(a, PROMO, memory) == "boilerplate"
        assert kind_of(a, STORIES[int(a.id[1])][1], memory) == "body"


def test_memory_does_not_leak_into_another_outlet():
    ledger = [article(i, "Evening Ledger") for i in range(2)]
    other = article(2, "Morning Post")
    memory = BoilerplateMemory.from_articles([*ledger, other])
    assert memory.count("Morning Post", PROMO) == 1
    assert kind_of(other, PROMO, memory) == "body"


@pytest.mark.parametrize("outlet", [None, "Evening Ledger"])
def test_memory_groups_articles_without_outlet_together(outlet):
    articles = [article(0, outlet), article(1, outlet)]
    memory = BoilerplateMemory.from_articles(articles)
    assert kind_of(articles[0], PROMO, memory) == "boilerplate"


def test_memory_ignores_a_near_duplicate_article():
    a = article(0, "Evening Ledger")
    twin = Article(id="twin", text=a.text, outlet=a.outlet)
    memory = BoilerplateMemory.from_articles([a, twin])
    assert kind_of(a, STORIES[0][1], memory) == "body"
    assert {z.kind for z in find_zones(a, memory)} == {"headline", "body"}


@pytest.mark.parametrize(
    "a, b",
    [
        ("We\u2019re grateful to our readers.", "We're grateful to our readers."),
        ("Thank  you\u00a0for reading!", "thank you for reading"),
    ],
)
def test_memory_fingerprint_folds_scraping_differences(a, b):
    assert fingerprint(a) == fingerprint(b)


def test_memory_round_trips_through_json():
    memory = BoilerplateMemory.from_articles([article(i, o) for i, o in [(0, None), (1, "X"), (2, "X")]])
    again = BoilerplateMemory.from_dict(json.loads(json.dumps(memory.to_dict())))
    assert again.counts == memory.counts
    assert again.count("X", PROMO) == 2 and again.count(None, PROMO) == 1


def test_memory_from_dict_rejects_other_data():
    with pytest.raises(OnrecordError, match="to_dict"):
        BoilerplateMemory.from_dict({"counts": {}})
