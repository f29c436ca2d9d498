"""Rule-based coreference for speakers: who "he", "the aide" and "Ushakov" are in one article.

1. ``ArticleEntities`` walks the parsed blocks in order and collects mentions of people (PERSON entities
   with the titles and appositions around them: "Kremlin aide Yuri Ushakov", "Belousov, Russia's former
   first deputy prime minister") and of organisations and places (ORG / GPE / NORP).
2. Person mentions are merged into entities: the same folded full name, a surname of an earlier or later
   full name, or the same registry actor ("Zelenskyy" and "Volodymyr Zelensky").
3. Each entity gets a gender guess (registry, Mr/Ms titles, a first-name list, then he/she in sentences
   where it is the only person) and the roles the article gives it.
4. ``resolve_pronoun`` and ``resolve_description`` pick the earlier entity a pronoun or a role noun refers
   to, scoring recency, subjecthood, the previous speaker and compatibility (gender, number, role words).

Where a name starts and ends in the parse, and the role words around it: :mod:`onrecord.attribution.name_spans`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from ..actors.names import (FEMALE_TITLES, MALE_TITLES, TITLE_WORDS, fold, fold_name, gender_of_first_name,
                            gender_of_title)
from ..actors.registry import Actor, ActorRegistry
from ..actors.roles import COLLECTIVE_NOUNS, PERSON_ROLE_NOUNS, role_key
from ..nlp import Block
from .bodies import BODY_NAME_ENDS, NON_STATE_NAME_WORDS
from .name_spans import (MISTAGGED_LABELS, _NAME_PARTICLES, _names_medium, _untagged_names, cut_at_verb, is_subject,
                         name_words, repair_name, role_before, role_in_apposition)
from .reported import DATELINE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

# Pronouns by what they can refer to.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
SPEAKER_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})

# Pronoun scoring, in sentences of distance. Tuned by hand on the cases of tests/attribution/test_coref.py:
# the subject of the previous sentence beats an object mentioned after it (bonus > 1 sentence), and the
# previous speaker beats a person merely named in between (subject + speaker bonus > 2 sentences).
SUBJECT_BONUS = 1.5
LAST_SPEAKER_BONUS = 0.75
KNOWN_GENDER_BONUS = 0.25
# A pronoun looks back at most this many sentences for its antecedent.
MAX_PRONOUN_DISTANCE = 6
# Descriptions ("the aide") look back further: a role is repeated across a whole article.
MAX_DESCRIPTION_DISTANCE = 40
# Words dropped from a description before its role words are compared.
_DESCRIPTION_STOP = frozenset({"the", "a", "an", "this", "that", "of", "and", "for", "'s", "s", "then",
                               "senior", "high", "ranking", "same"})
_TITLE_WORDS = TITLE_WORDS


# Honorifics only a person bears: one opening a proper name the tagger took for a body makes it a person's
# ("Hajiya Amina Bello" tagged ORG); offices ("Foreign", "Defence") do not.
HONORIFICS = (MALE_TITLES | FEMALE_TITLES) - {"king", "queen", "prince", "princess", "lord", "lady"}


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English nouns, verbs, adjectives and adverbs of the spaCy lemmatizer's word lists (empty without them)."""
    from ..nlp import load_model

    try:
        table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, ()))


def _english_word(tok: "Token") -> bool:
    """Is the word also an English word ("Hope", "Price", "May"; not "Ahmadzai")? Without the word lists, yes."""
    words = english_words()
    return not words or tok.lower_ in words


# Verbs of saying after which a sentence-initial surname is a mention ("Yucelen told reporters ...").
_SAYING_LEMMAS = frozenset({"say", "tell", "add", "write", "insist", "warn", "declare", "announce", "argue"})


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    subject: bool
    role: str | None = None


