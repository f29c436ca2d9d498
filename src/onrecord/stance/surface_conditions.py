"""Conditions read from the words when the parse hides them.

The parse finders (``conditions.py``) follow the dependency path from the negotiation word, so a condition the
parser hangs elsewhere is lost: inside quotation marks ("would boycott the session «as long as X»"), after a
headline's object ("rules out talks until X"), or under the reporting verb. Here, in a statement whose framing
already states terms (``reject`` or ``conditional``), or whose willingness a plain condition qualifies
(``open``), a condition marker among the statement's words opens a span that runs to the end of its clause:
the next comma, semicolon, colon, full stop, dash or closing quotation mark, or the end of the statement.

Markers (the contract's: "until/unless/while/so long as X", "if/provided/only after X"): as long as, so long as,
as soon as, until, till, unless, provided (that), providing, on (the) condition that, in return for, in exchange
for, only if / after / when / once, once (opening a clause), if (not "even if", "as if"), the minute / the moment
("will walk out the minute X"), the day (a clause after it: "will return the day the last soldier leaves"), "condition: X" (the span is X); not a proviso ("if necessary"); under negative framing
also while, without, before (opening a clause or "any"), and "with X still ..." ("no roadmap can begin with the
premier still in his chair").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Span
from .conditions import DEFINITE_DETS as PARSE_DEFINITE_DETS
from .conditions import CONTINUATIVE, is_comment_clause, is_proviso
from .context import Piece
from .lexicon import load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Multi-word markers (lower-cased words), longest first so "only if" wins over "if".
PHRASES: tuple[tuple[str, ...], ...] = (
    ("on", "the", "condition", "that"), ("as", "long", "as"), ("so", "long", "as"), ("as", "soon", "as"),
    ("on", "condition", "that"), ("in", "return", "for"), ("in", "exchange", "for"), ("provided", "that"),
    ("providing", "that"), ("only", "if"), ("only", "after"), ("only", "when"), ("only", "once"), ("not", "until"),
    ("the", "minute"), ("the", "moment"),
)
SINGLE = frozenset({"until", "till", "unless", "provided", "providing", "once", "if"})
# Under negative framing only: "no talks while X", "no deal without X", "nothing before any X".
NEGATIVE_SINGLE = frozenset({"while", "without", "before"})
# Where a condition's clause ends.
BOUNDARIES = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "»", "”", '"', ")"})
# Words before "if" that make it no condition ("even if", "as if", "what if") and after "once" ("once again").
NOT_IF = frozenset({"even", "as", "what", "only"})
# "for as long as it takes / needed / either party needs it": no term, an open-ended commitment.
OPEN_ENDED = ("it takes", "it took", "needed", "necessary", "required", "either", "both", "they need", "it lasts")
# "as soon as possible" is a time, not a condition.
SOON_AS_POSSIBLE = frozenset({"possible", "practicable", "feasible", "necessary"})
# Relative words that open a red line here (the parse finder also takes "who", "where" ...), and determiners of a
# thing described rather than restricted: the parse finder's, and possessives ("its code that ...").
RELATIVE_WORDS = frozenset({"that", "which", "who", "whose"})
DEFINITE_DETS = PARSE_DEFINITE_DETS | {"its", "their", "our", "his", "her"}
NOT_AFTER_ONCE = frozenset({"again", "more", "and", "or", "in", "a"})
# Words after "the day" that make it a time, not a condition ("the day after", "the day of the vote").
NOT_AFTER_DAY = frozenset({"after", "before", "of", "when", "and", "or", ",", "."})


def _temporal(following: list["Token"]) -> bool:
    """ "until Friday", "until the end", "without delay": a time, not a condition."""
    time_nouns = load_lexicon().time_nouns | {"delay", "further"}
    return any(t.ent_type_ in {"DATE", "TIME"} or t.lemma_.lower() in time_nouns for t in following)


def _opens_clause(doc, i: int, limit: int, reach: int = 5) -> bool:
    """A verb follows within ``reach`` words ("once the shelling stopped"), before any punctuation that ends a
    clause."""
    for t in doc[i + 1 : min(limit, i + 1 + reach)]:
        if t.text in BOUNDARIES:
            return False
        if t.pos_ in {"VERB", "AUX"}:
            return True
    return False


# How far a long subject may run between "once" and its verb ("once public-sector salaries in areas under the
# movement's control were paid").
ONCE_REACH = 14


def _marker_at(tokens: list["Token"], k: int, negative: bool) -> int:
    """Length in tokens of the condition marker starting at ``tokens[k]``, 0 when there is none."""
    lowers = [t.lower_ for t in tokens[k : k + 4]]
    if lowers[:2] == ["the", "day"]:
        # "would return to the table the day the last soldier leaves": a clause follows (not "the day after")
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        on_the_day = tokens[k + 1].dep_ == "pobj" and k > 0 and tokens[k - 1].lower_ == "on"  # "on the day X"
        if after is not None and after.lower_ not in NOT_AFTER_DAY and (
                tokens[k + 1].dep_ in {"npadvmod", "advmod"} or on_the_day) \
                and _opens_clause(tokens[k].doc, tokens[k + 1].i, tokens[-1].i + 1):
            return 2
        return 0
    for phrase in PHRASES:
        if tuple(lowers[: len(phrase)]) == phrase:
            after = tokens[k + len(phrase)].lower_ if k + len(phrase) < len(tokens) else ""
            rest = " ".join(t.lower_ for t in tokens[k + len(phrase) : k + len(phrase) + 2])
            if after in SOON_AS_POSSIBLE or rest.startswith(OPEN_ENDED):
                return 0  # "as soon as possible", "for as long as it takes": a time, not a term
            return len(phrase)
    word = lowers[0]
    prev = tokens[k - 1].lower_ if k > 0 else ""
    if word in {"condition", "conditions"} and len(lowers) > 1 and lowers[1] == ":":
        return 2  # "on one condition: that it starts with X" (the span starts after the colon)
    doc, limit = tokens[k].doc, tokens[-1].i + 1
    if word == "if":
        return 0 if prev in NOT_IF else 1
    if word == "once":
        after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
        if tokens[k].dep_ == "mark":
            return 1  # the parser's subordinator: "once public-sector salaries ... were paid"
        subject = k + 1 < len(tokens) and tokens[k + 1].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}
        reach = ONCE_REACH if subject else 5
        return 1 if after not in NOT_AFTER_ONCE and _opens_clause(doc, tokens[k].i, limit, reach) else 0
    if word in {"until", "till"} and not negative and any(t.lemma_.lower() in CONTINUATIVE for t in tokens[:k]):
        return 0  # "would keep hosting the delegations until the parties are reconciled": how long, not on what terms
    if word in {"until", "till"} or (negative and word in {"while", "without"}):
        return 0 if _temporal(tokens[k + 1 : k + 4]) else 1
    if word in SINGLE:
        return 1
    if negative and word in NEGATIVE_SINGLE:
        if word == "before":
            after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
            return 1 if after == "any" or _opens_clause(doc, tokens[k].i, limit) else 0
        return 1
    if negative and word == "with" and any(t.lower_ == "still" for t in tokens[k + 2 : k + 6]):
        return 1
    if word in RELATIVE_WORDS and tokens[k].dep_ != "mark" and _restricts(tokens, k):
        if negative or _only_such(tokens, k):
            return 1  # "no deal that X"; "would sign only a text that X"
    if negative and tokens[k].pos_ == "ADP" and len(lowers) > 1 and lowers[1] in {"which", "whom"} \
            and _restricts(tokens, k):
        return 2  # "would boycott any session at which X"
    return 0


def _only_such(tokens: list["Token"], k: int) -> bool:
    """The relative clause restricts what is accepted to things of its kind: "only" within the few words before
    it ("would put its name only to a text that X", "only those who X"). Without "only" it describes ("would
    support any ceasefire that Kyiv accepts", "the amnesty for every fighter who hands in a rifle": open)."""
    return "only" in [t.lower_ for t in tokens[max(0, k - 5) : k]]


def _restricts(tokens: list["Token"], k: int) -> bool:
    """A relative clause right after an indefinite noun or pronoun (quotation marks between allowed): the
    red line on what is refused ("will not sign a code “that is not binding”"); a definite thing is described."""
    if is_comment_clause(tokens[k]):
        return False
    j = k - 1
    while j >= 0 and (tokens[j].is_quote or tokens[j].is_punct):
        j -= 1
    if j < 0:
        return False
    noun = tokens[j]
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an agreement with the European Union “that hurts our farmers”"
    if noun.pos_ not in {"NOUN", "PRON"} or noun.lower_ in {"it", "this", "that", "they", "we"}:
        return False
    return not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children)


