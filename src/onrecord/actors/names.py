"""Name folding and small name lexicons: how two spellings of one name are compared.

``fold`` is the one comparison key used everywhere (registry index, article entities, tests): case and
accents folded, curly apostrophes straightened, dots dropped, hyphens and runs of spaces made one space,
a leading "the" removed. It is only ever applied to copies: article text is never normalised.
"""

from __future__ import annotations

import re
import unicodedata

# Personal titles and honorifics that precede a name and are not part of it ("President Vladimir Putin").
# Gender-marked ones also tell the gender of the bearer.
MALE_TITLES = frozenset({"mr", "mister", "sir", "king", "prince", "sheikh", "emir", "lord",
                         # religious honorifics before Afghan and Pakistani names ("Mullah X", "Qari X")
                         "mullah", "qari", "maulvi", "mawlawi", "maulana", "mufti",
                         # clergy elsewhere ("Imam Souleymane Barry", "Rabbi X", "Archbishop X")
                         "imam", "rabbi", "archbishop", "cardinal", "monsignor", "msgr",
                         # Hausa and West African honorifics ("Alhaji X", "Mallam X"; "Kachalla X", a bandit chief)
                         "alhaji", "haji", "hajji", "mallam", "malam", "kachalla"})
FEMALE_TITLES = frozenset({"ms", "mrs", "miss", "madam", "madame", "queen", "princess", "dame", "lady",
                           "hajiya", "hajia", "alhaja"})
NEUTRAL_TITLES = frozenset({
    "dr", "president", "prime", "minister", "general", "gen", "col", "colonel", "lt", "major", "admiral",
    "senator", "sen", "rep", "ayatollah", "pope", "chancellor", "premier", "ambassador", "secretary",
    "crown", "commander", "field", "marshal", "chief", "deputy", "governor", "mayor", "speaker",
    # military and police ranks, and offices written before a name at a sentence start ("Spokeswoman X said")
    "commodore", "captain", "capt", "lieutenant", "brigadier", "brig", "sergeant", "sgt", "corporal", "cpl",
    "vice", "rear", "maj", "inspector", "superintendent", "spokesman", "spokeswoman", "spokesperson",
    "envoy", "foreign", "defence", "defense", "interior", "undersecretary", "sheikha", "hon", "honourable",
    "bishop", "pastor", "reverend", "rev",
})

# Every word that can precede a name without being part of it.
TITLE_WORDS = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES

# A few hundred frequent first names of officials in the news, by gender (written for onrecord; a name
# gives a gender guess only when no pronoun or title in the article has settled it).
MALE_FIRST_NAMES = frozenset("""
abbas abdel abdul abdullah ahmed ahmad aleksandr aleksandar alexander alexei alexey ali andrei andrey andriy
andrii antony anatoly anton antonio ashraf asaad assimi ayman bashar basem ben benjamin benny bezalel bola
boris charles chuck cyril dan daniel david denis denys dmitry dmitri dmytro donald ebrahim emmanuel eli
esmaeil eyal felix faisal francois friedrich georgii gideon gilad hakan hans hashem hassan heorhii herzi
hossein igor ihor ilham isaac ismail israel itamar ivan jacob jake james jared javad jean jens joe john
jonas joseph josep justin kamil karim karol keir keith khaled khalil kirill konstantin kyrylo leonid
lindsey lloyd luiz majed marco mark martin masoud matthew maxim mevlut michael mike mikhail mitch mohamed
mohammad mohammed mousa mykhailo naim najib narendra nawaf nicolas nikol nikolai oleh oleksandr oleksii
oleksiy olaf osama paul pedro pete peter petro philippe radoslaw rafael ramzan recep riek rishi robert
rodion roman ron ronen rustem ruslan salva sameh sami scott sebastien sergei sergey sergiy shehbaz shigeru
stephane steve steven tamim thierry tom tony uhuru ulf valery valerii vassily vasily vasyl viktor vitali
vladimir volker volodymyr vyacheslav william yahya yair yevgeny yoav yoweri yuri yury yuriy zabihullah
ziyad
""".split())
FEMALE_FIRST_NAMES = frozenset("""
alexandra angela anna annalena bridget elvira giorgia hillary iryna kaja kamala karine karoline kathleen
kristi liz linda maia margarita maria mariya mette mirjana nancy natalia natalya oksana olena olha olga
roberta sanae svetlana sviatlana tammy tatyana theresa tulsi ursula valentina victoria yulia yvette
""".split())

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_DROP = re.compile(r"[.\"“”«»()\[\]]")
_ARTICLE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s?$")
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|ar|as)\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """The comparison key of a name or phrase: "The Kremlin’s" -> "kremlin's", "Zelenskyy" stays distinct."""
    out = strip_accents(text).translate(_APOSTROPHES).lower()
    out = _DROP.sub("", out).replace("-", " ").replace(",", " ")
    out = _SPACES.sub(" ", out).strip()
    return _ARTICLE.sub("", out)


def fold_name(text: str) -> str:
    """``fold`` plus a trailing possessive dropped: "Putin's" -> "putin"."""
    return _POSSESSIVE.sub("", fold(text)).strip()


def without_arabic_prefix(folded: str) -> str:
    """ "al sisi" -> "sisi" (the article prefix of Arabic names is spelled with and without)."""
    return _ARABIC_PREFIX.sub("", folded)


def slug(text: str) -> str:
    """A stable id from a name: "Sergei Shoigu" -> "sergei-shoigu"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).replace("'", "")).strip("-")


def strip_titles(folded: str) -> str:
    """Leading honorifics and office titles dropped: "president vladimir putin" -> "vladimir putin"."""
    words = folded.split()
    titles = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


def gender_of_title(word: str) -> str | None:
    w = fold(word)
    if w in MALE_TITLES:
        return "m"
    if w in FEMALE_TITLES:
        return "f"
    return None


def gender_of_first_name(name: str) -> str | None:
    """A gender guess from the first word of a full name, or None when it is not in the small lists."""
    words = fold(name).split()
    if len(words) < 2:
        return None
    first = words[0]
    if first in MALE_FIRST_NAMES:
        return "m"
    if first in FEMALE_FIRST_NAMES:
        return "f"
    return None


def without_possessive(text: str) -> str:
    """ "Ukraine's" -> "Ukraine", "Damascus" stays "Damascus" (a suffix, not a set of characters)."""
    text = text.strip(" .,")
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
