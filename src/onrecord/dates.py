"""Dates: on which day a statement was made ("said Monday", "on Aug. 12", "yesterday").

``find_said_on(sent, offset, published, cue)`` picks the date expression that modifies the *saying* (the
cue's own clause, see ``cue_clause``), never one inside the reported content: in "X said Monday that the
talks on Friday ..." it is "Monday"; in "On Sunday, Zelensky said that ..." it is "Sunday". Candidates are
the parser's DATE/TIME entities (trimmed to date words, because the small model sometimes swallows a
neighbour, as in "X nearly two weeks ago") and bare day words the tagger missed; the one closest to the
cue in the tree wins, ties going to the nearer word in the text.

``resolve_date_text(text, published)`` turns the expression into a day. The rules:

1. Hedges and times of day are stripped first ("nearly", "about", "early", "late", "mid", "earlier",
   "on", "this past", "evening", "night" ...): dateparser returns nothing for most hedged phrases.
2. A bare weekday names the most recent such day *including the publication day*: news copy dated
   Tuesday that says "said Tuesday" means that same day. dateparser alone never returns the base day
   (it gives the week before), so weekdays are computed here. "last Tuesday" in a Tuesday article is the
   week before (the word "last" excludes today).
3. A month and day without a year ("Aug. 12", "12 August") takes the year that puts it nearest to the
   publication date; if that is after the publication date, it is a future date (see 5).
4. Only expressions that name a day are resolved: weekdays, "yesterday", "today", "tonight", calendar
   dates, "N days ago". Expressions coarser than a day ("last week", "this week", "earlier this month",
   "last month", "early last month", "nearly two weeks ago", "last year", "the weekend") keep their text
   with ``date=None``: dateparser would return one arbitrary day of the period (for "earlier this month",
   the publication day itself), and a ledger that shows a precise wrong day is worse than one that shows
   the phrase as written. ``DateRef.text`` still carries "last week" to the output's ``date_text``.
5. A date after the publication day is not a said-on date (one cannot have said it tomorrow):
   ``find_said_on`` skips it and tries the next candidate.
6. Without a publication date nothing relative can be resolved: the expression is kept with ``date=None``
   (a calendar date with a year still resolves).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from .cue_clause import clause_words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

__all__ = ["DateRef", "find_said_on", "resolve_date_text"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
DAY_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow"})
# Words whose presence means the expression spans more than one day (rule 4).
COARSE_WORDS = frozenset({"week", "weeks", "weekend", "weekends", "month", "months", "year", "years",
                          "decade", "decades", "century", "spring", "summer", "autumn", "fall", "winter",
                          "quarter", "period"})
# Hedges (rule 1): the list of the design notes (RECIPES.md "Dates") plus their obvious variants.
HEDGES = ("this past", "nearly", "almost", "about", "around", "roughly", "some", "early", "earlier",
          "late", "later", "mid", "on", "at", "in", "the", "by", "over")
TIMES_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight", "midday", "noon")
# Tokens allowed inside a trimmed date expression (candidate finding).
DATE_VOCAB = (frozenset(WEEKDAYS) | frozenset(MONTHS) | DAY_WORDS | COARSE_WORDS | frozenset(TIMES_OF_DAY)
              | frozenset({"day", "days", "ago", "last", "this", "past", "previous", "next", "recent", "nearly",
                           "almost", "about", "around", "some", "early", "earlier", "late", "mid", "the", "a", "coming",
                           "an", "of", "-", "and"}))
# Words that must be present for a DATE entity to be a date at all (not "annual", "daily", "decades-old").
ANCHOR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | DAY_WORDS | COARSE_WORDS | frozenset({"days", "day"})
LEADING_JUNK = frozenset({"the", "a", "an", "of", "-", "and", "on", "at", "in"})

_DATEPARSER_LANGS = ["en"]


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression in the text ("Monday", "last week") and the day it resolves to, if any."""

    text: str
    start: int
    end: int
    date: dt.date | None


