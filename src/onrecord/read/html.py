"""HTML pages: trafilatura's main text, plus title, date and site name from the page metadata.

The article text of an HTML input is the extracted main text (offsets index it; ``--with-text``
returns it). trafilatura joins paragraphs with one line feed.

Title line (a choice): when the page title is not already one of the first lines of the extracted
text, it is put in front as its own line (``title + "\\n" + main text``). Pages often keep the
headline in ``<title>``/``og:title`` only, outside the article body; without it the headline zone,
and any statement in the headline, would be lost. When the body already starts with the headline
(an ``<h1>`` inside ``<article>``), nothing is added, so the headline is never doubled.
``Article.metadata["title_line"]`` says whether the line was added.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..records import Failure
from .metadata import Found, parse_published

# The title counts as already present when it is one of this many first lines of the main text:
# outlets often put a kicker ("EXCLUSIVE", a section name) or a date line above the headline.
TITLE_SEARCH_LINES = 5
# Below this many words the "main text" is navigation residue that trafilatura's fallbacks picked up
# ("Home", "Menu Search"), not an article. Chosen, not swept: a one-sentence news brief has ten words or
# more, while a nav-only test page gave trafilatura 2.2 one word ("Home").
MIN_MAIN_TEXT_WORDS = 5
TITLE_LINE_KEY = "title_line"  # Article.metadata key: True when the page title was put in front

NO_TEXT = (
    "no article text found in the HTML: the page may load its text with JavaScript or hold no article; "
    "save the rendered page, or give the text as a .txt file"
)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text of a page and its metadata."""

    text: str
    found: Found
    title_line: bool = False


def extract_html(html: str, source: str, *, url: str | None = None) -> Extracted:
    """Main text and metadata of a page; :class:`InputError` naming ``source`` when there is no main text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        )
    except Exception as exc:  # trafilatura/lxml raise assorted errors on malformed markup
        raise InputError(Failure(source, f"cannot parse the HTML ({type(exc).__name__}: {exc}); {NO_TEXT}")) from exc
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_MAIN_TEXT_WORDS:
        raise InputError(Failure(source, NO_TEXT))
    title = _clean(doc.title)
    published = None
    if doc.date:
        try:
            published = parse_published(doc.date)
        except ValueError:
            published = None
    found = Found(title=title, outlet=_clean(doc.sitename), published=published, url=_clean(doc.url) or url)
    title_line = bool(title) and not _title_in_first_lines(text, title)
    if title_line:
        text = f"{title}\n{text}"
    return Extracted(text=text, found=found, title_line=title_line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _title_in_first_lines(text: str, title: str) -> bool:
    want = " ".join(title.split()).casefold()
    lines = [" ".join(line.split()).casefold() for line in text.split("\n") if line.strip()]
    return want in lines[:TITLE_SEARCH_LINES]