@dataclass
class Entity:
    """One person or organisation of the article, with every mention of it in text order."""

    kind: str  # "person" | "organisation"
    name: str
    actor: Actor | None = None
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return fold_name(self.name).split()[-1] if self.name.strip() else ""

    @property
    def full(self) -> bool:
        return len(name_words(self.name)) > 1

    def last_before(self, offset: int) -> Mention | None:
        found = [m for m in self.mentions if m.end <= offset]
        return found[-1] if found else None

    def role_near(self, offset: int) -> str | None:
        """The role the article gave this entity last before ``offset``, else its first role after."""
        before = [m.role for m in self.mentions if m.role and m.start < offset]
        if before:
            return before[-1]
        after = [m.role for m in self.mentions if m.role]
        return after[0] if after else None

    def role_keys(self) -> set[str]:
        keys = {role_key(m.role) for m in self.mentions if m.role}
        if self.actor is not None:
            keys |= {t.key for t in self.actor.tenures}
        return keys


class ArticleEntities:
    """The people and organisations of one article, and the rules that link later mentions to them."""

    def __init__(self, text: str, blocks: Sequence[Block], registry: ActorRegistry,
                 published: dt.date | None = None):
        self.text = text
        self.blocks = list(blocks)
        self.registry = registry
        self.published = published
        self.entities: list[Entity] = []
        self.sentence_starts: list[int] = []
        self.country_counts: Counter[str] = Counter()
        self._collect()
        self._guess_genders()

    # ---- 1. collection
    def _collect(self) -> None:
        for block in self.blocks:
            for sent in block.doc.sents:
                self.sentence_starts.append(block.start + sent.start_char)
        for block in self.blocks:
            for ent in block.doc.ents:
                if ent.label_ in {"GPE", "NORP"}:
                    country = self.registry.country_of(ent.text)
                    if country:
                        self.country_counts[country] += 1
        # title-case headlines last: their names are checked against the people the body names
        ordered = [b for b in self.blocks if b.zone != "headline"] + [b for b in self.blocks if b.zone == "headline"]
        covered_in: dict[int, set[int]] = {}
        for block in ordered:
            covered = covered_in.setdefault(id(block), set())
            dateline = DATELINE.match(block.doc.text)
            for ent in block.doc.ents:
                if ent.start in covered:
                    continue
                if (dateline and ent.start_char < dateline.end()) or _names_medium(ent):
                    continue  # "KINGSTOWN, St Vincent —", "the radio station Radyo Bantay", "on Telegram": no speaker
                if self.looks_like_person(ent) or self._is_known_surname(ent):
                    name = self._headline_name(cut_at_verb(repair_name(ent))) if block.zone == "headline" \
                        else cut_at_verb(repair_name(ent))
                    covered.update(range(ent.start, max(ent.end, name.end)))
                    self._add_person(block, name)
                elif ent.label_ in {"ORG", "NORP", "GPE"}:
                    self._add_org(block, ent)
            for name in _untagged_names(block.doc, covered, self.registry):
                covered.update(range(name.start, name.end))
                self._add_person(block, name)
            for tok in block.doc:  # a registry surname the tagger missed ("Zelenskyy" as a noun)
                if tok.i in covered or tok.ent_type_ or not tok.text[:1].isupper() or len(tok.text) < 3:
                    continue
                actor = self.registry.lookup_exact(tok.text)
                if actor is not None and actor.kind == "person" and self.registry.is_written_alias(tok.text, actor):
                    covered.add(tok.i)
                    self._add_person(block, block.doc[tok.i : tok.i + 1])
        self._untagged_surnames(ordered, covered_in)
        for entity in self.entities:
            entity.mentions.sort(key=lambda m: m.start)

    def _untagged_surnames(self, blocks: Sequence[Block], covered_in: dict[int, set[int]]) -> None:
        """The surname of a person the article named in full, where the tagger did not tag it ("Mehmet Ali
        Yucelen ... Yucelen, who leads the north, ..."): a capitalised body word that is the surname of exactly one
        full name and no country or capital, not in a run of capitalised words ("The Price Of Peace") nor after a
        determiner; at a sentence's start only before a comma, a possessive or a verb of saying ("Hope remains
        that ..." is no mention of Samuel Hope). Headlines, in title case, are left alone."""
        surnames: dict[str, list[Entity]] = {}
        for e in self.entities:
            if e.kind == "person" and e.full:
                surnames.setdefault(e.surname, []).append(e)
        if not surnames:
            return
        for block in blocks:
            if block.zone == "headline":
                continue
            covered = covered_in.get(id(block), set())
            doc = block.doc
            for tok in doc:
                if tok.i in covered or not tok.text[:1].isupper() or len(tok.text) < 3 \
                        or tok.ent_type_ not in {"", "PERSON"}:
                    continue
                owners = surnames.get(fold_name(tok.text), [])
                if len(owners) != 1 or (tok.is_sent_start and tok.pos_ != "PROPN"):
                    continue
                before = doc[tok.i - 1] if tok.i > 0 else None
                after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                capitalised_before = before is not None and before.text[:1].isupper() and before.is_alpha \
                    and not before.is_sent_start
                if (before is not None and before.pos_ == "DET") or capitalised_before \
                        or (after is not None and after.text[:1].isupper() and after.is_alpha):
                    continue  # "The Price Of Peace", a title-case run
                if tok.is_sent_start and _english_word(tok) and not (
                        after is not None and (after.text in {",", "'s", "’s"} or after.lemma_ in _SAYING_LEMMAS)):
                    continue  # "Hope remains that ..." (an English word) is no mention; "Ahmadzai rejected ..." is
                if self.registry.country_of(tok.text) or self.registry.lookup_exact(tok.text) is not None:
                    continue
                start = block.start + tok.idx
                if any(m.start <= start < m.end for m in owners[0].mentions):
                    continue
                self._add_person(block, block.doc[tok.i : tok.i + 1])

    def _headline_name(self, ent: "SpacySpan") -> "SpacySpan":
        """A headline name cut to its longest prefix that names a known person ("Shoigu Rules Out Talks" ->
        "Shoigu"): title case makes every word look like a name, so only words the body or the registry
        confirm are kept; an unconfirmed name is kept as the tagger gave it."""
        for n in range(len(ent), 0, -1):
            prefix = ent.doc[ent.start : ent.start + n]
            text = prefix.text
            actor = self.registry.lookup(text, fuzzy=False)
            if (actor is not None and actor.kind == "person") or self.link_person(text, len(self.text)) is not None:
                return prefix
        return ent

    def looks_like_person(self, ent: "SpacySpan") -> bool:
        """PERSON entities, and proper names the small model tags ORG/GPE that read as a person: a title
        or role right before them or in apposition ("Goran Petković, director of ..."), a known first
        name, or a registry person."""
        if ent.label_ == "PERSON":  # a capital the small model tags PERSON ("Kyiv") is not one
            # nor is one word after a determiner: "the special envoy for the Sahel"
            # (but "The Smotrich camp" is a person's, once the article has named Bezalel Smotrich)
            after_the = len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"the", "a", "an"} \
                and not self._is_known_surname(ent)
            return self.registry.country_of(ent.text) is None and not after_the
        # (a hyphen inside a name is no word of its own: "Marie-Carmel X")
        if ent.label_ not in MISTAGGED_LABELS or len(ent) < 2 or any(t.pos_ != "PROPN" and t.text != "-" for t in ent):
            return False
        actor = self.registry.lookup_exact(ent.text)
        if actor is not None:
            return actor.kind == "person"
        if self.registry.country_of(ent.text) or fold(ent[-1].text) in BODY_NAME_ENDS:
            return False  # a place, or a body's name: "a commander of the separatist Azawad Liberation Front"
        return (role_before(ent) is not None or role_in_apposition(ent) is not None
                or gender_of_first_name(ent.text) is not None or fold(ent[0].text) in HONORIFICS)

    def _is_known_surname(self, ent: "SpacySpan") -> bool:
        """A one-word ORG/GPE that is the surname of a person already met ("Merezhko" tagged ORG)."""
        words = name_words(ent.text)  # "al-Obeidi" is the surname of "Faraj al-Obeidi"; "Tripoli" never one
        return len(words) == 1 and self.registry.country_of(ent.text) is None and any(
            e.kind == "person" and e.full and e.surname == words[0] for e in self.entities)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def _add_person(self, block: Block, ent: "SpacySpan") -> None:
        tokens = list(ent)
        gender = gender_of_title(ent.doc[ent.start - 1].text) if ent.start > 0 else None
        # honorifics, offices and ranks the tagger took into the name ("Commodore X", "Spokeswoman X")
        titles: list[str] = []
        while len(tokens) > 1 and fold(tokens[0].text).rstrip(".") in _TITLE_WORDS:
            gender = gender or gender_of_title(tokens[0].text)
            titles.append(tokens.pop(0).text)
        # the end of a portfolio the tagger took into the name: "Minister of Territorial Administration Joseph X"
        portfolio = False
        while len(tokens) > 2 and fold(tokens[0].text) in PORTFOLIO_WORDS:
            tokens.pop(0)
            portfolio = True
        if portfolio:
            ent = ent.doc[tokens[0].i : ent.end]  # the role before the name runs to the end of the portfolio
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
            tokens.pop()
        if not tokens:
            return
        start = block.start + tokens[0].idx
        end = block.start + tokens[-1].idx + len(tokens[-1].text)
        before, apposed = role_before(ent), role_in_apposition(ent)
        role = before or apposed
        if before and apposed and all(fold(w).rstrip(".") in _TITLE_WORDS for w in before.split()):
            # "the alliance's top commander, General X": both, for "the commander"
            role = apposed if fold(before) in fold(apposed) else f"{apposed}, {before}"
        if titles and fold(titles[-1]).rstrip(".") in PERSON_ROLE_NOUNS:
            # an office the tagger took into the name: "Imam X", then "the imam"; "..., Rear Admiral X", "the admiral"
            written = " ".join(titles)
            role = written if not role else role if fold(written) in fold(role) else f"{role}, {written}"
        mention = Mention(start, end, self.text[start:end], self.sentence_of(start), is_subject(ent), role)
        entity = self.link_person(mention.text, mention.start, create=True)
        if entity is not None:
            entity.mentions.append(mention)
            entity.gender = entity.gender or gender

    def _add_org(self, block: Block, ent: "SpacySpan") -> None:
        actor = self.registry.lookup_exact(ent.text)
        if actor is None and self.registry.country_of(ent.text):
            return  # a place tagged ORG ("Kyiv"): governments are resolved from the mention itself
        if ent.label_ != "ORG" and (actor is None or actor.kind == "person"):
            return
        if actor is not None and actor.kind == "person":
            return
        start, end = block.start + ent.start_char, block.start + ent.end_char
        name = actor.name if actor else _strip_the(ent.text)
        mention = Mention(start, end, self.text[start:end], self.sentence_of(start), is_subject(ent))
        for entity in self.entities:
            if entity.kind == "organisation" and (
                (actor is not None and entity.actor is not None and entity.actor.id == actor.id)
                or fold_name(entity.name) == fold_name(name)
            ):
                entity.mentions.append(mention)
                return
        self.entities.append(Entity("organisation", name, actor, None, [mention]))

    # ---- 2. linking a person name
    def link_person(self, name: str, offset: int, create: bool = False) -> Entity | None:
        """The entity a person name refers to; with ``create``, a new one when none matches."""
        key = fold_name(name)
        if not key:
            return None
        words = name_words(name)
        if len(words) == 1:
            key = words[0]  # "Al-Rashid" is the surname of "Omar al-Rashid"
        actor = self._actor_for(name)
        people = [e for e in self.entities if e.kind == "person"]
        # same actor or same full name
        for e in people:
            if (actor is not None and e.actor is not None and e.actor.id == actor.id) or fold_name(e.name) == key:
                self._upgrade(e, name, actor)
                return e
        if len(words) > 1 and all(w in _NAME_PARTICLES for w in words[:-1]):
            # a surname with its particle ("ag Elmehdi", "al-Rashid" written "al Rashid"): a full name ending so
            ending = [e for e in people if e.full and fold_name(e.name).endswith(" " + " ".join(words))]
            if len(ending) == 1:
                return ending[0]
        elif len(words) == 2 and actor is None:
            # a double surname without the given name ("Joseph Ebogo Mvondo ... Ebogo Mvondo told lawmakers"): the
            # one full name of three words or more that ends with both
            ending = [e for e in people if e.full and len(fold_name(e.name).split()) >= 3
                      and fold_name(e.name).split()[-2:] == words]
            if len(ending) == 1:
                return ending[0]
        if len(words) == 1:
            same = [e for e in people if e.surname == key]
            if same:
                # the most recently mentioned bearer of the surname
                return max(same, key=lambda e: max((m.start for m in e.mentions if m.start <= offset), default=-1))
            # a given name used alone, as in Ethiopian, Eritrean or Icelandic usage ("Haile Gebre ...
            # Haile said"): only when one full name of the article starts with it
            first = [e for e in people if e.full and fold_name(e.name).split()[0] == key]
            if len(first) == 1:
                return first[0]
            # a first surname of a double one ("Mariela Ocampo Bernal ... Ocampo said"): a middle word of one
            # full name of three words or more
            middle = [e for e in people if e.full and key in fold_name(e.name).split()[1:-1]
                      and len(fold_name(e.name).split()) >= 3]
            if len(middle) == 1:
                return middle[0]
        else:
            # a full name whose surname was seen alone before ("Ushakov ... Yuri Ushakov")
            for e in people:
                if not e.full and e.surname == words[-1] and (actor is None or e.actor is None):
                    self._upgrade(e, name, actor)
                    return e
        if not create:
            # a surname mentioned only in full later in the article
            return None
        entity = Entity("person", name.strip(), actor, actor.gender if actor else gender_of_first_name(name))
        self.entities.append(entity)
        return entity

    def _upgrade(self, entity: Entity, name: str, actor: Actor | None) -> None:
        if len(fold_name(name).split()) > len(fold_name(entity.name).split()):
            entity.name = name.strip()
        if entity.actor is None and actor is not None:
            entity.actor = actor
        if entity.gender is None:
            entity.gender = (actor.gender if actor else None) or gender_of_first_name(entity.name)

    def _actor_for(self, name: str) -> Actor | None:
        """A registry person for a name; a one-word name only when the registry wrote that alias or the
        article names the actor's country (a bare surname shared by two actors never resolves)."""
        actor = self.registry.lookup(name)
        if actor is None or actor.kind != "person":
            return None
        if len(fold_name(name).split()) == 1 and not self.registry.is_written_alias(name, actor):
            if actor.affiliation not in self.country_counts:
                return None
        return actor

    def finish_surnames(self) -> None:
        """Merge surname-only entities into a full-name entity with that surname (seen later)."""
        people = [e for e in self.entities if e.kind == "person"]
        for short in [e for e in people if not e.full]:
            fulls = [e for e in people if e.full and e.surname == short.surname]
            if len(fulls) == 1:
                target = fulls[0]
                target.mentions = sorted(target.mentions + short.mentions, key=lambda m: m.start)
                target.actor = target.actor or short.actor
                target.gender = target.gender or short.gender
                self.entities.remove(short)

    # ---- 3. gender
    def _guess_genders(self) -> None:
        self.finish_surnames()
        for block in self.blocks:
            for sent in block.doc.sents:
                start = block.start + sent.start_char
                end = block.start + sent.end_char
                people = [e for e in self.entities if e.kind == "person"
                          and any(start <= m.start < end for m in e.mentions)]
                if len(people) != 1 or people[0].gender is not None:
                    continue
                words = {t.lower_ for t in sent}
                if words & MALE_PRONOUNS and not words & FEMALE_PRONOUNS:
                    people[0].gender = "m"
                elif words & FEMALE_PRONOUNS and not words & MALE_PRONOUNS:
                    people[0].gender = "f"

    def dominant_country(self) -> str | None:
        """The country the article is mostly about: named at least twice as often as any other."""
        common = self.country_counts.most_common(2)
        if not common:
            return None
        if len(common) == 1 or common[0][1] >= 2 * common[1][1]:
            return common[0][0]
        return None

    # ---- 4. resolution
    def person_at(self, start: int, end: int) -> Entity | None:
        for e in self.entities:
            if e.kind == "person" and any(m.start < end and start < m.end for m in e.mentions):
                return e
        return None

    def resolve_pronoun(self, pronoun: str, offset: int, last_speaker: Entity | None = None) -> Entity | None:
        word = fold(pronoun)
        here = self.sentence_of(offset)
        best: tuple[float, Entity] | None = None
        for e in self.entities:
            if not self._compatible(e, word):
                continue
            m = e.last_before(offset)
            if m is None or here - m.sentence > MAX_PRONOUN_DISTANCE:
                continue
            score = -float(here - m.sentence)
            if m.subject:
                score += SUBJECT_BONUS
            if last_speaker is e:
                score += LAST_SPEAKER_BONUS
            if e.gender is not None and e.kind == "person":
                score += KNOWN_GENDER_BONUS
            if best is None or score > best[0] or (score == best[0] and m.start > (best[1].last_before(offset) or m).start):
                best = (score, e)
        return best[1] if best else None

    @staticmethod
    def _compatible(e: Entity, word: str) -> bool:
        if word in MALE_PRONOUNS:
            return e.kind == "person" and e.gender != "f"
        if word in FEMALE_PRONOUNS:
            return e.kind == "person" and e.gender != "m"
        if word in PLURAL_PRONOUNS or word in NEUTER_PRONOUNS:
            return e.kind == "organisation"
        return False

    def resolve_description(self, description: str, offset: int, exclude: Entity | None = None,
                            forward: bool = True) -> Entity | None:
        """The latest earlier person whose roles contain every role word of the description
        ("the aide" -> the entity called "Russian presidential aide"); else, with ``forward``, the nearest
        later one (a lede's "the head of the army ..." before "Army chief Abdel Fattah al-Burhan"); else the
        registry's office holder. ``exclude``: a person the description cannot be ("Putin aide")."""
        country, rest = self.registry.split_country(fold(description))
        words = description_words(rest)
        if not words:
            return None
        here = self.sentence_of(offset)
        best: tuple[int, Entity] | None = None
        later: tuple[int, Entity] | None = None
        for e in self.entities:
            if e.kind != "person" or e is exclude:
                continue
            if country and e.actor is not None and e.actor.affiliation not in {country, None}:
                continue
            placed = _role_countries(e, self.registry)
            if country and placed and country not in placed:
                continue  # "Israel's prime minister" is not the article's "Lebanese Prime Minister"
            if not any(_role_matches(words, key) for key in e.role_keys()):
                continue
            m = e.last_before(offset)
            if m is not None and here - m.sentence <= MAX_DESCRIPTION_DISTANCE:
                if best is None or m.start > best[0]:
                    best = (m.start, e)
            nxt = next((m for m in e.mentions if m.start >= offset), None)
            if nxt is not None and (later is None or nxt.start < later[0]):
                later = (nxt.start, e)
        if best:
            return best[1]
        if forward and later:
            return later[1]
        # (an indefinite description, "a European diplomat", is someone the article does not name)
        indefinite = fold(description).startswith(("a ", "an "))
        head = None if indefinite else _head_only(role_key(rest).replace("'s", "").split(), exclude, self.entities,
                                                  country, self.registry)
        if head is not None:
            return head
        actor = self.registry.resolve_role(description, self.published)
        if actor is not None:
            for e in self.entities:
                if e.actor is not None and e.actor.id == actor.id:
                    return e if e is not exclude else None
            return Entity("person", actor.name, actor, actor.gender)
        return None

    def resolve_organisation(self, phrase: str, offset: int) -> Entity | None:
        """An organisation named by a short phrase ("the Foreign Ministry"): an earlier fuller mention whose
        name holds every word, else the registry with the sentence's or the article's country."""
        words = [w for w in fold(phrase).split() if w not in {"the", "a", "an", "country's", "its"}]
        if not words:
            return None
        found = None
        for e in self.entities:
            if e.kind == "organisation" and e.last_before(offset + 1) is not None:
                names = set(fold(e.name).split()) | {w for a in (e.actor.aliases if e.actor else ())
                                                     for w in fold(a).split()}
                if words in (["army"], ["military"]) and names & NON_STATE_NAME_WORDS:
                    continue  # "the army" is the state's, not the "National Liberation Army" of its enemy
                if set(words) <= names and (e.actor is not None or len(fold(e.name).split()) > len(words)):
                    found = e if found is None or e.mentions[-1].start > found.mentions[-1].start else found
        if found:
            return found
        for country in filter(None, (self._country_in_sentence(offset, before=True), self._sibling_country(words[-1], offset),
                                     self.dominant_country(), self._country_in_sentence(offset))):
            c = self.registry.country(country)
            tries = [f"{country}'s {' '.join(words)}"] + [f"{d} {' '.join(words)}" for d in (c.demonyms if c else ())]
            for t in tries:
                actor = self.registry.lookup_exact(t)
                if actor is not None and actor.kind != "person":
                    return Entity("organisation", actor.name, actor)
        return None

    def _sibling_country(self, head: str, offset: int) -> str | None:
        """The country of the latest earlier body of the same kind the article names with its country
        ("the Russian Foreign Ministry ... The Defense Ministry said": Russia's)."""
        best: tuple[int, str] | None = None
        for e in self.entities:
            if e.kind != "organisation" or e.actor is None or not e.actor.affiliation:
                continue
            if fold(e.actor.name).split()[-1:] != [head] or self.registry.country(e.actor.affiliation) is None:
                continue
            m = e.last_before(offset)
            if m is not None and (best is None or m.start > best[0]):
                best = (m.start, e.actor.affiliation)
        return best[1] if best else None

    def _country_in_sentence(self, offset: int, before: bool = False) -> str | None:
        """The first country named in the sentence at ``offset``; with ``before``, only before the offset
        ("In Kyiv, the Foreign Ministry said"), not in what the speaker said ("destroyed Ukrainian drones")."""
        here = self.sentence_of(offset)
        for block in self.blocks:
            if not block.start <= offset < block.end:
                continue
            for ent in block.doc.ents:
                if before and block.start + ent.start_char >= offset:
                    continue
                if ent.label_ in {"GPE", "NORP"} and self.sentence_of(block.start + ent.start_char) == here:
                    country = self.registry.country_of(ent.text)
                    if country:
                        return country
        return None


