"""The speaker's position on talks, read from the parse by surface framing (contract stance rules).

From each negotiation word (anchor) the reading climbs the dependency path to the statement's head and
collects evidence on the way, each item tagged with whose clause it stands in:

- negation: a ``neg`` dependent ("not", "n't", "never"), a negative determiner ("no talks"), "no longer";
- negative predicates that govern the talks ("refuse", "rule out", "impossible", "inappropriate");
- positive predicates of willingness or appeal ("ready", "willing", "open", "want", "call for");
- conditional predicates ("depend on", "based on") and condition clauses (``conditions.py``).

Polarity is the parity of negations and negative predicates, so "never refused" and "did not rule out"
read as positive. Negative framing is ``reject`` whatever its conditions; positive framing with conditions
is ``conditional``; positive framing of willingness is ``open``; no position of the speaker (procedure,
a claim about what another party wants) is ``neutral``. A clause is another party's when its subject
names a party that is not the speaker's side ("Kyiv is not ready", said in Moscow), or a third person
inside a direct quote (``subjects.py``); evidence only in such clauses makes the statement ``neutral``,
unless a deontic modal makes it the speaker's demand ("Kyiv must negotiate").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Span
from .conditions import HAPPENING_VERBS, find_conditions, red_line_conditions, requirement_conditions, stated_conditions
from .about import CONDITION_OPENERS
from .context import Piece
from .surface_conditions import imperative_condition, surface_conditions
from .counterpart import counterpart_of, implied_counterpart
from .lexicon import Lexicon
from .subjects import (FIRST_PERSON, NONE, OTHER, OUR, SPEAKER, SUBJECT_DEPS, THIRD_PERSON, _lemma, _roles,
                       _subject_role)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Dependents of a path word whose own lemma is the predicate ("be ready", "is impossible").
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
# Stance ranking when several negotiation words of one statement disagree: the strongest framing wins.
STANCE_RANK = {"reject": 3, "conditional": 2, "open": 1, "neutral": 0}
# Evidence kinds of a speaker willing to talk: with conditions, they make the framing conditional.
WILLING = frozenset({"pos", "appeal", "demand"})
# Parts of speech that can carry a stance predicate.
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "ADP"})


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # "neg" | "negpred" | "pos" | "cond" | "appeal" | "demand"
    role: str  # SPEAKER | OTHER | NONE
    word: str


@dataclass(frozen=True, slots=True)
class Reading:
    """The framing of one statement (or one anchor of it)."""

    stance: str
    negated: bool = False
    hypothetical: bool = False
    request: str | None = None  # "appeal" | "demand": the speaker asks others to negotiate
    third_party: bool = False
    unreadable: str | None = None
    counterpart: str | None = None
    conditions: tuple[Span, ...] = ()
    anchor: str = ""
    halted: bool = False  # the talks are the subject of a halt ("the process was suspended"): with terms, a refusal


@dataclass(frozen=True, slots=True)
class Frame:
    """Who is speaking, for judging whose clause is whose."""

    kind: str  # "direct" | "indirect"
    own_side: str | None
    speaker_name: str | None
    speaker_role: str | None = None


# Words that make a noun beside the talks what there is instead of them ("no dialogue, only a show").
CONTRAST_WORDS = frozenset({"only", "just", "merely", "but", "instead"})


# Nouns of terms set for talks ("no preconditions"): the plain "conditions" is too common a word.
PRECONDITION_NOUNS = frozenset({"precondition", "prerequisite"})
# Objects that negate the verb they follow ("send nobody", "offer nothing").
OBJECT_NEGATORS = frozenset({"nobody", "nothing", "none", "no-one"})


def _contrasted(token: "Token") -> bool:
    return any(g.lower_ in CONTRAST_WORDS for g in token.children if g.dep_ in {"advmod", "cc"})


def climb(anchor: "Token", piece: Piece, lex: Lexicon) -> tuple[list["Token"], int]:
    """The path from ``anchor`` up to the statement's head, and how much of it governs the anchor.

    The climb stops at the reporting verb (a speech verb outside the statement). Above a preposition such
    as "through" (``lex.blocking_preps``), predicates do not bear on the talks: "end the war through talks".
    """
    path = [anchor]
    reach = 0
    token = anchor
    blocked = False
    while token.head.i != token.i and token.head.i in piece.governed:
        head = token.head
        if _lemma(head) in lex.speech_verbs and head.i not in piece.inside:
            break
        if token.dep_ in {"pobj", "pcomp"} and head.lower_ in lex.blocking_preps:
            blocked = True
        infinitive = token.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if (token.dep_ in {"relcl", "acl"} and token.i != anchor.i and not infinitive
                and _lemma(token) not in lex.conditional_predicates):
            blocked = True  # "Kyiv, which wants talks, ...": the relative clause describes its head
        path.append(head)
        if not blocked:
            reach = len(path) - 1
        token = head
    if not blocked and token.i in piece.inside:
        above = _stance_head(token, lex)
        if above:  # the statement is the object of its cue: "ruled out [talks with Kyiv]"
            path.extend(above)
            reach = len(path) - 1
    return path, reach


def _stance_head(token: "Token", lex: Lexicon) -> list["Token"]:
    """The cue above a statement when the cue itself takes a stance: "rejected [X]", "called for [X]"."""
    steps: list["Token"] = []
    node = token
    for _ in range(2):  # the verb itself, or the verb above a preposition ("called for X")
        if node.head.i == node.i:
            return []
        if node.dep_ not in {"dobj", "pobj", "xcomp", "ccomp", "prep", "nsubjpass", "oprd"}:
            return []
        node = node.head
        steps.append(node)
        if node.pos_ == "ADP":
            if node.lower_ == "as":
                return []  # "dismissed X as [the statement]": a description of X, not the object of the cue
            continue
        lemma = _lemma(node)
        particles = {(lemma, c.lower_) for c in node.children if c.dep_ == "prt"}
        stance_words = lex.negative_predicates | lex.positive_predicates
        if lemma not in lex.speech_verbs and (lemma in stance_words or particles & lex.negative_particles):
            return steps
        return []
    return []


def _negations(node: "Token", lex: Lexicon) -> list[str]:
    out = []
    for child in node.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and lower in lex.negators):
            out.append(lower)
        elif child.dep_ == "nummod" and _not_quantifier(child):
            out.append("not one")  # "Not one delegate will travel": the quantifier negates the noun
        elif child.dep_ == "advmod" and lower == "longer" and any(g.lower_ == "no" for g in child.children):
            out.append("no longer")
        elif child.dep_ == "prep" and lower == "under" and any(
                o.lemma_.lower() == "circumstance" and any(d.lower_ == "no" for d in o.children)
                for o in child.children if o.dep_ == "pobj"):
            out.append("under no circumstances")
        elif child.dep_ == "advmod" and lower in {"again", "ever", "more"} and any(
                g.dep_ == "neg" or g.lower_ in {"never", "not"} for g in child.children):
            out.append(f"never {lower}")  # "would “never again” sit": the negation hangs on "again"
    return out


def _is_pred(token: "Token", words: frozenset[str], lex: Lexicon | None = None) -> bool:
    """``token`` is a predicate of ``words``; with ``lex``, a noun only when it can carry a stance
    (``lex.predicate_nouns``: "readiness for talks", not "a plan for monitoring a ceasefire")."""
    if token.pos_ not in PREDICATE_POS or not (_lemma(token) in words or token.lower_ in words):
        return False
    if _lemma(token) == "leave" and any(c.dep_ == "dobj" and _lemma(c) not in LEFT_FORA for c in token.children):
        return False  # "leave the timetable to the mechanism": only leaving the table, the room, the talks is
    if lex is not None and token.pos_ == "NOUN":
        return _lemma(token) in lex.predicate_nouns or token.lower_ in lex.predicate_nouns
    return True


def _acts_on_other(word: "Token", node: "Token", path: list["Token"], k: int) -> bool:
    """A negative verb on the path whose object is something else, the talks only its purpose ("would not suspend
    operations for a meeting"): it does not negate the talks."""
    if word.i != node.i or k == 0 or path[k - 1].dep_ != "prep":
        return False
    on_path = {t.i for t in path}
    return any(c.dep_ == "dobj" and c.i not in on_path for c in word.children)


def _not_quantifier(quantifier: "Token") -> bool:
    """ "Not one", "not a single": a quantifier that negates its noun."""
    return quantifier.lower_ in {"one", "single"} and any(n.lower_ == "not" for n in quantifier.children)


def _not_one(noun: "Token") -> bool:
    """ "Not one delegate", "not a single fighter": a noun its quantifier negates."""
    return any(_not_quantifier(q) for q in noun.children) \
        or any(d.lower_ == "not" for d in noun.children if d.dep_ in {"neg", "advmod", "preconj"})


def _negative_object(obj: "Token") -> bool:
    """ "no further weapons", "no delegation": an object with "no" that negates its verb (the negative pronouns,
    "nothing", "nobody", are read on the path)."""
    return obj.lower_ not in OBJECT_NEGATORS and any(g.dep_ == "det" and g.lower_ == "no" for g in obj.children)


def _leaves_open(word: "Token", lex: Lexicon) -> bool:
    """ "left a window open", "leaving the door ajar": leaving something open is no walking away."""
    return any(c.lower_ in {"open", "ajar"} or c.lower_ in lex.door_nouns for c in word.children)


def _evidence(
    path: list["Token"], reach: int, roles: list[str], lex: Lexicon, piece: Piece, frame: Frame, counterpart: str | None
) -> tuple[list[Evidence], bool, bool]:
    """Evidence along the governing part of the path; also (hypothetical, deontic-in-other-clause)."""
    items: list[Evidence] = []
    hypothetical = deontic_other = False
    on_path = {t.i for t in path}
    for k in range(reach + 1):
        node, role = path[k], roles[k]
        below = path[k - 1] if k else None
        # a coordinated clause of its own (its own auxiliary or subject) shares nothing with the clause before:
        # "would be unacceptable and would make X impossible", "never refused X and was still open to Y"
        if below is not None and below.dep_ == "conj" and (
            below.pos_ == "AUX" or any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in below.children)
        ):
            continue
        # a conjunct with its own negation does not share its head's: "no talks ... and no truce"
        if not (below is not None and below.dep_ == "conj" and _negations(below, lex)):
            items.extend(Evidence("neg", role, w) for w in _negations(node, lex))
        if k > 0 and node.lower_ in lex.negators and node.dep_ in {"attr", "dobj", "nsubj", "nsubjpass"}:
            items.append(Evidence("neg", role, node.lower_))  # "there is nothing to negotiate"
        for subject in (c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in on_path):
            if subject.lower_ in lex.negators or any(d.lower_ == "no" for d in subject.children if d.dep_ == "det") \
                    or _not_one(subject):
                items.append(Evidence("neg", role, subject.text))  # "no one will negotiate", "nobody wants talks"
        if node.pos_ in {"VERB", "AUX"}:
            # a negative object of the verb that governs the talks ("would send nobody back to Geneva") or of
            # the talks' own verb ("will sign nothing that ...")
            items.extend(Evidence("neg", role, c.text) for c in node.children
                         if c.dep_ == "dobj" and c.i not in on_path and (
                             c.lower_ in OBJECT_NEGATORS
                             or (c.lower_ == "one" and any(g.lower_ == "no" for g in c.children))))
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and _lemma(child) in lex.hypothetical_modals:
                hypothetical = True
            if child.dep_ in {"aux", "auxpass"} and _lemma(child) in lex.deontic_modals and role == OTHER:
                deontic_other = True
        # a noun said of the talks beside them: "called the talks a charade", "a meeting, a farce"
        for child in node.children:
            if child.dep_ in {"npadvmod", "appos"} and child.i not in on_path and _is_pred(child, lex.negative_predicates, lex):
                # "no dialogue, only a show": what there is instead, not a word said of the talks
                if not _contrasted(child):
                    items.append(Evidence("negpred", role, child.text))
        if k == 0:
            if node.lower_ in NEGATIVE_ANCHORS:
                items.append(Evidence("neg", role, node.text))  # "put our name to nothing that ..."
            if node.pos_ == "VERB":  # the talks word is a verb with a negative object: "hand over no weapons"
                items.extend(Evidence("neg", role, c.text) for c in node.children
                             if c.dep_ == "dobj" and _negative_object(c))
            if node.pos_ == "VERB" and any((_lemma(node), c.lower_) in lex.negative_particles
                                           for c in node.children if c.dep_ == "prt"):
                items.append(Evidence("negpred", role, node.text))  # "we will walk out" of the talks
            continue  # the anchor itself carries no predicate ("talks", "negotiate")
        subject_on_path = any(c.dep_ in SUBJECT_DEPS and c.i in on_path for c in node.children)
        candidates = [(node, node.pos_ != "VERB" or not subject_on_path)]
        # in a clause above the talks' own, "only Y" is what there is instead ("There is no dialogue, there is
        # only a show"); in their own clause it says what they are ("any meeting is only a show")
        candidates += [(c, True) for c in node.children if c.dep_ in PREDICATE_DEPS and c.i not in on_path
                       and not (k >= 2 and _contrasted(c))]
        candidates += [
            (c, True)
            for c in node.children
            if c.dep_ == "xcomp" and c.i not in on_path and _is_pred(c, lex.conditional_predicates)
        ]
        # a small clause: "would make a settlement impossible"
        candidates += [
            (c, True)
            for c in node.children
            if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "ADJ" and c.i not in on_path
            and _is_pred(c, lex.negative_predicates)
        ]
        for word, counts in candidates:
            if _lemma(word) in lex.speech_verbs:
                continue
            # "stay out of the round": the parser makes "out" a preposition
            particles = {c.lower_ for c in word.children
                         if c.dep_ in {"prt", "advmod"} or (c.dep_ == "prep" and c.lower_ in {"out", "away"})}
            if any((_lemma(word), p) in lex.negative_particles for p in particles):
                items.append(Evidence("negpred", role, word.text))
            elif _is_pred(word, lex.conditional_predicates):
                items.append(Evidence("cond", role, word.text))
            elif not counts:
                continue
            elif (_is_pred(word, lex.negative_predicates) and not _leaves_open(word, lex)
                  and not _acts_on_other(word, node, path, k)) or (
                path[0].lower_ in lex.door_nouns and _lemma(word) in lex.door_closers
            ):  # "shut the door on talks"
                items.append(Evidence("negpred", role, word.text))
                if word.i != node.i:
                    items.extend(Evidence("neg", role, w) for w in _negations(word, lex))
            elif _is_pred(word, lex.request_predicates, lex):
                if not _reported_request(word):
                    items.append(Evidence("appeal", role, word.text))
            elif _is_pred(word, lex.demand_predicates, lex):
                items.append(Evidence("demand", role, word.text))
            elif _is_pred(word, lex.positive_predicates, lex) and not (_lemma(word) == "open" and word.pos_ != "ADJ"):
                items.append(Evidence("pos", role, word.text))
                if word.i != node.i:
                    items.extend(Evidence("neg", role, w) for w in _negations(word, lex))
        phrase = _negative_phrase(node, lex)
        if phrase:
            duplicate = _negative_phrase(node, lex, on_path) is None
            if duplicate:  # its negator counted as a determiner: the idiom replaces it, one negation in all
                first = phrase.split(maxsplit=1)[0]
                at = next((j for j, e in enumerate(items) if e.kind == "neg" and e.word.lower() == first), None)
                if at is not None:
                    items.pop(at)
            items.append(Evidence("negpred", role, phrase))
        items.extend(_cleft_evidence(node, piece, lex, frame, counterpart))
    return items, hypothetical, deontic_other


