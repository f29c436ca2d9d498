"""Preconditions and red lines, verbatim and clause-bounded from the parse.

Extent convention (the shared gold's): one span per condition, from its subordinator, including the words
that make the subordinator ("so long as", "only if", "only after", "not until"), to the end of the clause
(trailing punctuation and conjunctions dropped), and never beyond the clause the statement governs.
Conditions attach to the path from the negotiation word up to the statement's head:

- an adverbial clause opened by until / unless / while / if / once / before / provided (that), or by
  after / when after "only", or by "as" after "so long" / "as long" / "as soon";
- a preposition phrase: until X, without X, before X; in exchange for X, in return for X, on condition that X;
- a predicate whose complement is the condition ("would depend on X", "must be based on X"): the span
  runs from the predicate through its complement ("would depend on how the fighting goes, above all in the east");
- "under / in the current circumstances";
- the subject of "make [talks] impossible" ("the deployment of troops would make a settlement impossible").

Three finders are called by the framing, because they depend on it: :func:`red_line_conditions` (a relative
clause on the rejected thing, "no deal that leaves Hamas standing", under negative framing only),
:func:`requirement_conditions` (what talks must be: "any summit would have to be prepared by experts") and
:func:`stated_conditions` ("the condition is simple: X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..records import Span
from .context import Piece
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Tokens dropped from the end of a condition span.
TRAILING = frozenset({",", ".", ";", ":", "and", "or", "but", "—", "–", "-", "\u201d", '"', "'", ")"})
# Determiners of a definite thing, which a relative clause describes rather than restricts.
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# Words that open a relative clause.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "where"})
# Verbs of talks taking place: "should go ahead as planned" asks that they happen, sets no terms.
HAPPENING_VERBS = frozenset({"go", "proceed", "happen", "occur", "continue", "resume", "take"})
# Dependency labels of a predicate's complement that belong to a "depend on X" condition.
COMPLEMENT_DEPS = frozenset({"prep", "agent", "pobj", "dobj", "conj", "cc", "punct", "advmod", "npadvmod"})


def _has_only(node: "Token") -> bool:
    return any(c.lower_ == "only" for c in node.children)


def _marker(clause: "Token", lex: Lexicon) -> "Token | None":
    """The subordinator of an adverbial clause when it opens a condition."""
    predicates = [c for c in clause.head.children if c.dep_ in {"acomp", "attr"}]
    only_above = _has_only(clause.head) or _has_only(clause) or any(_has_only(p) for p in predicates)
    # "when X, and only then, will we ...": "only then" in the main clause
    only_above = only_above or any(c.lower_ == "then" and _has_only(c) for c in clause.head.children)
    for child in clause.children:
        if child.dep_ not in {"mark", "advmod"} or child.i > clause.i:
            continue
        lower = child.lower_
        prev = clause.doc[child.i - 1].lower_ if child.i > 0 else ""
        if lower in lex.markers:
            return child
        if lower in lex.only_markers and (prev == "only" or only_above):
            return child
        if lower in lex.long_markers and prev in {"long", "soon"}:
            return child
    if clause.lower_ in {"provided", "providing"}:
        return clause
    for child in clause.children:  # "Provided the mediators guarantee X": spaCy makes "Provided" a prep
        if child.lower_ in {"provided", "providing"} and child.i < clause.i:
            return child
    return None


# Verbs of going on with something: an "until" on them, unnegated, is a duration ("would keep hosting the two
# delegations until the parties are reconciled"), not terms.
CONTINUATIVE = frozenset({"keep", "continue", "stay", "remain"})


def _duration(marker: "Token", node: "Token") -> bool:
    if marker.lower_ not in {"until", "till"}:
        return False
    verbs = [node, node.head] if node.dep_ in {"xcomp", "ccomp"} else [node]
    return any(v.lemma_.lower() in CONTINUATIVE for v in verbs) and not any(
        c.dep_ == "neg" for v in verbs for c in v.children)


def _extend_left(token: "Token", lex: Lexicon) -> int:
    """Index of the first word of the subordinator: "so long as" and "only if" start at "so" / "only"."""
    i = token.i
    doc = token.doc
    while i > 0 and doc[i - 1].lower_ in lex.left_extenders:
        prev = doc[i - 1]
        # "not" belongs to the condition only when it negates the condition clause: "but not while X"
        if prev.dep_ == "aux" or (prev.dep_ == "neg" and prev.head.i != token.head.i):
            break
        i -= 1
    return i


def _span(piece: Piece, first: int, last: int) -> Span | None:
    doc = piece.block.doc
    while last >= first and (doc[last].lower_ in TRAILING or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    start = piece.offset(doc[first])
    end = piece.offset(doc[last]) + len(doc[last].text)
    return Span(start, end, doc[first : last + 1].text)


def _clip(piece: Piece, first: int, last: int) -> tuple[int, int]:
    """Keep the span inside the clause the statement governs."""
    governed = piece.governed
    while first <= last and first not in governed:
        first += 1
    while last >= first and last not in governed:
        last -= 1
    return first, last


def _subtree_end(token: "Token") -> int:
    return max(t.i for t in token.subtree)


def _clause_conditions(node: "Token", lex: Lexicon) -> Iterable[tuple[int, int]]:
    for child in node.children:
        if child.dep_ in {"advcl", "conj"}:  # "ready, but only if X": spaCy often makes X a conjunct
            marker = _marker(child, lex)
            if marker is not None and _duration(marker, node):
                continue
            if marker is not None:
                yield _extend_left(marker, lex), _subtree_end(child)
        elif child.dep_ in {"advmod", "npadvmod"} and child.lower_ in {"long", "soon", "only"}:
            yield from _clause_conditions(child, lex)
        elif child.dep_ == "prep":
            yield from _prep_condition(child, lex)
        elif child.dep_ == "acomp":  # "a settlement was conceivable only with X", "talks are impossible without X"
            for prep in (c for c in child.children if c.dep_ == "prep"):
                yield from _prep_condition(prep, lex)



def _provided(node: "Token", piece: Piece) -> Iterable[tuple[int, int]]:
    """ "provided (that) X": spaCy attaches X in many ways (advcl, ccomp of the main verb, or not at all),
    so after the main verb the condition runs to the end of the statement, before it to the end of its subtree."""
    for child in node.children:
        if child.lower_ not in {"provided", "providing"}:
            continue
        if child.i < node.i:  # "Provided X, we will ...": the condition ends where its clause does
            yield child.i, _subtree_end(child)
        else:
            tail = max((i for i in piece.inside if i > child.i), default=child.i)
            yield child.i, max(_subtree_end(child), tail)


def _prep_condition(prep: "Token", lex: Lexicon) -> Iterable[tuple[int, int]]:
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return
    lower = prep.lower_
    only = prep.doc[prep.i - 1].lower_ == "only" if prep.i > 0 else False
    head = objects[0]
    temporal = any(t.ent_type_ in {"DATE", "TIME"} for t in head.subtree) or (
        head.lemma_.lower() in lex.time_nouns and not any(c.lower_ == "to" for c in head.children)
    )  # "before the end of the year" is a date; "without an end to the war" is a red line
    if lower in lex.only_markers and (only or _has_only(prep.head)):
        yield _extend_left(prep, lex), _subtree_end(prep)
    elif lower in lex.only_preps and only:
        yield prep.i - 1, _subtree_end(prep)  # "only with whoever replaces him", "only at the final stage"
    elif lower in lex.prep_markers and objects[0].lower_ not in lex.prep_markers_blocked and not temporal:
        yield _extend_left(prep, lex), _subtree_end(prep)
    elif lower in {"under", "in"} and (head.lemma_.lower() in lex.circumstance_nouns or head.lower_ in lex.circumstance_nouns) \
            and not any(d.lower_ == "no" for d in head.children):  # "under no circumstances" is a negation
        yield prep.i, _subtree_end(prep)  # "under the current circumstances"
    elif lower in {"in", "on"} and objects[0].lemma_.lower() in lex.exchange_nouns:
        # "in exchange for X" / "on condition that X" / "on the basis of X"
        if any(c.dep_ in {"prep", "acl", "ccomp", "relcl"} for c in objects[0].children):
            yield _extend_left(prep, lex), _subtree_end(prep)
        else:  # "in exchange" with its "for X" hung beside it on the same head
            after = prep.doc[_subtree_end(prep) + 1] if _subtree_end(prep) + 1 < len(prep.doc) else None
            if after is not None and after.lower_ == "for" and after.head.i == prep.head.i and after.dep_ == "prep":
                yield _extend_left(prep, lex), _subtree_end(after)



def _predicate_condition(node: "Token", lex: Lexicon) -> Iterable[tuple[int, int]]:
    """ "depend on X" / "based on X" / "contingent on X": the predicate and its complement."""
    heads = [node, *(c for c in node.children if c.dep_ in {"acomp", "attr", "oprd", "xcomp"})]
    for head in heads:
        if head.lemma_.lower() not in lex.conditional_predicates and head.lower_ not in lex.conditional_predicates:
            continue
        rights = [c for c in head.rights if c.dep_ in COMPLEMENT_DEPS]
        if not any(c.dep_ in {"prep", "agent"} for c in rights):
            continue
        last = max(_subtree_end(c) for c in rights if c.dep_ != "punct")
        yield head.i, last


def _object_condition(node: "Token", lex: Lexicon) -> Iterable[tuple[int, int]]:
    """ "any agreement must include X": the object X."""
    if node.lemma_.lower() in lex.object_conditions:
        for child in node.children:
            if child.dep_ == "dobj":
                yield child.left_edge.i, _subtree_end(child)


def _causative_condition(node: "Token", lex: Lexicon) -> Iterable[tuple[int, int]]:
    """ "X would make a settlement impossible": X is the red line."""
    if node.lemma_.lower() != "make":
        return
    if not any(c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} and c.lemma_.lower() in lex.negative_predicates
               for c in node.children):
        return
    holder = node.head if node.dep_ == "conj" and not _subjects(node) else node
    for subject in _subjects(holder):
        yield subject.left_edge.i, _subtree_end(subject)


def _subjects(node: "Token") -> list["Token"]:
    return [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]


def _clipped_span(piece: Piece, first: int, last: int) -> Span | None:
    first, last = _clip(piece, first, last)
    return _span(piece, first, last) if first <= last else None


def red_line_conditions(path: list["Token"], piece: Piece, lex: Lexicon) -> list[Span]:
    """Relative clauses that restrict what is rejected: "no deal that leaves Hamas standing", "any accord that
    limits X". A definite thing ("the deal that was signed") is described, not restricted."""
    out: list[Span] = []
    # the object of signing or accepting carries the red line too: "we will sign nothing that ties peace to X"
    objects = [c for n in path if n.pos_ == "VERB" and (n.lemma_.lower() in lex.deal_verbs or n.lemma_.lower() == "accept")
               for c in n.children if c.dep_ == "dobj"]
    for node in [*path, *objects]:
        if node.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in node.children):
            continue
        for clause in (c for c in node.children if c.dep_ == "relcl"):
            first = clause.left_edge
            while first.i < clause.i and (first.is_punct or first.is_quote):  # a code “that is not binding”
                first = first.doc[first.i + 1]
            if first.lower_ not in RELATIVE_WORDS:
                continue
            if is_comment_clause(first):
                continue
            span = _clipped_span(piece, first.i, _subtree_end(clause))
            if span:
                out.append(span)
        out.extend(_set_off_relative(node, piece))
    return out


