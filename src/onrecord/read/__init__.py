"""Readers: every input becomes an ``Article``. STUB: the readers helper replaces this module."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Sequence

from ..options import Options
from ..records import Article, Failure


def article_from_text(text: str, *, options: Options | None = None, id: str | None = None,
                      source: str | None = None) -> Article:
    from ..pipeline import text_id

    options = options or Options()
    return Article(id=id or text_id(text), text=text, source=source, title=options.title,
                   outlet=options.outlet, published=options.published)


def article_from_mapping(record: dict[str, Any], *, source: str | None, options: Options | None = None) -> Article:
    from ..pipeline import text_id

    options = options or Options()
    text = record["text"]
    pub = record.get("published")
    published = options.published or (dt.date.fromisoformat(str(pub)[:10]) if pub else None)
    return Article(id=str(record.get("id") or text_id(text)), text=text, source=source or record.get("url"),
                   title=options.title or record.get("title"), outlet=options.outlet or record.get("outlet"),
                   published=published, url=record.get("url"))


def read_paths(paths: Sequence[str], options: Options | None = None) -> Iterator[Article | Failure]:
    raise NotImplementedError
