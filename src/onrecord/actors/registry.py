"""The actor registry: canonical people, bodies and governments, with aliases, offices by date, affiliation.

Seeded from ``onrecord/data/actors.tsv`` and ``actors_countries.tsv`` (written for the project from general
knowledge) and extendable at run time with ``learn`` (full names seen in articles). Every country of the
country table also gets a government actor, "Government of Russia", which capitals ("Moscow") and
collective mentions ("authorities in Kyiv", "Ukrainian officials") resolve to. "The Kremlin" is an alias of
"Government of Russia" (the gold convention of examples/README.md: the Kremlin as a speaker is the Russian
government); a data row with a generated government's id adds aliases to it.

Lookups: ``lookup`` tries the exact alias (case, accents, dots, hyphens and titles folded), then a unique
surname alias, then rapidfuzz for transliteration variants of a full name. A surname shared by two
actors ("Johnson") resolves to nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

from rapidfuzz import fuzz, process

from ..errors import OnrecordError
from .names import fold, fold_name, slug, strip_titles, without_arabic_prefix
from .roles import ROLE_IDIOMS, role_key

logger = logging.getLogger(__name__)

ACTORS_FILE = "actors.tsv"
COUNTRIES_FILE = "actors_countries.tsv"
# Fuzzy full-name match: rapidfuzz ``fuzz.ratio`` (0-100) of folded names. Chosen on the transliteration
# pairs in tests/actors/test_registry.py: true variants ("Volodimir Zelenskyi", "Sergey Shoygu") score
# 86-95, the closest different people in the seed list ("Mohammed Sinwar"/"Mohammad Mustafa") stay below 75.
FUZZY_NAME_THRESHOLD = 86.0
# The best fuzzy match must beat the best match of any other actor by this much, or nothing is returned.
FUZZY_MARGIN = 4.0
# A single-word query ("Zelenskii") is matched fuzzily against surname aliases only from this length on,
# with a stricter threshold: short surnames differ by one letter between different people (Lin/Li).
FUZZY_SURNAME_MIN_LEN = 6
FUZZY_SURNAME_THRESHOLD = 90.0
# In a fuzzy full-name match, the surnames alone must score this much ("Budanow"/"Budanov" 85.7; "Hale"/"Healey"
# 80 is another person).
FUZZY_FULL_SURNAME_THRESHOLD = 84.0
ACTOR_KINDS = ("person", "organisation", "government", "country")


class RegistryError(OnrecordError):
    """The actor data file is malformed, or the shared default registry was asked to change."""


@dataclass(frozen=True, slots=True)
class Tenure:
    """One office held: ``start``/``end`` are (year, month); ``end`` None = still held."""

    role: str
    key: str
    affiliation: str
    start: tuple[int, int] | None
    end: tuple[int, int] | None

    def holds_on(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        when = (on.year, on.month)
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    affiliation: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    learned: bool = False

    def roles_on(self, on: dt.date | None) -> list[Tenure]:
        return [t for t in self.tenures if t.holds_on(on)]


# Length of a short acronym ("WHO", "AU", "EU"): one after a title word is a function word, not the body.
SHORT_ACRONYM = 3
# Country names written with "the" in running text.
THE_COUNTRY_PREFIXES = ("United ", "Democratic Republic", "Republic of", "Central African Republic", "Czech Republic",
                        "Dominican Republic")
THE_COUNTRIES = frozenset({"Netherlands", "Philippines", "Gambia", "Bahamas", "Comoros", "Maldives", "Marshall Islands",
                           "Solomon Islands"})


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso3: str
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def government(self) -> str:
        """ "Government of Russia"; with "the" where the country's name takes it ("Government of the
        Democratic Republic of the Congo", "... of the United States", "... of the Philippines")."""
        the = "the " if self.name.startswith(THE_COUNTRY_PREFIXES) or self.name in THE_COUNTRIES else ""
        return f"Government of {the}{self.name}"

    @property
    def government_id(self) -> str:
        return f"government-of-{slug(self.name)}"


@dataclass
class _Index:
    by_id: dict[str, Actor] = field(default_factory=dict)
    full: dict[str, set[str]] = field(default_factory=dict)      # folded alias -> actor ids
    surname: dict[str, set[str]] = field(default_factory=dict)   # folded one-word alias -> actor ids
    derived: set[tuple[str, str]] = field(default_factory=set)   # (surname, id) derived, not written


def _parse_month(text: str) -> tuple[int, int] | None:
    text = text.strip()
    if not text:
        return None
    year, _, month = text.partition("-")
    return (int(year), int(month) if month else 0)