def is_comment_clause(first: "Token") -> bool:
    """A relative clause opened by ", which" (", which is a pity"): a comment on the thing, not a restriction of
    it."""
    return first.lower_ == "which" and first.i > 0 and first.doc[first.i - 1].text == ","


def _set_off_relative(node: "Token", piece: Piece) -> list[Span]:
    """A relative clause set off from "there will be no X" by an aside, which the parser makes a clause of its
    own: "There will be no text, in Muscat or anywhere else, that strips X of Y"."""
    if node.dep_ != "attr" or not any(c.dep_ == "det" and c.lower_ in {"no", "any"} for c in node.children):
        return []
    out = []
    for clause in node.head.children:
        first = clause.left_edge
        while first.i < clause.i and first.is_punct:  # the comma closing the aside
            first = first.doc[first.i + 1]
        joined = any(t.dep_ == "cc" and t.head.i == node.head.i for t in node.doc[node.i + 1 : first.i])
        if clause.dep_ == "conj" and clause.i > node.i and first.lower_ == "that" and not joined \
                and first.dep_ in {"nsubj", "nsubjpass"} and first.head.i == clause.i:  # not "..., and that is final"
            span = _clipped_span(piece, first.i, _subtree_end(clause))
            if span:
                out.append(span)
    return out