def _phrase_at(node: "Token", phrase: str) -> bool:
    """A negative idiom ("out of the question", "no point in") opening a dependent of ``node``."""
    words = phrase.split()
    for child in node.children:
        if child.i < node.i:
            continue
        start = child.left_edge
        if start.lower_ != words[0]:
            continue
        if child.doc[start.i : start.i + len(words)].text.lower() == phrase:
            return True
    return False


def _negative_phrase(node: "Token", lex: Lexicon, on_path: set[int] | None = None) -> str | None:
    """The longest negative idiom on ``node`` ("no point in" over "no point"): counted once.

    An idiom opened by a negator that already counted as the determiner of a path word ("there was no
    point in holding talks": "no" of "point") is not counted again: one negation, not two."""
    firsts = {c.left_edge.lower_ for c in node.children if c.i > node.i}
    found = [p for p in lex.negative_phrases if p.split(maxsplit=1)[0] in firsts and _phrase_at(node, p)]
    if not found:
        return None
    phrase = max(found, key=len)
    first = phrase.split(maxsplit=1)[0]
    if on_path and first in lex.negators:
        for child in node.children:
            start = child.left_edge
            if child.i > node.i and start.lower_ == first and start.head.i in on_path and start.dep_ in {"det", "neg"}:
                return None
    return phrase


