"""Dates: the day a statement was made, from sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.dates import DateRef, find_said_on, resolve_date_text

TUE = dt.date(2024, 8, 20)  # a Tuesday
MON = dt.date(2024, 8, 19)  # a Monday
SUN = dt.date(2024, 8, 18)


def d(day: int, month: int = 8, year: int = 2024) -> dt.date:
    return dt.date(year, month, day)


# (published, cue word, sentence, expected date text or None, expected date or None)
CASES = [
    # weekday: same day as publication, else the most recent past one
    (TUE, "said", '"We will not negotiate," Shoigu said Tuesday.', "Tuesday", TUE),
    (MON, "said", "The aide said Monday that holding talks would be impossible.", "Monday", MON),
    (TUE, "said", "The aide said Monday that holding talks would be impossible.", "Monday", d(19)),
    (TUE, "said", "On Sunday, the president said that the goal was a buffer zone.", "Sunday", d(18)),
    (SUN, "said", "On Sunday, the president said that the goal was a buffer zone.", "Sunday", SUN),
    (TUE, "said", "The envoy said on Wednesday that a deal was close.", "Wednesday", d(14)),
    (TUE, "said", "The minister said last Tuesday that the border was closed.", "last Tuesday", d(13)),
    # the date of the saying, not one in the reported content
    (TUE, "said", "The minister said Monday that the talks on Friday would go ahead.", "Monday", d(19)),
    (TUE, "said", '"There will be no truce," he said Monday, adding that the war would go on until Friday.',
     "Monday", d(19)),
    (TUE, "said", "The aide said talks would be held next Friday.", None, None),
    (TUE, "said", "The president, who visited the front on Friday, said Monday that the offensive had succeeded.",
     "Monday", d(19)),
    (TUE, "said", "The talks, which began on Aug. 2, have stalled, the mediator said Saturday.", "Saturday", d(17)),
    (TUE, "said", "The minister said the offensive began last week.", None, None),
    (TUE, "said", "Lavrov said on 12 August that the talks would resume on Aug. 25.", "12 August", d(12)),
    # hedges and times of day
    (TUE, "quoted", "Peskov was quoted as saying by the TASS news agency on Tuesday evening.", "Tuesday evening", TUE),
    (TUE, "said", "The general said late Sunday that the attack was repelled.", "late Sunday", d(18)),
    (TUE, "said", "The envoy, speaking on Saturday, said a deal was close.", "Saturday", d(17)),
    (TUE, "said", "Peskov spoke to reporters on Thursday and said the Kremlin had no plans for talks.", "Thursday", d(15)),
    (TUE, "told", "Peskov told reporters yesterday that the Kremlin was open to talks.", "yesterday", d(19)),
    (TUE, "said", "The spokesman said today that a ceasefire was not on the table.", "today", TUE),
    (TUE, "said", "The spokesman said on Aug. 12 that a ceasefire was not on the table.", "Aug. 12", d(12)),
    (dt.date(2025, 1, 3), "said", "The spokesman said on Dec. 28 that a ceasefire was not on the table.", "Dec. 28",
     d(28, 12, 2024)),
    # coarser than a day: the text is kept, the day is not guessed
    (TUE, "said", '"We are ready," Lavrov said in an interview with CNN earlier this month.', "earlier this month", None),
    (TUE, "wrote", "Zelensky wrote on X nearly two weeks ago that the offensive was going well.", "nearly two weeks ago",
     None),
    (TUE, "said", "Early last month, the president said he was ready to meet.", "Early last month", None),
    (TUE, "said", "The foreign minister said this week that Kyiv would not cede territory.", "this week", None),
    (TUE, "said", "The foreign minister said last month that Kyiv would not cede territory.", "last month", None),
    # no publication date: text kept, day unknown
    (None, "said", "The aide said Monday that holding talks would be impossible.", "Monday", None),
    (None, "said", "The general said late Sunday that the attack was repelled.", "late Sunday", None),
    # future relative to publication: not a said-on date
    (TUE, "said", "The spokesman said on Aug. 25 that a ceasefire was not on the table.", None, None),
    (TUE, "said", "The minister said tomorrow that the border would reopen.", None, None),
    # no date at all
    (TUE, "said", "The minister said that the talks would go ahead.", None, None),
]


def _sentence(nlp, text: str, cue_word: str | None):
    sent = next(nlp(text).sents)
    cue = next(t for t in sent if t.text == cue_word) if cue_word else None
    return sent, cue


@pytest.mark.slow
@pytest.mark.parametrize("published,cue_word,text,date_text,day", CASES)
def test_dates_said_on_from_the_cue_clause(nlp, published, cue_word, text, date_text, day):
    sent, cue = _sentence(nlp, text, cue_word)
    ref = find_said_on(sent, 0, published, cue)
    assert (ref.text if ref else None) == date_text
    assert (ref.date if ref else None) == day


@pytest.mark.slow
@pytest.mark.parametrize("published,cue_word,text,date_text,day", [c for c in CASES if c[3] is not None])
def test_dates_offsets_index_the_article(nlp, published, cue_word, text, date_text, day):
    prefix = "A headline\n\nA first paragraph that says nothing of dates.\n"
    article = prefix + text
    sent, cue = _sentence(nlp, text, cue_word)
    ref = find_said_on(sent, len(prefix), published, cue)
    assert isinstance(ref, DateRef)
    assert article[ref.start:ref.end] == ref.text == date_text


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Russian officials said Monday that no talks were planned.", "Monday"),
    ("On Sunday, the ministry said that the strikes would go on.", "Sunday"),
])
def test_dates_without_cue_uses_sentence_root(nlp, text, expected):
    sent, _ = _sentence(nlp, text, None)
    ref = find_said_on(sent, 0, TUE)
    assert ref is not None and ref.text == expected


@pytest.mark.parametrize("text,published,expected", [
    ("Tuesday", TUE, TUE),                       # same-day rule
    ("tuesday", TUE, TUE),
    ("Monday", TUE, d(19)),
    ("Wednesday", TUE, d(14)),                   # most recent past Wednesday
    ("last Tuesday", TUE, d(13)),
    ("this past Sunday", TUE, d(18)),
    ("Sunday evening", TUE, d(18)),
    ("earlier Tuesday", TUE, TUE),
    ("early Monday", TUE, d(19)),
    ("yesterday", TUE, d(19)),
    ("today", TUE, TUE),
    ("three days ago", TUE, d(17)),
    ("Aug. 12", TUE, d(12)),
    ("on 12 August", TUE, d(12)),
    ("August 12th", TUE, d(12)),
    ("Aug. 12, 2023", None, d(12, 8, 2023)),     # a full calendar date needs no base
    ("Dec. 28", dt.date(2025, 1, 3), d(28, 12, 2024)),  # nearest year
    ("Aug. 25", TUE, d(25)),                     # future is returned; find_said_on rejects it
    ("next Friday", TUE, d(23)),
    ("tomorrow", TUE, d(21)),
    ("last week", TUE, None),                    # coarser than a day
    ("earlier this month", TUE, None),
    ("nearly two weeks ago", TUE, None),
    ("early last month", TUE, None),
    ("August", TUE, None),
    ("2023", TUE, None),
    ("Monday", None, None),                      # nothing relative without a publication date
    ("yesterday", None, None),
    ("a day earlier", TUE, None),                # relative to something other than publication
])
def test_dates_resolve_date_text(text, published, expected):
    assert resolve_date_text(text, published) == expected