# Words of a description that an armed group's name in a role answers ("the rebel commander").
REBEL_WORDS = frozenset({"rebel", "rebels", "insurgent", "guerrilla", "militant"})
# Words of a group's name that mark it as fighting a state, for "the rebel commander" (not "revolutionary", which
# the Islamic Revolutionary Guard Corps has too, nor "front", a word of many parties' names).
REBEL_ROLE_MARKS = NON_STATE_NAME_WORDS - {"revolutionary", "front"} | {"liberation"}
# Heads of an armed group's name that make a "revolutionary" one a rebel group (not a "Revolutionary Guard Corps").
GROUP_HEADS = frozenset({"army", "front", "movement", "forces", "brigades"})
# Roles "the envoy" names besides an envoy's: a special or personal representative, an emissary (not a trade or
# permanent representative).
ENVOY_QUALIFIERS = frozenset({"special", "personal"})
# Role words that say only that someone works for someone else: "the aide" is also the person the article
# calls an adviser, an assistant, or the head of someone's office (written for onrecord).
AIDE_WORDS = frozenset({"aide", "adviser", "assistant", "office", "staff", "counsellor", "counselor"})
# Words that grade or hedge a description without naming an office ("a top security official").
# Last words of a ministry's portfolio, which never start a person's name ("... of Territorial Administration").
PORTFOLIO_WORDS = frozenset({"administration", "affairs", "development", "security", "reconciliation", "planning",
                             "information", "communication", "communications", "justice", "finance", "trade",
                             "energy", "education", "health", "integration", "reintegration", "cooperation",
                             "decentralisation", "decentralization", "territorial", "welfare", "relations"})
