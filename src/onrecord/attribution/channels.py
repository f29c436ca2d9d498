"""Channels: the medium a statement went through ("TASS", "Telegram news channel Shot", "video address").

``find_channel(sent, offset, cue)`` reads the dependency parse, not fixed strings. A noun phrase is a
*medium* when (lexicon in ``data/channels.txt``):

- its head is a media word ("agency", "channel", "television", "interview", "press conference",
  "statement", "video address" ...), or it is a name whose compound modifier is one ("news channel Shot"),
- or it is, or contains, a platform ("Telegram", "X", "Facebook") or a news organisation of the seed list
  ("TASS", "CNN", "RIA Novosti"), or a proper name built on a newspaper word ("Financial Times").

People and audiences are never channels: "told Putin" (a PERSON), "told reporters", "told the media"
(an audience word with nothing but an article). A medium with its own modifier is still one ("state
media", "the Kremlin press service").

Where the medium is looked for, in order (the first found wins):

1. The cue's own clause (``cue_clause``; content clauses excluded), closest to the cue first:
   - the addressee of a verb of telling: "told the Telegram news channel Shot", "told CNN";
   - a prepositional phrase of the saying: "in an interview with CNN", "at a press conference",
     "in a video address", "on his Telegram channel", "wrote on Facebook", "speaking to the BBC",
     "in comments to TASS";
   - the agent of quoting/reporting: "was quoted by the state-run TASS news agency as saying".
   Inside a medium phrase the more specific medium wins: "in a post on X" gives "X", "in an interview
   with CNN" gives "CNN"; with a person ("in an interview with Tucker Carlson") the whole phrase is kept.
2. Relay constructions anywhere in the sentence, because the parser often hangs them on the quoted
   clause: "..., quoted by TASS", "..., TASS reported", "as reported by Interfax", and "according to
   RIA Novosti" when the statement has another cue (when "according to" *is* the cue, its object is the
   speaker, and only a media word there is a channel: "according to a Kremlin readout").

The name is the medium's noun phrase as written, from its first content word: a leading article or
possessive pronoun is dropped ("the state-run TASS news agency" -> "state-run TASS news agency", "his
Telegram channel" -> "Telegram channel"); relative clauses, trailing prepositional phrases and anything
after a comma are not part of it. Gold channels are compared by containment of folded names, so the
full phrase matches both "TASS" and "state-run TASS news agency".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from ..cue_clause import clause_words
from ..records import Channel

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

__all__ = ["find_channel", "ChannelLexicon", "load_lexicon", "parse_lexicon"]

LEXICON_FILE = "channels.txt"
# Prepositions that introduce the medium of a saying: "in an interview", "at a briefing", "on X",
# "speaking to the BBC", "via Telegram", "during a press conference", "over the phone" is not a medium
# (not in the lexicon) so "over" costs nothing.
MEDIUM_PREPS = frozenset({"in", "at", "on", "during", "via", "through", "to", "with", "over", "from", "for"})
# Prepositions inside a medium phrase that lead to a more specific medium: "post on X", "interview with
# CNN", "comments to TASS", "interview to RT".
INNER_PREPS = frozenset({"on", "with", "to", "for", "by"})
# Verbs whose subject or agent relays someone else's words (rule 2).
RELAY_LEMMAS = frozenset({"report", "quote", "cite"})
# Left dependents kept in a medium's name (everything else on the left is cut).
NAME_DETERMINER_TAGS = frozenset({"DT", "PRP$", "WP$"})
# Right dependents kept in a medium's name: "channel Shot", "TASS news agency", "Channel One".
NAME_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "appos", "npadvmod", "amod", "nmod"})
# Entity labels that are never a channel on their own.
PERSONAL_LABELS = frozenset({"PERSON", "NORP", "GPE"})
# Proper nouns after a media word that are not its name ("told the agency Monday").
NOT_NAMES = frozenset({"PERSON", "DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class ChannelLexicon:
    """The word lists of ``data/channels.txt``; multi-word entries as tuples of words."""

    media_words: frozenset[tuple[str, ...]]  # lower case
    platforms: frozenset[tuple[str, ...]]  # case as written
    outlets: frozenset[tuple[str, ...]]  # case as written
    outlet_words: frozenset[str]  # case as written
    audiences: frozenset[str]  # lower case


@functools.lru_cache(maxsize=1)
def load_lexicon() -> ChannelLexicon:
    """Read ``onrecord/data/channels.txt`` once."""
    return parse_lexicon(resources.files("onrecord").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8"))


def parse_lexicon(text: str) -> ChannelLexicon:
    """The lexicon in ``text`` (the format of ``data/channels.txt``); ValueError naming what is wrong."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        if current is None:
            raise ValueError(f"{LEXICON_FILE}: entry {line!r} before any [section] header; "
                             "start the file with e.g. [media_words]")
        sections[current].append(line)
    needed = ("media_words", "platforms", "outlets", "outlet_words", "audiences")
    missing = [s for s in needed if s not in sections]
    if missing:
        raise ValueError(f"{LEXICON_FILE}: missing section(s) {missing}; expected all of {list(needed)}")
    return ChannelLexicon(
        media_words=frozenset(tuple(e.lower().split()) for e in sections["media_words"]),
        platforms=frozenset(tuple(e.split()) for e in sections["platforms"]),
        outlets=frozenset(tuple(e.split()) for e in sections["outlets"]),
        outlet_words=frozenset(sections["outlet_words"]),
        audiences=frozenset(e.lower() for e in sections["audiences"]),
    )