# --------------------------------------------------------------------------- resolving text to a day


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def _strip(text: str) -> str:
    """Rule 1: drop hedges at the front and times of day ("Sunday evening" -> "sunday")."""
    s = _norm(text).replace("-", " ")
    changed = True
    while changed:
        changed = False
        for hedge in HEDGES:
            if s.startswith(hedge + " "):
                s = s[len(hedge) + 1:]
                changed = True
    for tod in TIMES_OF_DAY:
        s = re.sub(rf"\b(?:in the |on |late |early )?{tod}\b", "", s)
    s = re.sub(r"\bmid\b", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,.")


def _weekday(s: str, published: dt.date) -> dt.date | None:
    """Rule 2: "tuesday" -> the latest Tuesday on or before published; "last tuesday" excludes today."""
    m = re.fullmatch(r"(last |this past |past |this )?(\w+?)s?", s)
    if not m or m.group(2) not in WEEKDAYS:
        return None
    back = (published.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if back == 0 and (m.group(1) or "").strip() in ("last", "past", "this past"):
        back = 7
    return published - dt.timedelta(days=back)


def _month_day(s: str, published: dt.date | None) -> dt.date | None:
    """Rule 3: "aug. 12", "12 august", "august 12th", with or without a year."""
    s = s.replace(".", "").replace(",", "")
    m = (re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", s)
         or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?", s))
    if not m:
        return None
    a, b, year = m.groups()
    month_word, day = (a, b) if a.isalpha() else (b, a)
    if month_word not in MONTHS:
        return None
    month, day_n = MONTHS[month_word], int(day)
    try:
        if year:
            return dt.date(int(year), month, day_n)
        if published is None:
            return None
        options = []
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                options.append(dt.date(y, month, day_n))
            except ValueError:  # 29 February in a common year
                continue
        return min(options, key=lambda d: abs((d - published).days)) if options else None
    except ValueError:
        return None


def _is_coarse(s: str) -> bool:
    """Rule 4: the expression names a period longer than a day ("last week", "August", "2023")."""
    words = s.split()
    if set(words) & COARSE_WORDS:
        return True
    if re.fullmatch(r"\d{4}", s):
        return True
    return bool(words) and words[0] in MONTHS and (len(words) == 1 or re.fullmatch(r"\d{4}", words[1]) is not None)


def resolve_date_text(text: str, published: dt.date | None) -> dt.date | None:
    """The day a date expression names, per the module rules; None when it names no single day
    (rule 4), cannot be resolved without ``published`` (rule 6), or dateparser does not know it.

    Future dates are returned as they are; deciding that they are not said-on dates is ``find_said_on``'s.
    """
    s = _strip(text)
    if not s:
        return None
    if published is not None:
        day = _weekday(s, published)
        if day is not None:
            return day
        if s == "yesterday":
            return published - dt.timedelta(days=1)
        if s in ("today", "tonight"):
            return published
        if s == "tomorrow":
            return published + dt.timedelta(days=1)
        m = re.fullmatch(r"(?:next|coming|this coming) (\w+)", s)
        if m and m.group(1) in WEEKDAYS:  # future weekday: returned so that rule 5 can reject it
            return published + dt.timedelta(days=(WEEKDAYS.index(m.group(1)) - published.weekday() - 1) % 7 + 1)
    explicit = _month_day(s, published)
    if explicit is not None:
        return explicit
    if _is_coarse(s):
        return None
    if published is None:
        # only self-contained calendar dates ("12 August 2024", "2024-08-12") resolve without a base
        if not re.search(r"\d{4}", s):
            return None
    import dateparser  # imported lazily: it takes ~0.3 s and most callers resolve only weekdays

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(s, languages=_DATEPARSER_LANGS, settings=settings)
    return parsed.date() if parsed else None


# --------------------------------------------------------------------------- finding the expression


def _is_date_word(tok: "Token") -> bool:
    low = tok.lower_.rstrip(".")
    return low in DATE_VOCAB or tok.like_num or bool(re.fullmatch(r"\d{1,2}(st|nd|rd|th)", low))


def _trim(tokens: list["Token"]) -> list["Token"]:
    """Cut tokens at both ends that are not date words, then leading articles/prepositions."""
    while tokens and not _is_date_word(tokens[0]):
        tokens = tokens[1:]
    while tokens and not _is_date_word(tokens[-1]):
        tokens = tokens[:-1]
    while tokens and tokens[0].lower_ in LEADING_JUNK:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in LEADING_JUNK:
        tokens = tokens[:-1]
    return tokens


def _has_anchor(tokens: list["Token"]) -> bool:
    for t in tokens:
        low = t.lower_.rstrip(".")
        if low in ANCHOR_WORDS or (t.like_num and len(t.text) == 4 and t.text.isdigit()):
            return True
    return False


def _candidates(sent: "SpacySpan") -> Iterator[list["Token"]]:
    """Date expressions in the sentence: DATE/TIME entities (adjacent ones merged: "Tuesday" "evening"),
    trimmed, plus weekday/day words the tagger left untagged."""
    groups: list[list["Token"]] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        toks = list(ent)
        if groups and groups[-1][-1].i + 1 == toks[0].i:
            groups[-1].extend(toks)
        else:
            groups.append(toks)
    covered = {t.i for g in groups for t in g}
    for tok in sent:
        if tok.i not in covered and tok.lower_ in set(WEEKDAYS) | DAY_WORDS:
            groups.append([tok])
    for g in groups:
        trimmed = _trim(g)
        if trimmed and _has_anchor(trimmed):
            yield trimmed


def _root_of(tokens: list["Token"]) -> "Token":
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[-1]


def find_said_on(sent: "SpacySpan", offset: int, published: dt.date | None,
                 cue: "Token | None" = None) -> DateRef | None:
    """The date on which the statement cued by ``cue`` in ``sent`` was made; offsets into the article.

    Without a cue, the sentence root stands for it. Returns None when the cue's clause has no date
    expression, or only ones after ``published`` (rule 5).
    """
    anchor = cue if cue is not None else sent.root
    words = {w.token.i: w.depth for w in clause_words(anchor, sent)}
    ranked = []
    for toks in _candidates(sent):
        root = _root_of(toks)
        depth = min((words[t.i] for t in toks if t.i in words), default=None)
        if root.i not in words and depth is None:
            continue
        depth = words.get(root.i, depth)
        ranked.append((depth, abs(root.i - anchor.i), toks))
    ranked.sort(key=lambda r: (r[0], r[1]))
    doc_text = sent.doc.text
    for _depth, _dist, toks in ranked:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = doc_text[start:end]
        day = resolve_date_text(text, published)
        if day is not None and published is not None and day > published:
            continue  # rule 5: not said on a day after publication
        return DateRef(text=text, start=offset + start, end=offset + end, date=day)
    return None
