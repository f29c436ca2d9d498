"""Office and role words: one key per office ("Minister of Defense" == "defence minister"), and the nouns
that can stand for a speaker ("the aide", "the spokesman", "officials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import fold

# Spelling and phrasing variants of one office, folded (written for onrecord from common news usage).
# Applied in order, as whole-word replacements, by ``role_key``.
_ROLE_SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"\bdefense\b", "defence"),
    (r"\bminister of (?:the )?defence\b", "defence minister"),
    (r"\bsecretary of (?:defence|war)\b", "defence secretary"),
    (r"\bwar secretary\b", "defence secretary"),
    (r"\bminister (?:of|for) foreign affairs\b", "foreign minister"),
    (r"\bforeign affairs minister\b", "foreign minister"),
    (r"\bforeign secretary\b", "foreign minister"),
    (r"\btop diplomat\b", "foreign minister"),
    (r"\bexternal affairs minister\b", "foreign minister"),
    (r"\bminister of (?:the )?interior\b", "interior minister"),
    (r"\bfsb (?:director|chief|head)\b", "director of the federal security service"),
    (r"\bpremier\b", "prime minister"),
    (r"\bpm\b", "prime minister"),
    (r"\bhead of state\b", "president"),
    (r"\bhead of (?:the )?(\w+)$", r"\1 chief"),  # "head of the army" == "army chief" (one-word bodies only)
    (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
    (r"\bpresidential spokesperson\b", "presidential press secretary"),
    (r"\bpress secretary\b", "press secretary"),
    (r"\badvisor\b", "adviser"),
    (r"\bsecretary general\b", "secretary general"),
    (r"\bchief of (?:the )?general staff\b", "chief of the general staff"),
    (r"\barmed forces chief\b", "commander in chief of the armed forces"),
    (r"\bcommander in chief\b", "commander in chief of the armed forces"),
    (r"\bof the armed forces of the armed forces\b", "of the armed forces"),
)
_COMPILED_SYNONYMS = tuple((re.compile(p), r) for p, r in _ROLE_SYNONYMS)

# Words that qualify a role without changing the office ("current", "acting"); dropped from the key.
# "former" is kept apart: a former holder is not the holder on the article's date.
ROLE_QUALIFIERS = frozenset({"current", "acting", "new", "incumbent", "interim", "then", "now", "also"})
FORMER_WORDS = frozenset({"former", "ex", "outgoing", "previous", "erstwhile", "late"})

# Nouns that can head a mention of a person speaking in an official capacity (written for onrecord).
PERSON_ROLE_NOUNS = frozenset("""
adviser advisor admiral aide ambassador analyst archbishop assistant attache author bishop boss brigadier captain
cardinal chair chairman chairperson chairwoman chancellor chief colonel commander commissioner commodore congressman congresswoman consul
cleric coordinator correspondent counsellor counselor delegate deputy diplomat director dictator emir emissary
envoy expert general governor head imam inspector journalist judge king lawmaker leader legislator lieutenant
major marshal mayor mediator member minister monarch negotiator observer officer official ombudsman pastor
patriarch politician pope premier president priest prime prince prosecutor queen rabbi rapporteur representative
ruler secretary senator sheikh source speaker spokesman spokesperson spokeswoman strongman tsar undersecretary
veteran vice warlord witness
""".split())
# Nouns after which "in X" names the seat of a side ("the government in Kinshasa"), not where an official is.
SEAT_NOUNS = frozenset({"government", "authorities", "administration", "regime", "leadership", "junta"})
# Collective nouns that stand for a government, ministry, army or group ("authorities in Kyiv said").
COLLECTIVE_NOUNS = frozenset("""
administration agency army authorities authority cabinet command committee council delegation department
diplomats embassy forces government headquarters leaders leadership military ministry mission movement
office officials parliament party police presidency regime representatives service side sources spokesmen
staff troops
""".split())
# Heads that make a mention anonymous ("a senior Hamas official", "sources close to the talks").
ANONYMOUS_NOUNS = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "insider",
                             "insiders", "aide", "aides", "person", "people", "member", "members"})

# Idioms naming an office without its title, folded -> (affiliation, role as in the data file).
# Written for onrecord from common wire-service usage.
ROLE_IDIOMS: dict[str, tuple[str, str]] = {
    "kremlin leader": ("Russia", "President"),
    "kremlin chief": ("Russia", "President"),
    "kremlin boss": ("Russia", "President"),
    "kremlin spokesperson": ("Russia", "Presidential Press Secretary"),
    "kremlin press secretary": ("Russia", "Presidential Press Secretary"),
    "pentagon chief": ("United States", "Defence Secretary"),
    "pentagon head": ("United States", "Defence Secretary"),
    "nato chief": ("NATO", "Secretary General"),
    "nato head": ("NATO", "Secretary General"),
    "nato secretary general": ("NATO", "Secretary General"),
    "un chief": ("United Nations", "Secretary-General"),
    "un secretary general": ("United Nations", "Secretary-General"),
    "eu foreign policy chief": ("European Union", "High Representative for Foreign Affairs"),
    "eu foreign minister": ("European Union", "High Representative for Foreign Affairs"),
    "european commission president": ("European Union", "President of the European Commission"),
    "commission president": ("European Union", "President of the European Commission"),
    "white house spokesperson": ("United States", "White House Press Secretary"),
    "ukraine's top general": ("Ukraine", "Commander-in-Chief of the Armed Forces"),
    "ukraine's army chief": ("Ukraine", "Commander-in-Chief of the Armed Forces"),
    "ukrainian army chief": ("Ukraine", "Commander-in-Chief of the Armed Forces"),
    "ukraine's spy chief": ("Ukraine", "Head of Military Intelligence"),
    "ukrainian spy chief": ("Ukraine", "Head of Military Intelligence"),
    "russia's top general": ("Russia", "Chief of the General Staff"),
    "hamas leader": ("Hamas", "Political Bureau Chief"),
    "hamas chief": ("Hamas", "Political Bureau Chief"),
    "hamas political chief": ("Hamas", "Political Bureau Chief"),
    "hezbollah leader": ("Hezbollah", "Secretary-General"),
    "hezbollah chief": ("Hezbollah", "Secretary-General"),
    "supreme leader": ("Iran", "Supreme Leader"),
    "iran's supreme leader": ("Iran", "Supreme Leader"),
    "israeli army chief": ("Israel", "IDF Chief of Staff"),
    "idf chief": ("Israel", "IDF Chief of Staff"),
    "iaea chief": ("IAEA", "IAEA Director General"),
    "un nuclear watchdog chief": ("IAEA", "IAEA Director General"),
    "who chief": ("World Health Organization", "WHO Director-General"),
}


@dataclass(frozen=True, slots=True)
class RoleWords:
    """A role phrase taken apart: its office key, and whether it says the office is a past one."""

    key: str
    former: bool


def role_key(role: str) -> str:
    """The comparison key of an office: "Minister of Defense" and "defence minister" -> "defence minister"."""
    key = fold(role)
    for pattern, repl in _COMPILED_SYNONYMS:
        key = pattern.sub(repl, key)
    words = [w for w in key.split() if w not in ROLE_QUALIFIERS and w not in FORMER_WORDS]
    return " ".join(words)


def role_words(role: str) -> RoleWords:
    folded = fold(role)
    former = any(w in FORMER_WORDS for w in folded.split())
    return RoleWords(role_key(role), former)


def role_head(role: str) -> str | None:
    """The last word of the role key that is a role noun: "Russian presidential aide" -> "aide"."""
    for word in reversed(role_key(role).split()):
        if word in PERSON_ROLE_NOUNS or word in COLLECTIVE_NOUNS:
            return word
    return None
