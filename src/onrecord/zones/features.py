"""Per-paragraph features for zoning: shape, address to the reader, page vocabulary, credits and bylines.

Every feature is general page structure, never the words of one article or outlet:

- shape: words, final punctuation, title case, symbol-only lines;
- voice: first-person plural ("we", "our", "us") and second-person ("you", "your") words OUTSIDE quotation
  marks (a news paragraph quotes an official's "we"; the page itself does not address the reader);
- page vocabulary: a small lexicon of appeal / subscription / navigation / legal words (``LEXICON``), each
  with a weight; ambiguous words that also occur in news ("support", "help") weigh half;
- patterns: salutations ("Dear readers,"), locale codes ("en_US"), postal addresses, copyright footers,
  photo credits, bylines, date lines, navigation labels ("Read more:", "Related");
- news evidence: a reporting verb outside quotes ("said", "told", "according to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .paragraphs import Paragraph

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Words that stay lower case in a title-cased headline (AP / Chicago style lists, shortened).
TITLE_SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for with by from as vs via per into onto over amid than".split()
)
CLOSERS = "\"'”’»)]*"
SENTENCE_END = ".!?…"

# Quotation spans whose words are someone else's voice. Straight double quotes pair up in order; an
# unclosed opening mark runs to the end of the paragraph (multi-paragraph quotes open every paragraph).
QUOTED = re.compile(r"“[^”]*(?:”|$)|«[^»]*(?:»|$)|\"[^\"]*(?:\"|$)|„[^“”]*(?:[“”]|$)")

SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)(?:['’](?:re|ve|ll|d))?\b", re.I)
# "US" in capitals is the country, so "us" is matched only in lower case or sentence-initial "Us".
FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|[Uu]s)(?:['’](?:re|ve|ll|d))?\b")

# Page vocabulary: appeals, subscriptions, newsletters, cookie banners, sharing, navigation, legal footers.
# Weight 1.0 for words that almost never occur in a news paragraph's own voice, 0.5 for ones that do.
LEXICON: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern, re.I), weight)
    for pattern, weight in (
        (r"\bdonat(?:e|es|ed|ing|ion|ions)\b", 1.0),
        (r"\bsubscri(?:be|bed|bes|bing|ber|bers|ption|ptions)\b", 1.0),
        (r"\bnewsletters?\b", 1.0),
        (r"\bsign(?:ing)?[ -]up\b|\bsign[ -]in\b|\blog[ -]?in\b|\bunsubscribe\b", 1.0),
        (r"\bcookies?\b", 1.0),
        (r"\bprivacy (?:policy|notice|settings|statement)\b|\bterms (?:of (?:use|service)|and conditions)\b", 1.0),
        (r"\ball rights reserved\b", 1.0),
        (r"\badvertis(?:e|ement|ements|ing)\b|\bads\b|\bad-free\b|\bpaywall\b|\bsponsored\b", 1.0),
        (r"\bread more\b|\bcontinue reading\b|\bclick here\b|\btap here\b|\bsee also\b|\bmost (?:read|popular)\b", 1.0),
        (r"\brelated (?:articles?|stories|coverage|content|news|reading)\b|\byou may also like\b", 1.0),
        (r"\bshare (?:this|on|via)\b|\bfollow us\b|\bjoin us\b|\bskip to (?:main )?content\b", 1.0),
        # "Follow <outlet> on <platform>": a page element whatever the outlet, so it counts double.
        (r"^follow (?:us|[A-Z][\w .'’-]{0,40}) on (?:telegram|twitter|x|facebook|instagram|whatsapp|youtube|"
         r"linkedin|tiktok|bluesky|threads|mastodon)\b", 2.0),
        (r"\bdownload (?:our|the) app\b|\bapp store\b|\bgoogle play\b", 1.0),
        # A social handle after a platform name: "Telegram: @handle" (a channel promo in any language).
        (r"(?:telegram|twitter|instagram|facebook|vk|youtube|tiktok|x)\W{0,3}@[A-Za-z0-9_]{3,}|^@[A-Za-z0-9_]{3,}\b", 2.0),
        (r"\bleave a (?:reply|comment)\b|\brequired fields\b|\bwill not be published\b", 1.0),
        (r"\binbox\b|\bmembership\b|\bbecome a (?:member|patron|supporter|subscriber)\b", 1.0),
        (r"\bthank you for (?:reading|your support|standing|supporting)\b|\bremind me\b", 1.0),
        (r"\bindependent journalism\b|\bour journalism\b|\bour (?:newsroom|reporters|journalists)\b", 1.0),
        (r"\bsupport(?:s|ed|ing|er|ers)?\b|\bhelp\b|\bcontribut(?:e|es|ion|ions|ing)\b|\bplease\b", 0.5),
        (r"\breaders\b|\bmonthly\b|\bannual(?:ly)?\b|\be-?mail\b", 0.5),
    )
)
# Navigation labels: a short line naming a list of links or a link itself ("Related", "Read more:").
NAV_LABEL = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| news)?|read more|read next|up next|read also|also read|"
    r"see also|what to read next|topics|tags|filed under|(?:«\s*)?(?:previous|next|older|newer) (?:post|article|story)|"
    r"more (?:from|on|about|stories|news)\b.*|recommended(?: for you)?|most (?:read|popular|viewed)|"
    r"popular|trending(?: now)?|latest(?: news)?|you may also like|editor'?s picks|top stories)\s*[:\-–—]?",
    re.I,
)
REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|added|stated|announced|reported|warned|noted|insisted|according to)\b", re.I
)
SALUTATION = re.compile(r"^(?:dear|hello|hi)\s+[^\W\d_][\w ]{0,30}[,!:]?$", re.I)
LOCALE_CODE = re.compile(r"(?<![A-Za-z])[a-z]{2}_[A-Z]{2}(?![a-z_])")
# A language switcher written as codes: "EN / RU", "EN | DE | FR".
LANGUAGE_ROW = re.compile(r"^[A-Z]{2}(?:\s*[/|·•]\s*[A-Z]{2})+$")
# Menu rows: items separated by two or more spaces or by a spaced bar, slash or bullet.
MENU_SEPARATOR = re.compile(r"\s{2,}|\s[|/·•»›>]\s")
BARS = re.compile(r"\s[|»›>]\s")  # separators never used in prose: breadcrumbs and bar menus
MENU_MIN_ITEMS = 3  # "News  Analysis  Opinion" (two items may be a headline with a double space)
BAR_MIN_ITEMS = 2  # a bar never separates prose: "Site Name | SITE NAME" is a menu already
MENU_ITEM_MAX_WORDS = 3  # "Terms of use", "Contact the newsroom"
STREET = re.compile(
    r"^(?:\d{1,6}[A-Za-z]?\s+(?:[\w.'’-]+\s+){0,5}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|"
    r"Drive|Way|Ct|Court|Pl|Place|Sq|Square|Hwy|Highway|Pkwy|Parkway)\.?(?:,.*)?|(?:P\.?\s?O\.?\s+Box|Suite)\s+\d+.*)$"
)
CITY_STATE_ZIP = re.compile(r"^[A-Z][\w .'’-]*,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$")
FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|^copyright\b|\ball rights reserved\b"
    r"|\b(?:reproduction|republication|reprinting|copying)\b[^.]{0,60}\b(?:permitted|prohibited|allowed|forbidden)\b",
    re.I,
)
# A photo credit at the end of a short line: a bare domain ("kremlin.ru"), an agency, "REUTERS/Name",
# "(Photo: ...)", "Photo by ..."; or a caption label at the start ("Photo:", "Pictured:").
CAPTION_END = re.compile(
    r"(?:(?<![\w@/.])(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|int|info|io|ru|ua|uk|eu|de|fr|by|kz|pl|il|ps|cn|jp)"
    r"|\b(?:AP(?: Photo)?|AFP|Reuters|REUTERS|EPA|Getty Images|TASS|Sputnik|RIA Novosti|Shutterstock|"
    r"Anadolu(?: Agency)?|Xinhua|Handout|Wikimedia Commons|Unsplash)"
    r"|\b[A-Z]{2,}/[A-Z][\w.'’ -]+|\((?i:photo|image|credit|source)[^)]*\)|\b(?i:photo(?:graph)?(?: by|:))[^.]*)\s*$"
)
# A caption sentence followed by a credit without final punctuation: "Aide at a briefing. Jane Roe / Agency",
# "Troops arrive. Presidential Office" (one to six capitalised words, a bare domain, or a slash credit).
CREDIT_TAIL = re.compile(
    r"\.\s+(?:[A-Z][\w.'’&-]*(?:\s+(?:of|the|and|for|/|[A-Z][\w.'’&-]*)){0,6}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$"
)
CAPTION_START = re.compile(r"^(?:photo|image|picture|pictured|credit|caption|illustration)\s*:", re.I)
BYLINE = re.compile(
    r"^(?:[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|al|bin|la))*(?:\s*[,|]\s*.{0,40})?"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*[,|/–—-]\s*(?:Reuters|AP|AFP|Bloomberg|TASS|Interfax|"
    r"(?:[\w ]+\s)?(?:[Ss]taff [Ww]riter|[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Cc]olumnist)))$"
)
BYLINE_ROLE = re.compile(
    r"\b(?:staff writer|staff reporter|correspondent|special to)\b"
    r"|^(?:[A-Z][\w.'’&-]*\s+){1,4}(?:Staff|Desk|Newsroom|News Desk|Wire Services?)$",
    re.I,
)
# The credit line at the foot of a wire story: "Reporting by A in Kyiv; Editing by B".
CREDIT_LINE = re.compile(
    r"^(?:(?:additional )?reporting|writing|editing|compiled|produced) by\b"
    r"|^(?:posted|published|written)\b.{0,40}\bby\s+[A-Z]",
    re.I,
)
MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
DATE_LINE = re.compile(
    rf"^(?:[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})?\s+)?"  # an upper-case section name: "POLITICS 09.04.2025"
    rf"(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
    rf"(?:[,\s|·]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}}(?:[+-]\d{{1,2}})?)?)?"
    rf"(?:\s*[|·,]?\s*(?:updated|published)\s+(?:\d+\s+\w+\s+ago|just now|.{{0,30}}))?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Features:
    """What zoning knows about one paragraph."""

    words: int
    final: str  # the last character that is not a closing quote or bracket ("" when none)
    title_case: bool  # most content words capitalised, as in a headline
    has_letters: bool
    second_person: int  # outside quotation marks
    first_plural: int  # outside quotation marks
    lexicon: float  # sum of LEXICON weights matched outside quotation marks
    news_verbs: int  # reporting verbs outside quotation marks
    has_quote: bool
    salutation: bool
    locale: bool
    address: bool
    footer: bool
    nav_label: bool
    caption: bool
    byline: bool
    date_line: bool
    menu: bool  # a row of menu items or share buttons
    latin_letters: int
    letters: int

    @property
    def ends_sentence(self) -> bool:
        return self.final in SENTENCE_END

    @property
    def ends_with_period(self) -> bool:
        return self.final in ".…"


def final_char(text: str) -> str:
    """The last character before any closing quotes or brackets."""
    stripped = text.rstrip(CLOSERS + " ")
    return stripped[-1] if stripped else ""


def is_title_case(words: list[str]) -> bool:
    """True when at least ``TITLE_CASE_SHARE`` of the content words start with a capital (or digit)."""
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= TITLE_CASE_SHARE


# Share of capitalised content words that makes a line title case; 0.8 tolerates one lower-case word in a
# five-word headline ("Putin Aide says No Talks") but not sentence case.
TITLE_CASE_SHARE = 0.8
# Lines up to this many words may be labels, captions, bylines or addresses (a photo caption rarely runs
# past 40 words; an address line or a byline past 12).
CAPTION_MAX_WORDS = 40
SHORT_LINE_MAX_WORDS = 12


def is_menu_row(text: str) -> bool:
    """Three or more short items separated by wide spaces or spaced bars: "Facebook  Telegram  Email"."""
    items = [item for item in MENU_SEPARATOR.split(text) if item.strip()]
    return (
        len(items) >= (BAR_MIN_ITEMS if BARS.search(text) else MENU_MIN_ITEMS)
        and all(len(WORD.findall(item)) <= MENU_ITEM_MAX_WORDS for item in items)
        and final_char(text) not in SENTENCE_END
    )


def outside_quotes(text: str) -> str:
    """The paragraph with quoted spans blanked out (same length, so nothing shifts)."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def paragraph_features(paragraph: Paragraph) -> Features:
    text = paragraph.text
    words = WORD.findall(text)
    n = len(words)
    own = outside_quotes(text)
    lexicon = sum(weight for pattern, weight in LEXICON if pattern.search(own))
    short = n <= SHORT_LINE_MAX_WORDS
    final = final_char(text)
    return Features(
        words=n,
        final=final,
        title_case=is_title_case(words),
        has_letters=any(ch.isalpha() for ch in text),
        second_person=len(SECOND_PERSON.findall(own)),
        first_plural=len(FIRST_PLURAL.findall(own)),
        lexicon=lexicon,
        news_verbs=len(REPORTING_VERB.findall(own)),
        has_quote=own != text,
        salutation=bool(SALUTATION.match(text)),
        locale=short and bool(LOCALE_CODE.search(text) or LANGUAGE_ROW.match(text)),
        address=short and bool(STREET.match(text) or CITY_STATE_ZIP.match(text)),
        footer=n <= CAPTION_MAX_WORDS and bool(FOOTER.search(text)),
        nav_label=n <= CAPTION_MAX_WORDS and bool(NAV_LABEL.match(text)) and (n <= 4 or ":" in text[:40]),
        caption=2 <= n <= CAPTION_MAX_WORDS
        and final not in "?!"
        and (bool(CAPTION_START.match(text))
             or (final != "." and bool(CAPTION_END.search(text) or CREDIT_TAIL.search(text)))),
        byline=(short and (bool(BYLINE.match(text)) or bool(BYLINE_ROLE.search(text))))
        or (n <= CAPTION_MAX_WORDS and bool(CREDIT_LINE.match(text))),
        menu=is_menu_row(text) or bool(LANGUAGE_ROW.match(text)),
        latin_letters=sum(1 for ch in text if ch.isalpha() and ch < "\u0250"),
        letters=sum(1 for ch in text if ch.isalpha()),
        date_line=short and bool(DATE_LINE.match(text)),
    )