def _parse_tenure(spec: str, affiliation: str, countries: dict[str, Country]) -> Tenure:
    role, _, dates = spec.strip().rpartition(" ")
    if ".." not in dates:
        raise RegistryError(f"role {spec!r} has no 'FROM..TO' dates: write it as 'Defence Minister 2012..2024'")
    frm, _, to = dates.partition("..")
    start = _parse_month(frm)
    end = _parse_month(to)
    if end is not None and end[1] == 0:
        end = (end[0], 12)
    if start is not None and start[1] == 0:
        start = (start[0], 1)
    where = affiliation
    for name in countries:  # "Prime Minister of Norway" held by someone affiliated with NATO
        suffix = f" of {name}"
        if role.endswith(suffix):
            where, role_only = name, role[: -len(suffix)]
            return Tenure(role, role_key(role_only), where, start, end)
    return Tenure(role, role_key(role), where, start, end)


class ActorRegistry:
    """Canonical actors and their names. Use ``default_registry()`` for the shared, read-only seed."""

    def __init__(self, actors: Iterable[Actor] = (), countries: Iterable[Country] = (), frozen: bool = False):
        self._countries: dict[str, Country] = {}
        self._country_words: dict[str, str] = {}
        self._metonyms: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._index = _Index()
        self._frozen = False
        for country in countries:
            self._add_country(country)
        for actor in actors:
            self.add(actor)
        self._frozen = frozen

    # ---- building
    def _add_country(self, c: Country) -> None:
        self._countries[c.name] = c
        for word in (c.name, *c.aliases):
            self._country_words[fold(word)] = c.name
        for word in c.demonyms:
            self._demonyms[fold(word)] = c.name
        for word in c.metonyms:
            self._metonyms[fold(word)] = c.name
        gov = Actor(c.government_id, c.government, "government", c.name,
                    aliases=(f"{c.name} government", f"{c.name}'s government"))
        self.add(gov)

    def add(self, actor: Actor) -> None:
        """Index an actor under its name and aliases (a written one-word alias counts as a surname)."""
        if self._frozen:
            raise RegistryError(
                "the default actor registry is shared and read-only: call default_registry().copy() and "
                "add or learn names on the copy")
        ix = self._index
        ix.by_id[actor.id] = actor
        names = [actor.name, *[a for a in actor.aliases if a != "-"]]
        for name in names:
            key = fold_name(name)
            if not key:
                continue
            ix.full.setdefault(key, set()).add(actor.id)
            if " " not in key:
                ix.surname.setdefault(key, set()).add(actor.id)
        written_single = any(" " not in fold_name(a) for a in actor.aliases if a != "-")
        if actor.kind == "person" and "-" not in actor.aliases and not written_single:
            words = fold_name(actor.name).split()
            if len(words) > 1:
                last = words[-1]
                ix.surname.setdefault(last, set()).add(actor.id)
                ix.derived.add((last, actor.id))

    def copy(self) -> "ActorRegistry":
        """A mutable copy, for a run that learns names across articles."""
        new = copy.copy(self)
        new._index = _Index({**self._index.by_id}, {k: set(v) for k, v in self._index.full.items()},
                            {k: set(v) for k, v in self._index.surname.items()}, set(self._index.derived))
        new._frozen = False
        return new

    def learn(self, full_name: str, role: str | None = None, affiliation: str | None = None,
              gender: str | None = None) -> Actor:
        """Add a full name seen in an article (or a role to a known actor); returns the registry's actor."""
        known = self.lookup(full_name)
        if known is not None and known.kind == "person":
            if role and role_key(role) not in {t.key for t in known.tenures}:
                extra = Tenure(role, role_key(role), affiliation or known.affiliation or "", None, None)
                known = Actor(known.id, known.name, known.kind, known.affiliation or affiliation,
                              known.gender or gender, known.aliases, (*known.tenures, extra), known.learned)
                self.add(known)
            return known
        if len(fold_name(full_name).split()) < 2:
            raise RegistryError(f"cannot learn {full_name!r}: give a full name (first and last), not one word")
        tenures = (Tenure(role, role_key(role), affiliation or "", None, None),) if role else ()
        actor = Actor(slug(full_name), full_name.strip(), "person", affiliation, gender, (), tenures, learned=True)
        self.add(actor)
        return actor

    # ---- lookups
    def __len__(self) -> int:
        return len(self._index.by_id)

    def __iter__(self):
        return iter(self._index.by_id.values())

    def get(self, actor_id: str) -> Actor | None:
        return self._index.by_id.get(actor_id)

    def _one(self, ids: set[str] | None) -> Actor | None:
        if ids and len(ids) == 1:
            return self._index.by_id[next(iter(ids))]
        return None

    def lookup_exact(self, name: str) -> Actor | None:
        """The actor whose name or alias folds to ``name`` (titles dropped), or None (also when ambiguous)."""
        key = fold_name(name)
        for candidate in dict.fromkeys((key, strip_titles(key), without_arabic_prefix(strip_titles(key)))):
            ids = self._index.full.get(candidate)
            if ids:
                found = self._one(ids)
                if candidate != key and len(candidate) <= SHORT_ACRONYM and found is not None and found.kind != "person":
                    continue  # "commander who" is no WHO: a body's short acronym never follows a title
                return found
        # a title or description before a full name: "French Foreign Minister Jean-Yves Le Drian"; not a tail that
        # cuts the country the words name ("South Sudan's army" is not "Sudan's army")
        words = key.split()
        for n in range(len(words) - 1, 1, -1):
            ids = self._index.full.get(" ".join(words[-n:]))
            if ids:
                found = self._one(ids)
                if found is not None and found.affiliation in self._countries and \
                        self.split_country(key)[0] not in {None, found.affiliation}:
                    return None
                if found is not None and found.kind != "person" and _named_before(name, n, self):
                    return None  # a longer proper name: "National Security Council" is no UN Security Council
                return found
        return None

    def by_surname(self, surname: str) -> list[Actor]:
        """Every actor indexed under this one-word name (written alias or derived last name)."""
        key = without_arabic_prefix(fold_name(surname))
        ids = self._index.surname.get(key) or self._index.surname.get(fold_name(surname)) or set()
        return [self._index.by_id[i] for i in sorted(ids)]

    def is_written_alias(self, surname: str, actor: Actor) -> bool:
        """True when ``surname`` is a written alias of the actor, not one derived from the last name."""
        return (without_arabic_prefix(fold_name(surname)), actor.id) not in self._index.derived

    def lookup(self, name: str, fuzzy: bool = True) -> Actor | None:
        """Exact alias, then a unique surname, then a fuzzy full-name match; None when unknown or ambiguous."""
        hit = self.lookup_exact(name)
        if hit is not None:
            return hit
        key = strip_titles(fold_name(name))
        if not key:
            return None
        if " " not in key:
            people = self.by_surname(key)
            if len(people) == 1:
                return people[0]
            if people or not fuzzy:
                return None
        if not fuzzy:
            return None
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> Actor | None:
        single = " " not in key
        if single and len(key) < FUZZY_SURNAME_MIN_LEN:
            return None
        table = self._index.surname if single else self._index.full
        threshold = FUZZY_SURNAME_THRESHOLD if single else FUZZY_NAME_THRESHOLD
        choices = [k for k in table if (" " not in k) == single]
        best: dict[str, float] = {}
        for alias, score, _ in process.extract(key, choices, scorer=fuzz.ratio, limit=8):
            for actor_id in table[alias]:
                best[actor_id] = max(best.get(actor_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < threshold:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
            return None
        actor = self._index.by_id[ranked[0][0]]
        if not single:
            # a full name also needs a close surname: "Dmitri Peskov" is Dmitry Peskov, "John Hale" is not
            # John Healey (the shared first name carries the whole-name score)
            surnames = [k for k, ids in self._index.surname.items() if actor.id in ids]
            last = key.split()[-1]
            if not any(fuzz.ratio(last, s) >= FUZZY_FULL_SURNAME_THRESHOLD for s in surnames):
                return None
        return actor

    # ---- offices
    def holders(self, role: str, affiliation: str | None = None, on: dt.date | None = None) -> list[Actor]:
        """People holding the office on the date (or now, without a date), optionally of one affiliation."""
        key = role_key(role)
        out = []
        for actor in self._index.by_id.values():
            for t in actor.tenures:
                if t.key == key and t.holds_on(on) and (affiliation is None or t.affiliation == affiliation):
                    out.append(actor)
                    break
        return out

    def holder(self, role: str, affiliation: str | None = None, on: dt.date | None = None) -> Actor | None:
        found = self.holders(role, affiliation, on)
        return found[0] if len(found) == 1 else None

    def resolve_role(self, phrase: str, on: dt.date | None = None,
                     default_affiliation: str | None = None) -> Actor | None:
        """The holder of the office a phrase names: "the Kremlin leader", "Russia's defence minister"."""
        folded = fold(phrase)
        if any(w in {"former", "ex", "late", "outgoing"} for w in folded.split()):
            return None
        idiom = (ROLE_IDIOMS.get(role_key(folded)) or ROLE_IDIOMS.get(folded)
                 or ROLE_IDIOMS.get(role_key(folded.replace("'s ", " "))))
        if idiom:
            return self.holder(idiom[1], idiom[0], on)
        country, rest = self.split_country(folded)
        if country is None:
            country = default_affiliation
        if not rest:
            return None
        idiom = ROLE_IDIOMS.get(role_key(rest))
        if idiom:
            return self.holder(idiom[1], idiom[0], on)
        if country is None:
            return None
        return self.holder(rest, country, on)

    # ---- countries
    def countries(self) -> list[Country]:
        return list(self._countries.values())

    def country(self, name: str) -> Country | None:
        return self._countries.get(name)

    def country_of(self, word: str) -> str | None:
        """The country a name, alias, demonym or capital refers to: "Kyiv" -> "Ukraine"."""
        key = fold_name(word)
        return self._country_words.get(key) or self._demonyms.get(key) or self._metonyms.get(key)

    def names_country(self, word: str) -> bool:
        """Is the word a country's own name or alias ("Ukraine"), not its demonym or capital?"""
        return fold_name(word) in self._country_words

    def is_metonym(self, word: str) -> bool:
        return fold_name(word) in self._metonyms

    def split_country(self, folded: str) -> tuple[str | None, str]:
        """("Russia", "defence minister") from "russia's defence minister" / "russian defence minister" /
        "defence minister of russia"; (None, folded) when no country is named at either end."""
        words = folded.split()
        for n in range(min(4, len(words)), 0, -1):
            head = " ".join(words[:n])
            bare = head[:-2] if head.endswith("'s") else head
            country = self._country_words.get(bare) or self._demonyms.get(bare)
            if country:
                return country, " ".join(words[n:])
            tail = " ".join(words[-n:])
            if len(words) > n + 1 and words[-n - 1] in {"of", "in"}:
                country = self._country_words.get(tail) or self._metonyms.get(tail)
                if country:
                    return country, " ".join(words[: -n - 1])
        return None, folded

    def government(self, country: str) -> Actor | None:
        c = self._countries.get(country)
        return self._index.by_id.get(c.government_id) if c else None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


def _rows(text: str, width: int, filename: str) -> Iterable[list[str]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise RegistryError(f"{filename} line {number}: {len(cells)} tab-separated columns, expected {width}")
        yield cells


def load_registry(actors_text: str, countries_text: str, frozen: bool = False) -> ActorRegistry:
    """A registry from the text of the two data files (see their header lines for the columns)."""
    countries = [Country(name, iso3, _split(dem), _split(met), _split(other))
                 for name, iso3, dem, met, other in _rows(countries_text, 5, COUNTRIES_FILE)]
    by_name = {c.name: c for c in countries}
    actors = []
    for cells in _rows(actors_text, 7, ACTORS_FILE):
        actor_id, name, kind, affiliation, gender, aliases, roles = cells
        if kind not in ACTOR_KINDS:
            raise RegistryError(f"{ACTORS_FILE}: actor {actor_id!r} has kind {kind!r}; use one of {ACTOR_KINDS}")
        tenures = tuple(_parse_tenure(r, affiliation, by_name) for r in _split(roles))
        actors.append(Actor(actor_id, name, kind, affiliation or None, gender or None, _split(aliases), tenures))
    return ActorRegistry(actors, countries, frozen=frozen)


def _named_before(name: str, n: int, registry: "ActorRegistry") -> bool:
    """The word before a body's last ``n`` words is a capitalised word of its name, not a description
    ("Palestinian group Islamic Jihad") or a country ("the UN Security Council")."""
    words = [w for w in re.split(r"[\s\-‐‑]+", name) if w]  # as the folded key splits them ("Cairo-based")
    if len(words) <= n:
        return False
    before = words[-n - 1]
    if before.endswith(("'s", "’s")) or not before[:1].isupper():
        return False  # an owner ("Hamas's Qassam Brigades") or a description ("Cairo-based")
    return registry.country_of(before) is None


@functools.lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The seed registry shipped with onrecord, loaded once per process; read-only (``copy()`` to extend)."""
    data = resources.files("onrecord") / "data"
    return load_registry((data / ACTORS_FILE).read_text("utf-8"), (data / COUNTRIES_FILE).read_text("utf-8"),
                         frozen=True)