def _cleft_evidence(node: "Token", piece: Piece, lex: Lexicon, frame: Frame, counterpart: str | None) -> list[Evidence]:
    """A pseudo-cleft ("What we will not accept is a truce that ..."): the what-clause frames the talks."""
    out: list[Evidence] = []
    if _lemma(node) != "be":
        return out
    for clause in (c for c in node.children if c.dep_ in {"csubj", "nsubj"} and c.pos_ in {"VERB", "AUX"}):
        if not any(t.lower_ == "what" for t in clause.subtree):
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        role = _subject_role(subjects[0], piece, lex, frame, counterpart) if subjects else NONE
        out.extend(Evidence("neg", role, w) for w in _negations(clause, lex))
        if _is_pred(clause, lex.negative_predicates, lex):
            out.append(Evidence("negpred", role, clause.text))
        elif _is_pred(clause, lex.positive_predicates, lex):
            out.append(Evidence("pos", role, clause.text))
    return out


def _is_past(path: list["Token"], reach: int) -> bool:
    """The clause governing the talks reports the past ("talks were held"; not "will be", "would")."""
    for node in path[: reach + 1]:
        if _heads_condition(node):
            continue  # a condition's own verb ("until an amnesty law covered ..."): the tense is the main clause's
        if _lemma(node) == "be" and not any(c.dep_ == "expl" for c in node.children):
            return False  # a state, backshifted in reported speech ("were not a bargaining chip", "not on the table")
        if node.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in node.children if c.dep_ in {"aux", "auxpass"}]
            if any(_lemma(a) in {"will", "would", "shall", "can", "could", "may", "might", "must"} for a in auxes):
                return False
            if node.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return True
            if _perfect(node):
                return True  # present perfect: "has never violated", "have received no proposal"
            if node.tag_ in {"VB", "VBP", "VBZ", "VBG"} and node.dep_ not in {"xcomp", "pcomp"}:
                return False
    return False


