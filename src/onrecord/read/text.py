"""Plain-text articles: the decoded text is the article text, unchanged (offsets index it as read)."""

from __future__ import annotations

from ..errors import InputError
from ..options import Options
from ..records import Article, Failure
from .metadata import Found, make_article

NO_TEXT = "no article text: the input holds only whitespace; give a file with the article text"


def article_from_text(
    text: str, *, options: Options | None = None, id: str | None = None, source: str | None = None
) -> Article:
    """An article from text already in memory; ``id`` defaults to a hash of the text.

    Title, outlet and published come from ``options`` (nothing is guessed from the text here). The text
    is not checked: an empty text gives an article with nothing in it.
    """
    from ..pipeline import text_id

    return make_article(text, id=id or text_id(text), source=source, found=Found(), options=options or Options())


def read_text(text: str, *, source: str, id: str | None, options: Options, article_source: str | None = None) -> Article:
    """The article of a decoded plain-text input; :class:`InputError` when it holds no text.

    ``source`` names the input in failures; ``article_source`` is what ``Article.source`` gets
    (``None`` for standard input).
    """
    if not text.strip():
        raise InputError(Failure(source, NO_TEXT))
    return article_from_text(text, options=options, id=id, source=article_source)
