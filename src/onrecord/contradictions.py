"""Statements about the same negotiation whose stances cannot both hold (contract: Contradiction).

Kinds, judged on the filled Statement records alone (so the same test works across articles, in the ledger):

- ``contradiction``: one actor, or two actors of one side, say both "no talks" (reject) and "we never
  refused / we are open" (open);
- ``shift``: the same actor, with the article marking a change of time (different ``said_on`` days, or
  different day words when no date could be resolved);
- ``clash``: opposing sides, each refusing talks on terms aimed at the other: both frame talks with
  preconditions, at least one rejects, at least one names the other side as its counterpart, and the terms
  of one touch the issue the other speaks of (a shared content word: "an end to the war" / "would not end
  the war until ..."); terms on unrelated issues are not a clash.
- ``shift`` also covers one actor moving between reject and conditional on different days.

- ``shift`` also covers one actor moving between any two positions (or between two sets of terms) on
  different days: "saw no point in talking to him" last week, "ready to meet him" now.

What is deliberately *not* a conflict:
- reject vs conditional at one time: "No talks while X" and "talks only if Y" are both terms and can hold
  together (the shared gold marks no pair for the same aide's "we will not talk" and "would depend on the
  situation");
- one actor qualifying an offer in one breath ("always open to contacts, but a meeting for the sake of a
  meeting makes no sense"): adjacent statements of the same speaker, with no other speaker between them,
  close together (``OCCASION_CHARS``), and no change of day;
- a refusal of particular terms rather than of talks (a relative-clause red line "no deal that leaves X", a
  "without X", the cause of an impossibility, "not on the table") against openness to talks;
- headline and caption statements: they restate the body.

Sides: the speaker's affiliation (or a state in the role or name); when unknown, the seed actor registry
(``onrecord.actors.default_registry``); failing both, two roles naming one institution ("Army chief", "the
army's spokesman").
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Sequence

from .records import Contradiction, Statement
from .stance.counterpart import person_side, speaker_side
from .stance.lexicon import load_lexicon

__all__ = ["find_contradictions", "stances_conflict", "explain"]

# Words shorter than this are not issue words (function words, "war" aside: the length keeps "war").
ISSUE_WORD_MIN = 3
# Function and framing words that say nothing about the issue of a demand.
ISSUE_STOPWORDS = frozenset(
    "the and for with that this these those their them they until unless while long only after before "
    "provided when once there was were has have had would will could should must not any all full "
    "talks talk negotiation negotiations deal agreement ceasefire truce peace side sides who what".split()
)
# Verbs and modal words of any position on talks, which say nothing about what the talks are about.
ISSUE_FRAMING = frozenset("sign ready prepared willing open accept reject refuse never said say tomorrow today "
                          "what called call".split())
# Longest key phrase quoted in a ``why`` line, in characters: one line stays readable.
WHY_PHRASE_CHARS = 70
CONFLICTING = frozenset({"reject", "open"})
# Positions a shift can move between (neutral takes none).
POSITIONS = frozenset({"reject", "conditional", "open"})
# Zones whose statements restate the body and are not paired.
UNPAIRED_ZONES = frozenset({"headline", "caption"})
# Condition openings that restrict the content of a deal rather than talks themselves.
CONTENT_OPENINGS = ("that ", "which ", "who ", "without ")
# Characters between adjacent statements of one speaker within which they count as one occasion: about two
# short news paragraphs (a quote and its paraphrase); set on the repo examples, where one speaker's qualified
# offers ("open to contacts, but ...") lie 0-250 characters apart.
OCCASION_CHARS = 250


def _fold(value: str | None) -> str | None:
    return value.casefold().strip() if value else None


def _same_actor(a: Statement, b: Statement) -> bool:
    if a.speaker.actor_id and b.speaker.actor_id:
        return a.speaker.actor_id == b.speaker.actor_id
    return bool(a.speaker.name) and _fold(a.speaker.name) == _fold(b.speaker.name)


def _side(statement: Statement) -> str | None:
    side = speaker_side(statement.speaker, load_lexicon())
    if side is None and statement.speaker.name:
        side = person_side(statement.speaker.name)
    return _fold(side)


def _institution(statement: Statement) -> set[str]:
    role = (statement.speaker.role or "").lower()
    return {w for w in re.findall(r"[a-z]+", role) if w in load_lexicon().institution_words}


def _one_side(a: Statement, b: Statement) -> bool:
    side_a, side_b = _side(a), _side(b)
    if side_a is not None and side_b is not None:
        return side_a == side_b
    return bool(_institution(a) & _institution(b))


def _refuses_terms_only(statement: Statement) -> bool:
    """A refusal of particular terms ("no deal that leaves X", "not on the table"), not of talks."""
    if statement.stance != "reject":
        return False
    lex = load_lexicon()
    text = statement.text.lower()
    if any(idiom in text for idiom in lex.item_idioms):
        return True
    return bool(statement.conditions) and all(_content_condition(statement, c.text, lex) for c in statement.conditions)


def _content_condition(statement: Statement, condition: str, lex) -> bool:
    """A relative-clause or "without" red line, or the cause of an impossibility at the statement's start
    ("the deployment of troops would make a settlement impossible"); not a clause opened by a subordinator."""
    lower = condition.lower()
    if lower.startswith(CONTENT_OPENINGS):
        return True
    first = lower.split(maxsplit=1)[0] if lower.split() else ""
    return statement.text.startswith(condition) and first not in lex.markers | lex.left_extenders | lex.only_markers


def _same_negotiation(a: Statement, b: Statement) -> bool:
    """Talks with the same counterpart (an unnamed counterpart matches any); talks between the two speakers'
    sides are the same negotiation too (checked with ``_aims_at``)."""
    return a.counterpart is None or b.counterpart is None or _fold(a.counterpart) == _fold(b.counterpart)


def _time_changed(a: Statement, b: Statement) -> bool:
    if a.said_on and b.said_on:
        return a.said_on != b.said_on
    return bool(a.date_text and b.date_text) and _fold(a.date_text) != _fold(b.date_text)


def _aims_at(statement: Statement, other: Statement) -> bool:
    """The statement's counterpart is the other speaker or the other speaker's side."""
    target = _fold(statement.counterpart)
    return bool(target) and target in {_side(other), _fold(other.speaker.name)}


def stances_conflict(a: Statement, b: Statement, same_occasion: bool = False) -> str | None:
    """The kind of conflict between two statements ("contradiction" | "shift" | "clash"), or None.

    ``same_occasion``: the two are adjacent statements of one speaker in one passage (see the module docstring).
    """
    if a is b or not (a.about_negotiations and b.about_negotiations):
        return None
    if a.zone in UNPAIRED_ZONES or b.zone in UNPAIRED_ZONES:
        return None
    side_a, side_b = _side(a), _side(b)
    stances = {a.stance, b.stance}
    same_actor = _same_actor(a, b)
    if same_actor and _time_changed(a, b) and stances <= POSITIONS:
        if len(stances) == 2 or (stances == {"conditional"} and _different_terms(a, b)):
            return "shift"  # one actor, another day, another position (or other terms)
    if not (_same_negotiation(a, b) or _aims_at(a, b) or _aims_at(b, a)):
        return None
    if stances == CONFLICTING:
        if same_occasion or _refuses_terms_only(a) or _refuses_terms_only(b):
            return None
        if same_actor or _one_side(a, b):
            return "contradiction"
        return None
    opposing = side_a is not None and side_b is not None and side_a != side_b
    terms = {a.stance, b.stance} <= {"reject", "conditional"} and "reject" in {a.stance, b.stance}
    if opposing and terms and a.conditions and b.conditions and (_aims_at(a, b) or _aims_at(b, a)):
        if _shared_issue(a, b):
            return "clash"
    return None


def _different_terms(a: Statement, b: Statement) -> bool:
    words_a = _issue_words(" ".join(c.text for c in a.conditions))
    words_b = _issue_words(" ".join(c.text for c in b.conditions))
    return bool(words_a) and bool(words_b) and not words_a & words_b


def _issue_words(text: str) -> set[str]:
    """Content words of a text, crudely stemmed; party names and function words left out."""
    lex = load_lexicon()
    words = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < ISSUE_WORD_MIN or word in ISSUE_STOPWORDS or word in lex.places or word in lex.demonyms:
            continue
        words.add(word[:-1] if word.endswith("s") else word)
    return words


def _shared_issue(a: Statement, b: Statement) -> bool:
    """Each side's terms touch what the other says: "an end to the war" vs "would not end the war until"."""
    terms_a = _issue_words(" ".join(c.text for c in a.conditions))
    terms_b = _issue_words(" ".join(c.text for c in b.conditions))
    if terms_a & _issue_words(b.text) or terms_b & _issue_words(a.text):
        return True
    # or both speak of one thing outside their terms ("a maritime agreement" / "a maritime ceasefire")
    rest_a = _issue_words(_without_conditions(a)) - ISSUE_FRAMING
    rest_b = _issue_words(_without_conditions(b)) - ISSUE_FRAMING
    return bool(rest_a & rest_b)