def requirement_conditions(anchor: "Token", piece: Piece, lex: Lexicon) -> list[Span]:
    """What talks must be, when they are the subject of a requirement: "any summit would have to be
    thoroughly prepared by experts", "any truce must be monitored by observers"."""
    if anchor.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    verb = anchor.head
    predicate = None
    if verb.lemma_.lower() in {"have", "need"}:
        predicate = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    elif any(c.dep_ == "aux" and c.lower_ in lex.deontic_modals for c in verb.children):
        predicate = verb
    if predicate is None:
        return []
    lemma = predicate.lemma_.lower()
    if lemma in HAPPENING_VERBS:
        return []  # "the meeting should go ahead as planned": that it happen, not what it must be
    if lemma in lex.conditional_predicates or lemma in lex.object_conditions or lemma == "be":
        return []  # "must be based on X", "must include X" have finders of their own
    if any(c.dep_ == "neg" for node in (verb, predicate) for c in node.children):
        return []
    skipped = {t.i for t in anchor.subtree}
    words = [
        t for t in predicate.subtree
        if t.i not in skipped and not (t.head.i in {verb.i, predicate.i} and t.dep_ in {"aux", "auxpass", "neg", "punct"})
    ]
    words = [t for t in words if t.i > anchor.i]
    if not words:
        return []
    span = _clipped_span(piece, words[0].i, _subtree_end(predicate))
    return [span] if span else []


