"""Full names seen across the articles of one run, to complete a surname-only speaker ("Berg" -> "Anna Berg").

An article that names a person only by surname ("Berg said ...") gets the full name from another article of
the same run that names her in full ("Foreign Minister Anna Berg"). The table is harvested without a parse,
by patterns over the non-boilerplate text of every article, before any article is analysed, and then frozen:
every article sees the same table, so results do not depend on input order or on how articles are split
between workers.

A harvested full name is a run of two to four capitalised name words with evidence that it names a person:

1. title or role words right before it ("Foreign Minister Anna Berg", "aide Yuri Ushakov");
2. an apposition with a role right after it ("Anna Berg, the foreign minister,");
3. a first name the name lists know ("Anna Berg").

A surname that two different full names of the run share completes nothing (``complete`` returns None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .names import (FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, NEUTRAL_TITLES, fold,
                    fold_name)
from .registry import ActorRegistry, default_registry
from .roles import PERSON_ROLE_NOUNS

# One capitalised name word (Latin letters with accents, inner hyphens and apostrophes: "al-Burhan" is
# matched through its particle, "O'Brien"), or a lower-case particle inside a name.
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-Za-zà-öø-ÿ]+)*"
_PARTICLE = r"(?:bin|ibn|al|el|von|van|der|de|da|la|le|abu)"
_NAME_WORD = rf"(?:{_PARTICLE}-)?{_WORD}|{_PARTICLE}(?= )"
_RUN = re.compile(rf"(?<![\w'’-])(?:{_NAME_WORD})(?: (?:{_NAME_WORD}))*")
# ", the/a ... <role noun>" right after a name: an apposition giving the person's role.
_APPOSITION = re.compile(r"\A\s*,\s+(?:the|a|an)\s+([^,;\n]{1,80})")
_TITLES = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES
_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
# Capitalised words that start sentences or headlines and never begin a person's name.
_NOT_NAME_WORDS = frozenset("""
the a an in on at as after before but and or if while when since for from by with without to of this that
these those his her their its our new former acting monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""".split())
# A harvested name has at most this many words after titles are stripped ("Mohammed bin Abdulrahman Al Thani").
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class RunNames:
    """Full person names of a run by folded surname; a surname two people of the run bear is left out."""

    by_surname: Mapping[str, str] = field(default_factory=dict)

    def complete(self, name: str) -> str | None:
        """The run's full name for a one-word surname ("Berg" -> "Anna Berg"), else None."""
        key = fold_name(name)
        if not key or " " in key:
            return None
        return self.by_surname.get(key)

    def __len__(self) -> int:
        return len(self.by_surname)

    @classmethod
    def harvest(cls, texts: Iterable[str], registry: ActorRegistry | None = None) -> "RunNames":
        """The table for the given texts (the non-boilerplate zones of a run's articles), order-independent."""
        registry = registry or default_registry()
        seen: dict[str, dict[str, str]] = {}
        for text in texts:
            for full in harvest_names(text, registry):
                key = fold_name(full)
                seen.setdefault(key.split()[-1], {}).setdefault(key, full)
        table = {}
        for surname, fulls in seen.items():
            if len(fulls) == 1:
                key = next(iter(fulls))
                table[surname] = fulls[key]
        return cls(dict(sorted(table.items())))


def _is_role_word(word: str) -> bool:
    w = fold(word).removesuffix("'s")
    return w in _TITLES or w in PERSON_ROLE_NOUNS


def harvest_names(text: str, registry: ActorRegistry | None = None) -> list[str]:
    """The full person names one text gives with evidence (title or role before, role apposition after,
    a known first name), as written."""
    registry = registry or default_registry()
    out: list[str] = []
    for match in _RUN.finditer(text):
        words = match.group(0).split(" ")
        # titles and role words before the name: "Foreign Minister Anna Berg" -> evidence, name "Anna Berg"
        last_role = max((i for i, w in enumerate(words) if _is_role_word(w)), default=-1)
        name_words = words[last_role + 1 :]
        while name_words and (fold(name_words[0]) in _NOT_NAME_WORDS or registry.country_of(name_words[0])):
            name_words = name_words[1:]
        if not 2 <= len(name_words) <= MAX_NAME_WORDS:
            continue
        if any(registry.country_of(w) for w in name_words):
            continue
        name = " ".join(name_words)
        titled = last_role >= 0 or _role_word_before(text, match.start())
        appos = _APPOSITION.match(text, match.end())
        described = appos is not None and any(_is_role_word(w) for w in appos.group(1).split())
        first_known = fold(name_words[0]) in _FIRST_NAMES
        if not (titled or described or first_known):
            continue
        actor = registry.lookup_exact(name)
        if actor is not None and actor.kind != "person":
            continue
        out.append(name)
    return out


def _role_word_before(text: str, start: int) -> bool:
    """A lower-case role word right before a name: "presidential aide Yuri Ushakov"."""
    before = text[max(0, start - 40) : start].split()
    return bool(before) and _is_role_word(before[-1])
