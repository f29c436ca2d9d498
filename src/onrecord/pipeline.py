"""The per-article analysis: ``analyze(article, options) -> Analysis``, pure apart from the loaded model.

Stages, numbered as in the body of :func:`analyze_article`:

1. zones: headline, byline, caption, body and boilerplate spans over the unchanged text;
2. language: an article in a language onrecord does not analyse is skipped with a warning;
3. nlp: the spaCy pipeline over each headline, body and caption paragraph (never boilerplate);
4. attribution: quotes, cues, reported speech, speakers (coreference, actor registry), channels, dates;
5. stance: about_negotiations, stance, counterpart and conditions of each statement;
6. contradictions within the article, and PLOVER/CAMEO events for negotiation statements;
7. provenance: every span is checked against the text before the record leaves.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .errors import OnrecordError
from .nlp import load_model, parse_blocks
from .options import Options
from .records import Analysis, Article, Statement
from .timing import stage
from .zones import BoilerplateMemory, find_zones

if TYPE_CHECKING:  # pragma: no cover
    from .actors.run_names import RunNames

log = logging.getLogger(__name__)

# Paragraphs the run-level name harvest reads (``run_name_paragraphs``): prose of at least this many words,
# ending like a sentence, with at most this share of capitalised words (title-case headlines and menus have
# 0.8-1.0; news prose naming several officials stays under 0.5). Chosen by hand for the harvest's purpose.
RUN_NAME_MIN_WORDS = 6
RUN_NAME_SENTENCE_ENDS = ".!?\"”’»)"
RUN_NAME_MAX_CAPITALISED = 0.6


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
        if s.channel:
            check(f"statement {s.id} channel", s.channel.start, s.channel.end, s.channel.name)
        for c in s.conditions:
            check(f"statement {s.id} condition", c.start, c.end, c.text)
    for e in analysis.events:
        check(f"event {e.id}", e.start, e.end, e.text)
    return bad


@dataclasses.dataclass(frozen=True)
class RunContext:
    """What every article of one run learns from all of them, frozen before any is analysed, so results do
    not depend on input order or worker count: recurring boilerplate (``memory``) and the full person names
    the run's articles give (``names``: "Berg" in one article -> "Anna Berg" named in another)."""

    memory: BoilerplateMemory | None = None
    names: "RunNames | None" = None

    @classmethod
    def from_articles(cls, articles: Sequence[Article], memory: BoilerplateMemory | None = None) -> "RunContext":
        """The context of a run: ``memory`` as given (None: no boilerplate memory), names harvested from the
        prose paragraphs of ``articles`` (a parse-free pass: :func:`run_name_paragraphs`)."""
        from .actors.run_names import RunNames

        texts: list[str] = []
        for article in articles:
            if isinstance(article.text, str):  # a broken input fails in its own analysis, not here
                texts.extend(run_name_paragraphs(article, memory))
        return cls(memory, RunNames.harvest(texts))


def run_name_paragraphs(article: Article, memory: BoilerplateMemory | None = None) -> list[str]:
    """The paragraphs of an article the run-level name harvest reads: prose (a sentence of several words,
    not title case) that does not recur across the outlet's articles. Zoning every article twice cost 40 ms
    an article on PolNeAR dev; this filter costs well under 1 ms and keeps headlines, navigation and
    related-article lists out just as well for the harvest's purpose."""
    from .zones.paragraphs import split_paragraphs

    out = []
    for p in split_paragraphs(article.text):
        words = p.text.split()
        if len(words) < RUN_NAME_MIN_WORDS or p.text[-1] not in RUN_NAME_SENTENCE_ENDS:
            continue
        capitalised = sum(1 for w in words if w[:1].isupper())
        if capitalised > RUN_NAME_MAX_CAPITALISED * len(words):
            continue
        if memory is not None and memory.recurs(article.outlet, p.text):
            continue
        out.append(p.text)
    return out


def analyze_article(
    article: Article,
    options: Options | None = None,
    memory: "BoilerplateMemory | RunContext | None" = None,
) -> Analysis:
    """Analyse one article. ``memory`` carries what the other inputs of a run teach: their boilerplate
    (a ``BoilerplateMemory``), or that and the full names they give (a :class:`RunContext`)."""
    from .attribution import find_statements
    from .contradictions import find_contradictions
    from .events import events_for
    from .language import detect_language
    from .learned_pairs import load_pair_model
    from .sides import fill_sides
    from .stance import apply_stance, terms_in
    from .stance.learned import revise

    options = options or Options()
    memory, run_names = (memory.memory, memory.names) if isinstance(memory, RunContext) else (memory, None)
    warnings: list[str] = [str(w) for w in article.metadata.get("warnings", ())]
    clock = options.timings
    # 1. zones
    with stage(clock, "zones"):
        zones = find_zones(article, memory)
    # 2. language
    with stage(clock, "language"):
        language = article.language or detect_language(article.text, zones)
    if language != article.language:
        article = dataclasses.replace(article, language=language)
    if language not in options.languages:
        warnings.append(f"language {language!r} is not analysed (analysed: {', '.join(options.languages)}): skipped")
        return Analysis(article=article, zones=tuple(zones), warnings=tuple(warnings))
    # 3. nlp
    with stage(clock, "nlp"):
        blocks = parse_blocks(article.text, zones, load_model())
    # 4. attribution
    with stage(clock, "attribution"):
        statements: list[Statement] = find_statements(article, zones, blocks, warnings, run_names)
    if article.published is None and any(s.date_text for s in statements):
        warnings.append("no publication date: relative dates left unresolved")
    # 5. stance
    with stage(clock, "stance"):
        statements = apply_stance(article, fill_sides(statements, positions=False, text=article.text), blocks, warnings)
        if options.stance_model:
            statements = revise(statements, article.text, warnings,
                                terms=lambda statement, stance: terms_in(statement, blocks, stance))
    # 6. contradictions and events
    with stage(clock, "contradictions+events"):
        statements = fill_sides(statements, text=article.text)
        contradictions = find_contradictions(statements, article.text,
                                             load_pair_model() if options.pair_model else None)
        events = events_for(statements)
    analysis = Analysis(article=article, zones=tuple(zones), statements=tuple(statements), events=tuple(events),
                        contradictions=tuple(contradictions), warnings=tuple(warnings))
    # 7. provenance
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

    Boilerplate that recurs across the given articles of one outlet is learnt before zoning, and the full
    names the articles give complete surname-only speakers of the others (:class:`RunContext`).
    """
    options = options or Options()
    articles = [_article_from(item, options) for item in items]
    context = RunContext.from_articles(articles, BoilerplateMemory.from_articles(articles))
    return [analyze_article(a, options, context) for a in articles]


def text_id(text: str) -> str:
    """A stable id for an article with no other name: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