# --------------------------------------------------------------------------- noun phrases


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A medium's noun phrase: tokens ``first..last`` (inclusive) of the doc, and its head."""

    head: "Token"
    first: int
    last: int

    def tokens(self) -> list["Token"]:
        return list(self.head.doc[self.first:self.last + 1])


def _right_extent(tok: "Token") -> int:
    last = tok.i
    for child in tok.rights:
        if child.dep_ not in NAME_RIGHT_DEPS:
            break
        # no comma between: "the channel, which ..." and "TASS, the agency" stop here
        between = tok.doc[last + 1:child.left_edge.i]
        if any(t.is_punct and t.text != "-" for t in between):
            break
        last = max(last, _right_extent(child))
    return last


def _phrase(head: "Token") -> _Phrase:
    """The name span of the noun phrase headed by ``head`` (see the module docstring)."""
    first = head.i
    for child in head.lefts:  # children to the left, nearest last
        first = min(first, child.left_edge.i)
    last = _right_extent(head)
    doc = head.doc
    while first < head.i and (doc[first].tag_ in NAME_DETERMINER_TAGS or doc[first].is_punct
                              or doc[first].is_space):
        first += 1
    return _Phrase(head, first, last)


def _bare(tok: "Token") -> str:
    """Token text without a sentence-final period glued on by the tokenizer ("X.")."""
    text = tok.text
    return text[:-1] if len(text) > 1 and text.endswith(".") and text[:-1].isalnum() else text


def _end_of(tok: "Token") -> int:
    """Where a name ending in ``tok`` ends: a sentence-final period glued on by the tokenizer ("on X.")
    is not part of the name; an abbreviation's period inside the sentence ("Inc. said") is."""
    doc = tok.doc
    final = tok.i == len(doc) - 1 or doc[tok.i + 1].is_space or doc[tok.i + 1].is_quote
    return tok.idx + (len(_bare(tok)) if final else len(tok.text))


def _contains(words: list[str], entry: tuple[str, ...]) -> bool:
    n = len(entry)
    return any(tuple(words[i:i + n]) == entry for i in range(len(words) - n + 1))


def _is_named_medium(phrase: _Phrase, lex: ChannelLexicon) -> bool:
    words = [_bare(t) for t in phrase.tokens()]
    if any(_contains(words, e) for e in lex.platforms | lex.outlets):
        return True
    return phrase.head.pos_ == "PROPN" and any(w in lex.outlet_words for w in words)


def _media_word_at(tok: "Token", lex: ChannelLexicon) -> bool:
    for entry in lex.media_words:
        if entry[-1] not in (tok.lemma_.lower(), tok.lower_):
            continue
        before = tok.doc[max(tok.i - len(entry) + 1, 0):tok.i]
        if tuple(t.lower_ for t in before) == entry[:-1]:
            return True
    return False


def _is_audience(phrase: _Phrase, lex: ChannelLexicon) -> bool:
    """"reporters", "the media": an audience word with nothing but an article."""
    toks = phrase.tokens()
    return len(toks) == 1 and (toks[0].lemma_.lower() in lex.audiences or toks[0].lower_ in lex.audiences)


