"""Reported speech from the dependency parse: for one speech cue, who speaks and what was said.

Content rules, tried in order (each from the parse, never from particular words beyond the cue lexicon):

1. a clausal complement of the cue ("X said Monday that ...", "X told Y that ...", "X insisted there would
   be no ..."); a leading "that" is dropped;
2. the nominal object of verbs marked ``+object`` in the lexicon ("rejected the possibility of a truce"),
   or their clausal object ("ruled out holding talks");
3. an infinitive complement ("vowed to continue");
4. the clause the cue is attached to when the cue follows or interrupts it ("..., X said");
5. for "according to X", the rest of the sentence's main clause;
6. for a cue noun, its "that" clause ("his claim that he never refused").

A condition clause that the parser hangs off the cue verb right after the content belongs to the content,
not to the act of saying ("said he was ready to meet, provided a ceasefire held"; "said Russia was prepared to
discuss a swap \"if Kyiv stops ...\""): the content runs on to its end.

Content spans are the clause verbatim, trimmed of surrounding whitespace and trailing punctuation.
The speaker is the cue's subject phrase with its title and apposition, the agent of a passive ("by X"),
the object of "according to", or the possessor of a cue noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .cues import Cue

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp",)
# Subordinators of a time or reason clause, which is no reported content when the parser makes it a complement.
ADVERBIAL_MARKS = frozenset({"after", "before", "as", "while", "since", "although", "though", "whereas", "because"})
OBJECT_DEPS = ("dobj", "xcomp", "pcomp", "ccomp")
# A cue attached under one of these labels hangs off the clause it reports: "The plan is dead, he said."
PARENTHETICAL_DEPS = ("parataxis", "ccomp", "advcl", "conj")
# Dependencies through which a verb without its own subject inherits one ("said X and added Y",
# "..., adding that ...").
INHERIT_SUBJECT_DEPS = ("conj", "advcl", "xcomp", "ccomp")
# A clause of another cue joined under one of these labels ends the content before it.
NESTED_CLAUSE_DEPS = ("advcl", "conj", "parataxis")
# Punctuation that sets a parenthetical cue off from the clause it reports.
SET_OFF_PUNCT = (",", "—", "–", "--")
# Characters trimmed from the ends of a content span.
CONTENT_TRIM_END = " \t\n,;:.—–-"
CONTENT_TRIM_START = " \t\n,;:—–-"
SPEAKER_TRIM = " \t\n,;:.—–-("
# Words opening a condition clause that extends the content when it follows it ("..., provided ...").
TRAILING_CONDITION_OPENERS = frozenset({"if", "unless", "provided", "providing", "once", "until", "till"})
# Two-word openers of the same kind: "as long as", "so long as", "only if", "only after", "on condition".
TRAILING_CONDITION_PAIRS = frozenset({("so", "long"), ("as", "long"), ("only", "if"), ("only", "after"),
                                      ("only", "once"), ("only", "when"), ("on", "condition"), ("in", "exchange"),
                                      ("in", "return")})
# Conjunctions joining two reported "that" clauses of one cue.
COORDINATORS = frozenset({"and", "but"})
# Closing quotation marks a content span that opened a quotation may run on to, at most this far after it.
CLOSING_QUOTES = "\"”»"
QUOTE_CLOSE_REACH = 3
# Punctuation that may stand between the end of a clause and the quotation mark that closes it.
CLOSING_PUNCT = " .,;:!?"


@dataclass(frozen=True, slots=True)
class Piece:
    """A character span of the article: ``[start, end)``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    """What one cue reports: the speaker's mention and the content clause (either may be missing).

    ``content_head`` is the head token of the content (its main verb or noun), used to tell a quote that
    carries the statement from a scare-quoted word inside it.
    """

    cue: Cue
    source: Piece | None
    content: Piece | None
    content_head: "Token | None" = field(default=None, compare=False)


def _trimmed(cue: Cue, a: int, b: int, trim_start: str, trim_end: str) -> Piece | None:
    """Block-relative [a, b) trimmed, as article offsets; None when nothing is left."""
    text = cue.block_text
    while a < b and text[a] in trim_start:
        a += 1
    while b > a and text[b - 1] in trim_end:
        b -= 1
    if b <= a:
        return None
    return Piece(cue.offset + a, cue.offset + b)


