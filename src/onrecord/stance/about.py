"""Is a statement about negotiations? Find the words that make it so (the anchors of its stance).

An anchor is a token of the parse: a negotiation noun ("talks", "ceasefire", "truce"), a head modified by
a peace word ("peace plan", "diplomatic track", "prisoner exchange"), a negotiating verb ("negotiate"),
an idiom ("sit down with", "come to terms", "negotiating table"), or a party verb or noun ("talk",
"meet", "meeting") when it has a party (a with-phrase or object naming a country, organisation or
person) or a political subject ("we will not talk"), and is not about a topic ("talk about the weather").
A place the article names as the venue of its talks is one when the statement goes there or is there
("no more trips to Geneva": ``venues.py``). Idioms read on the parse: a door that is open, kept open or closed ("the door to peace remains open"), and
"end" with a war as its object ("would not end the war until ...", "an end to the fighting").

Weak words (``lex.weak_terms``: "the text", "the next session", "violations") are anchors only as the object
of a deal verb ("discuss a wider swap", "sign any paper") or, through :func:`find_weak_anchors`, when the
surrounding text is about talks (``stance/surroundings.py``). An object pronoun after an anchor of the same
statement stands for it ("received the proposal and was studying it").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .context import Piece
from .counterpart import PARTY_LABELS, PARTY_PRONOUNS, place_of
from .lexicon import Lexicon
from .venues import is_venue, is_venue_process

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Subject pronouns that make a party verb political ("we will not talk"), as opposed to "I talked".
POLITICAL_SUBJECTS = frozenset({"we", "they", "he", "she"})


def _lemma(token: "Token") -> str:
    return token.lemma_.lower()


# Verbs of having or laying down terms ("has no preconditions", "set conditions").
PRECONDITION_VERBS = frozenset({"have", "set", "impose", "attach", "lay", "put", "place", "make"})
# Object pronouns that can stand for an earlier anchor of the same statement.
ANCHOR_PRONOUNS = frozenset({"it"})
# Determiners of a door that make it a particular one, not the idiom ("the door of the building" aside).
DOOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _is_door(token: "Token", lex: Lexicon) -> bool:
    """ "the door remains open", "have not closed the door to peace", "our doors are open"."""
    if token.lower_ not in lex.door_nouns or token.dep_ not in DOOR_DEPS:
        return False
    head = token.head
    if _lemma(head) in lex.door_verbs or head.lower_ in lex.door_closers:
        return True
    return any(c.dep_ in {"acomp", "oprd"} and c.lower_ in lex.door_verbs | lex.door_closers for c in head.children)


def _is_end_of_war(token: "Token", lex: Lexicon) -> bool:
    """ "end the war" / "an end to the fighting": a settlement term."""
    if _lemma(token) != "end":
        return False
    if token.pos_ == "VERB":
        return any(c.dep_ == "dobj" and _lemma(c) in lex.end_objects for c in token.children)
    if token.pos_ == "NOUN":
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"to", "of"}):
            if any(_lemma(o) in lex.end_objects for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


# Weak nouns that, with an "of" complement, are about something else ("a better understanding of the causes").
OF_TOPIC_WEAK = frozenset({"understanding", "process", "framework", "mechanism", "channel", "track", "terms", "code"})


def _is_weak(token: "Token", lex: Lexicon) -> bool:
    """A weak word (see the module docstring), or a bare term a modifier took out of talks ("the grain deal").

    Not a preposition that shares a lemma ("according to" is no accord), nor a forum word with an "of" topic.
    """
    if token.dep_ == "prep" or not (token.lemma_.lower() in lex.weak_terms or token.lower_ in lex.weak_terms):
        return False
    if token.lower_ in OF_TOPIC_WEAK and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    return True


def _is_deal_object(token: "Token", lex: Lexicon) -> bool:
    if token.dep_ != "dobj" or _lemma(token.head) not in lex.deal_verbs:
        return False
    return _is_weak(token, lex) or _lemma(token) in lex.deal_only_terms


def _is_term(token: "Token", lex: Lexicon) -> bool:
    lower, lemma = token.lower_, _lemma(token)
    if _is_door(token, lex) or _is_end_of_war(token, lex) or is_venue(token, lex) or is_venue_process(token, lex):
        return True
    if token.pos_ == "ADJ" and (lemma in lex.adjective_terms or lower in lex.adjective_terms):
        return True
    if token.pos_ in {"NOUN", "PROPN"} or token.tag_.startswith("NN"):
        if lemma in lex.singular_only_terms and token.tag_ in {"NNS", "NNPS"}:
            return False
        if lemma in lex.terms or lower in lex.terms:
            return True
        if lemma in lex.plural_terms and (token.tag_ in {"NNS", "NNPS"} or lower.endswith("s")):
            return True
        if lemma in lex.bare_terms or lower in lex.bare_terms:
            modifiers = [m for m in token.lefts if m.dep_ in {"compound", "amod", "nmod"}]
            if not any(m.lower_ in lex.bare_terms_blocked for m in modifiers):
                return True
        if lemma in lex.peace_heads or lower in lex.peace_heads:
            for mod in token.lefts:
                pair = f"{mod.lower_} {lemma}"
                if mod.lower_ in lex.peace_modifiers and pair not in lex.peace_heads_blocked:
                    return True
    if token.pos_ == "VERB" and lemma in lex.verbs:
        return True
    # "Freedonia has no preconditions", "set two preconditions": terms for talks that go unnamed
    if lemma in {"precondition", "prerequisite"} and token.tag_ in {"NNS", "NNPS"} and token.dep_ in {"dobj", "attr"} \
            and _lemma(token.head) in PRECONDITION_VERBS:
        return True
    return False


def _names_party(token: "Token", lex: Lexicon) -> bool:
    if token.ent_type_ in PARTY_LABELS or token.pos_ == "PROPN" or token.lower_ in PARTY_PRONOUNS:
        return True
    if place_of(token.text, lex) or token.lemma_.lower() in lex.party_people or token.lower_ in lex.party_people:
        return True
    return any(place_of(t.text, lex) or t.ent_type_ in PARTY_LABELS for t in token.lefts)


def _is_party_word(token: "Token", lex: Lexicon) -> bool:
    lemma = _lemma(token)
    is_verb = token.pos_ in {"VERB", "AUX"} and lemma in lex.party_verbs
    is_noun = token.pos_ in {"NOUN", "PROPN"} and (lemma in lex.party_nouns or token.lower_ in lex.party_nouns)
    if not (is_verb or is_noun):
        return False
    children = list(token.children)
    if _has_topic(token, lex):
        return False  # "talk about the weather" (a stranded "about" is not a topic: "nothing to talk about")

    for child in children:
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "to"}:
            if any(_names_party(p, lex) for p in child.children if p.dep_ == "pobj"):
                return True
        if is_verb and child.dep_ == "dobj" and _names_party(child, lex):
            return True
        if is_verb and _face_to_face(child):
            return True  # "prepared to meet the leadership face to face": a meeting of the parties
    if is_verb and lemma != "sit":
        subjects = _subjects(token)
        if subjects and (subjects[0].lower_ in POLITICAL_SUBJECTS or _names_party(subjects[0], lex)):
            # a bare "talk"/"meet" needs no object only when nothing else follows it ("we will not talk")
            return not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in children)
    return False


# Nouns that, with an infinitive of talking or signing, deny there is anything to negotiate.
NOTHING_NOUNS = frozenset({"nothing", "little", "anything"})


def _has_topic(token: "Token", lex: Lexicon) -> bool:
    """A topic phrase with its object ("talk about the weather"); a stranded "about" is none."""
    return any(c.dep_ == "prep" and c.lower_ in lex.topic_preps and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
               for c in token.children)


def _nothing_to(token: "Token", lex: Lexicon) -> bool:
    """ "there is nothing to sign", "nothing left to talk about": the verb hangs on "nothing" (directly or
    through "left")."""
    if token.dep_ not in {"relcl", "acl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if _has_topic(token, lex):
        return False  # "nothing to talk about the weather"
    after = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
    if after is not None and after.lower_ in {"but", "except", "besides"}:
        return False  # "nothing to talk about but the weather": something else is
    head = token.head
    if head.lower_ == "left" and head.dep_ == "acl":
        head = head.head
    return head.lower_ in NOTHING_NOUNS


def _face_to_face(child: "Token") -> bool:
    doc = child.doc
    return child.lower_ == "face" and child.i + 2 < len(doc) and doc[child.i + 1].lower_ == "to" \
        and doc[child.i + 2].lower_ == "face"


def _subjects(token: "Token") -> list["Token"]:
    """The subject of a verb, or of the clause it complements ("we are ready to talk")."""
    node = token
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or node.dep_ not in {"xcomp", "acomp", "conj"} or node.head.i == node.i:
            return subjects
        node = node.head
    return []


def _phrase_anchors(tokens: list["Token"], lex: Lexicon, phrases: tuple[tuple[str, ...], ...] | None = None) -> Iterable["Token"]:
    phrases = lex.phrases if phrases is None else phrases
    lemmas = [_lemma(t) for t in tokens]
    lowers = [t.lower_ for t in tokens]
    firsts = {p[0] for p in phrases}
    for i, (lemma, lower) in enumerate(zip(lemmas, lowers)):
        if lemma not in firsts and lower not in firsts:
            continue
        for phrase in phrases:
            n = len(phrase)
            if tuple(lemmas[i : i + n]) == phrase or tuple(lowers[i : i + n]) == phrase:
                last = tokens[i + n - 1]
                objects = [c for c in last.children if c.dep_ == "pobj"] if last.pos_ == "ADP" else []
                # "put our name to nothing / to any roadmap": what the name goes to is the text talked of
                yield last if last.pos_ in {"NOUN", "PROPN"} else objects[0] if objects else tokens[i]


def _pronoun_anchors(tokens: list["Token"], found: dict[int, "Token"]) -> Iterable["Token"]:
    """Object pronouns after a noun anchor of the statement: "renewing it", "studying it"."""
    first_noun = min((t.i for t in found.values() if t.pos_ in {"NOUN", "PROPN"}), default=None)
    if first_noun is None:
        return
    for t in tokens:
        if t.i > first_noun and t.lower_ in ANCHOR_PRONOUNS and t.dep_ in {"dobj", "pobj"}:
            yield t


def is_anchor(token: "Token", lex: Lexicon) -> bool:
    """A negotiation word by itself (no context needed)."""
    if _is_term(token, lex) or _is_party_word(token, lex) or _is_deal_object(token, lex):
        return True
    lemma = _lemma(token)
    return (lemma in lex.party_verbs or lemma in lex.deal_verbs or lemma in lex.verbs) and _nothing_to(token, lex)


class Judged:
    """:func:`is_anchor` for the tokens of one article, each token judged once: a statement's own words and the
    clause it governs overlap, and :func:`onrecord.stance.apply_stance` reads a statement's pieces up to three
    times (is the article about talks, has the statement words of its own, its reading). Lives for one article
    (it keys tokens by their parse's identity)."""

    __slots__ = ("lex", "_seen", "_strong")

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._seen: dict[tuple[int, int], bool] = {}
        self._strong: dict[int, tuple[Piece, list["Token"]]] = {}  # the piece is kept so its id stays its own

    def strong(self, piece: Piece) -> list["Token"]:
        """:func:`find_anchors` of a piece, found once."""
        kept = self._strong.get(id(piece))
        if kept is None:
            kept = self._strong[id(piece)] = (piece, find_anchors(piece, self.lex, self))
        return kept[1]

    def __call__(self, token: "Token") -> bool:
        key = (id(token.doc), token.i)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = is_anchor(token, self.lex)
        return found


def has_anchor(tokens: Iterable["Token"], lex: Lexicon) -> bool:
    """Whether any of ``tokens`` (a context sentence) is about talks by itself."""
    tokens = list(tokens)
    return any(is_anchor(t, lex) for t in tokens) or any(True for _ in _phrase_anchors(tokens, lex))


def _find(piece: Piece, lex: Lexicon, weak: bool, judged: Judged | None = None) -> list["Token"]:
    doc = piece.block.doc
    anchor = judged if judged is not None and judged.lex is lex else (lambda t: is_anchor(t, lex))
    for ids in (piece.inside, piece.governed):
        tokens = [doc[i] for i in sorted(ids)]
        found = {t.i: t for t in tokens if anchor(t) or (weak and _is_weak(t, lex))}
        for t in _phrase_anchors(tokens, lex):
            found.setdefault(t.i, t)
        if weak:
            for t in _phrase_anchors(tokens, lex, lex.weak_phrases):
                found.setdefault(t.i, t)
        if found:
            for t in _pronoun_anchors(tokens, found):
                found.setdefault(t.i, t)
            return [found[i] for i in sorted(found)]
    return []


def find_own_anchors(piece: Piece, lex: Lexicon, judged: Judged | None = None) -> list["Token"]:
    """In an article about talks: the statement's own words first, weak ones included, before the clause it
    governs ("China hoped to conclude the code, and that the talks ...": the code, not the next statement's talks)."""
    own = Piece(piece.block, piece.sentences, piece.inside, piece.inside, piece.roots)
    strong = _find(own, lex, weak=False, judged=judged)
    # the only negotiation words are in a condition ("ready to bring the delegations back provided both sides named
    # negotiators") or describe something else ("the mechanism proposed by the mediators"): the main clause's weak
    # words frame the statement too ("Kinshasa was prepared to initial the declaration ...")
    for aside in (lambda t: _in_condition(t, lex), lambda t: _in_modifier(t, own)):
        if strong and all(aside(t) for t in strong):
            weak = [t for t in _find(own, lex, weak=True, judged=judged) if not _in_condition(t, lex) and not aside(t)]
            if weak:
                return sorted({t.i: t for t in [*strong, *weak]}.values(), key=lambda t: t.i)
    return (strong or _find(own, lex, weak=True, judged=judged) or _find(piece, lex, weak=False, judged=judged)
            or _find(piece, lex, weak=True, judged=judged))


# Dependencies of a phrase that describes a noun rather than carrying the clause.
MODIFIER_DEPS = frozenset({"agent", "acl", "relcl", "appos"})


def _in_modifier(token: "Token", piece: Piece) -> bool:
    """The word stands in a phrase that describes a noun of the statement ("proposed by the mediators")."""
    node = token
    for _ in range(12):
        if node.dep_ in MODIFIER_DEPS:
            return True
        if node.head.i == node.i or node.head.i not in piece.inside:
            return False
        node = node.head
    return False


# Words that open a condition clause whatever the parser calls them.
CONDITION_OPENERS = frozenset({"provided", "providing", "unless", "until", "once", "if", "while"})


def _in_condition(token: "Token", lex: Lexicon) -> bool:
    """The word stands in a condition clause (under "provided", "if", "until" ...)."""
    node = token
    for _ in range(10):
        if node.lower_ in CONDITION_OPENERS or any(c.dep_ == "mark" and c.lower_ in lex.markers for c in node.children):
            return node.i != token.i or node.lower_ in CONDITION_OPENERS
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def find_anchors(piece: Piece, lex: Lexicon, judged: Judged | None = None) -> list["Token"]:
    """Negotiation words of the statement itself; if it has none, of the clause it governs."""
    return _find(piece, lex, weak=False, judged=judged)


def find_weak_anchors(piece: Piece, lex: Lexicon, judged: Judged | None = None) -> list["Token"]:
    """Negotiation words including weak ones: for a statement whose surroundings are about talks."""
    return _find(piece, lex, weak=True, judged=judged)
