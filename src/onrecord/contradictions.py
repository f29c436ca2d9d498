"""Statements about the same negotiation whose stances cannot both hold (contract: Contradiction).

Kinds, judged on the filled Statement records alone (so the same test works across articles, in the ledger):

- ``contradiction``: one actor, or two actors of one side, say both "no talks" (reject) and "we never
  refused / we are open" (open);
- ``contradiction`` also covers a refusal of talks against a statement of the same side that talks are going
  ahead ("The delegations will meet again in Istanbul"): ``GOING_AHEAD``, neutral, no negation or terms;
- ``shift``: the same actor, with the article marking a change of time (different ``said_on`` days, or
  different day words when no date could be resolved);
- ``clash``: opposing sides, each refusing talks on terms aimed at the other: both frame talks with
  preconditions, at least one rejects, at least one names the other side as its counterpart, and the terms
  of one touch the issue the other speaks of (a shared content word: "an end to the war" / "would not end
  the war until ..."); terms on unrelated issues are not a clash, nor two demands that the other side stop
  its attacks (``HOSTILITIES``: both can be met). A clash is also one side's terms against the other side's
  refusal of exactly those terms ("any agreement must begin with the withdrawal of X" / "withdrawal is not on
  the agenda"): ``_rules_out_demand``.
- ``shift`` also covers one actor moving between reject and conditional on different days.

- ``shift`` also covers a change the article marks between two statements of one actor on one day ("By the
  evening, the spokesman struck a different tone"): a time-change phrase (``TIME_CHANGE``) in the text between
  them, when the article text is given; and a later paragraph's statement dated ("Back in March, he
  told parliament") against an earlier undated one (the article's news);
- ``clash`` also covers opposing sides' factual claims about one agreement that cannot both hold (each blames
  the other for breaking it, or one blames and the other denies): ``onrecord.disputes``, within one article.
- ``clash`` also covers one speaker reporting a contact between the parties that another, not of their side,
  denies ("the chiefs had met in Jeddah" / "there was no meeting in Jeddah"): ``onrecord.denials``.
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
(``onrecord.actors.default_registry``); then, for an official of state whose country nothing names, the state
their words open with ("Ankara would send no one back"); failing all, two roles naming one institution ("Army
chief", "the army's spokesman").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterator, Protocol, Sequence

from .denials import disputed_contact
from .disputes import blame_of, disputed, has_blame_words
from .records import Contradiction, Speaker, Statement
from .stance.counterpart import person_side, place_of, speaker_side
from .stance.lexicon import load_lexicon

__all__ = ["Candidate", "candidates", "find_contradictions", "kind_of", "stances_conflict", "explain"]

# Words of an office of state in a role ("Foreign Minister", "government spokesman", "army chief").
STATE_OFFICE_WORDS = frozenset({"minister", "government", "army", "military", "presidential", "cabinet",
                                "deputy", "ministry", "premier", "commissioner"})
# How far into a statement its opening subject is looked for.
OPENING_WORDS = 3
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
# Date phrases that point back from the article's news to an earlier moment ("last Wednesday", "a week ago").
FLASHBACK = re.compile(r"\b(?:last|ago|earlier|previous|previously|before)\b", re.IGNORECASE)
# A change the article asks about or denies marks none ("Asked whether this marked a change of tone, ...").
ASKED_OR_DENIED = re.compile(r"\b(?:whether|if|no|not|never|denied|denies|deny|rejected)\b", re.IGNORECASE)
ASKED_REACH = 30
# "had" (and an adverb) before the cue's verb: "had written", "had earlier said", "had already told".
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|already\s+|earlier\s+|just\s+|also\s+)?\w+$", re.IGNORECASE)
# A neutral statement that talks go ahead, which a refusal of talks by the same side contradicts.
GOING_AHEAD = re.compile(
    r"\b(?:(?:will|would|shall|are to|is to|are due to|is due to)\s+(?:\w+\s+)?(?:meet|take place|be held|resume|"
    r"reconvene|convene|go ahead|sit down)|(?:has|have) been (?:agreed|scheduled|set))\b",
    re.IGNORECASE,
)
NEGATED = re.compile(r"\b(?:not|no|never|nor|n't|unless|if|only|cancel\w*|postpone\w*|called off|delay\w*|"
                     r"suspend\w*)\b", re.IGNORECASE)
# Words of trade negotiations, which are not the conflict's talks.
TRADE = re.compile(r"\b(?:trade (?:talks|deal|agreement|pact|negotiations?|accord)|free[- ]trade|tariffs?|"
                   r"customs union|investment treaty|(?:supply|export|import|purchase|sales?) (?:contracts?|deals?|agreements?)|"
                   r"buyers'? consortium|"
                   # commodity and price talks ("price talks with its gas customers", "a wine-export arrangement",
                   # "talks with Russian suppliers on gas prices", "the draft steel quota agreement")
                   r"(?:price|pricing) talks|(?:gas|oil|electricity) (?:prices|customers|suppliers|contracts?|deals?)|"
                   r"(?:wine|steel|wheat|grain|cotton|fertili[sz]er|coal)[- ](?:export|import|quota|price|supply)\w* "
                   r"(?:talks|agreements?|arrangements?|deals?|contracts?|protocols?)|"
                   r"(?:export|import|transit|customs) (?:arrangement|protocol|talks)s?)\b", re.IGNORECASE)
# Letters two issue words must share at their start to count as one ("disarmed" / "disarmament").
STEM_CHARS = 6
# Words that name the talks themselves, their sittings or the other party ("no dialogue with terrorists", "nothing
# left to negotiate", "stay away from any meeting"): a refusal with no terms that names none of them refuses an item
# ("No exchange of territory will take place", "not one soldier will leave the post"), which open words about the
# talks do not contradict.
TALKS_THEMSELVES = re.compile(
    r"(?i:\b(?:negotiat\w*|talks?|dialog\w*|discuss\w*|bargain\w*|mediat\w*|tables?|meet\w*|sessions?|rounds?|"
    r"delegations?|attend\w*|boycott\w*|sit|sits|sitting|sat|summits?|conferences?|process|track|channels?|doors?|"
    r"contacts?|rooms?|hall|seats?|chairs?|platform|format|truce|ceasefire|cease-fire|armistice|moratorium|"
    r"deal|agreement|accord|pact|roadmap|road map|framework|protocol|sign\w*|initial\w*)\b)"
    r"|\bwith (?:the )?(?:[A-Z]\w+|terrorists|killers|bandits|rebels|jihadists|criminals|gangs|them)\b")
# The learned pair model reads pairs the rules did not find at most this many statements apart: on the read sets it
# keeps none farther apart (its weight for the distance is strongly negative), and reading every pair of a long text
# would cost the square of its statements.
LEARNED_REACH = 6
# Words of attacks: opposing demands that the other side stop them can both be met (not a clash).
HOSTILITIES = re.compile(r"\b(?:attack\w*|shell\w*|strik\w*|bomb\w*|firing|drones?|missiles?|offensives?|"
                         r"raids?|assaults?)\b", re.IGNORECASE)
# Phrases in the text between two statements that mark a later (or earlier) moment of the same story.
TIME_CHANGE = re.compile(
    r"\b(?:by (?:the )?(?:evening|afternoon|morning|nightfall|the end of the day)|later (?:that|the same|in the) "
    r"(?:day|evening|night|afternoon|week)|(?:hours|a day|days|a week|weeks|a month) (?:later|earlier|before)|"
    r"the (?:next|following) (?:day|morning|evening)|a week ago|earlier (?:this|that) "
    r"(?:week|month|day)|in the evening|that evening|overnight|"
    r"by (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day "
    r"(?:night|evening|morning|afternoon)|"
    # the article saying the tone changed: "he sounded very different", "struck a softer note"
    r"(?:sounded|struck|changed|softened|hardened|reversed|shifted)\b[^.]{0,30}\b(?:different|tone|note|tack|"
    r"course|position|line)|"
    # the article naming the change: "a marked change of tone", "a U-turn", "a change of heart"
    r"(?:change|reversal|softening|hardening) (?:of|in) (?:tone|heart|course|position|line|stance)|"
    r"(?:shift|turn) (?:of|in) (?:tone|heart|course|stance)|"
    r"u-turn|about-face|volte-face)\b",
    re.IGNORECASE,
)


def _fold(value: str | None) -> str | None:
    return value.casefold().strip() if value else None


def _same_actor(a: Statement, b: Statement) -> bool:
    if a.speaker.actor_id and b.speaker.actor_id:
        return a.speaker.actor_id == b.speaker.actor_id
    return bool(a.speaker.name) and _fold(a.speaker.name) == _fold(b.speaker.name)


def _side(statement: Statement) -> str | None:
    return _side_of(statement.speaker, statement.text)


@functools.lru_cache(maxsize=8192)
def _side_of(speaker: Speaker, text: str) -> str | None:
    """:func:`_side` of a speaker and their words (cached: every pair of an article's statements asks again)."""
    side = speaker_side(speaker, load_lexicon())
    if side is None and speaker.name:
        side = person_side(speaker.name)
    if side is None:
        side = _state_spoken_for(speaker, text)
    return _fold(side)


def _state_spoken_for(speaker: Speaker, text: str) -> str | None:
    """An official of state whose country nothing names ("the Foreign Minister", "a government spokesman")
    speaks for the state their words (``text``) open with: "Ankara would send no one back ...", "Freedonia has no
    preconditions" (officials name their own state in the third person)."""
    role = (speaker.role or "").lower()
    if not any(word in role.split() for word in STATE_OFFICE_WORDS):
        return None
    lex = load_lexicon()
    for word in re.findall(r"[\w’'-]+", text)[:OPENING_WORDS]:
        place = place_of(word, lex)  # the stance lexicon, then the registry's country table
        if place:
            return place
    return None


def _institution(statement: Statement) -> set[str]:
    role = (statement.speaker.role or "").lower()
    return {w for w in re.findall(r"[a-z]+", role) if w in load_lexicon().institution_words}


def _one_side(a: Statement, b: Statement, sides: dict[str, str | None] | None = None) -> bool:
    """Both of one side: the same side when both are known, else two roles naming one institution. ``sides``:
    each statement's ``_side`` when the caller has read them already."""
    side_a, side_b = (sides[a.id], sides[b.id]) if sides is not None else (_side(a), _side(b))
    if side_a is not None and side_b is not None:
        return side_a == side_b
    return bool(_institution(a) & _institution(b))


def _refuses_an_item(statement: Statement) -> bool:
    """A refusal with no terms that names no talks (``TALKS_THEMSELVES``): it refuses an item ("not one boat will
    leave those rivers"), not the talks."""
    return statement.stance == "reject" and not statement.conditions and not _names_talks(statement.text)


@functools.lru_cache(maxsize=8192)  # every pair of an article's statements asks again
def _names_talks(text: str) -> bool:
    return bool(TALKS_THEMSELVES.search(text))


def _refuses_terms_only(statement: Statement) -> bool:
    """A refusal of particular terms ("no deal that leaves X", "not on the table"), not of talks."""
    if statement.stance != "reject":
        return False
    lex = load_lexicon()
    text = _without_conditions(statement).lower()  # "unless X was first on the agenda" refuses talks, not an item
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
    """Talks with the same counterpart (an unnamed counterpart matches any), and not trade talks against
    talks on the conflict (``TRADE``); talks between the two speakers' sides are the same negotiation too
    (checked with ``_aims_at``)."""
    if _trade(a.text) != _trade(b.text):
        return False  # "would not sign a tariff agreement" is another negotiation than the truce talks
    return a.counterpart is None or b.counterpart is None or _fold(a.counterpart) == _fold(b.counterpart)


@functools.lru_cache(maxsize=8192)
def _trade(text: str) -> bool:
    return bool(TRADE.search(text))


def _time_changed(a: Statement, b: Statement) -> bool:
    if a.said_on and b.said_on:
        return a.said_on != b.said_on
    return bool(a.date_text and b.date_text) and _fold(a.date_text) != _fold(b.date_text)


def _aims_at(statement: Statement, other: Statement) -> bool:
    """The statement's counterpart is the other speaker or the other speaker's side."""
    target = _fold(statement.counterpart)
    return bool(target) and target in {_side(other), _fold(other.speaker.name)}


def stances_conflict(a: Statement, b: Statement, same_occasion: bool = False,
                     marked_change: bool = False) -> str | None:
    """The kind of conflict between two statements ("contradiction" | "shift" | "clash"), or None.

    ``same_occasion``: the two are adjacent statements of one speaker in one passage (see the module docstring);
    ``marked_change``: the article marks a change of time between them (``TIME_CHANGE``).
    """
    if a is b or not (a.about_negotiations and b.about_negotiations):
        return None
    if a.zone in UNPAIRED_ZONES or b.zone in UNPAIRED_ZONES:
        return None
    side_a, side_b = _side(a), _side(b)
    stances = {a.stance, b.stance}
    same_actor = _same_actor(a, b)
    if same_actor and (_time_changed(a, b) or marked_change) and stances <= POSITIONS:
        if len(stances) == 2 or (stances == {"conditional"} and _different_terms(a, b)):
            return "shift"  # one actor, another day, another position (or other terms)
    if not (_same_negotiation(a, b) or _aims_at(a, b) or _aims_at(b, a)):
        return None
    if stances == CONFLICTING or (stances == {"reject", "neutral"} and _goes_ahead(a if a.stance == "neutral" else b)):
        if same_occasion or _refuses_terms_only(a) or _refuses_terms_only(b):
            return None
        if _refuses_an_item(a if a.stance == "reject" else b):
            return None
        if same_actor or _one_side(a, b):
            return "contradiction"
        return None
    opposing = side_a is not None and side_b is not None and side_a != side_b
    if opposing and (_rules_out_demand(a, b) or _rules_out_demand(b, a)):
        return "clash"
    terms = {a.stance, b.stance} <= {"reject", "conditional"} and "reject" in {a.stance, b.stance}
    if opposing and terms and a.conditions and b.conditions and (_aims_at(a, b) or _aims_at(b, a)):
        if _shared_issue(a, b) and not (_halts_fighting(a) and _halts_fighting(b)):
            return "clash"
    return None


def _goes_ahead(statement: Statement) -> bool:
    """A neutral statement that talks are going ahead ("The delegations will meet again in Istanbul", "the next
    round would take place on Monday"), with no negation and no terms."""
    text = statement.text
    return (statement.stance == "neutral" and not statement.conditions and bool(GOING_AHEAD.search(text))
            and not NEGATED.search(text))


def _rules_out_demand(demand: Statement, refusal: Statement) -> bool:
    """One side sets terms and the other rules out exactly those terms: "any agreement must begin with the
    withdrawal of X" / "withdrawal is not on the agenda"; "not until the constitution is changed" / "we will sign
    nothing that ties peace to a change of our constitution"."""
    if demand.stance not in {"conditional", "reject"} or not demand.conditions or _refuses_terms_only(demand):
        return False
    if not _refuses_terms_only(refusal) or _halts_fighting(demand):
        return False
    return _same_issue(_terms_words(demand), _issue_words(refusal.text) - ISSUE_FRAMING)


def _terms_words(statement: Statement) -> frozenset[str]:
    """The issue words of a statement's terms (its condition spans)."""
    return _issue_words(" ".join(c.text for c in statement.conditions))


def _same_issue(wanted: frozenset[str], said: frozenset[str]) -> bool:
    """Two sets of issue words name one issue: a shared stem (``_shares_stem``) or an issue concept."""
    return _shares_stem(wanted, said) or bool(_concepts(wanted) & _concepts(said))


def _concepts(words: set[str]) -> set[str]:
    """The issues a set of issue words names in any wording ("patrol", "police" -> forces; "pulled" -> withdrawal)."""
    concepts = load_lexicon().issue_concepts
    return {concepts[w] for w in words if w in concepts}


def _shares_stem(a: set[str], b: set[str]) -> bool:
    """Two sets of issue words share one, or a stem of ``STEM_CHARS`` letters ("disarmed" / "disarmament")."""
    if a & b:
        return True
    stems = {w[:STEM_CHARS] for w in a if len(w) >= STEM_CHARS}
    return any(len(w) >= STEM_CHARS and w[:STEM_CHARS] in stems for w in b)


def _halts_fighting(statement: Statement) -> bool:
    """Terms about the other side's attacks ("while Kyiv kept attacking", "if Russia stopped shelling"): two such
    demands can both be met, so they are not a clash."""
    return any(HOSTILITIES.search(c.text) for c in statement.conditions)


def _different_terms(a: Statement, b: Statement) -> bool:
    words_a, words_b = _terms_words(a), _terms_words(b)
    return bool(words_a) and bool(words_b) and not words_a & words_b


@functools.lru_cache(maxsize=8192)
def _issue_words(text: str) -> frozenset[str]:
    """Content words of a text, crudely stemmed; party names and function words left out (cached: every pair of
    an article's statements asks again)."""
    lex = load_lexicon()
    words = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < ISSUE_WORD_MIN or word in ISSUE_STOPWORDS or word in lex.places or word in lex.demonyms:
            continue
        words.add(word[:-1] if word.endswith("s") else word)
    return frozenset(words)


def _shared_issue(a: Statement, b: Statement) -> bool:
    """Each side's terms touch what the other says: "an end to the war" vs "would not end the war until"."""
    terms_a, terms_b = _terms_words(a), _terms_words(b)
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
    if statement.speaker.name and "(" not in name:  # "Pakistan (unnamed official)" stays whole
        return name.split()[-1]
    return name


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
    if statement.stance == "open":
        return f'{who} signals openness to talks{with_whom} ("{_short(statement.text)}")'
    if statement.stance == "neutral" and _goes_ahead(statement):
        return f'{who} says talks go ahead{with_whom} ("{_short(statement.text)}")'
    return f'{who} says "{_short(statement.text)}"'  # a claim (a pair the learned model reads as a dispute)


def explain(a: Statement, b: Statement, kind: str) -> str:
    """One line from the two statements: who, which stance, the key phrase."""
    line = f"{_position(a)}; {_position(b)}"
    if kind == "shift":
        when_a = a.said_on or a.date_text
        when_b = b.said_on or b.date_text
        if when_a and when_b:
            line += f" (said on {when_a} and {when_b})"
        elif when_a or when_b:
            line += f" (one of them said {when_a or when_b})"
        else:
            line += " (at two moments the article marks)"
    return line


def _marked_change(a: Statement, b: Statement, text: str | None) -> bool:
    """Does the article mark a change of time between the two statements: a time-change phrase between them,
    in the paragraph of the later one ("Later that day the envoy softened his line. ... he said")?"""
    if not text:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    paragraph = max(text.rfind("\n", 0, second.start) + 1, first.end)
    return any(not ASKED_OR_DENIED.search(text, max(paragraph, m.start() - ASKED_REACH), m.start())
               for m in TIME_CHANGE.finditer(text, paragraph, second.start))


def _dated_later(a: Statement, b: Statement, text: str | None) -> bool:
    """The later statement in the text dated ("Last month, X told the assembly ...") and the earlier
    undated (the article's news), in another paragraph: a flashback to another moment. (The other way round,
    "On Monday X said ... / '...,' he added", the undated one continues the dated one.)"""
    if not text:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    flashback = bool(second.date_text) and (bool(FLASHBACK.search(second.date_text)) or _past_perfect(second, text))
    dated = flashback and not (first.said_on or first.date_text)
    return dated and "\n" in text[first.end : second.start]


def _past_perfect(statement: Statement, text: str) -> bool:
    """The statement's cue in the past perfect ("Only on Monday, he had written on Telegram that ..."): the
    article stepping back from its news to an earlier moment."""
    cue = statement.cue
    return cue is not None and bool(PAST_PERFECT.search(text, max(0, cue.start - 30), cue.end))


def _occasions(ordered: Sequence[Statement], text: str | None = None) -> dict[str, int]:
    """Runs of adjacent statements of one speaker (no other speaker between, at most OCCASION_CHARS apart, no
    change of day, no time-change phrase between): statement id -> run number."""
    runs: dict[str, int] = {}
    run = 0
    previous: Statement | None = None
    for statement in ordered:
        if previous is None or not (
            _same_actor(previous, statement)
            and statement.start - previous.end <= OCCASION_CHARS
            and not _time_changed(previous, statement)
            and not _marked_change(previous, statement, text)
            and not _dated_later(previous, statement, text)
        ):
            run += 1
        runs[statement.id] = run
        previous = statement
    return runs


def _explain_dispute(a: Statement, b: Statement, sides: dict[str, str | None], text: str | None = None) -> str:
    def claim(s: Statement) -> str:
        blame = blame_of(s, sides[s.id], text=text)
        verb = "denies blame" if blame is not None and blame.denies and not blame.accuses else "blames the other side"
        return f'{_who(s)} {verb} ("{_short(s.text)}")'

    return f"{claim(a)}; {claim(b)}"


def _explain_denial(said: Statement, denied: Statement) -> str:
    return (f'{_who(said)} says a contact took place ("{_short(said.text)}"); '
            f'{_who(denied)} denies it ("{_short(denied.text)}")')


@dataclass(frozen=True)
class Candidate:
    """Two statements of one article, in text order, with what the rules read of them: the rules' pair (or None)
    and the context the rules used; the learned pair model (``onrecord.learned_pairs``) reads the same."""

    a: Statement
    b: Statement
    rule: Contradiction | None
    rule_test: str | None  # which rule found the pair: "stances" | "dispute" | "denial"
    same_occasion: bool
    marked_change: bool
    side_a: str | None
    side_b: str | None
    gap: int  # statements between the two, in text order


def candidates(statements: Sequence[Statement], text: str | None = None) -> Iterator[Candidate]:
    """Every pair of one article's statements that may be paired (relays of a statement and headline or
    caption statements left out), with the rules' reading. ``text``: the article text, to read time-change
    phrases between statements (``TIME_CHANGE``)."""
    ordered = sorted(statements, key=lambda s: (s.start, s.end))
    occasions = _occasions(ordered, text)
    sides = {s.id: _side(s) for s in ordered}
    blames = {s.id: has_blame_words(s.text) for s in ordered}  # disputes need blame words on both sides
    for (i, a), (j, b) in combinations(enumerate(ordered), 2):
        if a.via == b.id or b.via == a.id or a.zone in UNPAIRED_ZONES or b.zone in UNPAIRED_ZONES:
            continue
        same_occasion = occasions.get(a.id) is not None and occasions.get(a.id) == occasions.get(b.id)
        marked = _same_actor(a, b) and (_marked_change(a, b, text) or _dated_later(a, b, text))
        rule, test = None, None
        kind = stances_conflict(a, b, same_occasion, marked)
        if kind:
            rule, test = Contradiction(a.id, b.id, kind, explain(a, b, kind)), "stances"
        elif blames[a.id] and blames[b.id] and disputed(a, b, sides[a.id], sides[b.id], text):
            rule, test = Contradiction(a.id, b.id, "clash", _explain_dispute(a, b, sides, text)), "dispute"
        elif a.stance == b.stance == "neutral":
            denial = disputed_contact(a, b, _same_actor(a, b) or _one_side(a, b, sides))
            if denial:
                rule, test = Contradiction(a.id, b.id, "clash", _explain_denial(*denial)), "denial"
        yield Candidate(a, b, rule, test, same_occasion, marked, sides[a.id], sides[b.id], j - i - 1)


class PairJudge(Protocol):
    """What :func:`find_contradictions` asks of a learned pair model (``onrecord.learned_pairs.PairModel``)."""

    def holds(self, candidate: Candidate) -> bool: ...


def find_contradictions(statements: Sequence[Statement], text: str | None = None,
                        model: PairJudge | None = None) -> list[Contradiction]:
    """Conflicting pairs among one article's statements, in text order; relays of a statement are skipped;
    one speaker's adjacent statements on one occasion are not paired with each other.

    ``text``: the article text, to read time-change phrases between statements (``TIME_CHANGE``).
    ``model``: a learned second reading of each pair (``onrecord.learned_pairs``); without it, the rules' pairs.
    A pair the model keeps and the rules did not find is given the kind its speakers and days suggest
    (:func:`kind_of`) and a ``why`` from the two statements."""
    out: list[Contradiction] = []
    for candidate in candidates(statements, text):
        if model is None or not _learned_reach(candidate):
            if candidate.rule is not None:
                out.append(candidate.rule)
        elif model.holds(candidate):
            kind = kind_of(candidate)
            out.append(candidate.rule or Contradiction(candidate.a.id, candidate.b.id, kind,
                                                       explain(candidate.a, candidate.b, kind)))
    return out


def _learned_reach(candidate: Candidate) -> bool:
    """Does the learned model read this pair? Every pair the rules found, and the others at most
    ``LEARNED_REACH`` statements apart; never two statements that talks go ahead (they cannot conflict)."""
    if candidate.rule is not None:
        return True
    if _goes_ahead(candidate.a) and _goes_ahead(candidate.b):
        return False
    return candidate.gap <= LEARNED_REACH


def kind_of(candidate: Candidate) -> str:
    """The contract kind of a pair the rules did not name: one actor changing position (other stances, or other
    terms) at two moments is a shift, else a contradiction; two speakers of one side a contradiction; else a clash
    (two speakers not known to be of one side: the sides of unplaced speakers are a guess)."""
    if candidate.rule is not None:
        return candidate.rule.kind
    a, b = candidate.a, candidate.b
    if _same_actor(a, b):
        moved = a.stance != b.stance or (a.stance == b.stance == "conditional" and _different_terms(a, b))
        return "shift" if moved and (candidate.marked_change or _time_changed(a, b)) else "contradiction"
    return "contradiction" if _one_side(a, b, {a.id: candidate.side_a, b.id: candidate.side_b}) else "clash"
