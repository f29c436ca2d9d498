"""Article metadata as a reader found it, publication dates, and the precedence rule.

Precedence, highest first: what the user gave (``Options.published/outlet/title``, the CLI's
``--published/--outlet/--title``), then what the input record says (JSONL fields), then what the page
says (HTML metadata). A value is only replaced by a lower one when it is missing.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..errors import InputError
from ..options import Options
from ..records import Article, Failure

WARNINGS_KEY = "warnings"  # Article.metadata key: reader warnings (list of str) the pipeline surfaces


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata a reader found in the input; every field may be missing."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None

    def under(self, lower: "Found") -> "Found":
        """These values, with the gaps filled from ``lower``."""
        return Found(
            title=self.title or lower.title,
            outlet=self.outlet or lower.outlet,
            published=self.published or lower.published,
            url=self.url or lower.url,
            language=self.language or lower.language,
        )


def from_options(options: Options) -> Found:
    return Found(title=options.title, outlet=options.outlet, published=options.published)


def parse_published(value: Any) -> dt.date:
    """A publication date from an ISO date, an ISO timestamp or an RFC 2822 date; ``ValueError`` otherwise.

    A timestamp gives the calendar date as written (its own UTC offset), not converted to UTC: that is
    the day the outlet dated the article. ``"2024-08-19T23:30:00-05:00"`` -> 2024-08-19.
    Ambiguous forms ("01/02/2024", epoch numbers) are refused rather than guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is a {type(value).__name__}, not a date string")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()  # RSS feeds: "Mon, 19 Aug 2024 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"{value!r} is not a date")


def clean_str(value: Any) -> str | None:
    """A metadata string: stripped, ``None`` when missing or blank; numbers become their text."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def make_article(
    text: str,
    *,
    id: str,
    source: str | None,
    found: Found,
    options: Options,
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """The article with the user's options over what the reader found."""
    meta = from_options(options).under(found)
    return Article(
        id=id,
        text=text,
        source=source,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        language=meta.language,
        url=meta.url,
        metadata=dict(metadata or {}),
    )


def with_metadata(article: Article, entry: Mapping[str, Any] | None, keep: Iterable[str] = ()) -> Article:
    """The article with what a metadata entry gives it ({published, outlet, title, url}, as in a ``--meta``
    file), except the fields in ``keep`` (set by a higher source: CLI flags). A bad date is an InputError."""
    import dataclasses

    if not entry:
        return article
    changes: dict[str, Any] = {}
    if entry.get("published") and "published" not in keep:
        try:
            changes["published"] = dt.date.fromisoformat(str(entry["published"])[:10])
        except ValueError:
            raise InputError(Failure(article.id, f"metadata: published {entry['published']!r} is not YYYY-MM-DD"))
    for key in ("outlet", "title", "url"):
        if entry.get(key) and key not in keep:
            changes[key] = str(entry[key])
    return dataclasses.replace(article, **changes) if changes else article
