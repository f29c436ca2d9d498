"""Quotation spans on the raw article text, paragraph by paragraph, in one linear pass.

Handles straight ``"``, curly ``“ ”``, guillemets ``« »``, low-high ``„ “``, single ``‘ ’`` and ``'``
quotes; apostrophes (``don't``, ``Russia's``, ``’90s``) are told apart from single quotes by their
neighbours. Marks are read as opening or closing from the characters around them, so mismatched marks
(``“...“``, ``”...”``) still pair. Recovery is local: a mark that clearly opens while a quote is already
open abandons the earlier one, and an opening mark left unclosed at a paragraph's end gives up only that
paragraph's tail, unless the next paragraph opens with a mark (the newswire convention for a quote that
runs over several paragraphs), in which case the tail is kept and the next piece is marked ``continued``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

# Double marks that only open, only close, or may do either; "“" closes the German-style „...“.
DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
DOUBLE_EITHER = '"“'
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‹›"
MARK_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
# Characters after which a mark reads as opening, and before which it reads as closing.
OPENING_CONTEXT = "([{—–-/:;" + DOUBLE_OPENERS + SINGLE_OPENERS
CLOSING_CONTEXT = ".,;:!?)]}—–-…" + DOUBLE_CLOSERS + SINGLE_CLOSERS + "\"'"
# "’90s", "'22": an apostrophe standing for omitted century digits.
YEAR_ELISION_RE = re.compile(r"\d\d(?:s\b|\b)")
# Single-quoted text this short is an elision, not a quote: rock 'n' roll.
MAX_ELISION_CHARS = 1
# Trailing punctuation dropped from quote contents (the gold convention drops a comma at the end of a quote and
# keeps a full stop that stands inside the marks).
TRAILING_DROPPED = ",;:"


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``text`` is the content without the marks, at ``[start, end)`` of the article.

    ``open_at`` / ``close_at`` are the offsets of the marks (``close_at`` is None for a paragraph piece of a
    quote that runs on into the next paragraph). ``continued``: this piece continues the quote of the
    previous paragraph.
    """

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str | None
    open_at: int
    close_at: int | None
    continued: bool = False

    @property
    def outer_start(self) -> int:
        return self.open_at

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class _Raw:
    """A matched pair (or an unclosed opener) inside one paragraph, before trimming."""

    open_at: int
    close_at: int | None


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opens(before: str, after: str) -> bool:
    return (_is_space(before) or before in OPENING_CONTEXT) and not _is_space(after)


def _closes(before: str, after: str) -> bool:
    return not _is_space(before) and (_is_space(after) or after in CLOSING_CONTEXT)


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[_Raw], int | None]:
    """Pairs of marks in ``text[start:end]`` and the offset of an opener left unclosed at the end (if any)."""
    pairs: list[_Raw] = []
    dq: int | None = None  # offset of the open double mark
    sq: int | None = None  # offset of the open single mark (only outside double quotes)
    for m in MARK_RE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if ch in DOUBLE_MARKS:
            if dq is None:
                if ch in DOUBLE_CLOSERS and not _opens(before, after):
                    continue  # a stray closing mark
                if ch == '"' and not _opens(before, after):
                    continue  # an inch mark or a stray closer
                dq, sq = i, None
            else:
                clear_opener = ch in DOUBLE_OPENERS and ch not in DOUBLE_EITHER
                if (clear_opener or ch in DOUBLE_EITHER) and _opens(before, after) and not _closes(before, after):
                    if ch == "“" and text[dq] == "„":
                        pairs.append(_Raw(dq, i))  # „...“ closes with a high mark
                        dq = None
                        continue
                    dq = i  # the earlier opener was never closed: give it up, start again here
                    continue
                pairs.append(_Raw(dq, i))
                dq, sq = None, None
            continue
        if dq is not None:
            continue  # a single quote nested in a double one belongs to it
        if before.isalpha() and after.isalpha():
            continue  # an apostrophe inside a word: don't, Russia's
        if YEAR_ELISION_RE.match(text, i + 1, end) and not before.isalnum():
            continue  # ’90s
        if sq is None:
            if ch in SINGLE_OPENERS + "'" and _opens(before, after):
                sq = i
        elif ch in SINGLE_CLOSERS + "'" and _closes(before, after):
            if i - sq - 1 > MAX_ELISION_CHARS:
                pairs.append(_Raw(sq, i))
            sq = None
        elif ch in SINGLE_OPENERS + "'" and _opens(before, after):
            sq = i  # the earlier single opener was an apostrophe or never closed
    return pairs, dq


def _make(text: str, open_at: int, close_at: int | None, content_end: int, continued: bool) -> Quote | None:
    a, b = open_at + 1, content_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in TRAILING_DROPPED):
        b -= 1
    if b <= a:
        return None
    close_mark = text[close_at] if close_at is not None else None
    return Quote(a, b, text[a:b], text[open_at], close_mark, open_at, close_at, continued)


def _first_mark(text: str, start: int, end: int) -> bool:
    """Does the paragraph open with an opening quotation mark?"""
    return start < end and text[start] in DOUBLE_MARKS and text[start] not in DOUBLE_CLOSERS[1:]


def find_quotes(text: str, regions: Iterable[tuple[int, int]]) -> list[Quote]:
    """Quotations inside the given paragraphs ``(start, end)`` of ``text``, in text order.

    Each paragraph is scanned on its own (linear in its length), so a malformed quote never reaches past
    its paragraph.
    """
    spans: Sequence[tuple[int, int]] = sorted((max(0, s), min(len(text), e)) for s, e in regions if e > s)
    out: list[Quote] = []
    continuing = False  # the previous paragraph ended inside a quote that runs on
    for k, (start, end) in enumerate(spans):
        pairs, unclosed = _scan_paragraph(text, start, end)
        runs_on = unclosed is not None and k + 1 < len(spans) and _first_mark(text, *spans[k + 1])
        for n, raw in enumerate(pairs):
            continued = continuing and n == 0 and raw.open_at == start
            assert raw.close_at is not None
            quote = _make(text, raw.open_at, raw.close_at, raw.close_at, continued)
            if quote:
                out.append(quote)
        if runs_on and unclosed is not None:
            continued = continuing and not pairs and unclosed == start
            quote = _make(text, unclosed, None, end, continued)
            if quote:
                out.append(quote)
        continuing = runs_on
    out.sort(key=lambda q: q.start)
    return out
