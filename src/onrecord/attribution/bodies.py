"""Bodies: a speaker mention that names an organisation, a government or an unnamed side rather than a person.

``BodySpeakers`` is the part of :class:`~onrecord.attribution.speakers.SpeakerResolver` that names bodies
(the resolver inherits it; ``speakers.py`` decides when each is tried):

- a government by its country, capital or collective ("Moscow", "authorities in Kyiv", "Ukrainian officials")
  -> "Government of Ukraine"; an unnamed member of a side ("a senior Hamas official") -> "Hamas (unnamed
  senior official)", the gold convention;
- a body a country or a proper name qualifies ("Ukraine's air force" -> "Ukrainian Air Force", "The Polisario
  Front", "the Serbian government's Office for Kosovo"), or an organisation the tagger names ("Ukrenergo");
- a body named after its description ("Ukraine's grid operator Ukrenergo": the name, the description its role);
- a plural group with no name or side ("officials" -> "unnamed officials", "Aid agencies" -> "aid agencies
  (unnamed)");
- the body a later mention refers to: an "it"/"they" after "The Foreign Ministry said ...", a possessive
  role ("Its spokesman", "the group's spokesman") after the body was named.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ..actors.names import TITLE_WORDS, fold, without_possessive
from ..actors.roles import ANONYMOUS_NOUNS, COLLECTIVE_NOUNS, PERSON_ROLE_NOUNS
from ..records import Speaker

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

    from ..actors.registry import Actor, ActorRegistry
    from ..nlp import Block
    from ..records import Article
    from .coref import ArticleEntities

# ---- also used by speakers.py, which imports them from here (this module imports nothing of speakers.py)
# Words before a mention's content ("the aide", "some officials", "two senior officials").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "several", "two",
                          "three", "many", "other", "one", "another"})
# "the statement" refers to the previous speaker only when that speaker was named at most this many
# sentences before (the statement is introduced in the sentence before in news style).
DOCUMENT_DISTANCE = 2
# Role words of a body that stands against a state: a country in such a role is where it fights, not its side.
NON_STATE_WORDS = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "guerrilla",
                             "guerrillas", "separatist", "separatists", "militia", "jihadist", "jihadists"})
# Lower-case words that a proper name may hold ("Government of National Stability").
LOWER_IN_NAMES = frozenset({"of", "the", "and", "for", "on", "in"})
# ---- used only here
# Words that grade an unnamed source without naming its side ("a senior official").
_GRADE_WORDS = frozenset({"senior", "top", "high", "ranking", "high-ranking", "junior", "unnamed", "anonymous",
                          "military", "security", "government", "diplomatic", "political", "intelligence"})
# Collective heads that stand for a whole government when a country is named ("Ukrainian officials").
_GOVERNMENT_HEADS = frozenset({"authorities", "authority", "officials", "government", "side", "leadership",
                               "administration", "cabinet", "regime", "leaders", "presidency"})
# Words in the proper name of a group that fights a state ("National Democratic Front of the Philippines",
# "Communist Party of the Philippines", "Sudan People's Liberation Movement"): the state it names is not its side.
NON_STATE_NAME_WORDS = NON_STATE_WORDS | {"front", "liberation", "revolutionary", "communist", "resistance",
                                          "mujahideen", "jihad", "insurgency"}
# How many sentences back the body a possessive role refers to is looked for.
OWNER_SENTENCES = 3
# Head nouns of a description of a body (not of a person) that a body's proper name may follow.
BODY_DESCRIPTORS = frozenset({"wing", "arm", "operator", "bureau", "group", "company", "firm", "agency", "body",
                              "unit", "utility", "broadcaster", "network", "monitor", "watchdog", "outlet",
                              "coalition", "alliance", "front", "militia", "organisation", "organization"})
# Participles of "Benghazi-based", "Iran-backed": where a body sits or who backs it, not its name.
_PLACED_BY = frozenset({"based", "backed", "led", "aligned", "allied", "run", "controlled", "funded"})
# Last words of a body's name besides its heads ("Inter-Services Public Relations", "Media Operations").
_BODY_ENDS = frozenset({"operations", "relations", "affairs", "services", "headquarters"})
# Singular heads of an institution a country qualifies ("Ukraine's air force", "the UAE Foreign Ministry").
_BODY_HEADS = frozenset({"ministry", "directorate", "office", "force", "army", "navy", "agency", "committee", "council",
                         "command", "parliament", "presidency", "embassy", "mission", "guard", "police",
                         "military", "service", "department", "administration", "court", "bank"})
# Last words that make a proper name a body's, whatever role stands before it ("a commander of the X Front").
BODY_NAME_ENDS = BODY_DESCRIPTORS | _BODY_HEADS | _BODY_ENDS | frozenset({"movement", "party", "forces", "union",
                                                                       "brigade", "brigades", "battalion"})
# Prepositions of where an unnamed group is ("rescue workers in Kyaukme", "fishermen from Masinloc").
PLACE_PREPS = frozenset({"in", "from", "at", "near", "across"})


def content_words(text: str) -> list[str]:
    """The folded words of a mention, without determiners ("the Foreign Ministry" -> ["foreign", "ministry"])."""
    return [w for w in fold(text).split() if w not in _DETERMINERS]


def strip_determiner(text: str) -> str:
    """A mention without its leading determiners and edge commas ("the Foreign Ministry" -> "Foreign Ministry")."""
    words = text.split()
    while words and fold(words[0]) in _DETERMINERS:
        words.pop(0)
    return " ".join(words).strip(" ,")


class BodySpeakers:
    """The naming of bodies, governments and unnamed sides, mixed into ``SpeakerResolver``.

    Relies on the resolver's state (``article``, ``blocks``, ``registry``, ``entities``, ``_last_body``) and
    methods (``resolve``, ``_resolve``, ``_span``, ``_block_start``, ``_from_actor``, ``_affiliation``).
    """

    article: Article
    blocks: Sequence[Block]
    registry: ActorRegistry
    entities: ArticleEntities
    _last_body: tuple[Speaker, int] | None

    # ---- naming a body
    def _named_after_description(self, base: Speaker, span: "SpacySpan | None", tail: str | None) -> Speaker | None:
        """A body named after a description of it: "Ukraine's grid operator Ukrenergo", "the state weather bureau
        PAGASA" (the proper name ends the mention), or "the military's media wing, Inter-Services Public Relations
        (ISPR)" (the name is the apposition). Only a body's description (``BODY_DESCRIPTORS``, a collective noun)
        gives way to a name; the description becomes the role; places are no body."""
        mention = base.mention or ""
        if span is None or not mention:
            return None
        text = f"{mention}, {tail}" if tail else mention
        description, _, name = text.partition(", ")
        if name:
            name = strip_determiner(re.sub(r"\s*\([^()]*\)?\s*$", "", name).strip())  # "... Relations (ISPR"
            words = name.split()
            if len(words) < 2 or not all(w[:1].isupper() or w in LOWER_IN_NAMES for w in words):
                return None
        else:
            tokens = [t for t in span if not t.is_punct]
            run: list["Token"] = []
            for t in reversed(tokens):
                if t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1):
                    run.insert(0, t)
                else:
                    break
            if not run or len(run) == len(tokens) or not tokens[len(tokens) - len(run) - 1].text.islower():
                return None
            name = span.doc[run[0].i : run[-1].i + 1].text
            description = span.doc[span.start : run[0].i].text.strip()
        head = fold(description).split()[-1] if description.split() else ""
        if head not in BODY_DESCRIPTORS and head not in COLLECTIVE_NOUNS:
            return None
        if fold(name).split()[-1] in PERSON_ROLE_NOUNS or self.registry.country_of(name) is not None:
            return None
        words = fold(name).split()
        titled = words[0].rstrip(".") in TITLE_WORDS and words[-1] not in _BODY_HEADS | COLLECTIVE_NOUNS | _BODY_ENDS
        if titled or (len(words) > 1 and any(e.label_ == "PERSON" and e.text in name for e in span.ents)):
            return None  # "..., Brigadier General Thant Zin Oo": a person
        fights = bool(NON_STATE_WORDS & set(fold(description).split()))
        # a group described as one ("Chad's northern rebel movement, the Northern Front ...") is its own side
        return Speaker(name=name, mention=base.mention, start=base.start, end=base.end, role=description,
                       affiliation=self._affiliation(None, description) or (name if fights else None))

    def _side(self, base: Speaker, mention: str) -> Speaker | None:
        """Governments by country, capital or collective noun, and unnamed members of a side."""
        words = content_words(mention)
        folded = " ".join(words)
        country = self.registry.country_of(folded) if folded else None
        if country is not None:
            gov = self.registry.government(country)
            if gov is not None:
                return self._from_actor(base, gov, role=None, start=base.start or 0)
        heads = [w for w in words if w in _GOVERNMENT_HEADS or w in ANONYMOUS_NOUNS]
        if not heads and mention.lower().startswith(("a ", "an ")):
            # "an EU spokesperson", "a Serbian negotiator": an office held by someone the article does not name
            heads = [w for w in words if w in PERSON_ROLE_NOUNS]
        if not heads:
            return None
        head = heads[0]
        country, rest = self.registry.split_country(folded)
        graded = 0
        while country is None and graded < len(words) - 1 and words[graded] in _GRADE_WORDS:
            graded += 1  # "a senior Ethiopian official": the grade words before the country stay in the rest
            country, rest = self.registry.split_country(" ".join(words[graded:]))
            if country is not None:
                rest = " ".join([*words[:graded], *rest.split()])
        if country is None:
            # a capital for its state ("a senior Belgrade official")
            for k, w in enumerate(words):
                found = self.registry.country_of(w) if w != head and w[:1].isalpha() else None
                if found:
                    country, rest = found, " ".join(words[:k] + words[k + 1 :])
                    break
        # a place at the end ("an EU spokesperson in Brussels") is where they speak: a named body comes first
        located = bool(country) and bool(rest) and folded.startswith(rest)
        side: Actor | None = self.registry.government(country) if country and not located else None
        descriptor = [w for w in (rest.split() if country else words)]
        if side is None:
            # an organisation named inside the mention: "a senior Hamas official"
            for n in range(len(words) - 1, 0, -1):
                for i in range(0, len(words) - n):
                    if n == 1 and len(words[i]) <= 3 and not re.search(rf"\b{re.escape(words[i].upper())}\b", mention):
                        continue  # "au" of "Port-au-Prince" is no AU: a short acronym is written in capitals
                    actor = self.registry.lookup_exact(" ".join(words[i : i + n]))
                    if actor is not None and actor.kind != "person":
                        side = actor
                        descriptor = words[:i] + words[i + n :]
                        break
                if side is not None:
                    break
        if side is None and located:
            side = self.registry.government(country)
            descriptor = rest.split()
        if side is None:
            return None
        role = strip_determiner(mention)
        collective = head in _GOVERNMENT_HEADS or (head.endswith("s") and head in ANONYMOUS_NOUNS)
        if collective:
            return Speaker(name=side.name, actor_id=side.id, mention=base.mention, start=base.start, end=base.end,
                           role=role, affiliation=side.affiliation)
        grade = " ".join(w for w in descriptor if w in _GRADE_WORDS or w == head) or head
        # gold convention: "Israel (unnamed official)" for a government's side, "Hamas (unnamed ...)" else
        side_name = side.affiliation if side.kind == "government" and side.affiliation else side.name
        return Speaker(name=f"{side_name} (unnamed {grade})", actor_id=None, mention=base.mention,
                       start=base.start, end=base.end, role=role, affiliation=side.affiliation)

    def _organisation(self, base: Speaker, span: "SpacySpan | None", tail: str | None) -> Speaker | None:
        """A body a country or a proper name qualifies ("Ukraine's air force" -> "Ukrainian Air Force",
        "The Gaza health ministry" -> "Gaza Health Ministry"), or an organisation the tagger names
        ("Ukrenergo"), when the registry does not know it."""
        mention = strip_determiner(base.mention or "")
        words = mention.split()
        if not words or span is None:
            return None
        folded = fold(mention)
        if fold(words[-1]) in _BODY_HEADS and len(words) > 1:
            country, rest = self.registry.split_country(folded)
            if country is not None and rest:
                c = self.registry.country(country)
                for guess in ([f"{d} {rest}" for d in (c.demonyms if c else ())] + [f"{country}'s {rest}",
                                                                                     f"{rest} of {country}"]):
                    actor = self.registry.lookup_exact(guess)
                    if actor is not None and actor.kind != "person":
                        return self._from_actor(base, actor, role=tail, start=base.start or 0)
                owner = next((k for k, w in enumerate(words[:3]) if fold(w).endswith("'s")), None)
                if owner is not None and \
                        self.registry.country_of(without_possessive(" ".join(words[: owner + 1]))) != country:
                    owner = None  # "The Indian Army's Northern Command": the possessor is not the country itself
                if c is not None and c.demonyms and owner is not None:
                    words = [*c.demonyms[0].split(), *words[owner + 1 :]]  # "South Korea's defense ministry"
            words = [w[:-2] if w.endswith(("'s", "’s")) and len(w) > 2 else w for w in words]  # "Army's Command"
            if words[0][:1].isupper() and all(w.replace("-", "").isalpha() for w in words):
                name = " ".join(w if (w.isupper() or w in LOWER_IN_NAMES) else w[:1].upper() + w[1:]
                                for w in words)
                return Speaker(name=name, mention=base.mention, start=base.start, end=base.end, role=tail,
                               affiliation=self._affiliation(None, name))
            return None
        if len(words) == 1 and words[0][:1].isupper() and tail and span.root.pos_ == "PROPN" and \
                fold(tail).split()[-1] not in PERSON_ROLE_NOUNS and self.registry.country_of(mention) is None:
            # "Ukrenergo, the national grid operator": a proper name described as a body, not a person
            return Speaker(name=mention, mention=base.mention, start=base.start, end=base.end, role=tail)
        ents = [e for e in span.ents if e.label_ == "ORG"]
        if len(ents) == 1 and fold(strip_determiner(ents[0].text)) == folded and \
                self.registry.country_of(mention) is None and all(t.pos_ == "PROPN" for t in ents[0]):
            return Speaker(name=mention, mention=base.mention, start=base.start, end=base.end, role=tail)
        name = self._proper_body(span)
        if name is not None:
            if NON_STATE_NAME_WORDS & set(fold(name).split()):
                # "National Democratic Front of the Philippines": a group fighting the state it names, its own side
                return Speaker(name=name, mention=base.mention, start=base.start, end=base.end, role=tail,
                               affiliation=name)
            # the owner before the name places it ("the Serbian government's Office for Kosovo")
            return Speaker(name=name, mention=base.mention, start=base.start, end=base.end, role=tail,
                           affiliation=self._affiliation(None, name) or self._affiliation(None, mention))
        return None

    def _proper_body(self, span: "SpacySpan") -> str | None:
        """A body written as a proper name of two words or more, every word capitalised ("The Polisario Front",
        "the National Oil Corporation", "The Indian Army's Northern Command" -> "Indian Army Northern Command"):
        not a person (no PERSON entity, no person's role noun at its head), not a country."""
        tokens = [t for t in span if not (t.i == span.start and t.lower_ in {"the", "a", "an"})]
        owned = [k for k, t in enumerate(tokens) if t.tag_ == "POS"]
        if owned and not tokens[owned[-1] - 1].text[:1].isupper():
            tokens = tokens[owned[-1] + 1 :]  # "the Serbian government's Office for Kosovo": the office's own name
        tokens = [t for t in tokens if t.lower_ not in {"'s", "’s", "'"}]
        # "The Benghazi-based Government of National Stability": where it sits is no part of its name
        placed = [k for k, t in enumerate(tokens[:4]) if t.lower_ in _PLACED_BY and k and tokens[k - 1].text == "-"]
        if placed:
            tokens = tokens[placed[0] + 1 :]
        if len(tokens) < 2 or any(t.ent_type_ == "PERSON" for t in tokens) or span.root.tag_ not in {"NNP", "NNPS"}:
            return None  # "Traders in Lashio" is a group of people somewhere, not a body
        words = [t.text for t in tokens]
        if not all((w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha())
                   or w in LOWER_IN_NAMES for w in words) or words[-1] in LOWER_IN_NAMES:
            return None
        folded = fold(" ".join(words))
        if fold(words[-1]) in PERSON_ROLE_NOUNS or self.registry.country_of(folded) is not None:
            return None
        return " ".join(words)

    def _unnamed_group(self, base: Speaker, span: "SpacySpan | None") -> Speaker | None:
        """A plural group with no name or side: "officials" -> "unnamed officials", "Aid agencies" ->
        "aid agencies (unnamed)" (the gold conventions)."""
        if span is None:
            return None
        # "Rescue workers in Kyaukme", "Fishermen from Masinloc": the group, without where it is
        place = next((t for t in span if t.dep_ == "prep" and t.head.i == span.root.i and t.lower_ in PLACE_PREPS),
                     None)
        if place is not None:
            span = span.doc[span.start : place.i]
        if span.root.tag_ != "NNS" or any(t.pos_ == "PROPN" for t in span):
            return None
        phrase = fold(strip_determiner(span.text))
        if not phrase or self.registry.country_of(phrase) is not None:
            return None
        name = f"unnamed {phrase}" if span.root.lower_ in ANONYMOUS_NOUNS else f"{phrase} (unnamed)"
        return Speaker(name=name, mention=base.mention, start=base.start, end=base.end, role=None)

    # ---- the body a later mention refers to
    def _body(self, speaker: Speaker, start: int) -> Speaker:
        """Remember an organisation found as a speaker, for an "it" or "they" after it."""
        if speaker.name:
            self._last_body = (speaker, self.entities.sentence_of(start))
        return speaker

    def _body_before(self, start: int) -> Speaker | None:
        """The organisation an "it"/"they" speaker stands for when no entity answers: the organisation that spoke
        last, within ``DOCUMENT_DISTANCE`` sentences ("The Foreign Ministry said ... It added ...")."""
        here = self.entities.sentence_of(start)
        if self._last_body is not None and here - self._last_body[1] <= DOCUMENT_DISTANCE:
            return self._last_body[0]
        return None

    def _subject_before(self, start: int) -> Speaker | None:
        """The body the sentence before is about, when its subject is one ("The Office for Kosovo gave a
        different account. It said ...")."""
        span = self._span(start, start + 1)
        if span is None:
            return None
        sentence = span[0].sent
        if sentence.start == 0:
            return None
        return self._body_subject(span.doc[sentence.start - 1].sent, self._block_start(start))

    def _body_subject(self, sentence: "SpacySpan", block: int) -> Speaker | None:
        """The body a sentence's main subject names, resolved as a speaker mention, or None (``block``: the
        offset of the sentence's block)."""
        subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"]
        if not subjects:
            return None
        subject = subjects[0]
        if not (subject.lower_ in COLLECTIVE_NOUNS or subject.lower_ in BODY_DESCRIPTORS
                or subject.ent_type_ == "ORG"):
            return None
        first, last = subject.left_edge, subject.right_edge  # "The Serbian government's Office for Kosovo"
        # resolving an earlier mention must not move what "he", "the statement" or "it" refer to next
        saved = (self._last, self._last_sentence, self._last_body)
        try:
            if subject.lower_ in BODY_DESCRIPTORS and subject.text.islower():
                # "The alliance, known as the NCM (...)": the name the description gives, not another body
                named = [t for t in subject.subtree if t.ent_type_ == "ORG" or (t.text.isupper() and len(t.text) > 1)]
                if not named:
                    return None
                found = self.resolve(block + named[0].idx, block + named[0].idx + len(named[0].text))
            else:
                found = self._resolve(block + first.idx, block + last.idx + len(last.text))
        finally:
            self._last, self._last_sentence, self._last_body = saved
        # a body has a name of its own; "its diplomats" -> "unnamed its diplomats" is no body
        return found if found.name and "unnamed" not in found.name else None

    def _owner_body(self, start: int) -> str | None:
        """The body a possessive role refers to ("Its spokesman", "the group's deputy commander"): the body one
        of the ``OWNER_SENTENCES`` sentences before (across paragraphs) is about (its side, else its name)."""
        for sentence, block_start in self._sentences_before(start, OWNER_SENTENCES):
            body = self._body_subject(sentence, block_start)
            if body is not None:
                return body.affiliation or body.name
        return None

    def _sentences_before(self, start: int, count: int) -> list[tuple["SpacySpan", int]]:
        """Up to ``count`` sentences before the one at ``start``, nearest first, across paragraphs, each with its
        block's offset."""
        out: list[tuple["SpacySpan", int]] = []
        for block in reversed(self.blocks):
            if block.start > start:
                continue
            sentences = [s for s in block.doc.sents if block.start + s.end_char <= start
                         and not (block.start + s.start_char <= start < block.start + s.end_char)]
            for sentence in reversed(sentences):
                out.append((sentence, block.start))
                if len(out) >= count:
                    return out
        return out
