"""The negotiation lexicon (``onrecord/data/negotiation_lexicon.json``) as one typed, cached record."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

LEXICON_FILE = "negotiation_lexicon.json"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists for the stance stage; see the ``_``-prefixed notes in the JSON file for each list's source."""

    terms: frozenset[str]
    plural_terms: frozenset[str]
    peace_heads: frozenset[str]
    peace_modifiers: frozenset[str]
    peace_heads_blocked: frozenset[str]
    verbs: frozenset[str]
    party_verbs: frozenset[str]
    party_nouns: frozenset[str]
    topic_preps: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    negative_predicates: frozenset[str]
    negative_particles: frozenset[tuple[str, str]]
    negative_phrases: tuple[str, ...]
    negators: frozenset[str]
    positive_predicates: frozenset[str]
    request_predicates: frozenset[str]
    demand_predicates: frozenset[str]
    deontic_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    conditional_predicates: frozenset[str]
    procedural_verbs: frozenset[str]
    markers: frozenset[str]
    only_markers: frozenset[str]
    long_markers: frozenset[str]
    prep_markers: frozenset[str]
    prep_markers_blocked: frozenset[str]
    exchange_nouns: frozenset[str]
    left_extenders: frozenset[str]
    speech_verbs: frozenset[str]
    blocking_preps: frozenset[str]
    places: dict[str, str]
    demonyms: dict[str, str]
    party_heads: frozenset[str]
    bare_terms: frozenset[str]
    bare_terms_blocked: frozenset[str]
    object_conditions: frozenset[str]
    only_preps: frozenset[str]
    time_nouns: frozenset[str]
    party_people: frozenset[str]
    own_heads: frozenset[str]
    other_heads: frozenset[str]
    neutral_heads: frozenset[str]
    singular_only_terms: frozenset[str]
    adjective_terms: frozenset[str]
    predicate_nouns: frozenset[str]
    door_nouns: frozenset[str]
    door_verbs: frozenset[str]
    door_closers: frozenset[str]
    end_objects: frozenset[str]
    circumstance_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    weak_terms: frozenset[str]
    weak_phrases: tuple[tuple[str, ...], ...]
    deal_verbs: frozenset[str]
    reference_nouns: frozenset[str]
    procedural_subjects: frozenset[str]
    deal_only_terms: frozenset[str]
    item_idioms: frozenset[str]
    institution_words: frozenset[str]
    # word -> the issue it names ("patrol" -> "forces"), from the JSON's concept -> words lists
    issue_concepts: dict[str, str] = field(default_factory=dict)
    # Per article, not in the JSON file: places the article names as the venue of talks (``stance/venues.py``).
    venues: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    raw = json.loads(resources.files("onrecord").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8"))
    sets = {
        name: frozenset(raw[name])
        for name in Lexicon.__dataclass_fields__
        if name not in {"phrases", "weak_phrases", "negative_particles", "negative_phrases", "places", "demonyms",
                        "venues", "issue_concepts"}
    }
    return Lexicon(
        **sets,
        phrases=tuple(tuple(p) for p in raw["phrases"]),
        weak_phrases=tuple(tuple(p) for p in raw["weak_phrases"]),
        negative_particles=frozenset((a, b) for a, b in raw["negative_particles"]),
        negative_phrases=tuple(raw["negative_phrases"]),
        places=dict(raw["places"]),
        demonyms=dict(raw["demonyms"]),
        issue_concepts={word: concept for concept, words in raw["issue_concepts"].items() for word in words},
    )
