"""The side each speaker stands for, read across one article once stances are known.

Attribution gives a side where the mention or the role names one ("Thai foreign minister", "RLF spokesman",
the registry's actors). Many officials are named without one ("Defence Minister Rana Mehmood", "the national
security adviser"); their side is read from the whole article:

1. the same speaker (actor id, else canonical name) has a side at another statement: that side;
2. a statement in which the speaker takes a position of their own (stance ``reject``, ``conditional`` or
   ``open``: the stance stage found the clause to be the speaker's) opens with a state's name as its subject
   ("Pakistan would not sit at any table ...", "Bangkok would not send a delegation ..."): officials name their
   own state in the third person. Several such statements vote; a tie gives nothing;
3. a statement in which the speaker takes a position on talks with another party X (its counterpart), in an
   article whose placed speakers who talk of X all belong to one side: that side (votes with 2);
4. the sides found in 2 and 3 spread to the speaker's other statements;
5. failing all, an official of state whose role names no possessor or other body ("Foreign Minister", "junta
   spokesman") serves the one state the article attaches its institutions of state to
   (:mod:`onrecord.home_state`), when the article text is given; so does a state body named by its portfolio
   alone ("the Foreign Ministry", "the Civil Protection Directorate"), in the full pass only and not when another
   state speaks just before it in its paragraph ("Eritrea, meanwhile, denied ...", "In Asmara, ...");
6. (full pass) such an official or body still unplaced takes the one state the paragraphs of their mentions place
   them in, by where they speak ("In New Delhi, ... spokesperson X said", "told a press conference in Phnom Penh")
   or a short line opening with the state ("Asmara, meanwhile, changed course."), when that state is a party of
   the article and not the host of its talks (:mod:`onrecord.local_state`);
7. (full pass) a rebel's role that names no group ("a member of the rebel delegation", "the group's spokesman")
   takes the one armed group the article's placed speakers stand for, if there is exactly one
   (:mod:`onrecord.article_group`).

Once a body has its side, a state body the registry does not know is named with the state's demonym first ("the
Foreign Ministry" -> "Syrian Foreign Ministry"; :mod:`onrecord.attribution.state_bodies`).

Before the stance stage (``positions=False``) only rules 1 and 5 run. In both passes one override holds: a reported
intent that opens with a state ("Kinshasa was prepared to initial ...", "Baku would not ...") gives that state to a speaker whose
role names none and who is no known actor (their side, if any, came from the text around the mention), at all
their statements when their intents name only that state.

Nothing is guessed for a speaker with no name or role, or from a claim about what a state did ("India had
violated the truce" is a neutral statement): those name the other side as often as their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Sequence

from .actors import default_registry
from .actors.names import without_possessive
from .article_group import group_role, one_group
from .article_places import article_places, demonym_forms
from .attribution.bodies import NON_STATE_WORDS
from .attribution.state_bodies import is_bare_state_body, state_body_name
from .home_state import dateline_state, home_state, serves_unplaced_state
from .local_state import local_state, venue_states
from .records import Statement
from .stance.counterpart import body_side, place_of, side_of_text, speaker_side
from .stance.lexicon import Lexicon, load_lexicon

__all__ = ["fill_sides"]

# Positions in which the speaker's own clause was found.
OWN_POSITIONS = frozenset({"reject", "conditional", "open"})
# How far into a statement its opening subject is looked for (after a leading "that").
OPENING_WORDS = 2
_WORD = re.compile(r"[\w’'.-]+")
# Words of a role or name that make it a group's against the state it names ("Tarvenian rebel commander").
GROUP_WORDS = NON_STATE_WORDS | {"opposition", "exiled", "exile", "dissident", "dissidents"}
# How far before a bare body's mention another state is looked for (within its paragraph), in characters.
OTHER_STATE_REACH = 300
# A state that speaks: its name followed by a verb of saying or denying ("Eritrea, meanwhile, denied ...").
OTHER_STATE_SPEAKS = re.compile(r"(?:['’]s\s+\w+\s+)?(?:,[^,.]{0,40},\s*)?(?:said|says|denied|denies|rejected|"
                                r"rejects|insisted|insists|responded|replied|countered|accused|dismissed)\b")


def _key(statement: Statement) -> str | None:
    speaker = statement.speaker
    if speaker.actor_id:
        return f"id:{speaker.actor_id}"
    if speaker.name:
        return f"name:{speaker.name.casefold()}"
    return None


def _opening_state(statement: Statement) -> str | None:
    """The state whose name opens the statement ("Pakistan would not ...", "that Bangkok was ready ...")."""
    lex = load_lexicon()
    words = [w.strip(".") for w in _WORD.findall(statement.text)]
    if words and words[0].lower() == "that":
        words = words[1:]
    for k in range(min(OPENING_WORDS, len(words))):
        for n in (3, 2, 1):  # "South Korea would ...", "Addis Ababa would ..."
            phrase = " ".join(words[k : k + n])
            if len(words[k : k + n]) < n or not all(w[:1].isupper() for w in words[k : k + n]):
                continue
            if phrase.lower() in lex.demonyms:
                continue  # "Indian troops" is about troops, not the speaker's state
            place = place_of(without_possessive(phrase), lex)
            if place:
                return place
    return None


# The verb right after an opening state that makes the clause the state's own intent or position.
_INTENT = re.compile(r"^(?:that\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}(?:would|will|was|is|remains|remained|could|can|"
                     r"has never|had never|cannot)\b")


def _intent_opener(statement: Statement, lex: Lexicon) -> str | None:
    """The state a reported intent opens with, for a speaker whose role names no state and who is no known actor
    (their side came from the text around the mention, the weakest evidence)."""
    if statement.kind != "indirect" or not _unplaced_role(statement, lex):
        return None
    if not _INTENT.match(statement.text):
        return None
    return _opening_state(statement)


def _unplaced_role(statement: Statement, lex: Lexicon) -> bool:
    """A speaker whose side can only have come from the text around the mention: no known actor, a role naming
    no state."""
    speaker = statement.speaker
    return (not speaker.actor_id and bool(speaker.role) and not side_of_text(speaker.role, lex)
            and not body_side(speaker.role, lex))


def _sole(counter: Counter[str] | None) -> str | None:
    """The one state a speaker's intents open with, if they name only one."""
    return next(iter(counter)) if counter and len(counter) == 1 else None


