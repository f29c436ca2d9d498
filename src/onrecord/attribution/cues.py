"""Speech cues: the words that say someone said something ("said", "was quoted as saying", "according to").

Cues come from the lexicon ``onrecord/data/cues.txt`` (verb lemmas, nouns, multiword phrases) matched on the
spaCy parse, so every tense and voice of a verb is found through its lemma. The cue span is the verb with
the auxiliaries, negations and adverbs that sit immediately before it ("has repeatedly said"), and for the
passive "was quoted as saying" the whole phrase.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from ..errors import OnrecordError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

LEXICON_RESOURCE = "cues.txt"
# Dependency labels of the words kept in front of a cue verb: "has repeatedly said", "did not say".
PRE_VERB_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Verb forms whose parse is unreliable in title-case headlines ("Putin Aide Says No Talks"): taken as the
# verb "say" whatever their part-of-speech tag.
HEADLINE_SAY_FORMS = frozenset({"says", "said", "say"})
# A title-case word is read as a verb only with one of these dependents (a headline's object or particle).
TITLE_VERB_DEPS = frozenset({"dobj", "prt", "ccomp", "xcomp"})
# Suffixes stripped to find a title-case verb's lemma: "Rules" -> "rule", "Denies" -> "deny".
TITLE_CASE_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("", ""))
# Dependencies under which a speech verb is not itself a statement: "the said document", "so-called".
NON_CUE_DEPS = frozenset({"amod", "compound"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Speech-cue lemmas: verbs (with their particle for phrasal verbs), nouns and multiword phrases."""

    verbs: frozenset[str] = frozenset()
    phrasal: frozenset[tuple[str, str]] = frozenset()  # ("rule", "out")
    object_verbs: frozenset[str] = frozenset()  # "reject", "rule out": their nominal object is content
    nouns: frozenset[str] = frozenset()
    quote_only: frozenset[str] = frozenset()  # "continue": a cue only next to a quotation
    phrases: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Cue:
    """One speech cue: its head token, its span in the article and what kind of cue it is.

    ``kind`` is "verb", "noun" or "phrase"; ``lemma`` the lexicon entry matched ("say", "rule out",
    "according to"). ``offset`` is the article offset of the token's block (``offset + token.idx``).
    ``quote_only``: the cue attributes a quotation but reports no clause of its own ("she continued: ...").
    ``block_text`` is the parsed block's text (kept because ``Doc.text`` is rebuilt on every access).
    """

    token: "Token" = field(compare=False)
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    offset: int
    takes_object: bool = False
    quote_only: bool = False
    block_text: str = field(default="", repr=False, compare=False)  # the block's text, ``token.doc.text``


def parse_lexicon(lines: Iterator[str] | list[str], source: str = LEXICON_RESOURCE) -> Lexicon:
    """A lexicon from the lines of a cue file (format in the file's header)."""
    verbs: set[str] = set()
    phrasal: set[tuple[str, str]] = set()
    objects: set[str] = set()
    nouns: set[str] = set()
    quote_only: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        words = rest.split()
        takes_object = "+object" in words
        only_quotes = "+quote" in words
        words = [w for w in words if w not in ("+object", "+quote")]
        if kind not in ("verb", "noun", "phrase") or not words or (kind != "phrase" and len(words) > 2):
            raise OnrecordError(
                f"{source} line {number}: cannot read {raw.strip()!r}; expected 'verb LEMMA [PARTICLE] [+object]', "
                "'noun LEMMA' or 'phrase WORD WORD ...'"
            )
        if kind == "verb":
            name = " ".join(words)
            if len(words) == 2:
                phrasal.add((words[0], words[1]))
            else:
                verbs.add(words[0])
            if takes_object:
                objects.add(name)
            if only_quotes:
                quote_only.add(name)
        elif kind == "noun":
            nouns.add(words[0])
        else:
            phrases.append(tuple(words))
    return Lexicon(frozenset(verbs), frozenset(phrasal), frozenset(objects), frozenset(nouns),
                   frozenset(quote_only), tuple(phrases))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``onrecord/data/cues.txt``."""
    path = resources.files("onrecord.data").joinpath(LEXICON_RESOURCE)
    return parse_lexicon(path.read_text(encoding="utf-8").splitlines())


def _is_verb(token: "Token") -> bool:
    return token.pos_ == "VERB" or token.tag_.startswith("VB")


def _verb_span(token: "Token") -> tuple[int, int]:
    """Token indices [first, last] of the verb with the auxiliaries and adverbs right before it."""
    first = token.i
    kids = {t.i: t for t in token.lefts if t.dep_ in PRE_VERB_DEPS}
    while first - 1 in kids:
        first -= 1
    last = token.i
    for child in token.rights:  # the particle of a phrasal verb: "ruled out"
        if child.dep_ == "prt" and child.i == last + 1:
            last = child.i
    return first, last


def _quoted_as_saying(token: "Token") -> "Token | None":
    """For a passive "quoted": the "saying" of "as saying"."""
    for child in token.rights:
        if child.lower_ == "as":
            for grand in child.rights:
                if grand.lemma_ == "say" or grand.lower_ == "saying":
                    return grand
    return None


def _make(token: "Token", first: int, last: int, lemma: str, kind: str, offset: int, block_text: str,
          takes_object: bool = False, quote_only: bool = False) -> Cue:
    doc = token.doc
    a = doc[first].idx
    b = doc[last].idx + len(doc[last].text)
    return Cue(token, offset + a, offset + b, block_text[a:b], lemma, kind, offset, takes_object, quote_only,
               block_text)


def _verb_lemma(token: "Token", lexicon: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    for child in token.rights:
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in lexicon.phrasal:
            return f"{lemma} {child.lower_}"
    if lemma in lexicon.verbs:
        return lemma
    return None


def _title_case_lemma(token: "Token", lexicon: Lexicon) -> str | None:
    """A headline verb tagged as a proper noun ("Shoigu Rules Out Talks"): its lemma by suffix stripping,
    when that is a lexicon verb and the word has a verb's dependents."""
    if not any(c.dep_ in TITLE_VERB_DEPS for c in token.children):
        return None
    lower = token.lower_
    for suffix, repl in TITLE_CASE_SUFFIXES:
        if lower.endswith(suffix):
            stem = lower[: len(lower) - len(suffix)] + repl
            for child in token.rights:
                if child.dep_ == "prt" and (stem, child.lower_) in lexicon.phrasal:
                    return f"{stem} {child.lower_}"
            if stem in lexicon.verbs:
                return stem
    return None


