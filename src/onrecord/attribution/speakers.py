"""Speakers: a subject mention resolved to a canonical actor, with the role and side the article gives it.

``SpeakerResolver(article, blocks, registry)`` is built once per article; ``resolve(start, end)`` is called
for each statement's subject mention in text order. What a mention can be, in the order tried:

1. a pronoun ("he", "she", "they", "it"): the earlier person or body it refers to (``coref``);
2. a name, with or without title or apposition ("Russian presidential aide Yuri Ushakov", "Ushakov",
   "Sergei Shoigu, the Security Council chief"): the article's entity, completed from the registry;
3. a registry name of a body or person ("Hamas", "the Kremlin", "the Pentagon");
4. a government by its country, capital or collective ("Moscow", "authorities in Kyiv", "Ukrainian
   officials") -> "Government of Ukraine"; an unnamed member ("a senior Hamas official") ->
   "Hamas (unnamed senior official)", the gold convention;
5. a description ("the aide", "the Kremlin leader", "the former defence minister"): the earlier person
   with those role words, else the registry's office holder on the publication date;
6. a short organisation name ("the Foreign Ministry"): an earlier fuller mention, else the registry
   with the country of the sentence or of the article.
Anything else keeps its mention with ``name=None``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..actors.names import fold, fold_name
from ..actors.registry import Actor, ActorRegistry, default_registry
from ..actors.roles import ANONYMOUS_NOUNS, COLLECTIVE_NOUNS, PERSON_ROLE_NOUNS, ROLE_IDIOMS, role_key
from ..nlp import Block
from ..records import Article, Speaker
from .coref import (FIRST_PERSON, SPEAKER_PRONOUNS, ArticleEntities, Entity, collective_head,
                    has_role_word)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "several", "two",
                          "three", "many", "other", "one", "another"})
# Words that grade an unnamed source without naming its side ("a senior official").
_GRADE_WORDS = frozenset({"senior", "top", "high", "ranking", "high-ranking", "junior", "unnamed", "anonymous",
                          "military", "security", "government", "diplomatic", "political", "intelligence"})
# Collective heads that stand for a whole government when a country is named ("Ukrainian officials").
_GOVERNMENT_HEADS = frozenset({"authorities", "authority", "officials", "government", "side", "leadership",
                               "administration", "cabinet", "regime", "leaders", "presidency"})
_PLAUSIBLE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _content_words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _DETERMINERS]


def _strip_determiner(text: str) -> str:
    words = text.split()
    while words and fold(words[0]) in _DETERMINERS:
        words.pop(0)
    return " ".join(words).strip(" ,")


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


class SpeakerResolver:
    """Resolves speaker mentions of one article to canonical actors.

    Built once per article from its parsed blocks; ``resolve`` is then called for each statement's
    subject mention, in text order. ``registry`` defaults to the shared seed registry; pass
    ``default_registry().copy()`` (kept across articles) to let ``learn_names`` add the officials
    an article names in full.
    """

    def __init__(self, article: Article, blocks: Sequence[Block], registry: ActorRegistry | None = None):
        self.article = article
        self.blocks = blocks
        self.registry = registry or default_registry()
        self.entities = ArticleEntities(article.text, blocks, self.registry, article.published)
        self._last: Entity | None = None

    # ---- public
    def resolve(self, start: int, end: int) -> Speaker:
        """The speaker named by ``article.text[start:end]`` ("he", "the aide", "Sergei Shoigu, the ...")."""
        mention = self.article.text[start:end]
        base = Speaker(mention=mention, start=start, end=end)
        words = _content_words(mention)
        if not words:
            return base
        # 1. pronouns
        if len(words) == 1 and words[0] in SPEAKER_PRONOUNS:
            entity = self.entities.resolve_pronoun(words[0], start, self._last)
            return self._from_entity(base, entity, start) if entity else base
        if len(words) == 1 and words[0] in FIRST_PERSON:
            return base
        span = self._span(start, end)
        # 2. a person's name
        person = self._person_in(span, start, end)
        if person is not None:
            return person
        # 3. a registry body or person named in full
        actor = self.registry.lookup_exact(_strip_determiner(mention))
        if actor is not None:
            return self._from_actor(base, actor, role=None, start=start)
        # 4. governments and unnamed members of a side
        side = self._side(base, mention)
        if side is not None:
            return side
        # 5. descriptions
        head = words[-1]
        if head in PERSON_ROLE_NOUNS or role_key(mention) in ROLE_IDIOMS or has_role_word(mention):
            entity = self.entities.resolve_description(_strip_determiner(mention), start)
            if entity is not None:
                return self._from_entity(base, entity, start, written_role=_strip_determiner(mention))
        # 6. a short organisation name
        if collective_head(words) is not None:
            entity = self.entities.resolve_organisation(mention, start)
            if entity is not None:
                return self._from_entity(base, entity, start)
        role = _strip_determiner(mention) if (head in PERSON_ROLE_NOUNS or head in ANONYMOUS_NOUNS) else None
        return Speaker(mention=mention, start=start, end=end, role=role)

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

    def _remember(self, entity: Entity | None) -> None:
        self._last = entity

    def _from_entity(self, base: Speaker, entity: Entity, start: int, written_role: str | None = None) -> Speaker:
        self._remember(entity)
        actor = entity.actor
        role = entity.role_near(start)
        if written_role and not (role and set(role_key(written_role).split()) <= set(role_key(role).split())):
            role = written_role  # this mention's own words, unless an earlier role says more ("the aide")
        if actor is not None:
            name, actor_id = actor.name, actor.id
        else:
            name = entity.name if (entity.full or entity.kind == "organisation") else None
            actor_id = None
        return Speaker(name=name, actor_id=actor_id, mention=base.mention, start=base.start, end=base.end,
                       role=role, affiliation=self._affiliation(actor, role))

    def _from_actor(self, base: Speaker, actor: Actor, role: str | None, start: int) -> Speaker:
        entity = None
        for e in self.entities.entities:
            if e.actor is not None and e.actor.id == actor.id:
                entity = e
        if entity is not None:
            return self._from_entity(base, entity, start, written_role=role)
        self._remember(Entity("person" if actor.kind == "person" else "organisation", actor.name, actor,
                              actor.gender))
        return Speaker(name=actor.name, actor_id=actor.id, mention=base.mention, start=base.start,
                       end=base.end, role=role, affiliation=self._affiliation(actor, role))

    def _affiliation(self, actor: Actor | None, role: str | None) -> str | None:
        if actor is not None and actor.affiliation:
            return actor.affiliation
        if role:
            country, _ = self.registry.split_country(fold(role))
            if country:
                return country
            for word in fold(role).split():
                country = self.registry.country_of(word)
                if country:
                    return country
        return None

    def _person_in(self, span: "SpacySpan | None", start: int, end: int) -> Speaker | None:
        """A mention containing a person's name: the name resolved, the rest of the mention is the role."""
        mention = self.article.text[start:end]
        base = Speaker(mention=mention, start=start, end=end)
        name_start = name_end = None
        if span is not None:
            people = [e for e in span.ents if self.entities.looks_like_person(e)]
            if people:
                ent = max(people, key=len)
                tokens = [t for t in ent if t.tag_ != "POS" and not t.is_punct]
                if tokens:
                    block_start = self._block_start(start)
                    name_start = max(start, block_start + tokens[0].idx)
                    name_end = min(end, block_start + tokens[-1].idx + len(tokens[-1].text))
        if name_start is None:
            # no PERSON entity: the last capitalised words, if the registry knows them as a person
            words = mention.split()
            for n in range(min(4, len(words)), 0, -1):
                tail = " ".join(words[-n:]).strip(" ,")
                if not tail[:1].isupper():
                    continue
                actor = self.registry.lookup(tail, fuzzy=False)
                known = self.entities.link_person(tail, start) if len(words) == n else None
                if known is not None or (actor is not None and actor.kind == "person"):
                    name_end = start + mention.rstrip(" ,").__len__()
                    name_start = name_end - len(tail)
                    break
            if name_start is None:
                return None
        name = self.article.text[name_start:name_end]
        before = self.article.text[start:name_start].strip(" ,")
        after = self.article.text[name_end:end].strip(" ,")
        written = " ".join(x for x in (_strip_determiner(before), _strip_determiner(after)) if x) or None
        if written and fold(written).endswith("'s"):
            written = None
        entity = self.entities.person_at(name_start, name_end) or self.entities.link_person(name, start)
        if entity is None:
            actor = self.entities._actor_for(name)
            if actor is not None:
                return self._from_actor(base, actor, written, start)
            full = len(fold_name(name).split()) > 1
            return Speaker(name=name if full else None, mention=mention, start=start, end=end, role=written,
                           affiliation=self._affiliation(None, written))
        speaker = self._from_entity(base, entity, start)
        if written:
            speaker = Speaker(speaker.name, speaker.actor_id, speaker.mention, speaker.start, speaker.end,
                              written, speaker.affiliation or self._affiliation(None, written))
        return speaker

    def _side(self, base: Speaker, mention: str) -> Speaker | None:
        """Governments by country, capital or collective noun, and unnamed members of a side."""
        words = _content_words(mention)
        folded = " ".join(words)
        country = self.registry.country_of(folded) if folded else None
        if country is not None:
            gov = self.registry.government(country)
            if gov is not None:
                return self._from_actor(base, gov, role=None, start=base.start or 0)
        heads = [w for w in words if w in _GOVERNMENT_HEADS or w in ANONYMOUS_NOUNS]
        if not heads:
            return None
        head = heads[0]
        country, rest = self.registry.split_country(folded)
        side: Actor | None = self.registry.government(country) if country else None
        descriptor = [w for w in (rest.split() if country else words)]
        if side is None:
            # an organisation named inside the mention: "a senior Hamas official"
            for n in range(len(words) - 1, 0, -1):
                for i in range(0, len(words) - n):
                    actor = self.registry.lookup_exact(" ".join(words[i : i + n]))
                    if actor is not None and actor.kind != "person":
                        side = actor
                        descriptor = words[:i] + words[i + n :]
                        break
                if side is not None:
                    break
        if side is None:
            return None
        role = _strip_determiner(mention)
        collective = head in _GOVERNMENT_HEADS or (head.endswith("s") and head in ANONYMOUS_NOUNS)
        if collective:
            return Speaker(name=side.name, actor_id=side.id, mention=base.mention, start=base.start, end=base.end,
                           role=role, affiliation=side.affiliation)
        grade = " ".join(w for w in descriptor if w in _GRADE_WORDS or w == head) or head
        return Speaker(name=f"{side.name} (unnamed {grade})", actor_id=None, mention=base.mention,
                       start=base.start, end=base.end, role=role, affiliation=side.affiliation)