def fill_sides(statements: Sequence[Statement], positions: bool = True, text: str | None = None) -> list[Statement]:
    """The statements, each speaker with no side given the side the article shows for them (module docstring).

    ``positions=False`` uses only what attribution knows (rules 1 and 5), for a pass before the stance stage; the
    full pass runs after it. ``text``: the article, for rule 5."""
    lex = load_lexicon()
    known: dict[str, Counter[str]] = {}
    for statement in statements:
        key = _key(statement)
        side = speaker_side(statement.speaker, lex)
        if key and side:
            known.setdefault(key, Counter())[side] += 1  # a speaker placed here takes no votes (rules 2-3)
    votes: dict[str, Counter[str]] = {}
    for statement in statements if positions else ():
        key = _key(statement)
        if not key or key in known or statement.stance not in OWN_POSITIONS or statement.zone != "body":
            continue
        state = _opening_state(statement)
        if state:
            votes.setdefault(key, Counter())[state] += 1
    # talks with the same other party: a speaker whose counterpart is X stands with the one side that
    # the article's placed speakers who talk of X belong to ("ready to sit down with Cambodia", in an article
    # whose Thai defence minister sets terms for Cambodia)
    against: dict[str, set[str]] = {}
    for statement in statements:
        key = _key(statement)
        counterpart = place_of(statement.counterpart, lex) if statement.counterpart else None
        if key in known and counterpart:
            side = known[key].most_common(1)[0][0]
            if side != counterpart:
                against.setdefault(counterpart, set()).add(side)
    for statement in statements if positions else ():
        key = _key(statement)
        counterpart = place_of(statement.counterpart, lex) if statement.counterpart else None
        if key and key not in known and counterpart and len(against.get(counterpart, ())) == 1 \
                and statement.stance in OWN_POSITIONS:
            votes.setdefault(key, Counter())[next(iter(against[counterpart]))] += 1
    for key, counter in votes.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            known[key] = Counter({ranked[0][0]: 1})
    home = home_state(text) if text else None
    if home:
        for statement in statements:
            key = _key(statement)
            if key and key not in known and not speaker_side(statement.speaker, lex) and (
                    serves_unplaced_state(statement.speaker.role) or (
                        positions and statement.speaker.actor_id is None and is_bare_state_body(statement.speaker.name)
                        and not _other_state_before(text or "", statement.speaker.start, home, lex))):
                known[key] = Counter({home: 1})
    # a body or office led by a side the article already gave another speaker, or by its demonym ("the Daryastan
    # Foreign Ministry", "Sorvenian President X" once "Sorvenia's foreign minister" has placed Sorvenia)
    placed = {form: side for counter in known.values() for side in counter if " " not in side
              for form in demonym_forms(side) | {side}}
    placed.update(article_places(text) if text else {})
    for statement in statements:
        key = _key(statement)
        if key and key not in known and not speaker_side(statement.speaker, lex):
            side = _led_by(statement.speaker.name, placed) or _led_by(statement.speaker.role, placed)
            if side:
                known[key] = Counter({side: 1})
    # an official of state the paragraph places by where they speak ("In New Delhi, ... spokesperson X said")
    if positions and text:
        _place_locally(statements, known, text, lex)
    # a rebel's role that names no group, in an article whose placed speakers stand for one group only
    if positions:
        group = one_group({side for counter in known.values() for side in counter},
                          article_places(text) if text else {}, lex)
        for statement in statements if group else ():
            key = _key(statement)
            if key and key not in known and not speaker_side(statement.speaker, lex) \
                    and group_role(statement.speaker.role):
                known[key] = Counter({group: 1})
    # the state a speaker's reported intent opens with holds for all their statements (the quote after the
    # paraphrase is the same official's: "Iran will not initial ...," X said. "The day the threats stop, ...")
    own_openers = [_intent_opener(statement, lex) for statement in statements]
    openers: dict[str, Counter[str]] = {}
    for statement, opener in zip(statements, own_openers):
        key = _key(statement)
        if key and opener:
            openers.setdefault(key, Counter())[opener] += 1
    out: list[Statement] = []
    for statement, own_opener in zip(statements, own_openers):
        key = _key(statement)
        # the statement's own intent, else the one state the speaker's other intents open with
        opener = own_opener or (_sole(openers.get(key)) if _unplaced_role(statement, lex) else None)
        if opener and statement.speaker.affiliation != opener:
            # a side read from the text around the mention gives way to the state the official's own intent
            # opens with ("Kinshasa was prepared to initial ...", said by a negotiator placed by "Doha")
            speaker = dataclasses.replace(statement.speaker, affiliation=opener)
            out.append(dataclasses.replace(statement, speaker=speaker))
            continue
        if statement.speaker.affiliation or not key or key not in known:
            out.append(statement)
            continue
        side = known[key].most_common(1)[0][0]
        speaker = dataclasses.replace(statement.speaker, affiliation=side)
        out.append(dataclasses.replace(statement, speaker=speaker))
    return [_named_body(statement) for statement in out] if positions else out


