"""Typed records that flow through the stages; their ``to_dict()`` is exactly ``contract.md``.

Every record with ``start``/``end`` holds Python ``str`` offsets (code points, ``end`` exclusive) into the
article text, and ``text[start:end]`` equals the record's text: the provenance invariant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Mapping

SCHEMA = "onrecord.article/1"

ZoneKind = Literal["headline", "byline", "caption", "body", "boilerplate", "other"]
ZONE_KINDS: tuple[str, ...] = ("headline", "byline", "caption", "body", "boilerplate", "other")
StatementKind = Literal["direct", "indirect"]
Stance = Literal["reject", "conditional", "open", "neutral"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def points_into(self, text: str) -> bool:
        """The provenance invariant: the span's offsets give its text in ``text``."""
        return text[self.start : self.end] == self.text


def spans_into(spans: Iterable["Span"], text: str) -> tuple["Span", ...]:
    """The spans whose offsets point into ``text`` (``Span.points_into``); any other is dropped."""
    return tuple(span for span in spans if span.points_into(text))


@dataclass(frozen=True, slots=True)
class Zone:
    """A region of the text with its role on the page. Zones tile the text without overlap."""

    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: the text exactly as decoded, plus metadata."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language or "en",
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: canonical name and actor id, and how the article names them at this statement."""

    name: str | None = None
    actor_id: str | None = None
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    role: str | None = None
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True)
class Channel:
    """The medium a statement went through: "TASS", "the Telegram news channel Shot"."""

    name: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    kind: str  # "direct" | "indirect"
    text: str
    start: int
    end: int
    speaker: Speaker = field(default_factory=Speaker)
    cue: Span | None = None
    channel: Channel | None = None
    said_on: dt.date | None = None
    date_text: str | None = None
    zone: str = "body"
    about_negotiations: bool = False
    stance: str | None = None
    counterpart: str | None = None
    conditions: tuple[Span, ...] = ()
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "channel": self.channel.to_dict() if self.channel else None,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "date_text": self.date_text,
            "zone": self.zone,
            "about_negotiations": self.about_negotiations,
            "stance": self.stance,
            "counterpart": self.counterpart,
            "conditions": [c.to_dict() for c in self.conditions],
            "via": self.via,
        }


@dataclass(frozen=True, slots=True)
class EventActor:
    name: str
    actor_id: str | None = None
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id, "affiliation": self.affiliation}


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    text: str
    start: int
    end: int
    mode: str | None = None
    cameo: str | None = None
    source: EventActor | None = None
    target: EventActor | None = None
    date: dt.date | None = None
    location: str | None = None
    negated: bool = False
    hypothetical: bool = False
    statement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.isoformat() if self.date else None,
            "location": self.location,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "statement": self.statement,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    a: str
    b: str
    kind: str  # "contradiction" | "shift" | "clash"
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "kind": self.kind, "why": self.why}


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything onrecord found in one article."""

    article: Article
    zones: tuple[Zone, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA, **self.article.meta_dict()}
        if with_text:
            out["text"] = self.article.text
        out["zones"] = [z.to_dict() for z in self.zones]
        out["statements"] = [s.to_dict() for s in self.statements]
        out["events"] = [e.to_dict() for e in self.events]
        out["contradictions"] = [c.to_dict() for c in self.contradictions]
        out["warnings"] = list(self.warnings)
        return out


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or analysed: where, and why. Never dropped silently."""

    source: str
    problem: str
    place: str | None = None  # "line 7", "byte 1032", ...

    def line(self) -> str:
        where = f"{self.source}:{self.place}" if self.place else self.source
        return f"{where}: {self.problem}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "place": self.place, "problem": self.problem}
