"""Speakers: a subject mention resolved to a canonical actor, with the role and side the article gives it.

``SpeakerResolver(article, blocks, registry)`` is built once per article; ``resolve(start, end)`` is called
for each statement's subject mention in text order. What a mention can be, in the order tried:

1. a pronoun ("he", "she", "they", "it"): the earlier person or body it refers to (``coref``);
2. a name, with or without title or apposition ("Russian presidential aide Yuri Ushakov", "Ushakov",
   "Sergei Shoigu, the Security Council chief"): the article's entity, completed from the registry;
3. a registry name of a body or person ("Hamas", "the Kremlin", "the Pentagon");
4. a government by its country, capital or collective ("Moscow", "authorities in Kyiv", "Ukrainian
   officials") -> "Government of Ukraine"; an unnamed member ("a senior Hamas official") ->
   "Hamas (unnamed senior official)", the gold convention (``bodies``);
5. a description ("the aide", "the Kremlin leader", "the former defence minister"): the earlier person
   with those role words, else the registry's office holder on the publication date;
6. a short organisation name ("the Foreign Ministry"): an earlier fuller mention, else the registry
   with the country of the sentence or of the article, else a body the mention names (``bodies``).
Anything else keeps its mention with ``name=None``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Sequence

from ..actors.names import TITLE_WORDS, fold, fold_name, without_possessive
from ..actors.registry import Actor, ActorRegistry, default_registry
from ..actors.run_names import RunNames
from ..actors.roles import (ANONYMOUS_NOUNS, COLLECTIVE_NOUNS, PERSON_ROLE_NOUNS, ROLE_IDIOMS, SEAT_NOUNS,
                            role_key)
from ..nlp import Block
from ..records import Article, Speaker
from .acronyms import acronym_table, expand_body
from .bodies import (BODY_DESCRIPTORS, DOCUMENT_DISTANCE, LOWER_IN_NAMES, NON_STATE_WORDS, PLACE_PREPS,
                     BodySpeakers, content_words, strip_determiner)
from .coref import (FIRST_PERSON, NEUTER_PRONOUNS, PLURAL_PRONOUNS, SPEAKER_PRONOUNS, ArticleEntities, Entity,
                    collective_head)
from .name_spans import NAME_PARTICLES, has_role_word
from .reported import DATELINE

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

# A description naming the name its holder goes by: "who goes by the nom de guerre 'X'", "who is known as X" (a
# relative clause on the person: "the militia known as the Rapid Support Forces" names the militia, not them).
ALIAS_NAME = re.compile(
    r",?\s*\b(?:who|that)\s+(?:goes by|is known as|calls (?:him|her)self)\s+(?:the\s+)?"
    r"(?:(?:nom de guerre|name|alias|moniker)\s+)?[\"“‘'«]?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})")
# An armed group or party named in a role by an acronym ("RLF", "ABC/XYZ") or a plural possessive ("the
# Rangers’"): the side is the group (an alliance "ABC/XYZ" by its last member, as it is usually called).
GROUP_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*(?:/[A-Z][A-Z0-9]*)*[0-9A-Z])\b")
GROUP_POSSESSIVE = re.compile(r"\b[Tt]he ([A-Z][a-z]+s)[’']\s")
# Acronyms in roles that are not groups.
NOT_GROUPS = frozenset({"UN", "US", "EU", "AU", "UK", "TV", "CEO", "MP", "ID", "PM", "VP", "MFA", "NGO", "OSCE",
                        "NATO", "USA", "UAE", "ICC", "ICJ", "IAEA"})
# Offices of a state that name no country ("Foreign Minister", "government spokesman", "army chief").
STATE_OFFICES = frozenset({"minister", "ministry", "government", "president", "presidential", "army", "military",
                           "premier", "cabinet", "defence", "defense", "foreign", "interior", "commissioner"})
# Entity labels that may name a country or its capital (the small model tags a capital ORG at times).
CONTEXT_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
# A country after these is where something happens, not whose official speaks.
# A portfolio or posting in a role: "for"/"to"/"on" and the capitalised words after it ("envoy for Syria").
PORTFOLIO = re.compile(r"\b(?:for|to|on)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+")
# A place after "in"/"at" in a role is where the official is ("head of the delegation in Doha", "ambassador in
# Kyiv"), not whose; after a seat noun it is the seat ("the government in Kinshasa").
LOCATION = re.compile(r"([\w’'-]+)\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+")
_PLAUSIBLE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Relative pronouns are never a speaker by themselves (the parse gives their antecedent; "who" is not WHO).
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Nouns for a document that "says" what its author said: "“No deal,” the statement said."
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "readout", "letter", "message", "post",
                            "declaration", "release"})
# Heads of a body's name used alone for it once named in full ("the Front", "the Movement").
SHORT_BODY_NAMES = frozenset({"front", "movement", "alliance", "coalition", "council", "party", "union"})
# Nouns of what someone said that stand for the sayer after a possessive ("the aide's comments suggested ...").
WORDS_SAID = frozenset({"comments", "remarks", "words", "statement", "statements", "message", "letter", "post"})
# Words that make a description another body than the one just named ("the rival armed group").
CONTRAST_WORDS = frozenset({"rival", "other", "opposition", "another", "breakaway", "second", "new", "smaller",
                            "larger", "splinter", "allied", "different"})
# A role owned by a body named just before ("Its spokesman", "their deputy commander", "the group's spokesman").
OWNED_ROLE = re.compile(r"(?i)^(?:its|their|(?:the )?(?:group|movement|alliance|coalition|militia|front|"
                        r"organi[sz]ation|rebels|faction|party|parliament|council)['’]s?)\s")
# A past office in a role, to the next comma ("a former Danish diplomat", "ex-minister of X").
PAST_OFFICE = re.compile(r"\b(?:former|ex-|onetime|one-time|erstwhile)\b[^,]*", re.IGNORECASE)
# A role owned by a place the registry does not know ("Velmora's prime minister", "Jubaland's security minister").
OWNER_PLACE = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+(.+)$")
# Offices only a state (or a place run like one) has: their owner is a place ("Velmora's prime minister").
PLACE_OFFICES = (STATE_OFFICES - {"president", "presidential", "commissioner"}) | {"delegation", "ambassador",
                                                                                  "administration", "authorities"}
# Offices companies and NGOs have too: their owner is a place only with other evidence in the article.
SHARED_OFFICES = frozenset({"negotiator", "envoy", "spokesman", "spokeswoman", "spokesperson", "leader", "president",
                            "presidential", "commissioner"})
# Marks that set off an apposition or relative clause after a mention's name ("Umerov, who heads ...").
_APPOSITION_MARKS = frozenset({",", "—", "–", "--", "("})
_DASHES = frozenset({"—", "–", "--", "-"})
_EDGE_CHARS = " ,;:.—–-()\"'“”‘’«»‹›„"
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
_POSSESSIVES = ("'s", "’s")


# Words of a military rank before a name, which say nothing of whose office it is ("Colonel", "Lieutenant
# General"): an apposition after the name that names an office gives the role instead.
RANK_WORDS = frozenset({"colonel", "col", "general", "gen", "lieutenant", "lt", "major", "maj", "brigadier", "brig",
                        "captain", "capt", "commodore", "admiral", "field", "marshal", "sergeant", "sgt", "corporal",
                        "cpl", "vice", "rear", "senior", "sheikh"})
# An apposition that opens with a verb of leading is an office too ("heads the Thai dialogue panel").
_LEADS = re.compile(r"(?:heads|headed|leads|led|commands|commanded|chairs|chaired|runs)\b")
_RELATIVE = re.compile(r",?\s+(?:who|which|whose|whom)\b")
NOT_AN_OFFICE = re.compile(r"(?:\d|now\b|then\b|in\b|at\b|on\b|speaking\b|himself\b|herself\b|former\b|retired\b)",
                           re.IGNORECASE)


def _office(written: str | None, tail: str | None) -> str | None:
    """The apposition as the role when only a military rank stands before the name ("Colonel X, a spokesman
    for the Royal Thai Army, wrote": "spokesman for the Royal Thai Army"), cut before a relative clause; else
    None. (The side is still read as before, from the rank's words: the words around an apposition are no
    evidence of whose office it is.)"""
    words = [w.strip(".,").lower() for w in (written or "").split()]
    if not tail or not words or not all(w in RANK_WORDS for w in words):
        return None
    office = strip_determiner(_RELATIVE.split(tail, maxsplit=1)[0].strip(" ,"))
    # an office ("a spokesman for ...", "commander of ..."), not an age, a place or a state ("52", "now retired",
    # "speaking by phone from Surin", "in Bangkok for the talks")
    if not office or NOT_AN_OFFICE.match(office):
        return None
    return office if has_role_word(office) or _LEADS.match(office) else None


def group_in_role(role: str) -> str | None:
    """The armed group or party a role names by an acronym or a plural possessive, if any."""
    for m in GROUP_ACRONYM.finditer(role):
        name = m.group(1).split("/")[-1]
        if name not in NOT_GROUPS and len(name) >= 2:
            return name
    m = GROUP_POSSESSIVE.search(role + " ")
    return m.group(1) if m else None


def is_state_office(role: str) -> bool:
    return any(w.strip(",.").lower() in STATE_OFFICES for w in role.split())


def _head_of(span: "SpacySpan") -> "Token":
    """The mention's head: of the tokens attached outside the span, the subject or object one (a dateline
    "WASHINGTON --" hangs off the verb too), else spaCy's root."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for t in outside:
        if t.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "agent", "appos"}:
            return t
    return span.root