def stated_conditions(piece: Piece, lex: Lexicon) -> list[Span]:
    """ "The condition is simple: X", "our only condition for a truce is X": the complement is the condition."""
    doc = piece.block.doc
    out: list[Span] = []
    for i in sorted(piece.inside):
        token = doc[i]
        if token.dep_ != "nsubj" or token.lemma_.lower() not in lex.condition_nouns or token.head.lemma_.lower() != "be":
            continue
        be = token.head
        attrs = [c for c in be.children if c.dep_ == "attr"]
        if attrs:
            span = _clipped_span(piece, attrs[0].left_edge.i, _subtree_end(attrs[0]))
        else:  # "the condition is simple: X" (spaCy hangs X anywhere): from the colon to the sentence end
            sentence = be.sent
            colon = next((t for t in doc[be.i : sentence.end] if t.text == ":"), None)
            span = _clipped_span(piece, colon.i + 1, sentence.end - 1) if colon is not None else None
        if span:
            out.append(span)
    return out


def find_conditions(path: list["Token"], piece: Piece, lex: Lexicon) -> list[Span]:
    """Condition spans attached to a path (negotiation word up to the statement head), in text order."""
    found: dict[tuple[int, int], None] = {}
    for node in path:
        # an infinitive on a path noun carries the terms of the thing: "a deal to free X in exchange for Y";
        # so does one beside the path: "ready for a deal to free X in exchange for Y" (spaCy: ready -> to free)
        on_path = {t.i for t in path}
        infinitives = [c for c in node.children if c.i not in on_path and (
            (c.dep_ == "acl" and node.pos_ in {"NOUN", "PROPN"})
            or (c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]
        for acl in infinitives:
            for child in (c for c in acl.children if c.dep_ == "prep"):
                for first, last in _prep_condition(child, lex):
                    first, last = _clip(piece, first, last)
                    if first <= last:
                        found[(first, last)] = None
        found_here = (
            *_clause_conditions(node, lex),
            *_predicate_condition(node, lex),
            *_provided(node, piece),
            *_object_condition(node, lex),
            *_causative_condition(node, lex),
        )
        for first, last in found_here:
            first, last = _clip(piece, first, last)
            if first <= last:
                found[(first, last)] = None
    # a condition clause of the statement that the parser hung on the reporting verb ("X, if Y," he said)
    for root in piece.roots:
        if root.head.i in piece.governed:
            continue
        span: tuple[int, int] | None = None
        if root.dep_ in {"advcl", "conj"} and _marker(root, lex) is not None:  # "..., but only if Y," he said
            span = _extend_left(_marker(root, lex), lex), _subtree_end(root)
        elif root.lower_ in {"provided", "providing"} and root.i > min(piece.inside):
            span = root.i, max(piece.inside)  # "X, provided Y," with Y hung on the reporting verb
        if span:
            first, last = _clip(piece, *span)
            if first <= last:
                found[(first, last)] = None
    # a condition nested in another keeps only the outer one
    ranges = sorted(found)
    kept = [r for r in ranges if not any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in ranges)]
    spans = [_span(piece, first, last) for first, last in kept]
    return [s for s in spans if s is not None and not is_proviso(s.text)]


# "if necessary", "if need be", "if possible": a proviso of the speaker's own, not terms set for the other side.
PROVISOS = frozenset({"necessary", "needed", "need be", "required", "possible", "appropriate", "useful",
                      "so desired", "wanted"})


def is_proviso(text: str) -> bool:
    """ "if necessary", "if needed", "if possible": no condition (``PROVISOS``)."""
    words = text.lower().strip(" .,;:!?\"'”’»").split(maxsplit=1)
    return len(words) == 2 and words[0] == "if" and words[1] in PROVISOS
