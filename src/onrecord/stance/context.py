"""Where a statement sits in the parse: its own tokens, its reporting sentence, and the clause it governs.

A statement is judged on its own words and on the clause they head in the reporting sentence: for a
quoted fragment such as ``he "never refused" to negotiate``, the fragment's head (``refused``) governs
``to negotiate with Kyiv`` outside the quote, so that subtree is part of what is judged. The reporting
verb and its other dependents are not (they say who spoke, not what was said).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..nlp import Block
from .lexicon import load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# A quoted word with one of these relations is a fragment read in its head's clause ("never", "only").
FRAGMENT_DEPS = frozenset({"neg", "advmod", "aux", "amod", "det", "npadvmod"})
# A quoted predicative complement is read with what it is said of.
PREDICATIVE_DEPS = frozenset({"oprd", "attr", "acomp"})


@dataclass(frozen=True, slots=True)
class Piece:
    """The part of one statement that lies in one block, with the sentences it overlaps.

    ``inside``: indices (``token.i``) of the statement's own tokens; ``governed``: those plus the subtrees
    of the statement's heads; ``sentences``: the reporting sentence(s).
    """

    block: Block
    sentences: tuple["SpacySpan", ...]
    inside: frozenset[int]
    governed: frozenset[int]
    roots: tuple["Token", ...]

    def offset(self, token: "Token") -> int:
        """The article offset of ``token``."""
        return self.block.start + token.idx

    @property
    def first(self) -> int:
        """Index of the first token of the reporting sentence(s)."""
        return self.sentences[0].start


def _token_inside(block: Block, token: "Token", start: int, end: int) -> bool:
    at = block.start + token.idx
    return start <= at < end and not token.is_space


def _framing_clause(root: "Token") -> list[int]:
    """Words outside a quoted fragment that it cannot be read without.

    A modifier or an apposition alone ("would “never” negotiate") is read in the clause it modifies; a predicative
    complement ("called the proposal for talks “a trap”") with the thing it is said of.
    """
    head = root.head
    if head.i == root.i or head.lemma_.lower() in load_lexicon().speech_verbs:
        return []
    if root.dep_ in FRAGMENT_DEPS or root.dep_ == "appos":
        return [t.i for t in head.subtree]
    if root.dep_ in PREDICATIVE_DEPS:
        said_of = [c for c in head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.i != root.i]
        return [t.i for c in said_of for t in c.subtree]
    return []


def pieces_for(start: int, end: int, blocks: Sequence[Block]) -> list[Piece]:
    """The statement ``[start, end)`` cut at block boundaries; empty when no block covers it."""
    out: list[Piece] = []
    for block in blocks:
        if block.end <= start or block.start >= end:
            continue
        doc = block.doc
        inside = [t for t in doc if _token_inside(block, t, start, end)]
        if not inside:
            continue
        ids = {t.i for t in inside}
        first, last = inside[0].i, inside[-1].i
        sentences = tuple(s for s in doc.sents if s.end > first and s.start <= last)
        roots = tuple(t for t in inside if t.head.i not in ids or t.head.i == t.i)
        governed = set(ids)
        for root in roots:
            governed.update(t.i for t in root.subtree)
            governed.update(_framing_clause(root))
        out.append(Piece(block, sentences, frozenset(ids), frozenset(governed), roots))
    return out