# Words of a portfolio: two roles of one head noun with different portfolios are two offices ("information
# minister", "foreign minister").
PORTFOLIOS = PORTFOLIO_WORDS | frozenset({
    "prime", "foreign", "interior", "home", "defence", "defense", "economy", "economic", "agriculture", "transport",
    "transportation", "water", "oil", "petroleum", "mines", "mining", "culture", "labour", "labor", "environment",
    "tourism", "fisheries", "industry", "housing", "infrastructure", "sport", "sports", "youth", "social",
    "treasury", "budget", "customs", "police", "intelligence", "humanitarian", "migration", "refugees", "peace",
    "unification", "reunification", "commerce", "telecommunications", "religious", "veterans", "land", "lands",
    "resources", "irrigation", "electricity", "power", "women", "family", "diaspora", "media"})
_GENERIC_DESCRIPTION = frozenset({"top", "senior", "high", "ranking", "high-ranking", "unnamed", "anonymous",
                                  "official", "officials", "current", "his", "her", "its", "their"})


# Words that put a description or a role in one camp of a civil conflict: a description of one camp is no holder
# of the other's role ("the rebel spokesman" is not "Government spokesman X").
SIDE_CAMPS = {
    "state": frozenset({"government", "army", "military", "junta", "ministry", "presidential", "state"}),
    "armed group": frozenset({"rebel", "rebels", "insurgent", "insurgents", "militia", "movement", "guerrilla",
                              "separatist", "opposition", "coalition", "front"}),
}


