"""The clause a speech cue heads in a dependency parse, without the reported content.

Shared by ``dates`` (on which day was it said?) and ``attribution.channels`` (through which medium?):
both look for a modifier of the *saying*, never for one inside *what was said*. In "X said Monday that the
talks on Friday ..." the clause of "said" holds "X", "Monday" and the "that ..." complement; the
complement is the content, so only "X" and "Monday" are candidates.

How the clause is found, from the spaCy English parse (ClearNLP-style labels):

1. Climb from the cue to the word that governs the saying: "saying" in "was quoted as saying" hangs
   (pcomp) from "as", which hangs (prep) from "quoted"; "say" in "went on to say" is an xcomp; a cue in a
   conjunct without its own subject ("spoke to reporters and said") shares the first verb's modifiers.
2. Every word on that chain contributes its dependents, except the dependents that carry content
   (``CONTENT_DEPS``) and finite adverbial clauses ("because talks failed on Friday").
3. Each word kept records its depth (edges from the chain), so callers can prefer the closest modifier.

This module has no package imports so that any stage can use it without import cycles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

# Dependents that hold what was said (or another event), not a circumstance of the saying.
# Labels from the spaCy English parser's label scheme (ClearNLP dependencies).
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj", "csubj", "csubjpass", "relcl", "mark",
                          "dobj", "attr", "oprd", "acomp"})
# A direct or dative object is content for most speech verbs ("rejected the talks on Friday"), but for
# verbs of telling it is the addressee, which may be the channel ("told the newspaper Izvestia").
ADDRESSEE_LEMMAS = frozenset({"tell", "inform", "assure", "warn", "brief", "remind", "give"})
# Adverbial clauses are kept only when non-finite and subjectless ("speaking to the BBC, ...",
# "when asked on Monday"): those describe the act of saying; finite ones are their own event.
NONFINITE_TAGS = frozenset({"VBG", "VBN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class ClauseWord:
    """A word in the cue's clause and its distance (dependency edges) from the cue's governing chain."""

    token: "Token"
    depth: int


def governing_chain(cue: "Token") -> list["Token"]:
    """The cue and the words above it that still belong to the act of saying (step 1)."""
    chain = [cue]
    tok = cue
    while True:
        head = tok.head
        if head is tok:
            break
        if tok.dep_ in ("pcomp", "xcomp"):
            chain.append(head)
            tok = head
            # "as saying": the preposition "as" hangs from the verb of quoting
            if head.dep_ == "prep" and head.pos_ == "ADP" and head.head is not head:
                chain.append(head.head)
                tok = head.head
            continue
        if tok.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            chain.append(head)
            tok = head
            continue
        break
    return chain


def _is_content(child: "Token") -> bool:
    dep = child.dep_
    if dep in ("dobj", "dative") and child.head.lemma_.lower() in ADDRESSEE_LEMMAS:
        return False
    if dep in CONTENT_DEPS:
        return True
    if dep in ("advcl", "acl"):
        finite = child.tag_ not in NONFINITE_TAGS
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
        return finite or has_subject
    return False


def clause_words(cue: "Token", sent: "SpacySpan | None" = None) -> list[ClauseWord]:
    """The words of the cue's own clause (steps 1-3), in text order, content excluded."""
    chain = governing_chain(cue)
    on_chain = {t.i for t in chain}
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(cue.doc))
    depth: dict[int, int] = {}
    stack: list[tuple["Token", int]] = [(t, 0) for t in chain]
    while stack:
        tok, d = stack.pop()
        if tok.i in depth and depth[tok.i] <= d:
            continue
        depth[tok.i] = d
        for child in tok.children:
            if child.i in on_chain or not lo <= child.i < hi:
                continue
            if _is_content(child):
                continue
            stack.append((child, d + 1))
    doc = cue.doc
    return [ClauseWord(doc[i], d) for i, d in sorted(depth.items())]