def read_anchor(anchor: "Token", piece: Piece, lex: Lexicon, frame: Frame) -> Reading:
    """The framing of the talks one negotiation word stands for."""
    path, reach = climb(anchor, piece, lex)
    counterpart = counterpart_of(path, piece, lex, frame.own_side)
    roles = _roles(path, piece, lex, frame, counterpart)
    items, hypothetical, deontic_other = _evidence(path, reach, roles, lex, piece, frame, counterpart)
    anchor_at = piece.offset(anchor)
    # talks inside a condition are what something else depends on, not talks on conditions
    # ("the next exchange would depend on progress at the negotiating table")
    conditions = tuple(
        c for c in find_conditions(path[: reach + 1], piece, lex) if not c.start <= anchor_at < c.end
    )
    inside_condition = any(e.kind == "cond" for e in items) and _anchor_in_complement(path, reach, lex)
    if inside_condition:
        items = [e for e in items if e.kind != "cond"]
    requirement = requirement_conditions(anchor, piece, lex)
    red_lines = red_line_conditions(path[: reach + 1], piece, lex)
    if counterpart is None:
        counterpart = implied_counterpart(path, conditions, piece, lex, frame.own_side)
    # "ready to talk, but not while X": a negated condition negates the willingness
    items += [Evidence("neg", roles[0], "not") for c in conditions if c.text.lower().startswith("not ")]
    own = [e for e in items if e.role != OTHER]
    negative = sum(e.kind in {"neg", "negpred"} for e in items) % 2 == 1
    kinds = {e.kind for e in own}
    common = dict(hypothetical=hypothetical or bool(conditions), counterpart=counterpart, anchor=anchor.text)
    # another party's position, reported by the speaker
    clause_role = roles[min(reach, len(roles) - 1)] if items or _through_condition(path, reach, lex) else roles[0]
    halted = _halted(anchor, lex)
    if halted and not negative and any(_holds_without_negation(c) for c in conditions):
        # "the process was suspended for as long as X", "talks are frozen until X": a refusal on terms
        return Reading("reject", negated=True, conditions=_merge(conditions, red_lines), halted=True, **common)
    if _compliance(path, reach, roles, lex):
        return Reading("neutral", third_party=True, **common)  # "Cambodia must respect the ceasefire it signed"
    if (items and not own) or (not items and roles[0] == OTHER and clause_role == OTHER):
        if deontic_other and not negative:
            return Reading("open", request="demand", **common)
        return Reading("neutral", negated=negative, third_party=True, **common)
    if any(c.lower_ == "whether" and not _or_not(c) for n in path[: reach + 1] for c in n.children
           if c.dep_ in {"mark", "advmod"}):
        return Reading("neutral", **common)  # "would decide whether to attend": an open question, no position
    past = _is_past(path, reach)
    if _cleft_deed(path, reach):
        # "It was their delegation that walked out", "it was the army that ended the pause": who did what, a claim
        return Reading("neutral", negated=negative, **common)
    if negative and not conditions and _reported_deed(path, reach, items, roles):
        # a report of what a party did: "the ELN had walked away from the table", "it was the delegation that
        # had refused to discuss the text": a claim, no position of the speaker's
        return Reading("neutral", negated=True, **common)
    if any(_lemma(n) in PRECONDITION_NOUNS for n in path[: reach + 1]) and roles[0] != OTHER:
        # preconditions for talks: "we set no preconditions" is openness, "we have two preconditions" terms
        return Reading("open" if negative else "conditional", negated=negative, **common)
    if negative:
        # a negated past event is a report of what did not happen ("the talks did not take place",
        # "has never violated the truce"), not a refusal; refusals use a negative predicate or the future
        past_fact = kinds <= {"neg"} and past and not conditions
        if past_fact or _lemma(anchor) in BREACH_WORDS:
            # "no violation of any kind", "we have not breached the truce": a claim about the agreement
            return Reading("neutral", negated=True, **common)
        return Reading("reject", negated=True, conditions=_merge(conditions, red_lines), **common)
    conditions = tuple(c for c in conditions if _holds_without_negation(c))
    request = "demand" if "demand" in kinds else "appeal" if "appeal" in kinds else None
    # a report of the past states no terms ("we kept the truce while they shelled us"), nor does procedure
    # ("the talks would resume as soon as both sides have confirmed their teams")
    terms = [c for c in conditions if kinds & WILLING or not _procedural(c, piece, lex)]
    if "cond" in kinds or requirement or (terms and (not past or kinds & WILLING)):
        return Reading("conditional", request=request, conditions=_merge(conditions, requirement), **common)
    if past and "negpred" in kinds and _nobody_did(path, reach):
        return Reading("neutral", negated=True, **common)  # "Nobody walked out": a report of what did not happen
    if kinds & {"pos", "appeal", "demand", "negpred"}:
        return Reading("open", request=request, **common)
    if any(_lemma(n) in HAPPENING_VERBS and any(c.dep_ == "aux" and _lemma(c) in lex.deontic_modals for c in n.children)
           for n in path[1 : reach + 1]):
        return Reading("open", request="appeal", **common)  # "the meeting should go ahead", "talks must resume"
    speaker_acts = SPEAKER in roles[: reach + 1] and not past
    # the verbs of the clause that governs the talks, above a condition the talks word stands in ("the session
    # would take place once the delegation returned": no intent of the delegation's)
    marked = [k for k, n in enumerate(path[: reach + 1]) if _heads_condition(n)]
    verbs = [n for n in path[(marked[-1] + 1 if marked else 0) : reach + 1] if n.pos_ in {"VERB", "AUX"}]
    if speaker_acts and verbs and not all(_lemma(n) in lex.procedural_verbs for n in verbs):
        return Reading("open", **common)  # "we will negotiate with them": intent (CAMEO 036)
    if not any(n.pos_ in {"VERB", "AUX", "ADJ"} for n in path):
        return Reading("neutral", unreadable="no predicate", **common)
    return Reading("neutral", halted=halted, **common)