def _head_only(words: Sequence[str], exclude: "Entity | None", entities: Sequence["Entity"], country: str | None,
               registry: ActorRegistry) -> "Entity | None":
    """When no one's roles hold every word of a description, the one person of the article whose role has its head
    noun ("Venezuela's chief negotiator" -> the only negotiator the article names, "Urdaneta, the negotiator");
    nobody when two people share it. A former holder is none, nor a holder the role places in another country."""
    head = next((w for w in reversed(words) if w in PERSON_ROLE_NOUNS), None)
    if head is None:
        return None

    camps = {camp for camp, camp_words in SIDE_CAMPS.items() if camp_words & set(words)}
    # the portfolio that says which office of its kind it is ("information" minister, "interior" minister)
    office = set(words) & PORTFOLIOS

    def holds(key: str) -> bool:
        words_of_key = key.replace("'s", "").split()
        if head not in words_of_key or "former" in words_of_key or "ex" in words_of_key:
            return False
        other = {camp for camp, camp_words in SIDE_CAMPS.items() if camp_words & set(words_of_key)}
        if camps and other and not camps & other:
            return False  # "the rebel spokesman" is no government spokesman
        placed, _ = registry.split_country(key)
        return not (country and placed and placed != country)

    def elsewhere(e: "Entity") -> bool:  # a holder whose roles or registry entry place them in another country
        placed = _role_countries(e, registry)
        if e.actor is not None and e.actor.affiliation:
            placed.add(e.actor.affiliation)
        return bool(country and placed and country not in placed)

    def other_office(e: "Entity") -> bool:  # "Eritrea's information minister" is not "Foreign Minister X"
        own = {w for key in e.role_keys() for w in key.replace("'s", "").split()} & PORTFOLIOS
        return bool(office and own and not office & own)

    found = [e for e in entities if e.kind == "person" and e is not exclude and e.full and not elsewhere(e)
             and any(holds(key) for key in e.role_keys())]
    return found[0] if len(found) == 1 and not other_office(found[0]) else None


