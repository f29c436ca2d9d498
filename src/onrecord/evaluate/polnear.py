"""Scoring against PolNeAR (political news attribution relations) in its JSONL conversion.

The file has one line per (article, annotator):
``{id, split, annotator, publisher, publication_date, title, wire, text, quotes: [{id, type, cue,
cue_fragments[], sources[], contents[], has_quote_marks}]}``, spans ``{start, end, text}`` indexing ``text``.

Scoring rules (contract, "Scoring"):

- per article the first annotator's line counts: the first line of each article id in file order;
- a gold item's span runs from its first content fragment's start to its last fragment's end, in text
  order (fragments are not always listed in text order, so the minimum start and maximum end are taken);
  an item with no content fragment cannot be matched and is counted in ``gold_skipped``;
- a gold item lying in the headline (the article text's first line, when it repeats the title) is optional;
- ``speech_only``: only gold whose cue contains a speech-verb form or "according to" is scored;
  ``quoted_only``: only gold whose content has quotation marks; gold left out by a filter is optional;
- the speaker is right when the predicted mention span overlaps a gold source fragment, or the predicted
  name's surname (last word) is a word of the gold source text. Speaker accuracy is over matched items
  that have a source (``Attribution-no-source`` items have none to compare with).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError, OptionsError
from ..records import Analysis, Failure, Span, Statement
from .folding import surname, words
from .matching import GoldRole, Interval, match_spans, overlap
from .scores import Accuracy, ArticleScores, Scores, combine
from .verbs import DEFAULT_VERB_LIST, is_speech_cue, load_speech_verbs


@dataclass(frozen=True, slots=True)
class PolnearQuote:
    """One PolNeAR attribution: source, cue and content spans into the article text."""

    id: str
    type: str
    cue: Span | None
    sources: tuple[Span, ...]
    contents: tuple[Span, ...]
    has_quote_marks: bool

    @property
    def span(self) -> Interval | None:
        """First content fragment's start .. last content fragment's end, in text order; None without content."""
        if not self.contents:
            return None
        return Interval(min(c.start for c in self.contents), max(c.end for c in self.contents))


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One PolNeAR article as annotated by its first annotator."""

    id: str
    text: str
    title: str | None
    published: dt.date | None
    publisher: str | None
    annotator: str | None
    split: str | None
    quotes: tuple[PolnearQuote, ...]

    def as_input(self) -> dict[str, Any]:
        """The record ``onrecord.analyze_many`` takes for this article."""
        return {"id": self.id, "text": self.text,
                "published": self.published.isoformat() if self.published else None}

    @property
    def headline(self) -> Interval | None:
        """The first line of the text when it repeats the title (PolNeAR texts start with it), else None."""
        first_line = self.text.split("\n", 1)[0]
        if self.title and first_line.strip() and first_line.strip().rstrip(".") == self.title.strip().rstrip("."):
            return Interval(0, len(first_line))
        return None


def _span(raw: Any, where: str) -> Span:
    try:
        return Span(start=int(raw["start"]), end=int(raw["end"]), text=str(raw["text"]))
    except (TypeError, KeyError, ValueError) as exc:
        raise ValueError(f"{where}: a span needs start, end and text, got {raw!r}") from exc


def _quote(raw: dict[str, Any], where: str) -> PolnearQuote:
    qid = str(raw.get("id", "?"))
    where = f"{where} quote {qid}"
    cue = raw.get("cue")
    return PolnearQuote(
        id=qid,
        type=str(raw.get("type", "")),
        cue=_span(cue, where) if cue else None,
        sources=tuple(_span(s, where) for s in raw.get("sources") or ()),
        contents=tuple(_span(c, where) for c in raw.get("contents") or ()),
        has_quote_marks=bool(raw.get("has_quote_marks")),
    )


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _article(record: dict[str, Any], where: str) -> PolnearArticle:
    if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
        raise ValueError(f"{where}: expected an object with 'id' and 'text' (PolNeAR JSONL)")
    text = record["text"]
    quotes = tuple(_quote(q, where) for q in record.get("quotes") or ())
    for q in quotes:
        for s in (*q.contents, *q.sources, *((q.cue,) if q.cue else ())):
            if text[s.start : s.end] != s.text:
                raise ValueError(f"{where} quote {q.id}: span [{s.start}:{s.end}] {s.text!r} is not the text there")
    return PolnearArticle(
        id=str(record["id"]), text=text, title=record.get("title"), published=_date(record.get("publication_date")),
        publisher=record.get("publisher"), annotator=record.get("annotator"), split=record.get("split"),
        quotes=quotes,
    )