def _without_conditions(statement: Statement) -> str:
    text = statement.text
    for c in sorted(statement.conditions, key=lambda c: -c.start):
        if statement.start <= c.start and c.end <= statement.end:
            text = text[: c.start - statement.start] + text[c.end - statement.start :]
    return text


def _who(statement: Statement) -> str:
    name = statement.speaker.name or statement.speaker.mention or "the speaker"
    return name.split()[-1] if statement.speaker.name else name


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WHY_PHRASE_CHARS else text[: WHY_PHRASE_CHARS - 1].rstrip() + "…"


def _position(statement: Statement) -> str:
    who = _who(statement)
    terms = f" {_short(statement.conditions[0].text)}" if statement.conditions else ""
    with_whom = f" with {statement.counterpart}" if statement.counterpart else ""
    if statement.stance == "reject":
        return f"{who} rules out talks{with_whom}{terms}"
    if statement.stance == "conditional":
        return f"{who} sets terms for talks{with_whom}:{terms}"
    return f'{who} signals openness to talks{with_whom} ("{_short(statement.text)}")'


def explain(a: Statement, b: Statement, kind: str) -> str:
    """One line from the two statements: who, which stance, the key phrase."""
    line = f"{_position(a)}; {_position(b)}"
    if kind == "shift":
        when_a = a.said_on or a.date_text
        when_b = b.said_on or b.date_text
        line += f" (said on {when_a} and {when_b})"
    return line


