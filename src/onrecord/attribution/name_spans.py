"""Name spans in a parse: where a person's name starts and ends, and the words around it that give a role.

Used by :mod:`onrecord.attribution.coref` to collect person mentions: a PERSON entity widened over the name words
the small model left out (``repair_name``), cut at a verb in a title-case headline (``cut_at_verb``), untagged
names an apposition shows to be people's (``_untagged_names``), media that are no people (``_names_medium``), the
role before a name or in apposition (``role_before``, ``role_in_apposition``) and whether the mention is a subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..actors.names import TITLE_WORDS, fold, fold_name
from ..actors.registry import ActorRegistry
from ..actors.roles import FORMER_WORDS, PERSON_ROLE_NOUNS, ROLE_IDIOMS, role_key
from .channels import load_lexicon as channel_lexicon
from .cues import HEADLINE_SAY_FORMS, TITLE_VERB_DEPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

_ROLE_TOKEN_POS = frozenset({"ADJ", "NOUN", "PROPN", "PART", "NUM"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TITLE_WORDS = TITLE_WORDS

# A leading article of an Arabic surname written alone ("Al-Rashid", "el-Masri"): not a first name.
SURNAME_ARTICLES = frozenset({"al", "el"})


# Entity labels the small model gives names of people at times ("Ingrid Sæther Holm" as a WORK_OF_ART): a person
# when a role or a known first name comes with them.
MISTAGGED_LABELS = frozenset({"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC", "LOC"})


# Nouns of an outlet whose name may follow them ("the broadcaster Lumen TV", "the station Radyo Bantay"); not
# "interview", "address", "show" (a person's name follows those as often).
OUTLET_NOUNS = frozenset({"agency", "channel", "tv", "television", "newspaper", "daily", "weekly", "tabloid",
                          "magazine", "broadcaster", "station", "radio", "outlet", "website"})


def _names_medium(ent: "SpacySpan") -> bool:
    """The entity is a medium: a platform or outlet of the channel lexicon ("Telegram"), or a name right after an
    outlet noun ("the broadcaster Lumen TV", "the station Radyo Bantay")."""
    lexicon = channel_lexicon()
    words = tuple(ent.text.split())
    if words in lexicon.platforms or words in lexicon.outlets:
        return True
    # an outlet noun right before the name, or before a call sign ("the radio station DWBR Radyo Bantay")
    before = list(ent.doc[max(0, ent.start - 2) : ent.start])
    if not before or before[-1].is_punct:
        return False
    if before[-1].lemma_.lower() in OUTLET_NOUNS:
        return True
    return len(before) == 2 and before[-1].text.isupper() and before[0].lemma_.lower() in OUTLET_NOUNS


def name_words(name: str) -> list[str]:
    """The folded words of a person's name, a surname's leading article dropped when it stands alone."""
    words = fold_name(name).split()
    return words[1:] if len(words) == 2 and words[0] in SURNAME_ARTICLES else words


def _span_text(tokens: Sequence["Token"]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def has_role_word(text: str) -> bool:
    key = role_key(text)
    words = set(key.split())
    return bool(words & PERSON_ROLE_NOUNS) or key in ROLE_IDIOMS


def _name_word(tok: "Token") -> bool:
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in PERSON_ROLE_NOUNS
            and tok.ent_type_ in {"", "PERSON", "GPE", "ORG", "NORP"} and not tok.is_punct)


NAME_PARTICLES = _NAME_PARTICLES = frozenset({"von", "der", "de", "van", "den", "da", "bin", "al", "el", "le", "la", "abu", "ibn", "ag",
                             "ould", "ben", "dos", "das", "del", "di", "du"})


def _after_portfolio(doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in {"for", "of"}


def repair_name(ent: "SpacySpan") -> "SpacySpan":
    """A PERSON entity widened over name words the small model left out: a first name before it
    ("Taras" of "Taras Hrytsenko"), a surname after a particle ("Ursula von der" + "Leyen")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    sent_start, sent_end = ent.sent.start, ent.sent.end
    while start - 1 >= sent_start and _name_word(doc[start - 1]) and doc[start - 1].ent_type_ in {"", "PERSON"} \
            and fold(doc[start - 1].text) not in _TITLE_WORDS and not _after_portfolio(doc, start - 1):
        start -= 1
    # "Special Envoy for Peace Ana Ruiz": the word after "for"/"of" is the office's, not the name's
    while end - start >= 3 and _after_portfolio(doc, start):
        start += 1
    last_is_particle = doc[end - 1].lower_ in _NAME_PARTICLES
    while end < sent_end and (_name_word(doc[end]) and (last_is_particle or doc[end].ent_type_ in {"", "PERSON"})):
        end += 1
        last_is_particle = doc[end - 1].lower_ in _NAME_PARTICLES
    # a hyphenated given name the tagger cut ("Kang Min" + "-soo"): the hyphen and the word after it
    while end + 1 < sent_end and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    return doc[start:end]


# Words after "Name Name," that show the name is a person's: "X Y, who heads ...", "X Y, the envoy ...".
_APPOSITION_OPENERS = frozenset({"who", "the", "a", "an", "whose"})