# What one leaves when leaving talks ("we will not leave the table / it / the room").
LEFT_FORA = frozenset({"table", "talk", "talks", "room", "hall", "negotiation", "session", "process", "it", "format",
                       "forum", "track", "mechanism", "meeting", "round", "dialogue", "commission", "committee"})
# Negative pronouns that stand for the text talked of when an idiom points at them ("put our name to nothing").
NEGATIVE_ANCHORS = frozenset({"nothing", "none"})
# Words of breaking an agreement: negated, they deny a breach ("no violation of any kind"), a claim, no position.
BREACH_WORDS = frozenset({"violate", "violation", "violations", "breach", "breaches"})
# Negative subjects that make a negated negative predicate a report of what nobody did.
NOBODY = frozenset({"nobody", "none", "noone"})


def _nobody_did(path: list["Token"], reach: int) -> bool:
    """The clause's subject is "nobody", "none" or "no one" ("Nobody walked out", "no one left the room")."""
    for node in path[: reach + 1]:
        for child in node.children:
            if child.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if child.lower_ in NOBODY or (child.lower_ == "one" and any(d.lower_ == "no" for d in child.children)):
                return True
    return False


# Verbs of keeping an agreement that already exists: demanding that the other side keep it takes no position on
# talks (both sides say it).
COMPLIANCE_VERBS = frozenset({"respect", "observe", "honour", "honor", "abide", "uphold", "implement", "adhere"})