def _occasions(ordered: Sequence[Statement]) -> dict[str, int]:
    """Runs of adjacent statements of one speaker (no other speaker between, at most OCCASION_CHARS apart, no
    change of day): statement id -> run number."""
    runs: dict[str, int] = {}
    run = 0
    previous: Statement | None = None
    for statement in ordered:
        if previous is None or not (
            _same_actor(previous, statement)
            and statement.start - previous.end <= OCCASION_CHARS
            and not _time_changed(previous, statement)
        ):
            run += 1
        runs[statement.id] = run
        previous = statement
    return runs


def find_contradictions(statements: Sequence[Statement]) -> list[Contradiction]:
    """Conflicting pairs among one article's statements, in text order; relays of a statement are skipped;
    one speaker's adjacent statements on one occasion are not paired with each other."""
    out: list[Contradiction] = []
    ordered = sorted(statements, key=lambda s: (s.start, s.end))
    occasions = _occasions(ordered)
    for a, b in combinations(ordered, 2):
        if a.via == b.id or b.via == a.id:
            continue
        kind = stances_conflict(a, b, occasions.get(a.id) is not None and occasions.get(a.id) == occasions.get(b.id))
        if kind:
            out.append(Contradiction(a.id, b.id, kind, explain(a, b, kind)))
    return out