def _names_someone(rest: "SpacySpan") -> bool:
    """Is the phrase after a mention's comma a name ("the real Dred Scott, Chief Justice Roberts";
    "Russia's defence minister, Andrei Belousov") rather than a role or relative clause to cut off?"""
    words = [t for t in rest if not (t.is_punct or t.is_space)]
    if not words:
        return False
    root = rest.root
    return root.ent_type_ == "PERSON" or (root.pos_ == "PROPN" and words[0].lower_ not in RELATIVE_PRONOUNS
                                          and root.lower_ not in PERSON_ROLE_NOUNS and words[0].pos_ != "DET")


def _qualifies_role(ent: "SpacySpan", span: "SpacySpan") -> bool:
    """Does a name inside a mention only qualify a role noun after it ("Putin Aide", "Zelensky's spokesman",
    "Putin’s chief of staff")? The speaker is then the role's holder, not the name's bearer."""
    doc = ent.doc
    i = ent.end
    if i < span.end and doc[i].tag_ == "POS":
        i += 1
    elif ent[-1].tag_ != "POS" and not (i < span.end and doc[i].lower_ in PERSON_ROLE_NOUNS):
        return False
    while i < span.end and doc[i].pos_ in {"ADJ", "NOUN", "PROPN"} and doc[i].ent_type_ != "PERSON":
        if doc[i].lower_ in PERSON_ROLE_NOUNS:
            return True
        i += 1
    return False