# Subjects that, in reported speech, stand for the speaker's own side ("it had shut the door").
SPEAKER_PRONOUNS = FIRST_PERSON | THIRD_PERSON | {"it"}


def _through_condition(path: list["Token"], reach: int, lex: Lexicon) -> bool:
    """The talks word stands in a condition of the clause that governs it ("we will be in the room provided
    Algeria chairs the committee"): whose clause it is is decided above the condition."""
    return any(n.lower_ in CONDITION_WORDS or any(c.dep_ == "mark" and c.lower_ in lex.markers for c in n.children)
               for n in path[1 : reach + 1])


# Words that open a condition whatever the parser calls them (``about.CONDITION_OPENERS`` but "while", which
# opens a contrast as often).
CONDITION_WORDS = CONDITION_OPENERS - {"while"}
# Subordinators of a condition clause, whose verb does not set the statement's tense.
CONDITION_MARKS = CONDITION_OPENERS | {"till", "before"}


def _heads_condition(node: "Token") -> bool:
    """The word is the verb of a condition clause ("until an amnesty law covered ...")."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children)


def _perfect(verb: "Token") -> bool:
    """A past participle with "have": "has never violated", "had walked away"."""
    return verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and _lemma(c) == "have" for c in verb.children)


# Verbs of leaving talks, whose past perfect with a noun subject reports a walk-out rather than states a position.
LEAVING = frozenset({"walk", "pull", "leave", "storm", "stay", "quit", "abandon", "boycott"})


def _cleft_deed(path: list["Token"], reach: int) -> bool:
    """The talks word stands in the relative clause of an it-cleft in the past ("It was their delegation that
    stood up and left the room", "it was the CMN team that had left the meeting"): a claim of who did it."""
    for node in path[: reach + 1]:
        if node.dep_ == "relcl" and node.head.dep_ == "attr":
            be = node.head.head
        elif node.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lower_ in {"that", "who", "which"}
                                          for c in node.children):
            be = node.head  # "it was the team that had refused": the parser hangs the clause on "was"
            if not any(c.dep_ == "attr" for c in be.children):
                continue
        else:
            continue
        if _lemma(be) != "be" or not any(c.lower_ == "it" for c in be.children):
            continue
        if node.tag_ == "VBD" or _perfect(node):
            return True
    return False


