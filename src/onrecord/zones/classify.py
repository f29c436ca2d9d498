"""Deciding each paragraph's zone kind from its features and its neighbours.

Stages (numbered as in :func:`classify`):

1. memory: a paragraph recurring in other articles of the same outlet is boilerplate (unless it is a
   byline or date line: "Staff writer" recurs too);
2. title: the paragraph that is ``Article.title`` is the headline;
3. patterns: footers, locale switchers, postal addresses, salutations and symbol-only lines are
   boilerplate; bylines, captions (photo credits) and date lines get their own kind;
4. score: page vocabulary plus address to the reader (outside quotes) minus news evidence; at or above
   ``BOILERPLATE_SCORE`` a paragraph is boilerplate;
5. context, repeated until nothing changes: rows of short UI lines, lists after a navigation label, a label
   line heading a boilerplate block, and appeal-like paragraphs sandwiched between boilerplate join it;
   a paragraph with news evidence (a reporting verb outside quotes) never joins;
6. headline: the first headline-shaped line of what is left, before any body paragraph;
7. everything else is body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .features import Features
from .paragraphs import Paragraph

# Weights of the boilerplate score (stage 4). Set by hand on paragraphs written for the tests and checked on
# the shared examples: two independent signals (e.g. "your" + "donate", or "we" + "your" + "support") must
# agree before a paragraph alone is called boilerplate, so one "support" or one "we" in a news paragraph
# never is.
SECOND_PERSON_WEIGHT = 1.0  # per "you"/"your" outside quotes, at most SECOND_PERSON_CAP of them
SECOND_PERSON_CAP = 2
FIRST_PLURAL_WEIGHT = 0.5  # per "we"/"our"/"us" outside quotes: columns and quotes use them too
FIRST_PLURAL_CAP = 1.0
LEXICON_CAP = 3.0
SHORT_LINE_BONUS = 1.0  # a short line without a final period that uses page vocabulary is a button/label
NEWS_PENALTY = 1.5  # a reporting verb outside quotes ("said", "told") is the article's own voice
BOILERPLATE_SCORE = 2.0

# Shapes (stages 5 and 6).
BUTTON_MAX_WORDS = 6  # "Support us", "Not ready to support today?"
UI_LINE_MAX_WORDS = 6  # a line of a button / menu row
UI_RUN_MIN = 3  # three short lines with no blank line between them form a menu or button row
LABEL_COLON_MAX_WORDS = 8  # "A message from the editors:" heading a block
LABEL_MAX_WORDS = 3  # "Contact", "Mailing Address" heading a block
LIST_ITEM_MAX_WORDS = 20  # a linked headline under "Related:"
# Stray UI lines at the very top or bottom join the boilerplate next to them when each has at most this many
# words ("Read more", "×", "Give now"), so a short headline or a one-sentence paragraph never does.
EDGE_LINE_MAX_WORDS = 2
# A run of at most this many paragraphs between boilerplate, on one block (no blank line) with a boilerplate
# neighbour, joins it when no paragraph of it has news evidence: the slogan over a donation box, the
# "about us" lines above a footer. Only on pages that separate blocks with blank lines.
BLOCK_JOIN_MAX_RUN = 2
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
HEADLINE_SCAN = 3  # kicker / section lines skipped before the headline
MAX_CONTEXT_PASSES = 10
# A paragraph whose letters are mostly in another script than the article's (Latin vs. not) is page chrome of
# a bilingual site ("Теги: ...", "Читайте также:"): English news translates what it quotes.
SCRIPT_MAJORITY = 0.5

BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Decision:
    """One paragraph's zone kind and the rule that gave it (for explanations and debugging)."""

    paragraph: Paragraph
    kind: str
    rule: str


def boilerplate_score(f: Features) -> float:
    """Page vocabulary and reader address outside quotes, minus news evidence (stage 4)."""
    score = min(f.second_person, SECOND_PERSON_CAP) * SECOND_PERSON_WEIGHT
    score += min(f.first_plural * FIRST_PLURAL_WEIGHT, FIRST_PLURAL_CAP)
    score += min(f.lexicon, LEXICON_CAP)
    if f.lexicon > 0 and f.words <= BUTTON_MAX_WORDS and not f.ends_with_period:
        score += SHORT_LINE_BONUS
    if f.news_verbs:
        score -= NEWS_PENALTY
    return score


def is_ui_line(f: Features) -> bool:
    """A button or menu entry: very short, not a sentence, not a credit or byline."""
    if f.byline or f.date_line or f.caption:
        return False
    return f.words <= UI_LINE_MAX_WORDS and (not f.ends_with_period or f.words <= 3)


def is_label(f: Features) -> bool:
    """A line that heads the block after it: "Contact:", "Mailing Address"."""
    if not f.has_letters or f.byline or f.date_line:
        return False
    if f.final == ":":
        return f.words <= LABEL_COLON_MAX_WORDS
    return f.words <= LABEL_MAX_WORDS and not f.ends_sentence


def is_list_item(f: Features) -> bool:
    """A linked headline: short, no final period ("says" and quotes are common in headlines)."""
    return f.has_letters and f.words <= LIST_ITEM_MAX_WORDS and not f.ends_with_period


def is_headline(f: Features) -> bool:
    return HEADLINE_MIN_WORDS <= f.words <= HEADLINE_MAX_WORDS and not f.ends_with_period and f.final != ":"


def can_join(f: Features) -> bool:
    """May a paragraph between two boilerplate paragraphs join them? Never one in the article's voice."""
    if f.news_verbs or f.caption or f.byline:
        return False
    return boilerplate_score(f) > 0 or is_ui_line(f) or f.salutation