def _untagged_names(doc, covered: set[int], registry: ActorRegistry) -> list["SpacySpan"]:
    """Two or three capitalised words the tagger left out (or tagged as something else) that an apposition
    shows to be a person: "Souleymane Dembélé, who heads the ministry", "Ingrid Sæther Holm, the envoy"."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and doc[j].text[:1].isupper() and doc[j].text.replace("-", "").isalpha() \
                and j not in covered and doc[j].ent_type_ in {"", "PERSON", "ORG", "GPE", "NORP"}:
            j += 1
        if j - i >= 2 and j + 1 < len(doc) and doc[j].text == ",":
            after = doc[j + 1]
            # "X Y, who ...", "X Y, the envoy", "X Y, Eritrea's ambassador to the AU"
            possessor = j + 2 < len(doc) and after.text[:1].isupper() and doc[j + 2].tag_ == "POS" and any(
                t.lower_ in PERSON_ROLE_NOUNS and t.dep_ == "appos" and i <= t.head.i < j for t in doc[j + 2 : j + 7]
            ) and not (i > 0 and doc[i - 1].pos_ == "ADP")  # not "At the UN in New York, Russia's envoy said"
            role_follows = after.lower_ == "who" or ((after.lower_ in _APPOSITION_OPENERS or possessor) and any(
                t.lower_ in PERSON_ROLE_NOUNS for t in doc[j + 2 : j + 7]))
            span = doc[i:j]
            if role_follows and fold(span[0].text) not in TITLE_WORDS and registry.country_of(span.text) is None \
                    and not any(t.lower_ in PERSON_ROLE_NOUNS for t in span):
                out.append(span)
        i = max(j, i + 1)
    return out


def cut_at_verb(ent: "SpacySpan") -> "SpacySpan":
    """A name cut before the first word that acts as a verb: one with an object, particle or clause of its
    own, or a form of "say" ("Berg Rules Out Talks" tagged PERSON in a title-case headline -> "Berg")."""
    for tok in ent[1:]:
        if tok.lower_ in HEADLINE_SAY_FORMS or any(c.dep_ in TITLE_VERB_DEPS for c in tok.children):
            return ent.doc[ent.start : tok.i]
    return ent


def role_before(ent: "SpacySpan") -> str | None:
    """Title words right before a name: "Russian presidential aide" in "... aide Yuri Ushakov"."""
    doc = ent.doc
    i = ent.start - 1
    while i >= ent.sent.start:
        tok = doc[i]
        if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "PERSON"} or tok.is_punct and tok.text not in {"-"}:
            break
        if tok.pos_ in _ROLE_TOKEN_POS or tok.tag_ == "POS" or tok.lower_ in {"and", "of", "for", "the", "-"}:
            i -= 1
            continue
        break
    tokens = list(doc[i + 1 : ent.start])
    last = len(tokens) - 1
    while last >= 0 and (tokens[last].pos_ in {"DET", "ADJ"} and tokens[last].text.islower()):
        last -= 1
    if last >= 0 and tokens[last].lower_ in {"of", "for"}:
        # the object of an office's preposition is its place or body: "the RSF commander for North Darfur",
        # "special envoy for the Sahel", "a commander of the separatist X Front"
        return None
    while tokens and (tokens[0].pos_ in {"DET", "ADP", "CCONJ", "PART"} or tokens[0].lower_ in {"the", "of"}):
        tokens.pop(0)
    text = _span_text(tokens)
    return text if text and has_role_word(text) else None


def role_in_apposition(ent: "SpacySpan") -> str | None:
    """The apposition after a name ("Shoigu, the Security Council chief") or before it
    ("Russia's defence minister, Andrei Belousov"); both when both are there ("the AU's envoy for the Sahel,
    X, a former foreign minister": "the envoy" and "the minister" are X)."""
    after = before = None
    for tok in ent:
        for child in tok.children:
            if after is None and child.dep_ == "appos" and child.i >= ent.end and child.lower_ in PERSON_ROLE_NOUNS:
                sub = [t for t in child.subtree if not t.is_punct]
                while sub and sub[0].pos_ == "DET":
                    sub.pop(0)
                after = _span_text(sub) or None
    head = _apposed_role(ent.root)
    if head is not None and head.i < ent.start:
        sub = [t for t in head.subtree if t.i < ent.start and not t.is_punct]
        while sub and sub[0].pos_ == "DET":
            sub.pop(0)
        before = _span_text(sub) or None
    if before and after:  # (a past office is no description: "X, a former foreign minister" is no "minister")
        past = after.lower().replace("-", " ").split()[0] in FORMER_WORDS
        return before if past else f"{before}, {after}"
    return before or after


def _apposed_role(tok: "Token") -> "Token | None":
    """The role noun a name stands in apposition to: "the envoy, X", and "the envoy for Kethara, X", which the
    parser hangs on the office's object ("Kethara")."""
    if tok.dep_ != "appos":
        return None
    head = tok.head
    if head.lower_ in PERSON_ROLE_NOUNS:
        return head
    if (head.dep_ == "pobj" and head.head.dep_ == "prep"
            and head.head.lower_ in {"for", "of", "to", "in", "at"} and head.head.head.lower_ in PERSON_ROLE_NOUNS):
        return head.head.head
    return None


def _person_undergoes(verb: "Token") -> bool:
    """The passive verb's subject is a person ("Talmon was dismissed by ...", "he was received by ...")."""
    return any(c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or c.lower_ in {"he", "she", "who"}
                                          or c.lower_ in PERSON_ROLE_NOUNS) for c in verb.children)


def is_subject(tokens: Sequence["Token"]) -> bool:
    """The name is a subject: of its clause, in a subject's conjunction or apposition, or the agent of a passive
    whose subject is no person ("Russia's team is led by X. He told ..."; not "X was dismissed by Y. He said ...",
    where "he" is X)."""
    for tok in tokens:
        if tok.dep_ in _SUBJECT_DEPS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"
                                         and not _person_undergoes(tok.head.head)):
            return True
        if tok.dep_ in {"conj", "appos", "compound"} and tok.head.dep_ in _SUBJECT_DEPS:
            return True
        role = _apposed_role(tok)
        if role is not None and role.dep_ in _SUBJECT_DEPS:  # "the envoy for Kethara, X, said"
            return True
    return False