def _reported_deed(path: list["Token"], reach: int, items: list[Evidence], roles: list[str]) -> bool:
    """A negative predicate in the perfect ("had walked away", "has frozen the table") whose subject is a named
    party, not the speaker's own ("the cabinet has suspended the talks") nor a pronoun for the speaker: what
    someone did, reported, not the speaker's refusal."""
    words = {e.word for e in items if e.kind == "negpred"}
    for k, node in enumerate(path[1 : reach + 1], start=1):
        if node.text not in words or node.pos_ != "VERB" or not _perfect(node):
            continue
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in SPEAKER_PRONOUNS:
            continue
        # the speaker's own side named as a noun leaving in the past perfect ("the government delegation had walked
        # out of Sunday's session") is a report too; "our delegation had walked out", "the cabinet has suspended
        # the talks", "the government had suspended the talks" (reported speech) are the speaker's own
        pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in node.children) and _lemma(node) in LEAVING
        if roles[k] != SPEAKER or (pluperfect and subject.pos_ in {"NOUN", "PROPN"}
                                   and not any(c.lower_ in OUR for c in subject.children)):
            return True
    return False


# Openings of terms that are red lines only under negative framing ("no deal without X", "no talks before X"; not
# "talks ended without X", "agreed to meet again before the leaves fall").
NEGATIVE_ONLY_OPENINGS = ("without", "before")


def _holds_without_negation(condition: Span) -> bool:
    """A condition that is a term under positive framing too (not "without X", "before X")."""
    return not condition.text.lower().startswith(NEGATIVE_ONLY_OPENINGS)


def _halted(anchor: "Token", lex: Lexicon) -> bool:
    """The talks word is the subject of a halt that nothing negates: "the process was suspended", "talks are
    frozen"."""
    head = anchor.head
    return (anchor.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB" and _lemma(head) in lex.negative_predicates
            and not _negations(head, lex))


def _reported_request(word: "Token") -> bool:
    """A request reported as done, not made: passive ("had been asked to draft") or an invitation in the past
    ("it had invited both governments to a session"): procedure."""
    if any(c.dep_ == "auxpass" for c in word.children):
        return True
    return _lemma(word) == "invite" and (word.tag_ == "VBD" or _perfect(word))


def _or_not(whether: "Token") -> bool:
    """ "whether or not": regardless, not an open question."""
    doc = whether.doc
    return whether.i + 2 < len(doc) and doc[whether.i + 1].lower_ == "or" and doc[whether.i + 2].lower_ == "not"


def _compliance(path: list["Token"], reach: int, roles: list[str], lex: Lexicon) -> bool:
    """The talks word is what another party must keep: "Cambodia must respect the ceasefire", "the rebels should
    abide by the truce"."""
    for k, node in enumerate(path[1 : reach + 1], start=1):
        if _lemma(node) in COMPLIANCE_VERBS and roles[k] != SPEAKER:
            return any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
    return False


def _procedural(condition: Span, piece: Piece, lex: Lexicon) -> bool:
    """A condition clause whose subject is the parties or the process ("once both delegations confirmed")."""
    doc = piece.block.doc
    first, last = condition.start - piece.block.start, condition.end - piece.block.start
    subjects = [
        t for t in doc
        if first <= t.idx < last and t.dep_ in {"nsubj", "nsubjpass"} and first <= t.head.idx < last
    ]
    return bool(subjects) and all(
        _lemma(t) in lex.procedural_subjects or t.lower_ in lex.procedural_subjects for t in subjects
    )


def _merge(*groups: tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
    """Condition spans of several finders, in text order, a span inside another dropped."""
    spans = {(c.start, c.end): c for group in groups for c in group}
    keys = sorted(spans)
    kept = [k for k in keys if not any(o != k and o[0] <= k[0] and k[1] <= o[1] for o in keys)]
    return tuple(spans[k] for k in kept)


def _anchor_in_complement(path: list["Token"], reach: int, lex: Lexicon) -> bool:
    """The talks are inside the complement of a conditional predicate ("depend on progress in the talks")."""
    for k in range(1, min(reach, len(path) - 1) + 1):
        node, head = path[k], path[k + 1] if k + 1 < len(path) else None
        if head is not None and node.dep_ in {"prep", "agent"} and _is_pred(head, lex.conditional_predicates):
            return True
        if node.dep_ in {"prep", "agent"} and head is not None:
            if any(_is_pred(c, lex.conditional_predicates) and node.head.i == c.i for c in head.children):
                return True
    return False


# Auxiliaries of a refusal's future or ability ("we will not", "we cannot").
VOLITION_AUX = frozenset({"will", "would", "shall", "can", "could", "wo", "ca"})
# Main verbs whose negation is no refusal of anything ("we will not comment").
NOT_REFUSALS = frozenset({"comment", "speculate", "say", "discuss", "disclose", "reveal"})


def _refusing_root(piece: Piece, lex: Lexicon) -> bool:
    """A sentence of the statement whose main clause is the speaker's negated will: "we will not allow X",
    "we will not be deceived again". Read only when the statement is about talks and nothing else frames them."""
    doc = piece.block.doc
    heads = {s.root.i: s.root for s in piece.sentences if s.root.i in piece.inside}
    heads.update({r.i: r for r in piece.roots if r.pos_ in {"VERB", "AUX"}})
    for root in heads.values():
        if _lemma(root) in lex.speech_verbs or _lemma(root) in NOT_REFUSALS:
            continue
        children = list(root.children)
        subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ not in FIRST_PERSON:
            continue
        negated = any(c.dep_ == "neg" for c in children)
        volition = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in VOLITION_AUX for c in children)
        if negated and volition and doc[root.i].pos_ in {"VERB", "AUX"}:
            return True
    return False