def _in_apposition(token: "Token") -> bool:
    """The word stands inside an apposition (a description of something named before it)."""
    node = token
    for _ in range(12):
        if node.dep_ == "appos":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def surface_conditions(piece: Piece, negative: bool) -> list[Span]:
    """Condition spans among the statement's own words (see the module docstring), in text order."""
    doc = piece.block.doc
    ids = sorted(piece.inside)
    if not ids:
        return []
    tokens = [doc[i] for i in range(ids[0], ids[-1] + 1)]
    out: list[Span] = []
    k = 0
    while k < len(tokens):
        size = _marker_at(tokens, k, negative)
        if size and _in_apposition(tokens[k]):
            size = 0  # "Assab, the port that carried its trade until the war": a description, not a term
        if not size:
            k += 1
            continue
        end = k + size
        while end < len(tokens) and tokens[end].text not in BOUNDARIES and not tokens[end].is_space:
            end += 1
        while end > k + size and tokens[end - 1].text in {"’", "'"}:
            end -= 1  # a closing single quote the tokenizer kept apart ("‘once salaries are paid’")
        if end > k + size:  # the marker has words after it
            first, last = tokens[k + size if tokens[k + size - 1].text == ":" else k], tokens[end - 1]
            start = piece.offset(first)
            text = doc[first.i : last.i + 1].text
            if not is_proviso(text):
                out.append(Span(start, piece.offset(last) + len(last.text), text))
        k = end
    return out


# Subjects of the promise after an imperative condition ("..., and we will be there").
PROMISERS = frozenset({"we", "i"})


def imperative_condition(piece: Piece) -> Span | None:
    """ "Lift the decree and open the camps, and we will be in Nairobi the next morning": the imperative clauses
    before ", and we will ..." are the terms of the promise (one span)."""
    doc = piece.block.doc
    ids = sorted(piece.inside)
    if not ids:
        return None
    tokens = [doc[i] for i in range(ids[0], ids[-1] + 1)]
    start = next((k for k, t in enumerate(tokens) if not t.is_punct and not t.is_space), None)
    if start is None or tokens[start].tag_ != "VB" or any(c.dep_ in {"nsubj", "nsubjpass"}
                                                          for c in tokens[start].children):
        return None
    for k in range(start + 1, len(tokens) - 3):
        if tokens[k].text == "," and tokens[k + 1].lower_ == "and" and tokens[k + 2].lower_ in PROMISERS \
                and tokens[k + 3].lower_ in {"will", "would", "'ll", "shall"}:
            first, last = tokens[start], tokens[k - 1]
            return Span(piece.offset(first), piece.offset(last) + len(last.text), doc[first.i : last.i + 1].text)
    return None
