"""The per-article analysis: ``analyze(article, options) -> Analysis``, pure apart from the loaded model.

Stages, numbered as in the body of :func:`analyze_article`:

1. zones: headline, byline, caption, body and boilerplate spans over the unchanged text;
2. language: an article in a language onrecord does not analyse is skipped with a warning;
3. nlp: the spaCy pipeline over each headline, body and caption paragraph (never boilerplate);
4. attribution: quotes, cues, reported speech, speakers (coreference, actor registry), channels, dates;
5. provenance: every span is checked against the text before the record leaves.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from typing import Any, Iterable, Mapping, Sequence

from .errors import OnrecordError
from .nlp import load_model, parse_blocks
from .options import Options
from .records import Analysis, Article, Statement
from .zones import BoilerplateMemory, find_zones

log = logging.getLogger(__name__)


def _article_from(item: "Article | Mapping[str, Any] | str", options: Options) -> Article:
    from .read import article_from_mapping, article_from_text

    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return article_from_text(item, options=options)
    return article_from_mapping(dict(item), source=None, options=options)


def check_provenance(analysis: Analysis) -> list[str]:
    """Spans whose text does not equal ``text[start:end]``: always empty unless there is a bug."""
    text = analysis.article.text
    bad: list[str] = []

    def check(label: str, start: int | None, end: int | None, value: str | None) -> None:
        if start is None or end is None or value is None:
            return
        if not (0 <= start <= end <= len(text)) or text[start:end] != value:
            bad.append(f"{label} [{start}:{end}] does not match the text")

    for s in analysis.statements:
        check(f"statement {s.id}", s.start, s.end, s.text)
        check(f"statement {s.id} speaker", s.speaker.start, s.speaker.end, s.speaker.mention)
        if s.cue:
            check(f"statement {s.id} cue", s.cue.start, s.cue.end, s.cue.text)
        for c in s.conditions:
            check(f"statement {s.id} condition", c.start, c.end, c.text)
    for e in analysis.events:
        check(f"event {e.id}", e.start, e.end, e.text)
    return bad


def analyze_article(
    article: Article,
    options: Options | None = None,
    memory: BoilerplateMemory | None = None,
) -> Analysis:
    """Analyse one article. ``memory`` carries boilerplate seen across the other inputs of a run."""
    from .attribution import find_statements
    from .language import detect_language

    options = options or Options()
    warnings: list[str] = [str(w) for w in article.metadata.get("warnings", ())]
    # 1. zones
    zones = find_zones(article, memory)
    # 2. language
    language = article.language or detect_language(article.text, zones)
    if language != article.language:
        article = dataclasses.replace(article, language=language)
    if language not in options.languages:
        warnings.append(f"language {language!r} is not analysed (analysed: {', '.join(options.languages)}): skipped")
        return Analysis(article=article, zones=tuple(zones), warnings=tuple(warnings))
    # 3. nlp
    blocks = parse_blocks(article.text, zones, load_model())
    # 4. attribution
    statements: list[Statement] = find_statements(article, zones, blocks, warnings)
    if article.published is None and any(s.date_text for s in statements):
        warnings.append("no publication date: relative dates left unresolved")
    analysis = Analysis(article=article, zones=tuple(zones), statements=tuple(statements), warnings=tuple(warnings))
    # 5. provenance
    bad = check_provenance(analysis)
    if bad:
        raise OnrecordError(f"{article.id}: internal error, spans off the text: {'; '.join(bad[:3])}")
    return analysis


def analyze(text: str, **meta: Any) -> Analysis:
    """Analyse one article given as text; ``meta`` takes the JSONL fields (id, title, outlet, published, url)."""
    options = meta.pop("options", None) or Options()
    return analyze_article(_article_from({**meta, "text": text}, options), options)


def analyze_many(
    items: Iterable["Article | Mapping[str, Any] | str"], options: Options | None = None
) -> list[Analysis]:
    """Analyse many articles, results in input order, the model loaded once.

    Boilerplate that recurs across the given articles of one outlet is learnt before zoning.
    """
    options = options or Options()
    articles = [_article_from(item, options) for item in items]
    memory = BoilerplateMemory.from_articles(articles)
    return [analyze_article(a, options, memory) for a in articles]


def text_id(text: str) -> str:
    """A stable id for an article with no other name: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