# Nouns of the medium a statement went out in: a participle describing one is no cue of its own.
MEDIUM_NOUNS = frozenset({"video", "statement", "message", "recording", "post", "letter", "footage", "clip",
                          "audio", "broadcast", "communique", "communiqué", "release", "note", "address"})


def _describes_medium(token: "Token") -> bool:
    """ "a video posted on X", "an audio recording released on Telegram": a participle of a medium noun with no
    clause of its own (not "a statement posted on Facebook that X ...", where the parser hangs X on it)."""
    return (token.dep_ == "acl" and token.tag_ == "VBN" and token.head.lemma_.lower() in MEDIUM_NOUNS
            and not any(c.dep_ in {"ccomp", "parataxis"} for c in token.children))


def find_cues(sent: "SpacySpan", offset: int, lexicon: Lexicon | None = None, headline: bool = False,
              block_text: str | None = None) -> list[Cue]:
    """Speech cues in one sentence; ``offset`` is the article offset of the sentence's block.

    ``headline``: the sentence is a title-case headline, whose verbs are often tagged as proper nouns.
    ``block_text``: ``sent.doc.text`` when the caller has it (building it again costs a pass over the doc).
    """
    lexicon = lexicon or default_lexicon()
    if block_text is None:
        block_text = sent.doc.text
    out: list[Cue] = []
    tokens = list(sent)
    covered = -1  # index of the last token inside a cue already found ("saying" in "quoted as saying")
    for k, token in enumerate(tokens):
        if token.i <= covered:
            continue
        lower = token.lower_
        # phrases: "according to"
        for phrase in lexicon.phrases:
            if lower == phrase[0] and all(
                k + j < len(tokens) and tokens[k + j].lower_ == w for j, w in enumerate(phrase)
            ):
                out.append(_make(token, token.i, token.i + len(phrase) - 1, " ".join(phrase), "phrase", offset, block_text))
        if token.dep_ in NON_CUE_DEPS:
            continue
        if _describes_medium(token) and not headline:
            continue  # "in a video posted on its Telegram channel": describes the medium, nobody speaks by it
        title_lemma = _title_case_lemma(token, lexicon) if headline and token.pos_ == "PROPN" else None
        if _is_verb(token) or lower in HEADLINE_SAY_FORMS or title_lemma:
            lemma = "say" if lower in HEADLINE_SAY_FORMS else title_lemma or _verb_lemma(token, lexicon)
            if lemma is None:
                continue
            first, last = _verb_span(token)
            if lemma == "quote" and any(c.dep_ == "auxpass" for c in token.lefts):
                saying = _quoted_as_saying(token)
                if saying is not None:
                    last = max(last, saying.i)
            covered = last
            # in a headline the object of any cue is what was said: "Aide Says No Peace Talks"
            out.append(_make(token, first, last, lemma, "verb", offset, block_text,
                             headline or lemma in lexicon.object_verbs, lemma in lexicon.quote_only))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns:
            out.append(_make(token, token.i, token.i, token.lemma_.lower(), "noun", offset, block_text))
    return out
