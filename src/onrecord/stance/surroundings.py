"""Whether the text around a statement is about talks, for statements whose own words are only weak ones.

"The text had been shared with Washington", "the next session would be held on Thursday" or "inventing
violations" are about negotiations only because of where they stand. A statement with no negotiation word of
its own is read with its weak words (``lex.weak_terms``) when one of these is about talks:

1. its reporting sentence outside the statement ("A Qatari official familiar with the talks said ...");
2. the sentence before it (in its paragraph, else the last sentence of the paragraph before);
3. the nearest earlier statement, when it is the same speaker's or stands in the same or the previous
   paragraph (continuation: "We were deceived once with the grain deal. We will not be deceived again");
4. an earlier statement of a speaker the reporting sentence names with a possessive ("dismissed Lavrov's
   remarks as ...").

Everything here is read from parses the stage already has: no second parse, so the stage stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..nlp import Block
from ..records import Statement
from .about import has_anchor
from .context import Piece
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True, slots=True)
class Earlier:
    """A statement already read, and whether it is about negotiations."""

    statement: Statement
    about: bool
    block: int  # index of its first block in the article's blocks, -1 when in none


def block_index(statement: Statement, blocks: Sequence[Block]) -> int:
    """Index of the block where ``statement`` starts, -1 when no block holds it."""
    for k, block in enumerate(blocks):
        if block.start <= statement.start < block.end:
            return k
    return -1


def same_speaker(a: Statement, b: Statement) -> bool:
    """One speaker: the same actor id when both have one, else the same name, else the same speaker record."""
    sa, sb = a.speaker, b.speaker
    if sa.actor_id and sb.actor_id:
        return sa.actor_id == sb.actor_id
    if sa.name and sb.name:
        return sa.name.casefold() == sb.name.casefold()
    return sa == sb


def _sentence_before(piece: Piece, blocks: Sequence[Block], at: int) -> "SpacySpan | None":
    first = piece.sentences[0]
    previous = [s for s in piece.block.doc.sents if s.end <= first.start]
    if previous:
        return previous[-1]
    if at > 0:
        sentences = list(blocks[at - 1].doc.sents)
        return sentences[-1] if sentences else None
    return None


def _names_speaker_of(piece: Piece, earlier: Sequence[Earlier]) -> bool:
    """The reporting sentence names, with a possessive, the speaker of an earlier statement about talks."""
    surnames = {e.statement.speaker.name.split()[-1].casefold() for e in earlier if e.about and e.statement.speaker.name}
    for sentence in piece.sentences:
        for token in sentence:
            if token.i in piece.inside or token.ent_type_ != "PERSON":
                continue
            if token.lower_ in surnames and any(c.dep_ == "case" for c in token.children):
                return True
    return False


def about_talks_around(
    statement: Statement, piece: Piece, blocks: Sequence[Block], earlier: Sequence[Earlier], lex: Lexicon
) -> bool:
    """Whether the surroundings of ``statement`` (its first piece) are about talks; see the module docstring."""
    at = next((k for k, b in enumerate(blocks) if b is piece.block), -1)
    # 1. the reporting sentence
    outside = [t for s in piece.sentences for t in s if t.i not in piece.inside]
    if has_anchor(outside, lex):
        return True
    # 2. the sentence before
    before = _sentence_before(piece, blocks, at)
    if before is not None and has_anchor(before, lex):
        return True
    # 3. the nearest earlier statement
    if earlier:
        last = earlier[-1]
        if last.about and (same_speaker(last.statement, statement) or at - last.block in {0, 1}):
            return True
    # 4. a named speaker's remarks
    return _names_speaker_of(piece, earlier)