def _is_medium(phrase: _Phrase, lex: ChannelLexicon) -> bool:
    if _is_audience(phrase, lex):
        return False
    if _is_named_medium(phrase, lex):
        return True
    head = phrase.head
    if _media_word_at(head, lex):
        return True
    # a name with a media word as its modifier: "news channel Shot", "newspaper Izvestia"
    if head.pos_ == "PROPN":
        return any(c.dep_ in ("compound", "appos", "nmod") and _media_word_at(c, lex) for c in head.children)
    return False


def _is_person(tok: "Token") -> bool:
    """A person, people or place, not a medium: unless a media word names what it is ("the broadcaster
    TRT Haber", "the newspaper Izvestia": the tagger often takes such names for people)."""
    if tok.pos_ == "PRON":
        return True
    if tok.ent_type_ not in PERSONAL_LABELS:
        return False
    lex = load_lexicon()
    return not any(c.dep_ in ("compound", "appos", "nmod") and _media_word_at(c, lex) for c in tok.children)


def _pobj(prep: "Token") -> "Token | None":
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _inner_preps(head: "Token") -> Iterator["Token"]:
    """Prepositions that hang from a phrase head, directly ("post on X") or through a participle
    ("statement posted on its Telegram channel", "remarks broadcast on Rossiya 24")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in INNER_PREPS:
            yield child
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "speech broadcast by Al Jazeera": the agent too
            yield from (c for c in child.children if c.dep_ in ("prep", "agent") and c.lower_ in INNER_PREPS)


def _refine(phrase: _Phrase, lex: ChannelLexicon) -> _Phrase:
    """Inside a medium, a more specific medium wins ("post on X" -> "X"); a person is kept in the name
    ("interview with Tucker Carlson")."""
    for child in _inner_preps(phrase.head):
        obj = _pobj(child)
        if obj is None:
            continue
        inner = _phrase(obj)
        named_outlet = obj.ent_type_ == "GPE" and any(c.dep_ == "nummod" for c in obj.children)  # "Channel 4"
        if _is_medium(inner, lex) or obj.ent_type_ == "ORG" or named_outlet:
            return inner
        if obj.ent_type_ == "PERSON":
            return _Phrase(phrase.head, phrase.first, max(phrase.last, inner.last))
    return phrase


def _with_trailing_name(phrase: _Phrase, sent: "SpacySpan", lex: ChannelLexicon) -> _Phrase:
    """A media word followed straight away by a proper name the parser hung elsewhere takes it in: "told the
    newspaper La Voz", "told the state news agency NORA" (spaCy makes the name a second object)."""
    doc = phrase.head.doc
    if not _media_word_at(phrase.head, lex) or phrase.head.pos_ == "PROPN":
        return phrase
    last = phrase.last
    while last + 1 < sent.end and doc[last + 1].pos_ == "PROPN" and doc[last + 1].ent_type_ not in NOT_NAMES \
            and not doc[last + 1].is_punct:
        last += 1
    while last > phrase.last and last + 1 < sent.end and doc[last + 1].like_num:  # "Channel 4"
        last += 1
    return _Phrase(phrase.head, phrase.first, last) if last > phrase.last else phrase


def _inner_medium(phrase: _Phrase, lex: ChannelLexicon) -> _Phrase | None:
    """A medium inside a phrase that is not one itself: "comments to TASS", "remarks on Telegram"."""
    for child in _inner_preps(phrase.head):
        obj = _pobj(child)
        if obj is not None and _is_medium(_phrase(obj), lex):
            return _phrase(obj)
    return None


# --------------------------------------------------------------------------- finding candidates


def _clause_candidates(anchor: "Token", sent: "SpacySpan", lex: ChannelLexicon) -> Iterator[_Phrase]:
    """Rule 1: media attached to the saying, closest first."""
    words = sorted(clause_words(anchor, sent), key=lambda w: (w.depth, abs(w.token.i - anchor.i)))
    in_clause = {w.token.i for w in words}
    for word in words:
        tok = word.token
        head = tok.head
        if tok.dep_ in ("dobj", "dative") and head.i in in_clause and head.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "dative" and tok.pos_ == "ADP":  # "said to X": the object of "to"
                continue
            phrase = _phrase(tok)
            if not _is_person(tok) and _is_medium(phrase, lex):
                yield _refine(phrase, lex)
        elif tok.dep_ in ("prep", "agent", "dative") and tok.pos_ == "ADP" and head.i in in_clause:
            obj = _pobj(tok)
            if obj is None or _is_person(obj):
                continue
            phrase = _phrase(obj)
            low = tok.lower_
            if low == "by":
                if head.lemma_.lower() in RELAY_LEMMAS or head.lower_ == "saying":
                    if _is_medium(phrase, lex) or obj.ent_type_ == "ORG":
                        yield _refine(phrase, lex)
                continue
            if low not in MEDIUM_PREPS:
                continue
            if _is_medium(phrase, lex):
                yield _refine(phrase, lex)
            else:
                inner = _inner_medium(phrase, lex)
                if inner is not None:
                    yield inner