# Words that open a condition clause, which has a verb of its own ("once salaries were paid"): the condition
# openers and the time and manner subordinators that head such clauses too ("as long as", "so long as").
CLAUSE_OPENERS = CONDITION_OPENERS | {"when", "as", "so", "before", "after"}


def _clause_cut_short(parsed: Span, surface: Span, piece: Piece) -> bool:
    """A condition clause the parse cut before its verb ("once public-sector salaries in areas under X", the verb
    "were paid" hung elsewhere), where the words give the whole clause up to its punctuation: the parse's span
    opens a clause, has no verb, and the surface span goes on to one."""
    if surface.end <= parsed.end or parsed.text.split()[0].lower() not in CLAUSE_OPENERS:
        return False
    doc = piece.block.doc

    def verbs(span: Span) -> int:
        return sum(1 for t in doc if span.start <= piece.offset(t) < span.end and t.pos_ in {"VERB", "AUX"})

    return verbs(parsed) == 0 and verbs(surface) > 0


def read_statement(anchors: list["Token"], piece: Piece, lex: Lexicon, frame: Frame) -> Reading:
    """The framing of a statement piece: the strongest reading among its negotiation words."""
    readings = [read_anchor(a, piece, lex, frame) for a in anchors]
    own = [r for r in readings if not r.third_party] or readings
    best = max(own, key=lambda r: (STANCE_RANK[r.stance], r.unreadable is None))
    conditions = {c.start: c for r in own for c in r.conditions}  # every stated term, whichever framing wins
    counterpart = best.counterpart or next((r.counterpart for r in readings if r.counterpart), None)
    stance = best.stance
    if stance == "neutral" and not best.third_party and _refusing_root(piece, lex):
        stance = "reject"  # "We will not be deceived a second time", said of a deal
    surface: dict[bool, list[Span]] = {}  # surface conditions, read once per framing (negative or not)

    def surface_for(negative: bool) -> list[Span]:
        if negative not in surface:
            surface[negative] = surface_conditions(piece, negative=negative)
        return surface[negative]

    if stance == "neutral" and best.halted and not best.third_party and any(
            _holds_without_negation(c) for c in surface_for(True)):
        stance = "reject"  # a halt with terms the parse hung elsewhere: "was suspended “for as long as X”"
    if not best.third_party and stance in {"reject", "conditional", "open"}:
        # conditions the parse hung elsewhere ("would boycott the session «as long as X»"); a plain condition
        # on willingness makes it conditional ("ready to attend if X")
        for span in surface_for(stance == "reject"):
            same = conditions.get(span.start)
            if same is not None and _clause_cut_short(same, span, piece):
                conditions[span.start] = span  # the parse lost the clause's verb: "once salaries in X [were paid]"
            elif not any(c.start < span.end and span.start < c.end for c in conditions.values()):
                conditions[span.start] = span
                if stance == "open":
                    stance = "conditional"
    imperative = imperative_condition(piece)  # "Lift the decree, and we will be in Nairobi"
    if imperative is not None and stance in {"open", "conditional"} and not best.third_party:
        stance = "conditional"
        conditions.setdefault(imperative.start, imperative)
    stated = stated_conditions(piece, lex)  # "the condition is simple: X"
    if stated and stance in {"open", "neutral"} and not best.third_party:
        stance = "conditional"
        conditions.update({c.start: c for c in stated})
    elif stated and stance in {"conditional", "reject"}:
        conditions.update({c.start: c for c in stated})
    return Reading(
        stance,
        negated=best.negated,
        hypothetical=best.hypothetical,
        request=best.request,
        third_party=best.third_party,
        unreadable=best.unreadable,
        counterpart=counterpart,
        conditions=tuple(conditions[k] for k in sorted(conditions)),
        anchor=best.anchor,
    )