def _subtree_bounds(token: "Token") -> tuple[int, int]:
    """Block character bounds of a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _nested_cut(head: "Token", cue_tokens: frozenset[int]) -> int | None:
    """Token index where the content of ``head`` stops because another cue's clause joins it
    ("... was sent home, and when asked why, the official replied ..."; "..., arguing that ...")."""
    for t in head.subtree:
        if t.i > head.i and t.i in cue_tokens and t.dep_ in NESTED_CLAUSE_DEPS and t.head.i >= head.i:
            cut = t.left_edge.i
            doc = head.doc
            while cut - 1 > head.i and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            if cut > head.i:
                return cut
    return None


def _content_piece(cue: Cue, head: "Token", cue_tokens: frozenset[int] = frozenset()) -> Piece | None:
    a, b = _subtree_bounds(head)
    first = head.doc[head.left_edge.i]
    if first.lower_ == "that" and first.dep_ == "mark":
        a = first.idx + len(first.text)
    cut = _nested_cut(head, cue_tokens)
    if cut is not None:
        b = min(b, head.doc[cut].idx)
    return _closed_content(cue, a, b)


def _is_passive(token: "Token") -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _speaker_piece(cue: Cue, token: "Token") -> Piece | None:
    a, b = _subtree_bounds(token)
    # a hyphenated name the parser split into two subjects ("Kang Min-soo": "Min" and "soo"): the whole name
    left = token.left_edge
    while left.i >= 2 and left.doc[left.i - 1].text == "-" and not left.doc[left.i - 2].whitespace_ \
            and not left.doc[left.i - 1].whitespace_:
        left = left.doc[left.i - 2].left_edge
        a = left.idx
    return _trimmed(cue, a, b, SPEAKER_TRIM, SPEAKER_TRIM)


def _body_it(subject: "Token", verb: "Token") -> bool:
    """ "It added that ...", "it said": the subject of an active speech verb, not the "it" of "it was said"."""
    return (subject.lower_ == "it" and subject.dep_ == "nsubj" and not _is_passive(verb)
            and verb.lemma_.lower() not in {"be", "seem", "appear", "remain"})


def _subject_of(verb: "Token", passive_agent: bool) -> "Token | None":
    """The token naming who speaks for a verb cue (searching up conjunctions and participles)."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        if passive_agent and _is_passive(verb):
            # "was denied by the ministry": the agent speaks; "were accused of ...": nobody named
            for child in verb.children:
                if child.dep_ == "agent":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
            return None
        # two subjects when the parser takes a quoted phrase for one ("“No roadmap,” the spokesman said"):
        # the nearer to the verb speaks
        for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            if child.dep_ in SUBJECT_DEPS and (child.lower_ not in ("it", "there") or _body_it(child, verb)):
                return child  # (an active "it added that ..." is a body that spoke)
            if child.dep_ in SUBJECT_DEPS:
                return None  # "it was said that ...": no speaker named
        if verb.dep_ == "relcl":
            return verb.head  # "Putin, who said ..."
        if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head is not verb:
            verb = verb.head
            passive_agent = True
            continue
        return _stranded_name(verb)
    return None


def _stranded_name(verb: "Token") -> "Token | None":
    """A name right before a subjectless root cue that the parser hung elsewhere: "In a statement posted on
    Weibo, its spokesperson X said ..." (X parsed as an apposition of "Weibo")."""
    if verb.dep_ != "ROOT" or verb.i == verb.sent.start:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.ent_type_ == "PERSON" and prev.dep_ in ("appos", "pobj", "dobj", "npadvmod", "conj"):
        return prev
    return None


def _compound_subject(cue: Cue, verb: "Token") -> Piece | None:
    """A title-case headline verb mis-parsed as a noun keeps its subject as compounds: "Shoigu Rules Out"."""
    names = [c for c in verb.lefts if c.dep_ == "compound"]
    if not names:
        return None
    a = names[0].left_edge.idx
    b = names[-1].right_edge.idx + len(names[-1].right_edge.text)
    return _trimmed(cue, a, b, SPEAKER_TRIM, SPEAKER_TRIM)


def _opens_condition(token: "Token") -> bool:
    first = token.left_edge
    if first.lower_ in TRAILING_CONDITION_OPENERS:
        return True
    following = first.nbor() if first.i + 1 < len(first.doc) else None
    return following is not None and (first.lower_, following.lower_) in TRAILING_CONDITION_PAIRS