def _relay_candidates(sent: "SpacySpan", cue: "Token | None", lex: ChannelLexicon) -> Iterator[_Phrase]:
    """Rule 2: "quoted by X", "X reported", "according to X" anywhere in the sentence."""
    for tok in sent:
        if cue is not None and tok.i == cue.i:
            continue
        lemma = tok.lemma_.lower()
        if lemma in RELAY_LEMMAS and tok.pos_ == "VERB":
            if cue is not None and _reported_inside(tok, cue):
                continue
            for child in tok.children:
                obj = child
                if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                    obj = _pobj(child)
                elif child.dep_ != "nsubj":
                    continue
                if obj is None or _is_person(obj):
                    continue
                phrase = _phrase(obj)
                if _is_medium(phrase, lex) or obj.ent_type_ == "ORG":
                    yield _refine(phrase, lex)
        elif tok.lower_ == "according" and cue is not None:
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = _pobj(to) if to is not None else None
            if obj is not None and not _is_person(obj):
                phrase = _phrase(obj)
                if _is_medium(phrase, lex):
                    yield _refine(phrase, lex)


# Possessives by which a medium is the subject's own ("on its Telegram channel", "on his X account").
OWN_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my"})


def _object_medium(verb: "Token", lex: ChannelLexicon) -> _Phrase | None:
    """A medium of the speaker's own the parser hangs on the verb's object: "dismissed the finding on its Telegram
    channel" (not "criticised Trump's remarks on Fox News": a medium without the subject's possessive is another's)."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for prep in obj.children:
            target = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS else None
            own = target is not None and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in target.children)
            if own and not _is_person(target) and _is_medium(_phrase(target), lex):
                return _refine(_phrase(target), lex)
    return None


def _reported_inside(verb: "Token", cue: "Token") -> bool:
    """True when the relay verb is part of what the cue's speaker said ("X said that TASS reported that
    ..."): it hangs below the cue and has content of its own. A bare trailing "..., TASS reported" that the
    parser hangs below the cue has none, and is a relay of the cue's statement."""
    below_cue = any(a.i == cue.i for a in verb.ancestors)
    own_content = any(c.dep_ in ("mark", "ccomp") for c in verb.children)
    return below_cue and own_content


def _according_cue(cue: "Token", lex: ChannelLexicon) -> _Phrase | None:
    """When "according to X" is the cue, X is the speaker; only a media word is a channel."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    obj = _pobj(to) if to is not None else None
    if obj is None:
        return None
    phrase = _phrase(obj)
    if _media_word_at(obj, lex):
        return _refine(phrase, lex)
    return None


def find_channel(sent: "SpacySpan", offset: int, cue: "Token | None" = None) -> Channel | None:
    """The channel named in sentence ``sent`` for the statement cued by ``cue``; offsets into the article
    (``offset`` is the start of the sentence's block in the article text). Without a cue, the sentence
    root stands for it."""
    lex = load_lexicon()
    found: _Phrase | None = None
    if cue is not None and cue.lower_ == "according":
        found = _according_cue(cue, lex)
    else:
        anchor = cue if cue is not None else sent.root
        found = next(_clause_candidates(anchor, sent, lex), None)
        if found is None and anchor.dep_ == "advcl" and anchor.tag_ == "VBG" and anchor.head.pos_ == "VERB":
            # "X dismissed the finding on its Telegram channel, saying ...": the participle's medium is its verb's
            found = next(_clause_candidates(anchor.head, sent, lex), None) or _object_medium(anchor.head, lex)
        if found is None:
            found = next(_relay_candidates(sent, cue, lex), None)
    if found is None:
        return None
    found = _with_trailing_name(found, sent, lex)
    doc = sent.doc
    first, last = doc[found.first], doc[found.last]
    start = first.idx
    end = _end_of(last)
    return Channel(name=doc.text[start:end], start=offset + start, end=offset + end)
