"""JSONL: one JSON object per line, one article per object.

Fields: ``id``, ``text`` (or ``html``, a page run through trafilatura), ``title``, ``outlet``,
``published``, ``url``, ``language``. Every other field is kept in ``Article.metadata`` as it is.
When both ``text`` and ``html`` are given, ``text`` is the article text.

Problems, and what happens:

- a line that is not JSON, not an object, or has no usable text: a :class:`Failure` at ``line N``;
  reading goes on with the next line;
- a ``published`` that is not a date (ISO date, ISO timestamp or RFC 2822): the article is kept with
  ``published`` empty, and a sentence goes into ``Article.metadata["warnings"]`` (the pipeline
  reports it). A record's own ``warnings`` field is kept as ``metadata["record_warnings"]``;
- no ``id``: ``"<file id>:<line number>"`` (for standard input, a hash of the text).

A JSONL file above ``Options.max_bytes`` is streamed instead of refused, the limit then applying to
each line (:func:`read_jsonl_stream`): an archive of many articles is one file.

Lines are split on ``\\n`` only (``str.splitlines`` would also split on U+2028 and other characters
JSON allows raw inside strings).
"""

from __future__ import annotations

import codecs
import json
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..options import Options
from ..records import Article, Failure
from .html import TITLE_LINE_KEY, extract_html
from .metadata import WARNINGS_KEY, Found, clean_str, make_article, parse_published

KNOWN_FIELDS = frozenset({"id", "text", "html", "title", "outlet", "published", "url", "language"})
RECORD_WARNINGS_KEY = "record_warnings"
_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}
SHAPE = 'each line must be one JSON object such as {"id": "a1", "text": "..."}'


def article_from_mapping(record: dict[str, Any], *, source: str | None, options: Options | None = None) -> Article:
    """The article of one JSONL-style record; :class:`InputError` when it has no usable text.

    ``source`` is the file it came from (``Article.source`` is the record's ``url`` when it has one).
    Without an ``id`` field the id is a hash of the article text.
    """
    return article_from_record(record, source=source, fallback_id=None, options=options or Options())


def article_from_record(
    record: dict[str, Any], *, source: str | None, fallback_id: str | None, options: Options, place: str | None = None
) -> Article:
    """As :func:`article_from_mapping`, with the id used when the record has none (``None``: text hash)."""
    from ..pipeline import text_id

    where = source or "<record>"
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        raise InputError(Failure(where, f"a JSON {kind} is not an article: {SHAPE}", place))
    url = clean_str(record.get("url"))
    text, page, title_line = _text_of(record, where, url, place)
    metadata: dict[str, Any] = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    if WARNINGS_KEY in metadata:
        metadata[RECORD_WARNINGS_KEY] = metadata.pop(WARNINGS_KEY)
    if title_line:
        metadata[TITLE_LINE_KEY] = True
    warnings: list[str] = []
    published = None
    raw_published = record.get("published")
    if raw_published not in (None, ""):
        try:
            published = parse_published(raw_published)
        except ValueError as exc:
            if options.published is None:
                warnings.append(
                    f"{exc} in field \"published\" ({place or 'record'}): publication date left empty; "
                    "write it as YYYY-MM-DD or an ISO timestamp, or pass --published"
                )
    if warnings:
        metadata[WARNINGS_KEY] = warnings
    found = Found(
        title=clean_str(record.get("title")),
        outlet=clean_str(record.get("outlet")),
        published=published,
        url=url,
        language=clean_str(record.get("language")),
    ).under(page)
    article_id = clean_str(record.get("id")) or fallback_id or text_id(text)
    return make_article(text, id=article_id, source=url or source, found=found, options=options, metadata=metadata)


def read_jsonl(
    text: str, *, source: str, file_id: str | None, options: Options, article_source: str | None = None
) -> Iterator[Article | Failure]:
    """Every article of a decoded JSONL input, and a :class:`Failure` for each line that is not one.

    ``source`` names the input in failures; ``file_id`` is the id stem for records without an id
    (``None``: a hash of each text); ``article_source`` is ``Article.source`` for records without a url.
    """
    any_line = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            any_line = True
            yield _line_item(line, number, source, file_id, options, article_source)
    if not any_line:
        yield Failure(source, "no JSON lines: the input holds only whitespace; " + SHAPE)


def read_jsonl_stream(
    stream: BinaryIO, *, source: str, file_id: str | None, options: Options, article_source: str | None = None
) -> Iterator[Article | Failure]:
    """As :func:`read_jsonl`, line by line from a binary stream, for files above ``Options.max_bytes``.

    The size limit then applies to each line (one article), not to the file, so an archive of any size
    is read in bounded memory. Lines must be UTF-8, as JSON Lines requires (a UTF-8 BOM is allowed).
    """
    limit = options.max_bytes
    any_line = False
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            break
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = stream.readline(limit + 1)
            yield Failure(source, f"line too large: more than {limit:,} bytes (Options.max_bytes); "
                          "split the article or raise the limit", f"line {number}")
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(source, f"not UTF-8 (byte {exc.start} of the line): JSON Lines files are UTF-8; "
                          "save the file as UTF-8", f"line {number}")
            continue
        if line.strip():
            any_line = True
            yield _line_item(line, number, source, file_id, options, article_source)
    if not any_line:
        yield Failure(source, "no JSON lines: the input holds only whitespace; " + SHAPE)


def _line_item(
    line: str, number: int, source: str, file_id: str | None, options: Options, article_source: str | None
) -> Article | Failure:
    place = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source, f"invalid JSON ({exc.msg} at column {exc.colno}): {SHAPE}", place)
    try:
        return article_from_record(
            record,
            source=article_source,
            fallback_id=f"{file_id}:{number}" if file_id is not None else None,
            options=options,
            place=place,
        )
    except InputError as exc:
        return Failure(source, exc.failure.problem, place)


def _text_of(record: dict[str, Any], where: str, url: str | None, place: str | None) -> tuple[str, Found, bool]:
    text = record.get("text")
    if text is not None:
        if not isinstance(text, str):
            raise InputError(Failure(where, f'field "text" must be a string, got {type(text).__name__}', place))
        if not text.strip():
            raise InputError(Failure(where, 'field "text" is empty: give the article text in "text"', place))
        return text, Found(), False
    html = record.get("html")
    if html is not None:
        if not isinstance(html, str):
            raise InputError(Failure(where, f'field "html" must be a string, got {type(html).__name__}', place))
        try:
            extracted = extract_html(html, where, url=url)
        except InputError as exc:
            raise InputError(Failure(where, f'field "html": {exc.failure.problem}', place)) from None
        return extracted.text, extracted.found, extracted.title_line
    raise InputError(Failure(where, 'no "text" field: give the article text in "text" (or the page in "html")', place))