def _with_trailing_condition(cue: Cue, piece: Piece | None, verb: "Token", content: "Token",
                             cue_tokens: frozenset[int]) -> Piece | None:
    """The content run on over a condition clause the parser attached to the cue verb after it (see the
    module docstring); stops at a comma-separated clause that does not continue it, or at another cue."""
    if piece is None:
        return piece
    # after the content, whether the cue follows it ("X “if Y,” he said") or precedes it ("said X, provided Y")
    # (never across the cue: "“Talks are off,” he said, “until ...”" is two statements)
    stop = verb.i if content.i < verb.i else len(verb.doc)
    later = [c for c in verb.children if content.right_edge.i < c.i < stop and c.dep_ not in SUBJECT_DEPS]
    words = [c for c in later if not c.is_punct]
    if len(words) > 1 and words[0].dep_ == "cc" and words[0].lower_ == "but":
        words = words[1:]  # "said Moscow would talk, but only if Kyiv withdrew"
    if not words or not _opens_condition(words[0]) or words[0].i in cue_tokens:
        return piece
    end_token = words[0].right_edge
    for child in words[1:]:
        between = child.doc[end_token.i + 1 : child.left_edge.i]
        if child.i in cue_tokens or any(t.is_punct for t in between) or child.dep_ in ("cc", "conj"):
            break
        end_token = child.right_edge
    b = end_token.idx + len(end_token.text)  # block-relative, as token offsets are
    return _closed_content(cue, piece.start - cue.offset, b) or piece


def _closed_content(cue: Cue, a: int, b: int) -> Piece | None:
    """Block-relative [a, b) as a content piece: trimmed, and run on to the closing quotation mark of a
    quotation it opens (``_closed``)."""
    piece = _trimmed(cue, a, b, CONTENT_TRIM_START, CONTENT_TRIM_END)
    return None if piece is None else _closed(cue, piece)


def _open_quote(text: str) -> bool:
    """Does the text open a quotation it does not close?"""
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") > text.count("”") or text.count("«") > text.count("»")


def _closed(cue: Cue, piece: Piece) -> Piece:
    """A content span that opens a quotation runs on to its closing mark when only punctuation lies between
    ("... would sign the truce “if the army stops bombing the markets.”")."""
    text = cue.block_text
    a, b = piece.start - cue.offset, piece.end - cue.offset
    if not _open_quote(text[a:b]):
        return piece
    for k, ch in enumerate(text[b : b + QUOTE_CLOSE_REACH]):
        if ch in CLOSING_QUOTES:
            return Piece(piece.start, piece.end + k + 1)
        if ch not in CLOSING_PUNCT:
            break
    return piece


# A wire dateline opening a sentence or a mention: "ALGIERS — ", "KYIV, Oct 6 (Interwire) - ".
DATELINE = re.compile(r"[A-Z][A-Z .'’/-]{1,40}(?:,[^\n—–]{0,40}?)?\s+(?:-|—|–|--)\s+")


def _fronted_clause(cue: Cue, verb: "Token") -> "tuple[Piece | None, Token] | None":
    """A reported clause before the cue that the parser hung on the cue as a modifier, the sentence opening with
    a dateline ("ALGIERS — The groups will not initial any roadmap ..., the spokesman said"): that clause, without
    the dateline and the comma before the subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    doc = verb.doc
    for child in verb.children:
        if child.i >= subject.i or child.dep_ not in ("advcl", "ccomp", "parataxis", "dep", "npadvmod"):
            continue
        first, last = child.left_edge, child.right_edge
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if after is None or after.text not in SET_OFF_PUNCT or not any(t.pos_ in ("VERB", "AUX") for t in child.subtree):
            continue
        dateline = DATELINE.match(doc.text, first.idx)
        if dateline is None:
            continue  # without a dateline the usual rules read the clause
        return _trimmed(cue, dateline.end(), last.idx + len(last.text), CONTENT_TRIM_START, CONTENT_TRIM_END), child
    return None


def _has_subject(clause: "Token") -> bool:
    """A clause with its own subject or a "that" ("that the government would sign nothing")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or (c.dep_ == "mark" and c.lower_ == "that")
               for c in clause.children)


def _adverbial(clause: "Token") -> bool:
    """A clause opened by a subordinator of time or reason ("after", "as", "while", "because"), not of speech."""
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.lefts)


