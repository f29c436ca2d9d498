"""Positions on negotiations: the stage after attribution.

For each statement, :func:`apply_stance` fills ``about_negotiations``, ``stance``, ``counterpart`` and
``conditions`` (verbatim spans with article offsets), judging the statement's words and the clause they
head in the reporting sentence:

1. context: the statement's tokens in the parsed blocks and the clause they govern (``context.py``);
2. about: the negotiation words of that clause (``about.py``); none -> not about negotiations, stance null;
3. framing: polarity, modality and whose clause it is, from the parse (``framing.py``);
4. conditions: clause-bounded precondition spans (``conditions.py``);
5. counterpart: with whom, through a place alias table and the article's glosses (``counterpart.py``);
6. surroundings: a statement with only weak words ("the text had been shared") is read with them when the
   text around it is about talks (``surroundings.py``).

A statement about negotiations whose framing cannot be read (a fragment with no predicate) gets
``neutral`` and a warning: the contract reserves a null stance for statements not about negotiations.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..nlp import Block
from ..records import Article, Span, Statement, spans_into
from .about import Judged, find_own_anchors, find_weak_anchors
from .context import pieces_for
from .surroundings import Earlier, about_talks_around, block_index, same_speaker
from .counterpart import speaker_side
from .framing import STANCE_RANK, Frame, Reading, read_statement
from .lexicon import Lexicon, load_lexicon
from .surface_conditions import surface_conditions as _surface_conditions
from .venues import with_venues

__all__ = ["apply_stance", "read_stance", "terms_in", "Reading"]


def read_stance(
    statement: Statement, blocks: Sequence[Block], earlier: Sequence[Earlier] | None = None,
    lex: Lexicon | None = None, article_talks: bool = False, pieces: "list | None" = None,
    judged: Judged | None = None,
) -> Reading | None:
    """The framing of one statement, or None when it is not about negotiations (or not in any block).

    ``earlier``: the article's statements before this one, already read; with them, a statement with only
    weak words is read when its surroundings are about talks. ``lex``: the article's lexicon (with its venues,
    ``venues.with_venues``); the packaged one by default. ``article_talks``: the article as a whole is about
    talks (:func:`article_is_about_talks`), so weak words are read wherever they stand. ``pieces``: the
    statement's ``context.pieces_for``, when the caller has them already. ``judged``: the article's
    :class:`~onrecord.stance.about.Judged` (tokens already judged), when the caller reads more statements.
    """
    lex = lex if lex is not None else load_lexicon()
    judged = judged if judged is not None and judged.lex is lex else Judged(lex)
    frame = Frame(statement.kind, speaker_side(statement.speaker, lex), statement.speaker.name,
                  statement.speaker.role)
    readings: list[Reading] = []
    pieces = pieces if pieces is not None else pieces_for(statement.start, statement.end, blocks)
    finder = judged.strong
    if article_talks:
        finder = lambda piece: find_own_anchors(piece, lex, judged)  # noqa: E731
    elif earlier is not None and pieces and not any(judged.strong(p) for p in pieces):
        if about_talks_around(statement, pieces[0], blocks, earlier, lex):
            finder = lambda piece: find_weak_anchors(piece, lex, judged)  # noqa: E731
    for piece in pieces:
        anchors = finder(piece)
        if anchors:
            readings.append(read_statement(anchors, piece, lex, frame))
    if not readings:
        return None
    best = max(readings, key=lambda r: (not r.third_party, STANCE_RANK[r.stance]))
    conditions = tuple(c for r in readings if not r.third_party for c in r.conditions)
    counterpart = best.counterpart or next((r.counterpart for r in readings if r.counterpart), None)
    return dataclasses.replace(best, conditions=conditions, counterpart=counterpart)


# Statements with a negotiation word of their own that make a whole article about talks.
ARTICLE_TALKS_MIN = 2


def article_is_about_talks(statements: Sequence[Statement], blocks: Sequence[Block], lex: Lexicon,
                           pieces: "dict[str, list] | None" = None, judged: Judged | None = None) -> bool:
    """Whether at least ``ARTICLE_TALKS_MIN`` statements of the article have a negotiation word of their own.

    In such an article a statement that only says "the delegation would boycott the session" or "the
    committee will meet again" is about those talks, wherever it stands.
    """
    found = 0
    judged = judged if judged is not None and judged.lex is lex else Judged(lex)
    for statement in statements:
        own = pieces[statement.id] if pieces is not None else pieces_for(statement.start, statement.end, blocks)
        if any(judged.strong(p) for p in own):
            found += 1
            if found >= ARTICLE_TALKS_MIN:
                return True
    return False


# Words of the fighting itself, which a follow-on statement about talks does not use.
FIGHTING = re.compile(r"\b(?:front|advanc\w*|offensive|attack\w*|shell\w*|strikes?|drones?|missiles?|killed|"
                      r"wounded|casualt\w*|troops|soldiers|fighters|escalat\w*|weapons?|battle\w*|war|"
                      # the exchanges themselves ("Saturday's swap was the 15th"), not talks about them
                      r"swaps?|prisoners?|captives?|"
                      r"(?<![-\w])fir(?:e|ed|ing)|detain\w*|arrest\w*|military operations?|ambush\w*|raids?|"
                      r"clash\w*|gunmen|suspects)\b",
                      re.IGNORECASE)
# Longest follow-on statement (in words) read as part of the same speaker's talk of talks.
FOLLOW_ON_WORDS = 20
# Paragraphs after the speaker's statement about talks within which a follow-on goes on about them.
FOLLOW_ON_PARAGRAPHS = 2
# Statements of others that may stand between a follow-on and the speaker's statement about talks.
FOLLOW_ON_BETWEEN = 1


def _follows_on(statement: Statement, earlier: Sequence[Earlier], blocks: Sequence[Block]) -> bool:
    """A short statement (``FOLLOW_ON_WORDS``) after the same speaker's statement about talks, at most
    ``FOLLOW_ON_PARAGRAPHS`` paragraphs on and with at most ``FOLLOW_ON_BETWEEN`` statement of someone else's
    between ("We will not sign it. That depends on India."): it goes on about the same talks, with no position of
    its own that the words show (neutral)."""
    if not earlier or len(statement.text.split()) > FOLLOW_ON_WORDS or statement.zone != "body":
        return False
    if FIGHTING.search(statement.text):
        return False  # "advancing on every sector of the front": the war itself, not the talks
    here = block_index(statement, blocks)
    # the speaker's last statement, with at most one statement of someone else's between
    for last in earlier[-1 : -(FOLLOW_ON_BETWEEN + 2) : -1]:
        if same_speaker(last.statement, statement):
            return last.about and 0 <= here - last.block <= FOLLOW_ON_PARAGRAPHS
    return False


def apply_stance(
    article: Article, statements: Sequence[Statement], blocks: Sequence[Block], warnings: list[str]
) -> list[Statement]:
    """New statements with about_negotiations, stance, counterpart and conditions filled in."""
    out: list[Statement] = []
    earlier: list[Earlier] = []
    lex = with_venues(load_lexicon(), blocks) if statements else load_lexicon()
    pieces = {s.id: pieces_for(s.start, s.end, blocks) for s in statements}
    judged = Judged(lex)
    article_talks = article_is_about_talks(statements, blocks, lex, pieces, judged)
    for statement in sorted(statements, key=lambda s: (s.start, s.end)):
        reading = read_stance(statement, blocks, earlier, lex, article_talks, pieces[statement.id], judged)
        if reading is None and article_talks and _follows_on(statement, earlier, blocks):
            reading = Reading("neutral")  # "That depends on India.", right after the same speaker's talk of talks
        earlier.append(Earlier(statement, reading is not None, block_index(statement, blocks)))
        if reading is None:
            out.append(
                dataclasses.replace(statement, about_negotiations=False, stance=None, counterpart=None, conditions=())
            )
            continue
        if reading.unreadable:
            warnings.append(f"statement {statement.id}: stance unreadable ({reading.unreadable}): neutral")
        conditions = spans_into(reading.conditions, article.text)
        out.append(
            dataclasses.replace(
                statement,
                about_negotiations=True,
                stance=reading.stance,
                counterpart=reading.counterpart,
                conditions=conditions,
            )
        )
    order = {s.id: k for k, s in enumerate(statements)}
    return sorted(out, key=lambda s: order[s.id])


def terms_in(statement: Statement, blocks: Sequence[Block], stance: str) -> list[Span]:
    """The condition clauses among a statement's own words ("unless X, ...", "..., provided X"), read as terms of a
    refusal (``stance`` "reject": "until", "while" and "as long as" count) or of an offer: for a statement whose
    stance the learned model gave (``learned.revise``) where the rules found no terms."""
    return [span for piece in pieces_for(statement.start, statement.end, blocks)
            for span in _surface_conditions(piece, negative=stance == "reject")]