def is_plausible_speaker(span: "SpacySpan", registry: ActorRegistry | None = None) -> bool:
    """Whether a parsed token span can name a speaker: a person, organisation or country, a personal
    pronoun, a role or collective noun ("the aide", "officials"), or a registry name."""
    registry = registry or default_registry()
    words = [t.lower_ for t in span if not t.is_punct]
    if not words:
        return False
    if len(words) == 1 and (words[0] in SPEAKER_PRONOUNS or words[0] in FIRST_PERSON):
        return True
    if any(t.ent_type_ in _PLAUSIBLE_LABELS for t in span):
        return True
    head = span.root.lower_
    if head in PERSON_ROLE_NOUNS or head in COLLECTIVE_NOUNS or head in ANONYMOUS_NOUNS:
        return True
    text = span.text
    return registry.lookup_exact(text) is not None or registry.country_of(text) is not None or (
        role_key(text) in ROLE_IDIOMS)


class SpeakerResolver(BodySpeakers):
    """Resolves speaker mentions of one article to canonical actors.

    Built once per article from its parsed blocks; ``resolve`` is then called for each statement's
    subject mention, in text order. ``registry`` defaults to the shared seed registry; pass
    ``default_registry().copy()`` (kept across articles) to let ``learn_names`` add the officials
    an article names in full.
    """

    def __init__(self, article: Article, blocks: Sequence[Block], registry: ActorRegistry | None = None,
                 run_names: RunNames | None = None):
        self.article = article
        self.blocks = blocks
        self.registry = registry or default_registry()
        self.run_names = run_names
        self.entities = ArticleEntities(article.text, blocks, self.registry, article.published)
        self._last: Entity | None = None
        self._last_sentence = -1
        self._last_body: tuple[Speaker, int] | None = None
        self.acronyms = acronym_table(article.text)

    # ---- public
    def resolve(self, start: int, end: int) -> Speaker:
        """:meth:`_resolve`, with a body's acronyms written out as the article spells them ("The SDF" ->
        "Syrian Democratic Forces", "The KPA (Korean People's Army) General Staff" -> "Korean People's Army
        General Staff"; ``acronyms.py``)."""
        speaker = self._resolve(start, end)
        if not self.acronyms and "(" not in (speaker.mention or ""):
            return speaker
        if speaker.name and speaker.actor_id is None:
            name = expand_body(speaker.name, self.acronyms, brackets="(" in (speaker.mention or ""))
        elif speaker.name is None and speaker.mention and "(" in speaker.mention:
            name = expand_body(speaker.mention, self.acronyms)
            if not all(w[:1].isupper() or w in LOWER_IN_NAMES for w in name.split()):
                return speaker  # "the commander of the ... (SDF)" describes a person
        else:
            return speaker
        return speaker if name == speaker.name or not name else dataclasses.replace(speaker, name=name)

    def _resolve(self, start: int, end: int) -> Speaker:
        """The speaker named by ``article.text[start:end]`` ("he", "the aide", "Sergei Shoigu, the ...").

        The returned mention is the span trimmed of surrounding spaces, a possessive "'s" and a reflexive
        ("The Kremlin leader himself"), and cut before an apposition or relative clause ("Rustem Umerov, who
        heads ..."): the words after the cut become the role when the mention gives none of its own.
        """
        start, end, tail = self._trim(start, end)
        mention = self.article.text[start:end]
        base = Speaker(mention=mention, start=start, end=end)
        words = content_words(mention)
        if not words:
            return base
        # 1. pronouns
        if len(words) == 1 and words[0] in SPEAKER_PRONOUNS:
            body_word = words[0] in NEUTER_PRONOUNS or words[0] in PLURAL_PRONOUNS
            # "The Office for Kosovo gave a different account. It said ...": the body the sentence before is about
            body = self._subject_before(start) if body_word else None
            if body is not None:
                return dataclasses.replace(body, mention=base.mention, start=base.start, end=base.end)
            entity = self.entities.resolve_pronoun(words[0], start, self._last)
            if entity:
                return self._from_entity(base, entity, start)
            body = self._body_before(start) if body_word else None  # "The ministry said ... It added that ..."
            if body is not None:
                return dataclasses.replace(body, mention=base.mention, start=base.start, end=base.end)
            return base
        if len(words) == 1 and words[0] in RELATIVE_PRONOUNS:
            return self._relative(base)
        if len(words) == 1 and words[0] in FIRST_PERSON:
            return base
        # 1b. "the statement said": the author of the statement just reported
        if len(words) == 1 and words[0] in DOCUMENT_NOUNS and self._last is not None and \
                self.entities.sentence_of(start) - self._last_sentence <= DOCUMENT_DISTANCE:
            return self._from_entity(base, self._last, start)
        span = self._span(start, end)
        # 1c. a body named after its description ("Ukraine's grid operator Ukrenergo"): the tagger often takes
        # the name for a person's
        body = self._named_after_description(base, span, tail)
        if body is not None:
            return self._body(body, start)
        # 2. a person's name
        person = self._person_in(span, start, end, tail)
        if person is not None:
            return person
        # 3. a registry body or person named in full (a lower-case word never matches an acronym: "who")
        stripped = strip_determiner(mention)
        actor = self.registry.lookup_exact(stripped) if (len(words) > 1 or stripped[:1].isupper()) else None
        if actor is not None:
            found = self._from_actor(base, actor, role=tail, start=start)
            return self._body(found, start) if actor.kind != "person" else found
        # 4. governments and unnamed members of a side
        side = self._side(base, mention)
        if side is not None:
            return self._body(side, start) if "unnamed" not in (side.name or "") else side
        # 5. descriptions
        head = words[-1]
        if head in PERSON_ROLE_NOUNS or role_key(mention) in ROLE_IDIOMS or has_role_word(mention):
            entity = self._description(stripped, start)
            if entity is not None:
                return self._from_entity(base, entity, start, written_role=stripped)
        # 6. organisations: a short name ("the Foreign Ministry"), a country's body, a named organisation
        if collective_head(words) is not None or (len(words) == 1 and head in SHORT_BODY_NAMES):
            # "the Foreign Ministry", "the Front": an earlier fuller mention of the body
            entity = self.entities.resolve_organisation(mention, start)
            if entity is not None:
                return self._from_entity(base, entity, start)
        organisation = self._organisation(base, span, tail)
        if organisation is not None:
            return self._body(organisation, start)
        # 6b. a definite description of a body ("the paramilitary group", "the movement"): the body the sentence
        # before is about, else the body that spoke last
        if head in BODY_DESCRIPTORS | {"movement", "militia", "party"} and mention.lower().startswith("the ") \
                and len(words) <= 2 and not set(words) & CONTRAST_WORDS:
            body = self._subject_before(start) or self._body_before(start)
            if body is not None:
                return dataclasses.replace(body, mention=base.mention, start=base.start, end=base.end)
        # 6c. "The aide's comments", "the minister's remarks": the words stand for their possessor
        if head in WORDS_SAID and span is not None:
            owner = next((t for t in span if t.dep_ == "poss" and t.head.lower_ == head), None)
            if owner is not None:
                block = self._block_start(start)
                found = self._resolve(block + owner.left_edge.idx, block + owner.idx + len(owner.text))
                if found.name or found.role:
                    return dataclasses.replace(found, mention=base.mention, start=base.start, end=base.end)
        # 7. unnamed groups ("officials", "aid agencies")
        unnamed = self._unnamed_group(base, span)
        if unnamed is not None:
            return unnamed
        if head in PERSON_ROLE_NOUNS or head in ANONYMOUS_NOUNS or has_role_word(stripped):
            alias = ALIAS_NAME.search(stripped)
            if alias is not None:
                # "a rebel commander who goes by the nom de guerre 'Field Marshal X'": the name he goes by
                role = stripped[: alias.start()].strip(" ,")
                return Speaker(name=alias.group(1).strip(), mention=mention, start=start, end=end, role=role,
                               affiliation=self._affiliation(None, role, start))
            # an office the article does not name the holder of ("Mali's minister for national reconciliation"):
            # no name, but the role and the side it names
            return Speaker(mention=mention, start=start, end=end, role=stripped,
                           affiliation=self._affiliation(None, stripped, start))
        return Speaker(mention=mention, start=start, end=end, role=tail)

    def is_plausible(self, start: int, end: int) -> bool:
        """``is_plausible_speaker`` for an article span (False when it lies outside the parsed blocks)."""
        span = self._span(start, end)
        return span is not None and is_plausible_speaker(span, self.registry)

    def add_name(self, full_name: str, role: str | None = None, affiliation: str | None = None) -> Actor:
        """Teach the registry a full name (raises ``RegistryError`` on the shared read-only default)."""
        return self.registry.learn(full_name, role, affiliation)

    def learn_names(self) -> list[Actor]:
        """Add every person this article names in full with a role to the (mutable) registry."""
        learned = []
        for e in self.entities.entities:
            if e.kind == "person" and e.full and e.actor is None:
                role = e.role_near(len(self.article.text))
                if role:
                    country, _ = self.registry.split_country(fold(role))
                    learned.append(self.registry.learn(e.name, role, country))
        return learned

    # ---- helpers
    def _span(self, start: int, end: int) -> "SpacySpan | None":
        for block in self.blocks:
            if block.start <= start < block.end:
                return block.doc.char_span(start - block.start, min(end, block.end) - block.start,
                                           alignment_mode="expand")
        return None

    def _block_start(self, offset: int) -> int:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block.start
        return 0

    def _remember(self, entity: Entity | None, start: int) -> None:
        self._last = entity
        self._last_sentence = self.entities.sentence_of(start)

    def _from_entity(self, base: Speaker, entity: Entity, start: int, written_role: str | None = None) -> Speaker:
        self._remember(entity, start)
        actor = entity.actor
        role = entity.role_near(start)
        if written_role and not (role and set(role_key(written_role).split()) <= set(role_key(role).split())):
            role = written_role  # this mention's own words, unless an earlier role says more ("the aide")
        if actor is None and entity.kind == "person" and not entity.full:
            full = self._complete(entity.name)
            if full is not None:
                known = self.registry.lookup_exact(full)
                actor = known if known is not None and known.kind == "person" else None
                if actor is None:
                    return Speaker(name=full, mention=base.mention, start=base.start, end=base.end, role=role,
                                   affiliation=self._affiliation(None, role))
        if actor is not None:
            name, actor_id = actor.name, actor.id
        else:
            name = entity.name if (entity.full or entity.kind == "organisation") else None
            actor_id = None
        # the country around the entity's first mention, where its role is usually written
        first = entity.mentions[0].start if entity.mentions else start
        return Speaker(name=name, actor_id=actor_id, mention=base.mention, start=base.start, end=base.end,
                       role=role, affiliation=self._affiliation(actor, role, first))

    def _from_actor(self, base: Speaker, actor: Actor, role: str | None, start: int) -> Speaker:
        entity = None
        for e in self.entities.entities:
            if e.actor is not None and e.actor.id == actor.id:
                entity = e
        if entity is not None:
            return self._from_entity(base, entity, start, written_role=role)
        self._remember(Entity("person" if actor.kind == "person" else "organisation", actor.name, actor,
                              actor.gender), start)
        return Speaker(name=actor.name, actor_id=actor.id, mention=base.mention, start=base.start,
                       end=base.end, role=role, affiliation=self._affiliation(actor, role))

    def _relative(self, base: Speaker) -> Speaker:
        """ "Badr Abdelatty, who said ...": the relative pronoun keeps its mention (annotators mark it as the
        source) and takes the name, role and side of its antecedent, the noun phrase the clause modifies."""
        span = self._span(base.start or 0, base.end or 0)
        if span is None or span.root.head.dep_ != "relcl":
            return base
        noun = span.root.head.head
        clause = span.root.head
        tokens = [t for t in noun.subtree if not (clause.left_edge.i <= t.i <= clause.right_edge.i)]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        if not tokens or tokens[-1].i < tokens[0].i:
            return base
        block_start = self._block_start(base.start or 0)
        first, last = tokens[0], tokens[-1]
        found = self.resolve(block_start + first.idx, block_start + last.idx + len(last.text))
        return Speaker(found.name, found.actor_id, base.mention, base.start, base.end, found.role,
                       found.affiliation)

    def _complete(self, surname: str) -> str | None:
        """The full name the run's other articles give a surname ("Berg" -> "Anna Berg"), if one person's."""
        return self.run_names.complete(surname) if self.run_names is not None else None

    def _trim(self, start: int, end: int) -> tuple[int, int, str | None]:
        """The mention span without surrounding spaces (NBSP too) and punctuation, a possessive "'s" or a
        reflexive, cut before an apposition; the apposition's words (without "who") are returned apart."""
        text = self.article.text
        dateline = DATELINE.match(text, start, end)
        if dateline:  # "SEOUL, Nov 12 (Meridian) - South Korea's defense ministry"
            start = dateline.end()
        while start < end and (text[start].isspace() or text[start] in _EDGE_CHARS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_CHARS):
            end -= 1
        tail = None
        span = self._span(start, end)
        if span is not None:
            block_start = self._block_start(start)
            root = _head_of(span)
            # a dateline or lead-in before the head's own phrase: "WASHINGTON -- President Obama"
            # (a hyphen inside a name, "Kang Min-soo", is no dash: a dash stands apart from its neighbours)
            marks_before = [t for t in span if t.i < root.i and t.text in _DASHES
                            and (t.text != "-" or (t.i > 0 and t.doc[t.i - 1].whitespace_) or t.whitespace_)]
            if marks_before and not any(t.ent_type_ == "PERSON" for t in span[: marks_before[-1].i - span.start]):
                start = block_start + marks_before[-1].idx + len(marks_before[-1].text)
                while start < end and (text[start].isspace() or text[start] in _EDGE_CHARS):
                    start += 1
            for tok in span:
                if tok.i <= root.i or tok.text not in _APPOSITION_MARKS:
                    continue
                cut = block_start + tok.idx
                after = text[cut + len(tok.text) : end].strip(_EDGE_CHARS + " ")
                rest = span[tok.i - span.start + 1 :]
                if after and not _names_someone(rest):
                    first, _, more = after.partition(" ")
                    tail = (more if first.lower() in RELATIVE_PRONOUNS and more else after) or None
                    end = cut
                break
        for _ in range(2):
            while end > start and text[end - 1].isspace():
                end -= 1
            mention = text[start:end]
            if mention.endswith(_POSSESSIVES) and end - 2 > start:
                end -= 2
            last = mention.split()[-1].lower() if mention.split() else ""
            if last in _REFLEXIVES and end - len(last) > start:
                end -= len(last)
        while end > start and (text[end - 1].isspace() or text[end - 1] in ","):
            end -= 1
        return start, end, tail

    def _description(self, description: str, start: int, exclude: Entity | None = None) -> Entity | None:
        return self.entities.resolve_description(description, start, exclude=exclude)

    def _affiliation(self, actor: Actor | None, role: str | None, start: int | None = None) -> str | None:
        """The side a speaker stands for: the registry's, else a country in the role, else a known actor the
        role names ("adviser to President Emmanuel Macron"), else a group the role names by an acronym or a
        plural possessive ("RLF spokesman", "the Rangers’ political bureau"). An office of state with no
        country ("the Foreign Minister"), given the mention's offset, takes the country named just before it
        in its paragraph (never the country an article names most: that is often the mediator's)."""
        if actor is not None and actor.affiliation:
            return actor.affiliation
        if not role:
            return None
        # a place after "for"/"to"/"on" is a portfolio or posting ("Office for Refugees", "ambassador to
        # Russia"), not the side the official speaks for
        own = PORTFOLIO.sub(self._keep_demonym, role)
        own = PAST_OFFICE.sub("", own)  # "EU envoy, former Danish diplomat": a past office places no one
        own = LOCATION.sub(lambda m: m.group(0) if m.group(1).lower() in SEAT_NOUNS else m.group(1) + " ", own)
        if NON_STATE_WORDS & set(fold(own).replace("’", "'").replace("'s", "").split()):
            # "Chad's northern rebel movement", "a Sudanese rebel commander": the country is where the group fights,
            # not the side it stands for
            return self._named_actor_side(role) or group_in_role(own)
        country, _ = self.registry.split_country(fold(own))
        if country:
            return country
        for word in fold(own).split():
            country = self.registry.country_of(without_possessive(word))
            if country:
                return country
        found = self._named_actor_side(role) or group_in_role(own)
        if found is None and start is not None and is_state_office(own):
            found = self._context_country(start)
        if found is None and start is not None and OWNED_ROLE.match(role.strip()):
            found = self._owner_body(start)  # "Its spokesman", "the group's spokesman": the body just named
        return found or self._owner_place(role, start)

    def _owner_place(self, role: str, start: int | None) -> str | None:
        """A place the registry does not know that owns an office ("Velmora's prime minister", "Jubaland's security
        minister"): the side the official speaks for, as the article names it. An office companies and NGOs have too
        ("Gazprom's spokesman", "Harvard's president") needs the article to place the owner ("Velmora's forces",
        "Jubaland forces", a place tag). Never a body the registry knows, a person the article names or the tagger
        tags as one, nor an owner named once (a possessor named once is as often a person)."""
        m = OWNER_PLACE.match(role.strip())
        if m is None:
            return None
        owner, office = m.group(1), m.group(2)
        words = {w.strip(",.").lower() for w in office.split()[:4]}
        if not words & (PLACE_OFFICES | SHARED_OFFICES):
            return None
        if self.registry.lookup(owner, fuzzy=False) is not None or fold(owner) in TITLE_WORDS:
            return None
        # a name written before a common noun after a determiner is a place's, not a person's ("the Daryastan
        # delegation", "no Daryastan official"), whatever the tagger made of it elsewhere
        attributive = re.search(rf"\b(?:[Tt]he|[Aa]n?|[Nn]o|[Aa]ny)\s+{re.escape(owner)}\s+[a-z]", self.article.text)
        person = self.entities.link_person(owner, start or 0)
        if person is not None and (not attributive or len(person.name.split()) > 1):
            return None  # ("the Dbeibah government" is a person's: the article names Abdul Hamid Dbeibah)
        tags = {e.label_ for block in self.blocks for e in block.doc.ents if without_possessive(e.text) == owner}
        if ("PERSON" in tags and not attributive) or len(re.findall(rf"\b{re.escape(owner)}\b", self.article.text)) < 2:
            return None
        if not words & PLACE_OFFICES and not ((tags & {"GPE", "LOC", "NORP"} and "ORG" not in tags) or re.search(
                rf"\b{re.escape(owner)}(?:['’]s)?\s+(?:forces|government|region|troops|army|territory)\b",
                self.article.text)):
            return None  # ("paid billions to Gazprom", "investors in Starlink" place nothing)
        return owner

    def _context_country(self, start: int) -> str | None:
        """The country named before the mention in its sentence, else in the sentence before it, within the
        paragraph ("Ankara's line is unchanged. ... Foreign Minister X said"); not a country that is the object
        of a verb or of a preposition other than "of" (a place, or the other party: "talks with India")."""
        entities = self.entities
        k = entities.sentence_of(start)
        begin = entities.sentence_starts[k] if entities.sentence_starts else 0
        if k > 0 and "\n" not in self.article.text[entities.sentence_starts[k - 1] : start]:
            begin = entities.sentence_starts[k - 1]
        for block in self.blocks:
            if not block.start <= start < block.end:
                continue
            for ent in reversed(block.doc.ents):  # the nearest first
                at = block.start + ent.start_char
                # "presence in Qatar", "no back-channel with India", "accused Delhi": a place or another party
                elsewhere = (ent.root.dep_ == "pobj" and ent.root.head.lower_ != "of") or ent.root.dep_ == "dobj"
                if begin <= at < start and ent.label_ in CONTEXT_LABELS and not elsewhere:
                    country = self.registry.country_of(without_possessive(ent.text))
                    if country:
                        return country
        return None

    def _keep_demonym(self, match: "re.Match[str]") -> str:
        """A portfolio phrase is dropped, unless its first word is a demonym ("adviser to the Ukrainian
        President" keeps its side) or a country's possessive before the office ("aide to Azerbaijan's president")."""
        words = match.group(0).split()
        first = next((w for w in words[1:] if w.lower() != "the"), "")
        if self.registry.country_of(first) and not self.registry.names_country(first):
            return match.group(0)
        # "a senior aide to Azerbaijan's president": the country owns the office served, so it is the side
        owner = without_possessive(first)
        if owner != first and self.registry.country_of(owner):
            return match.group(0)
        return ""

    def _named_actor_side(self, role: str) -> str | None:
        """The affiliation of a registry actor named in the role ("adviser to President Emmanuel Macron")."""
        words = role.replace("’", "'").split()
        for n in range(min(5, len(words)), 1, -1):
            for i in range(len(words) - n + 1):
                actor = self.registry.lookup_exact(without_possessive(" ".join(words[i : i + n])))
                if actor is not None and actor.affiliation:
                    return actor.affiliation
        return None

    def _person_in(self, span: "SpacySpan | None", start: int, end: int, tail: str | None = None) -> Speaker | None:
        """A mention containing a person's name: the name resolved, the rest of the mention is the role.

        A name that only qualifies a role noun ("Putin Aide", "Zelensky's spokesman") is not the speaker:
        the mention is then a description of someone else, resolved to the article's person with that role
        (never the possessor), else left without a name.
        """
        mention = self.article.text[start:end]
        base = Speaker(mention=mention, start=start, end=end)
        name_start = name_end = None
        if span is not None:
            block_start = self._block_start(start)
            people = [e for e in span.ents if self.entities.looks_like_person(e)]
            speakers = [e for e in people if not _qualifies_role(e, span)]
            if people and not speakers:
                return self._possessor_description(base, span, people[-1], block_start, tail)
            if speakers:
                ent = max(speakers, key=lambda e: (len(e), e.start))
                tokens = [t for t in ent if t.tag_ != "POS" and not t.is_punct]
                while len(tokens) > 1 and fold(tokens[0].text).rstrip(".") in TITLE_WORDS:
                    tokens.pop(0)  # "Spokeswoman Ayesha Qureshi", "Commodore Arnel Bautista"
                if tokens:
                    name_start = max(start, block_start + tokens[0].idx)
                    name_end = min(end, block_start + tokens[-1].idx + len(tokens[-1].text))
        if name_start is None:
            # a person's mention the article's entities hold (a surname the tagger took for a body: "al-Obeidi")
            known_at = self.entities.person_at(start, end)
            inside = [m for m in known_at.mentions if start <= m.start and m.end <= end
                      and not self.article.text[m.end:end].strip(" ,")  # the name ends the mention
                      and fold(known_at.name.split()[0]) not in PLACE_PREPS | {"on", "by", "for", "with"}] \
                if known_at else []
            if inside:
                name_start, name_end = inside[0].start, inside[0].end
        if name_start is None:
            # no PERSON entity: the last capitalised words, if the registry knows them as a person
            words = mention.split()
            titled = False
            while len(words) > 1 and fold(words[0]).rstrip(".") in TITLE_WORDS:
                words, titled = words[1:], True  # "Spokeswoman Ayesha Qureshi" tagged as something else
            if titled and 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
                name_end = start + len(mention.rstrip(" ,"))
                name_start = name_end - len(" ".join(words))  # a title before capitalised words: a person
            for n in range(min(4, len(words)), 0, -1) if name_start is None else ():
                tail_words = " ".join(words[-n:]).strip(" ,")
                if not tail_words[:1].isupper() and not (n > 1 and words[-n].lower() in NAME_PARTICLES):
                    continue  # ("ag Elmehdi": a surname with its particle)
                actor = self.registry.lookup(tail_words, fuzzy=False)
                known = self.entities.link_person(tail_words, start) if len(words) == n else None
                if known is not None or (actor is not None and actor.kind == "person"):
                    name_end = start + mention.rstrip(" ,").__len__()
                    name_start = name_end - len(tail_words)
                    break
            if name_start is None:
                return None
        name = self.article.text[name_start:name_end]
        before = self.article.text[start:name_start].strip(" ,")
        after = self.article.text[name_end:end].strip(" ,")
        written = " ".join(x for x in (strip_determiner(before), strip_determiner(after)) if x) or None
        if written and fold(written).endswith("'s"):
            written = None
        office = _office(written, tail)
        entity = self.entities.person_at(name_start, name_end) or self.entities.link_person(name, start)
        if entity is None:
            written = written or tail
            actor = self.entities._actor_for(name)
            if actor is not None:
                return self._from_actor(base, actor, written, start)
            full = len(fold_name(name).split()) > 1
            if full:  # remembered, so that a later surname alone finds this person ("Petković said")
                self.entities.link_person(name, start, create=True)
            return Speaker(name=self._complete(name) if not full else name, mention=mention, start=start,
                           end=end, role=office or written, affiliation=self._affiliation(None, written, start))
        speaker = self._from_entity(base, entity, start)
        written = written or (tail if speaker.role is None else None)
        if written:
            speaker = Speaker(speaker.name, speaker.actor_id, speaker.mention, speaker.start, speaker.end,
                              office or written, speaker.affiliation or self._affiliation(None, written, start))
        return speaker

    def _possessor_description(self, base: Speaker, span: "SpacySpan", owner: "SpacySpan", block_start: int,
                               tail: str | None) -> Speaker | None:
        """ "Putin Aide" / "Zelensky's chief of staff": the person with that role, never the possessor."""
        start = base.start or 0
        role_from = block_start + owner.end_char
        description = self.article.text[role_from : base.end].strip()
        for suffix in _POSSESSIVES:
            if description.startswith(suffix):
                description = description[len(suffix):].strip()
        if not description:
            return None
        owner_entity = self.entities.person_at(block_start + owner.start_char, role_from) or \
            self.entities.link_person(owner.text, start)
        entity = self._description(description, start, exclude=owner_entity)
        written = strip_determiner(base.mention or "")
        if entity is not None and entity.kind == "person":
            return self._from_entity(base, entity, start, written_role=written)
        return Speaker(mention=base.mention, start=base.start, end=base.end, role=written,
                       affiliation=self._affiliation(owner_entity.actor if owner_entity else None, None))