def _verb_content(cue: Cue, verb: "Token", cue_tokens: frozenset[int]) -> tuple[Piece | None, "Token | None"]:
    # 1. a clausal complement, the nearest one after the verb first ("X said Monday that ...")
    clauses = [c for c in list(verb.rights) + list(reversed(list(verb.lefts))) if c.dep_ in CLAUSE_DEPS]
    # a name the parser took for a clause ("told the agency SANA on Monday that ..."): a real clause first
    if any(_has_subject(c) for c in clauses):
        clauses = [c for c in clauses if _has_subject(c)] + [c for c in clauses if not _has_subject(c)]
    # a time or reason clause the parser took for a complement ("..., X said on Thursday, a day after the envoy
    # appeared to soften ..."): the clause before the cue first
    clauses = [c for c in clauses if not _adverbial(c)] + [c for c in clauses if _adverbial(c)]
    for child in clauses:
        piece = _content_piece(cue, child, cue_tokens)
        return _with_trailing_condition(cue, piece, verb, child, cue_tokens), child
    # 1b. a "that" clause the parser attached elsewhere: "warned on Tuesday that the war could last years"
    for child in verb.rights:
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and child.dep_ not in ("dobj", "pobj", "nsubj"):
            end = _subtree_bounds(child)[1]
            return _trimmed(cue, first.idx + len(first.text), end, CONTENT_TRIM_START, CONTENT_TRIM_END), child
    # 2. the object of rejected / denied / ruled out
    if cue.takes_object:
        for child in verb.rights:
            # in a relative clause an infinitive is gapped: "regions that Moscow claims to have annexed"
            if child.dep_ in OBJECT_DEPS and not (verb.dep_ == "relcl" and child.dep_ == "xcomp"):
                return _content_piece(cue, child, cue_tokens), child
    # 3. an infinitive complement ("vowed to continue"), not for the passive "is said to"
    if not _is_passive(verb) and verb.dep_ != "relcl":  # not "regions that Moscow claims to have annexed"
        for child in verb.rights:
            if child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.lefts):
                return _content_piece(cue, child, cue_tokens), child
    # 4. the clause the cue hangs off: "The plan is dead, he said." / "The plan, he said, is dead."
    head = verb.head
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    set_off = doc[left].text in SET_OFF_PUNCT or (left > 0 and doc[left - 1].text in SET_OFF_PUNCT)
    set_off_after = doc[right].text in SET_OFF_PUNCT or (right + 1 < len(doc) and doc[right + 1].text in SET_OFF_PUNCT)
    if verb.dep_ in PARENTHETICAL_DEPS and head is not verb and head.i < verb.i and set_off:
        a, b = _subtree_bounds(head)
        own_left = verb.left_edge.idx
        if own_left > a:
            b = min(b, own_left)
        return _trimmed(cue, a, b, CONTENT_TRIM_START, CONTENT_TRIM_END), head
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts)
    if as_clause and head.i > verb.i and set_off_after:
        # "As one analyst pointed out, the gap is vast": the main clause after the cue's clause
        a = doc[right].idx + len(doc[right].text)
        b = _subtree_bounds(head)[1]
        return _trimmed(cue, a, b, CONTENT_TRIM_START, CONTENT_TRIM_END), head
    if verb.dep_ == "parataxis" and head.i > verb.i and set_off_after:
        # "To understand it, Roberts said, one should visit": the whole clause around the cue
        a, b = _subtree_bounds(head)
        return _trimmed(cue, a, b, CONTENT_TRIM_START, CONTENT_TRIM_END), head
    # 4b. the cue ends the sentence after a comma: "Moscow will not talk, the minister said."
    sent = verb.sent
    left = verb.left_edge
    fronted = _fronted_clause(cue, verb)
    if fronted is not None:
        return fronted
    if left.i > sent.start:
        before = verb.doc[left.i - 1]
        if before.text in SET_OFF_PUNCT and any(t.pos_ in ("VERB", "AUX") for t in verb.doc[sent.start : before.i]):
            piece = _trimmed(cue, sent.start_char, before.idx, CONTENT_TRIM_START, CONTENT_TRIM_END)
            root = sent.root
            return piece, root if root is not verb else None
    return None, None


