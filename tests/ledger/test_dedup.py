"""Near-duplicate articles: a copy is stored once as a source of its original, its statements not doubled."""

from __future__ import annotations

import datetime as dt

import pytest
from .ledger_kit import article, said

from onrecord.ledger import Ledger, query
from onrecord.ledger import dedup
from onrecord.ledger.query import StatementFilter

STORY = [
    "The foreign minister of Northland, Anna Vik, said on Monday that her government would not open talks "
    "with Southland until the border crossings were reopened to aid convoys.",
    "\u201cThere will be no negotiations until they reopen the crossings,\u201d Vik told reporters in the capital, "
    "adding that the cabinet had discussed the matter late into the night.",
    "Southland officials did not respond to a request for comment. The border has been closed since March, "
    "when the first shells hit the customs post near the river town of Elm.",
    "Aid groups have warned that food stocks in the eastern districts will run out within weeks unless trucks "
    "are allowed through, and the United Nations has called for a pause in the fighting.",
    "The two sides last met in Geneva in January, when a round of talks ended without a joint statement and "
    "each accused the other of bad faith over the prisoner lists.",
]
ORIGINAL = "\n\n".join(STORY)
COPY = "Wire Service Daily | Home | World\n\n" + ORIGINAL + "\n\nCopyright Wire Service Daily. All rights reserved."
FOLLOW_UP = "\n\n".join([
    "Northland and Southland agreed on Friday to reopen two border crossings to aid convoys after a week of "
    "pressure from the United Nations and from donors meeting in Oslo.",
    STORY[3],
    "The agreement, announced in a joint statement, does not cover prisoner exchanges, which remain the main "
    "obstacle to a new round of negotiations, officials on both sides said.",
    "Trucks carrying flour and medicine were expected to cross on Saturday morning, according to the Red Cross, "
    "which will inspect the loads at the customs post near Elm.",
])
QUOTE = "There will be no negotiations until they reopen the crossings,"


def _analysis(article_id: str, text: str, outlet: str = "Daily Wire", published=dt.date(2024, 6, 3)):
    return article(article_id, text, [said(text, QUOTE, "s1", "Anna Vik")], published=published, outlet=outlet)


@pytest.mark.parametrize("a,b,duplicate", [
    (ORIGINAL, COPY, True),
    (ORIGINAL, ORIGINAL.replace("late into the night", "until dawn").replace("Monday", "Sunday"), True),
    (ORIGINAL, FOLLOW_UP, False),
    ("Talks resume on Monday in Geneva.", "Talks resume on Monday in Geneva.", False),  # too short to judge
])
def test_dedup_signature_similarity(a, b, duplicate):
    sa, sb = dedup.signature(a), dedup.signature(b)
    if sa is None or sb is None:
        assert not duplicate
        return
    assert (sa.jaccard(sb) >= dedup.DUPLICATE_THRESHOLD) is duplicate


def test_dedup_copy_is_counted_once_and_kept_as_a_source(tmp_path):
    led = Ledger.open(str(tmp_path / "d.db"))
    led.store(_analysis("orig", ORIGINAL))
    led.store(_analysis("copy", COPY, outlet="Wire Service Daily", published=dt.date(2024, 6, 4)))
    rows, total = query.statements(led, StatementFilter(speaker="Anna Vik"))
    assert total == 1 and rows[0]["article"]["id"] == "orig"
    assert [c["id"] for c in query.sources(led, "orig")] == ["copy"]
    assert query.timeline(led, "Vik")[0]["article"]["copies"][0]["outlet"] == "Wire Service Daily"
    assert led.counts()["articles"] == 2
    led.close()


def test_dedup_index_is_rebuilt_from_stored_signatures(tmp_path):
    path = str(tmp_path / "d.db")
    led = Ledger.open(path)
    led.store(_analysis("orig", ORIGINAL))
    led.close()
    again = Ledger.open(path)  # a later run: the LSH index comes from the signatures table
    again.store(_analysis("copy", COPY))
    assert query.sources(again, "orig")[0]["id"] == "copy"
    again.close()


def test_dedup_different_story_is_not_a_copy(tmp_path):
    led = Ledger.open(str(tmp_path / "d.db"))
    led.store(_analysis("orig", ORIGINAL))
    follow = FOLLOW_UP + "\n\n" + "\u201c" + QUOTE + "\u201d Vik said again."
    led.store(_analysis("later", follow))
    assert query.sources(led, "orig") == []
    assert query.statements(led, StatementFilter(speaker="Vik"))[1] == 2
    led.close()