def load_polnear(path: str | Path, limit: int | None = None) -> list[PolnearArticle]:
    """The articles of a PolNeAR JSONL file, the first annotator's line per article id, in file order."""
    path = Path(path)
    articles: dict[str, PolnearArticle] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if limit is not None and len(articles) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    article = _article(json.loads(line), f"line {number}")
                except (json.JSONDecodeError, ValueError) as exc:
                    raise InputError(Failure(str(path), f"not PolNeAR JSONL: {exc}", f"line {number}")) from exc
                articles.setdefault(article.id, article)
    except OSError as exc:
        raise InputError(Failure(str(path), f"cannot read the PolNeAR file ({exc.strerror or exc})")) from exc
    return list(articles.values())


def _speaker_right(statement: Statement, quote: PolnearQuote) -> bool:
    said_by = statement.speaker
    if said_by.start is not None and said_by.end is not None:
        mention = Interval(said_by.start, said_by.end)
        if any(overlap(mention, Interval(s.start, s.end)) > 0 for s in quote.sources):
            return True
    last = surname(said_by.name)
    return last is not None and any(last in words(s.text) for s in quote.sources)


def _role(article: PolnearArticle, quote: PolnearQuote, span: Interval, speech_only: bool, quoted_only: bool,
          verbs: frozenset[str] | None) -> GoldRole:
    headline = article.headline
    if headline is not None and span.start < headline.end:
        return GoldRole.optional
    if speech_only and not is_speech_cue(quote.cue.text if quote.cue else None, verbs or frozenset()):
        return GoldRole.optional
    if quoted_only and not quote.has_quote_marks:
        return GoldRole.optional
    return GoldRole.scored


def score_polnear_article(article: PolnearArticle, analysis: Analysis, speech_only: bool = False,
                          quoted_only: bool = False, verbs: frozenset[str] | None = None) -> Scores:
    """Scores of one article's statements against its PolNeAR gold."""
    gold = [(q, q.span) for q in article.quotes if q.span is not None]
    roles = [_role(article, q, span, speech_only, quoted_only, verbs) for q, span in gold]
    predicted = list(analysis.statements)
    matches = match_spans([span for _, span in gold], [Interval(s.start, s.end) for s in predicted], roles)
    tp = optional = 0
    speaker = Accuracy()
    for m in matches:
        if roles[m.gold] is GoldRole.optional:
            optional += 1
            continue
        tp += 1
        quote = gold[m.gold][0]
        if quote.sources:
            speaker = speaker.add(_speaker_right(predicted[m.predicted], quote))
    scored = sum(1 for r in roles if r is GoldRole.scored)
    return Scores(tp=tp, fp=len(predicted) - tp - optional, fn=scored - tp, optional_matched=optional,
                  gold_skipped=len(article.quotes) - len(gold), articles=1, speaker=speaker)


def score_polnear(articles: Sequence[PolnearArticle], analyses: Sequence[Analysis], speech_only: bool = False,
                  quoted_only: bool = False, verbs: frozenset[str] | None = None) -> Scores:
    """Corpus scores; ``analyses[i]`` is onrecord's analysis of ``articles[i]``.

    ``verbs`` (from :func:`load_speech_verbs`) is required with ``speech_only``.
    """
    if len(articles) != len(analyses):
        raise OptionsError(f"got {len(articles)} PolNeAR articles but {len(analyses)} analyses: pass one analysis "
                           "per article, in the same order")
    if speech_only and not verbs:
        raise OptionsError("speech_only needs the speech-verb forms: verbs=load_speech_verbs(PATH) with PATH the "
                           "ggt_quote_verb_list.txt file")
    parts = []
    for article, analysis in zip(articles, analyses):
        if analysis.article.id != article.id:
            raise OptionsError(f"analysis {analysis.article.id!r} does not belong to article {article.id!r}: "
                               "keep the analyses in the articles' order")
        parts.append(ArticleScores(article.id, score_polnear_article(article, analysis, speech_only, quoted_only,
                                                                     verbs)))
    return combine(parts)


def default_verb_list(polnear_path: str | Path) -> Path:
    """Where the speech-verb list sits relative to a PolNeAR file: ``DIR/../ggt_quote_verb_list.txt``."""
    return (Path(polnear_path).parent / DEFAULT_VERB_LIST).resolve()


def evaluate_polnear_file(path: str | Path, speech_only: bool = False, quoted_only: bool = False,
                          limit: int | None = None, verbs_path: str | Path | None = None) -> Scores:
    """Load a PolNeAR JSONL file, analyse its articles with onrecord and score them; ``seconds`` is the
    analysis time. With ``speech_only`` the verb list is ``verbs_path`` or :func:`default_verb_list`."""
    from ..pipeline import analyze_many

    verbs = load_speech_verbs(verbs_path or default_verb_list(path)) if speech_only else None
    articles = load_polnear(path, limit=limit)
    started = time.perf_counter()
    analyses = analyze_many([a.as_input() for a in articles])
    seconds = time.perf_counter() - started
    scores = score_polnear(articles, analyses, speech_only=speech_only, quoted_only=quoted_only, verbs=verbs)
    return replace(scores, seconds=seconds)