def _according_frame(cue: Cue) -> Frame:
    token = cue.token
    doc = token.doc
    sent = token.sent
    source = None
    to = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if to is not None:
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if objects:
            source = _speaker_piece(cue, objects[0])
    # the phrase's own extent: "according to X"
    end_i = to.right_edge.i if to is not None else token.i
    phrase_a = token.idx
    phrase_b = doc[end_i].idx + len(doc[end_i].text)
    if phrase_a <= sent.start_char + 1:  # sentence-initial: the content follows
        content = _trimmed(cue, phrase_b, sent.end_char, CONTENT_TRIM_START, CONTENT_TRIM_END)
    elif phrase_b >= sent.end_char - 2:  # sentence-final: the content precedes
        content = _trimmed(cue, sent.start_char, phrase_a, CONTENT_TRIM_START, CONTENT_TRIM_END)
    else:  # in the middle: the whole sentence
        content = _trimmed(cue, sent.start_char, sent.end_char, CONTENT_TRIM_START, CONTENT_TRIM_END)
    head = token.head if token.head is not token else sent.root
    return Frame(cue, source, content, head)


def _noun_frame(cue: Cue) -> Frame:
    noun = cue.token
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = _speaker_piece(cue, child)
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ == "VERB":
        verb = verb.head  # "The office said in a statement that ...": the subject of "said"
    if source is None and noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
        subject = _subject_of(verb, passive_agent=True)
        if subject is not None:
            source = _speaker_piece(cue, subject)
    content = None
    head = None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.lefts
        ):
            content, head = _content_piece(cue, child), child
            break
    return Frame(cue, source, content, head)


def split_coordinated(frame: Frame) -> tuple[Frame, ...]:
    """One frame per reported clause when the content coordinates two "that" clauses ("said X and that Y",
    "said X, but that Y"): each is a statement of its own, with the same cue and speaker."""
    head, content = frame.content_head, frame.content
    if head is None or content is None:
        return (frame,)
    cue = frame.cue
    # a second "that" clause hung on the cue verb itself: "said that X, but that Y"
    for child in cue.token.rights:
        that = _coordinated_that(child)
        if that is not None and child.i > head.i and child.dep_ in CLAUSE_DEPS:
            after = _closed_content(cue, that.idx + len(that.text), _subtree_bounds(child)[1])
            if after is not None and after.start >= content.end:
                return (frame, Frame(cue, frame.source, after, child))
    for child in head.rights:
        that = _coordinated_that(child)
        if that is None or child.pos_ not in ("VERB", "AUX"):
            continue
        end = _subtree_bounds(child)[1]
        before = _closed_content(cue, content.start - cue.offset, head.doc[that.i - 1].idx)
        after = _closed_content(cue, that.idx + len(that.text), min(end, content.end - cue.offset))
        if before is None or after is None:
            return (frame,)
        return (Frame(cue, frame.source, before, head), Frame(cue, frame.source, after, child))
    return (frame,)


def _coordinated_that(clause: "Token") -> "Token | None":
    """The "that" opening a clause joined by "and"/"but" ("..., and that Y"), or None."""
    that = clause.left_edge
    if that.lower_ != "that" or that.dep_ != "mark" or that.i == 0:
        return None
    joint = clause.doc[that.i - 1]
    return that if joint.dep_ == "cc" and joint.lower_ in COORDINATORS else None


def frame_for(cue: Cue, cue_tokens: frozenset[int] = frozenset()) -> Frame:
    """The speaker mention and reported content of one cue (block offsets turned into article offsets).

    ``cue_tokens``: token indices of all the cues of the sentence; another cue's clause joined to the content
    ends it.
    """
    if cue.kind == "phrase":
        return _according_frame(cue)
    if cue.kind == "noun":
        return _noun_frame(cue)
    verb = cue.token
    quoted_as = cue.lemma == "quote" and _is_passive(verb)
    subject = _subject_of(verb, passive_agent=not quoted_as)
    source = _speaker_piece(cue, subject) if subject is not None else _compound_subject(cue, verb)
    if cue.quote_only:
        return Frame(cue, source, None, None)
    content, head = _verb_content(cue, verb, cue_tokens)
    if content is not None:
        dateline = DATELINE.match(cue.block_text, content.start - cue.offset)
        if dateline and cue.offset + dateline.end() < content.end:
            content = Piece(cue.offset + dateline.end(), content.end)  # "KIDAL — The groups will not ...", he said
    if content is None and quoted_as:
        for token in verb.subtree:
            if token.i > verb.i and token.lemma_ == "say":
                content, head = _verb_content(cue, token, cue_tokens)
                break
    return Frame(cue, source, content, head)