def can_join_block(f: Features) -> bool:
    """May a paragraph in the same block as boilerplate join it although nothing in it looks like a page?"""
    return not (f.news_verbs or f.has_quote or f.caption or f.byline)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split())


def classify(
    paragraphs: Sequence[Paragraph],
    features: Sequence[Features],
    recurring: Sequence[bool],
    title: str | None = None,
) -> list[Decision]:
    """The zone kind of each paragraph, in order."""
    n = len(paragraphs)
    kinds: list[str | None] = [None] * n
    rules: list[str] = [""] * n

    def mark(i: int, kind: str, rule: str) -> None:
        kinds[i], rules[i] = kind, rule

    # 1. memory
    for i in range(n):
        if recurring[i] and not (features[i].byline or features[i].date_line):  # a staff byline recurs too
            mark(i, BOILERPLATE, "recurs in other articles of the outlet")
    # 2. title
    folded_title = _fold(title) if title else ""
    if folded_title:
        for i, p in enumerate(paragraphs):
            if kinds[i] is None and _fold(p.text) == folded_title:
                mark(i, "headline", "equals the article title")
                break
    # 3. patterns, 4. score
    letters = sum(f.letters for f in features)
    article_latin = letters > 0 and sum(f.latin_letters for f in features) >= SCRIPT_MAJORITY * letters
    for i, f in enumerate(features):
        if kinds[i] is not None:
            continue
        if f.letters and (f.latin_letters >= SCRIPT_MAJORITY * f.letters) != article_latin:
            mark(i, BOILERPLATE, "script differs from the article's")
        elif f.footer or f.locale or f.address or f.salutation or f.menu or f.words == 0:
            mark(i, BOILERPLATE, "footer / locale / address / salutation / menu / symbol pattern")
        elif f.byline:
            mark(i, "byline", "byline pattern")
        elif f.caption:
            mark(i, "caption", "photo credit or caption label")
        elif f.date_line:
            mark(i, "byline", "date line (part of the byline block)")
        elif f.nav_label:
            mark(i, BOILERPLATE, "navigation label")
        elif boilerplate_score(f) >= BOILERPLATE_SCORE:
            mark(i, BOILERPLATE, f"boilerplate score {boilerplate_score(f):.1f}")
    # 5. context
    for _ in range(MAX_CONTEXT_PASSES):
        if not _context_pass(paragraphs, features, kinds, rules):
            break
    # 6. headline
    if "headline" not in kinds:
        scanned = 0
        for i, f in enumerate(features):
            if kinds[i] is not None:
                continue
            if is_headline(f):
                mark(i, "headline", "first headline-shaped line")
                break
            scanned += 1
            if f.ends_sentence or f.words > LABEL_MAX_WORDS or scanned >= HEADLINE_SCAN:
                break
    # 7. body
    return [Decision(p, kinds[i] or "body", rules[i] or "news paragraph") for i, p in enumerate(paragraphs)]


def _context_pass(
    paragraphs: Sequence[Paragraph], features: Sequence[Features], kinds: list[str | None], rules: list[str]
) -> bool:
    """One pass of stage 5; True when it changed something."""
    n = len(paragraphs)
    changed = False
    uses_blank_lines = any(p.blank_before for p in paragraphs[1:])

    def mark(i: int, rule: str) -> None:
        nonlocal changed
        kinds[i], rules[i] = BOILERPLATE, rule
        changed = True

    # rows of short UI lines with no blank line between them
    i = 0
    while i < n:
        j = i
        while j < n and kinds[j] in (None, BOILERPLATE) and is_ui_line(features[j]) and (
            j == i or not paragraphs[j].blank_before
        ):
            j += 1
        if j - i >= UI_RUN_MIN:
            for k in range(i, j):
                if kinds[k] is None:
                    mark(k, "row of short UI lines")
        i = max(j, i + 1)
    # linked headlines under a navigation label
    for i in range(n - 1):
        if kinds[i] == BOILERPLATE and (features[i].nav_label or is_label(features[i]) and features[i].final == ":"):
            k = i + 1
            while k < n and kinds[k] is None and is_list_item(features[k]):
                mark(k, "item of a link list")
                k += 1
    # a label heading a boilerplate block
    for i in range(n - 2, -1, -1):
        if kinds[i] is None and kinds[i + 1] == BOILERPLATE and is_label(features[i]):
            mark(i, "label heading a boilerplate block")
    # appeal-like paragraphs between boilerplate (or between boilerplate and the edge of the text)
    i = 0
    while i < n:
        if kinds[i] is not None:
            i += 1
            continue
        j = i
        while j < n and kinds[j] is None:
            j += 1
        before = kinds[i - 1] == BOILERPLATE if i > 0 else None
        after = kinds[j] == BOILERPLATE if j < n else None
        run = range(i, j)
        if before and after and all(can_join(features[k]) for k in run):
            for k in run:
                mark(k, "between boilerplate paragraphs")
        elif (
            before and after and uses_blank_lines and j - i <= BLOCK_JOIN_MAX_RUN
            and (not paragraphs[i].blank_before or (j < n and not paragraphs[j].blank_before))
            and all(can_join_block(features[k]) for k in run)
        ):
            for k in run:
                mark(k, "in a boilerplate block")
        elif (before and after is None or after and before is None) and all(
            is_ui_line(features[k]) and features[k].words <= EDGE_LINE_MAX_WORDS for k in run
        ):
            for k in run:
                mark(k, "stray UI line at the edge of the text")
        i = j
    return changed