def _place_locally(statements: Sequence[Statement], known: dict[str, Counter[str]], text: str, lex: Lexicon) -> None:
    """Rule 6 (:mod:`onrecord.local_state`): an official of state (or a state body named by its portfolio) whom
    nothing else placed takes the one state the paragraphs of their mentions place them in."""
    unplaced: list[tuple[str, Statement]] = []
    for statement in statements:
        key, speaker = _key(statement), statement.speaker
        if key and key not in known and not speaker_side(speaker, lex) and (
                serves_unplaced_state(speaker.role) or (speaker.actor_id is None and is_bare_state_body(speaker.name))):
            unplaced.append((key, statement))
    if not unplaced:
        return  # (most articles: the article-wide reading below is not needed)
    counterparts = {place for s in statements if s.counterpart for place in (place_of(s.counterpart, lex),) if place}
    # the placed speakers' sides and the counterparts, but a host of the talks only as a counterpart
    hosts = venue_states(text, lex) - counterparts
    parties = ({side for counter in known.values() for side in counter} | counterparts) - hosts
    spoken = [(s.start, s.end) for s in statements]
    dateline = dateline_state(text, lex)
    found: dict[str, set[str]] = {}
    for key, statement in unplaced:
        speaker = statement.speaker
        offset = speaker.start if speaker.start is not None else statement.start
        state = local_state(text, offset, spoken, parties, counterparts, dateline, lex)
        found.setdefault(key, set()).add(state)
    for key, states in found.items():
        states.discard(None)
        if len(states) == 1:  # (two places for one speaker: neither)
            known[key] = Counter({states.pop(): 1})


def _led_by(words: str | None, places: dict[str, str]) -> str | None:
    """The side whose name or demonym (``places``: word -> side) opens ``words`` ("Daryastan Border Service",
    "Sorvenian President", "Sorvenia's chief negotiator")."""
    first = without_possessive(words.split()[0]) if words and words.split() else ""
    if not first[:1].isupper() or GROUP_WORDS & set(words.lower().split()):
        return None  # ("Tarvenian rebel commander", "the Tarvenian opposition leader": not the state's side)
    return places.get(first)


def _other_state_before(text: str, offset: int | None, home: str, lex: Lexicon) -> bool:
    """Another state speaks in the mention's paragraph just before it ("Eritrea, meanwhile, denied it. The
    Information Ministry said ...", "In Asmara, the Information Ministry said ..."): a bare body there is not taken
    for the home state's. A state named otherwise ("Russia launched 90 drones. The Defence Ministry said ...") does
    not count."""
    if offset is None:
        return False
    begin = max(text.rfind("\n", 0, offset) + 1, offset - OTHER_STATE_REACH)
    window = text[begin:offset]
    for m in re.finditer(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", window):
        for name in dict.fromkeys((m.group(0), m.group(0).split()[-1])):  # "After Eritrea" -> "Eritrea" too
            place = place_of(without_possessive(name), lex)
            if not place or place == home:
                continue
            after = window[m.end() :]
            if OTHER_STATE_SPEAKS.match(after) or re.search(r"(?:^|[.!?]\s+)In\s+$", window[: m.end() - len(name)]):
                return True
    return False


def _named_body(statement: Statement) -> Statement:
    """A state body the registry does not know, named with its side's demonym first once the side is known ("the
    Foreign Ministry" of Syria's side -> "Syrian Foreign Ministry"; :mod:`onrecord.attribution.state_bodies`)."""
    speaker = statement.speaker
    if speaker.actor_id is not None or not speaker.name:
        return statement
    name = state_body_name(speaker.name, speaker.affiliation, default_registry())
    if name == speaker.name:
        return statement
    return dataclasses.replace(statement, speaker=dataclasses.replace(speaker, name=name))
