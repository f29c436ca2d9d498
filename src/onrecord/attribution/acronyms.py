"""Acronyms an article spells out, so that a body it calls "the SDF" is named in full.

News introduces an organisation once with its short form in brackets, either way round ("the Syrian Democratic
Forces (SDF)", "the KPA (Korean People's Army)"), then uses the short form. :func:`acronym_table` reads those
pairs from the article text; :func:`expand_body` writes a body's name in full: a known acronym replaced by what
it stands for ("AU Commission" -> "African Union Commission"), a bracket that only glosses the words before it
dropped ("The Malian Armed Forces (FAMa)" -> "Malian Armed Forces"), a leading "The" dropped.
"""

from __future__ import annotations

import re

__all__ = ["acronym_table", "expand_body"]

# A capitalised word of at most 30 characters that starts a word (bounded: a 2 MB blob of letters must not make
# the search quadratic).
_NAME_WORD = r"(?<![\w'’.-])[A-Z][\w'’.-]{0,29}(?![\w'’.-])"
_LINK_WORD = r"(?:of|for|in|the|and|des|du|de|del|la|le|al|wal|el)"
# "Full Name (ACR)": two to nine name words, linking words allowed between them.
FULL_THEN_SHORT = re.compile(
    rf"({_NAME_WORD}(?:\s+(?:{_LINK_WORD}\s+)*{_NAME_WORD}){{1,8}})\s*\(\s*([A-Z][A-Za-z]{{1,7}})\s*\)")
# "ACR (Full Name)"
SHORT_THEN_FULL = re.compile(rf"(?<![\w'’.-])([A-Z][A-Za-z]{{1,7}})\s*\(\s*({_NAME_WORD}(?:\s+[\w'’.-]+){{1,10}}?)\s*\)")
_BRACKET = re.compile(r"\s*\(([^()]*)\)?")


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'’-]+", words) if w[0].isupper())


def _plausible(short: str, full: str) -> bool:
    """The short form is made of the full name's capitals in order (loosely: "FAMa" of "Forces Armées
    Maliennes", "JNIM" of "Jama'at Nusrat al-Islam wal-Muslimin"), or starts like it."""
    caps = [c for c in short if c.isupper()]
    initials = _initials(full)
    if not caps or not initials:
        return False
    it = iter(initials)
    in_order = all(any(c == i for i in it) for c in caps)
    return in_order or caps[0] == initials[0]


def acronym_table(text: str) -> dict[str, str]:
    """Short form -> full name, for every bracketed pair the article gives (the first one wins)."""
    table: dict[str, str] = {}
    for m in FULL_THEN_SHORT.finditer(text):
        full, short = m.group(1), m.group(2)
        full = re.sub(r"^(?:The|the)\s+", "", full)
        if short.upper() == short or sum(c.isupper() for c in short) >= 2:
            # the full name may begin with words that are not part of it: keep the shortest tail that fits
            words = full.split()
            tails = [" ".join(words[-n:]) for n in range(2, min(len(words), len(short) + 3) + 1)]
            caps = "".join(c for c in short if c.isupper())
            exact = [t for t in tails if _initials(t) == caps and t[0].isupper()]
            loose = [t for t in reversed(tails) if _plausible(short, t) and t[0].isupper()]
            if exact or loose:
                table.setdefault(short, (exact or loose)[0])
    for m in SHORT_THEN_FULL.finditer(text):
        short, full = m.group(1), m.group(2)
        if sum(c.isupper() for c in short) >= 2 and _plausible(short, full):
            table.setdefault(short, full)
    return table


def expand_body(name: str, table: dict[str, str], brackets: bool = True) -> str:
    """A body's name in full (see the module docstring); unchanged when there is nothing to expand.
    ``brackets=False`` leaves brackets alone (a canonical name such as "Mali (unnamed official)")."""
    out = name
    bracket = _BRACKET.search(out) if brackets else None
    if bracket:
        inside = bracket.group(1).strip()
        before = out[: bracket.start()].strip()
        after = out[bracket.end():].strip()
        last = before.split()[-1] if before.split() else ""
        if last in table or (inside and _plausible(last, inside) and sum(c.isupper() for c in last) >= 2):
            # "The KPA (Korean People's Army) General Staff": the acronym spelt out in place
            before = before[: len(before) - len(last)] + (table.get(last) or inside)
        out = " ".join(x for x in (before, after) if x)
    words = out.split()
    words = [table.get(w, w) for w in words]
    out = " ".join(words)
    out = re.sub(r"^(?:The|the)\s+", "", out)
    return out
