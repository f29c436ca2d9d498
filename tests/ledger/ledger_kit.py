"""Hand-built analyses for the ledger tests: every span is cut from the text it points into."""

from __future__ import annotations

import datetime as dt

from onrecord.records import (Analysis, Article, Channel, Contradiction, Event, EventActor, Span, Speaker,
                              Statement, Zone)


def said(text: str, quote: str, sid: str, name: str | None, actor_id: str | None = None,
         affiliation: str | None = "Northland", stance: str | None = "reject", on: dt.date | None = None,
         role: str | None = None, condition: str | None = None, cue: str | None = None,
         channel: str | None = None) -> Statement:
    """A statement whose quote, speaker mention, cue, channel and condition are found in ``text``."""
    start = text.index(quote)
    mention = name.split()[-1] if name else None
    m_start = text.find(mention) if mention and mention in text else None

    def span(part: str | None) -> Span | None:
        if not part:
            return None
        i = text.index(part)
        return Span(i, i + len(part), part)

    ch = None
    if channel:
        i = text.index(channel)
        ch = Channel(channel, i, i + len(channel))
    return Statement(
        id=sid, kind="direct", text=quote, start=start, end=start + len(quote),
        speaker=Speaker(name=name, actor_id=actor_id, mention=mention if m_start is not None else None,
                        start=m_start, end=m_start + len(mention) if m_start is not None else None, role=role,
                        affiliation=affiliation),
        cue=span(cue), channel=ch, said_on=on, about_negotiations=stance is not None, stance=stance,
        conditions=tuple(x for x in [span(condition)] if x),
    )


def article(article_id: str, text: str, statements=(), published: dt.date | None = dt.date(2024, 5, 1),
            outlet: str | None = "Daily Wire", events=(), contradictions=(), warnings=(),
            title: str | None = None, source: str | None = None) -> Analysis:
    art = Article(id=article_id, text=text, published=published, outlet=outlet, title=title,
                  source=source or f"in/{article_id}.txt", language="en")
    return Analysis(article=art, zones=(Zone("body", 0, len(text)),) if text else (),
                    statements=tuple(statements), events=tuple(events), contradictions=tuple(contradictions),
                    warnings=tuple(warnings))


def rich_article(article_id: str = "rich", published: dt.date = dt.date(2024, 5, 2)) -> Analysis:
    """Every field of the contract set: headline and body zones, cue, channel, conditions, events, a pair."""
    head = "Minister Rules Out Talks\n\n"
    body = ("Defence Minister Ivan Petrov told the news agency Tass on Monday: \u201cThere will be no talks "
            "while their troops remain on our soil.\u201d Later, Petrov said \u201cwe never refused to meet "
            "them\u201d and added that a truce was possible.")
    text = head + body
    s1 = said(text, "There will be no talks while their troops remain on our soil.", "s1", "Ivan Petrov",
              actor_id=None, role="Defence Minister", stance="reject", on=published,
              condition="while their troops remain on our soil", cue="told", channel="the news agency Tass")
    s2 = said(text, "we never refused to meet them", "s2", "Ivan Petrov", stance="open", on=published)
    i = text.index("There will be no talks")
    ev = Event(id="e1", type="REJECT", text=text[i:i + 22], start=i, end=i + 22, mode="meet", cameo="125",
               source=EventActor("Ivan Petrov", None, "Northland"), target=EventActor("Southland"),
               date=published, negated=False, hypothetical=False, statement="s1")
    art = Article(id=article_id, text=text, published=published, outlet="Daily Wire", title="Minister Rules Out Talks",
                  source=f"in/{article_id}.html", language="en")
    return Analysis(article=art, zones=(Zone("headline", 0, len(head)), Zone("body", len(head), len(text))),
                    statements=(s1, s2), events=(ev,),
                    contradictions=(Contradiction("s1", "s2", "contradiction", "Petrov rules out talks; Petrov is open"),),
                    warnings=("a warning kept verbatim",))
