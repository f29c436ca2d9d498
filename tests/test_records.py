"""Record dict forms carry exactly the contract's field names."""

import datetime as dt

import pytest

from onrecord.records import (
    SCHEMA, Analysis, Article, Channel, Contradiction, Event, EventActor, Span, Speaker, Statement, Zone,
)

ARTICLE_KEYS = {"schema", "id", "source", "title", "outlet", "published", "language", "zones", "statements",
                "events", "contradictions", "warnings"}
STATEMENT_KEYS = {"id", "kind", "text", "start", "end", "speaker", "cue", "channel", "said_on", "date_text", "zone",
                  "about_negotiations", "stance", "counterpart", "conditions", "via"}
SPEAKER_KEYS = {"name", "actor_id", "mention", "start", "end", "role", "affiliation"}
EVENT_KEYS = {"id", "type", "mode", "cameo", "source", "target", "date", "location", "negated", "hypothetical",
              "statement", "text", "start", "end"}

TEXT = "Peskov said on Monday that talks were off."


def _statement() -> Statement:
    return Statement(
        id="s1", kind="indirect", text="talks were off", start=27, end=41,
        speaker=Speaker(name="Dmitry Peskov", mention="Peskov", start=0, end=6, affiliation="Russia"),
        cue=Span(7, 11, "said"), channel=Channel("TASS", 0, 0), said_on=dt.date(2024, 8, 19),
        date_text="Monday", conditions=(Span(27, 32, "talks"),),
    )


@pytest.mark.parametrize("with_text", [False, True])
def test_records_analysis_to_dict_has_contract_keys(with_text):
    article = Article(id="a", text=TEXT, published=dt.date(2024, 8, 20))
    event = Event(id="e1", type="REJECT", text="talks", start=27, end=32, source=EventActor("Dmitry Peskov"))
    analysis = Analysis(article=article, zones=(Zone("body", 0, len(TEXT)),), statements=(_statement(),),
                        events=(event,), contradictions=(Contradiction("s1", "s1", "shift", "x"),))
    d = analysis.to_dict(with_text=with_text)
    assert set(d) == ARTICLE_KEYS | ({"text"} if with_text else set())
    assert d["schema"] == SCHEMA and d["published"] == "2024-08-20" and d["language"] == "en"
    s = d["statements"][0]
    assert set(s) == STATEMENT_KEYS
    assert set(s["speaker"]) == SPEAKER_KEYS
    assert s["said_on"] == "2024-08-19" and s["cue"] == {"text": "said", "start": 7, "end": 11}
    assert TEXT[s["start"]:s["end"]] == s["text"]
    assert set(d["events"][0]) == EVENT_KEYS
    assert set(d["contradictions"][0]) == {"a", "b", "kind", "why"}