def _role_countries(entity: "Entity", registry: ActorRegistry) -> set[str]:
    """The countries the roles the article gives a person name ("Lebanese Prime Minister" -> {"Lebanon"})."""
    return {registry.split_country(key)[0] for key in entity.role_keys()} - {None}


def description_words(folded: str) -> list[str]:
    """The role words a description is matched on: "a top security official" -> ["security"]; a description
    of only generic words keeps its head ("the official" -> ["official"])."""
    words = [w for w in role_key(folded).replace("'s", "").split() if w not in _DESCRIPTION_STOP]
    specific = [w for w in words if w not in _GENERIC_DESCRIPTION]
    return specific or words[-1:]


def _role_matches(words: Sequence[str], key: str) -> bool:
    role = set(key.replace("'s", "").split())
    return all(w in role or _answers(w, role) for w in words)


def _answers(word: str, role: set[str]) -> bool:
    """A description word that a role answers in other words: "the aide" an adviser, "the rebel commander" the
    commander of the Tavaleka Revolutionary Army, "the envoy" a special representative."""
    if word == "aide":
        return bool(role & AIDE_WORDS)
    if word in REBEL_WORDS:
        return bool(role & REBEL_ROLE_MARKS or "revolutionary" in role and role & GROUP_HEADS)
    if word == "envoy":
        return "emissary" in role or bool("representative" in role and role & ENVOY_QUALIFIERS)
    return False


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def collective_head(words: Sequence[str]) -> str | None:
    for w in reversed(words):
        if w in COLLECTIVE_NOUNS:
            return w
    return None
