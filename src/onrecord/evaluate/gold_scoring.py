"""Scoring onrecord's statements against the project's gold files (contract, "Scoring").

1. locate every gold statement in the article text (:func:`onrecord.evaluate.gold.locate_gold`);
2. match predictions to gold one-to-one, greedy by overlap (:mod:`onrecord.evaluate.matching`): headline
   gold is optional, a prediction matching boilerplate gold is a false positive;
3. on matched scored pairs: speaker (folded canonical names equal; a surname-only prediction is wrong),
   kind, about_negotiations, stance (where gold has one), channel (where either side has one; folded names,
   containment either way), conditions (recall: a gold condition is found when one of the prediction's
   conditions overlaps half of it);
4. contradictions: a gold pair is found when the predicted statements matched to its two statements form a
   predicted pair (any kind, either order); precision is over the predicted pairs whose two statements both
   matched gold.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import InputError, OptionsError
from ..read.metadata import with_metadata
from ..options import Options
from ..records import Analysis, Article, Failure, Statement
from .folding import names_contain, same_name
from .gold import GoldArticle, LocatedStatement, load_gold_dir, locate_gold
from .matching import GoldRole, Interval, Match, covers_half_of, match_spans
from .scores import Accuracy, ArticleScores, Scores, combine

# Contract, "Scoring": headline gold statements are optional; a match with boilerplate gold is a false positive.
ZONE_ROLES = {"headline": GoldRole.optional, "boilerplate": GoldRole.negative}


def _interval(start: int, end: int) -> Interval:
    return Interval(start, end)


def _conditions_found(predicted: Statement, gold: LocatedStatement) -> Accuracy:
    found = Accuracy()
    for condition in gold.conditions:
        target = _interval(condition.start, condition.end)
        found = found.add(any(covers_half_of(_interval(c.start, c.end), target) for c in predicted.conditions))
    return found


def _pair_key(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


@dataclass(frozen=True)
class GoldMatch:
    """Steps 1 and 2 of scoring one analysis: the gold statements located in its text, their roles, the
    predicted statements, and the one-to-one matches between them."""

    located: list[LocatedStatement]
    roles: list[GoldRole]
    predicted: list[Statement]
    matches: list[Match]

    def scored(self) -> list[tuple[LocatedStatement, Statement]]:
        """The matched pairs whose gold statement is scored (not headline, not boilerplate)."""
        return [(self.located[m.gold], self.predicted[m.predicted]) for m in self.matches
                if self.roles[m.gold] is GoldRole.scored]


def match_gold(gold: GoldArticle, analysis: Analysis) -> GoldMatch:
    """Locate the gold statements in ``analysis.article.text`` and match the predictions to them."""
    located = locate_gold(gold, analysis.article.text)
    roles = [ZONE_ROLES.get(g.gold.zone, GoldRole.scored) for g in located]
    predicted = list(analysis.statements)
    matches = match_spans([_interval(g.span.start, g.span.end) for g in located],
                          [_interval(s.start, s.end) for s in predicted], roles)
    return GoldMatch(located, roles, predicted, matches)


def score_gold_article(gold: GoldArticle, analysis: Analysis) -> Scores:
    """Scores of one analysis against its gold; gold spans are located in ``analysis.article.text``."""
    # 1. locate and 2. match
    found = match_gold(gold, analysis)
    located, roles, predicted, matches = found.located, found.roles, found.predicted, found.matches
    counts = {"tp": 0, "negative": 0, "optional": 0}
    speaker = kind = about = stance = channel = conditions = Accuracy()
    gold_to_pred: dict[int, str] = {}
    # 3. attributes of matched pairs
    for m in matches:
        role = roles[m.gold]
        if role is GoldRole.negative:
            counts["negative"] += 1
            continue
        gold_to_pred[m.gold] = predicted[m.predicted].id
        if role is GoldRole.optional:
            counts["optional"] += 1
            continue
        counts["tp"] += 1
        g, p = located[m.gold].gold, predicted[m.predicted]
        speaker = speaker.add(same_name(p.speaker.name, g.speaker))
        kind = kind.add(p.kind == g.kind)
        about = about.add(p.about_negotiations == g.about_negotiations)
        if g.stance is not None:
            stance = stance.add(p.stance == g.stance)
        if g.channel or p.channel:
            channel = channel.add(names_contain(p.channel.name if p.channel else None, g.channel))
        conditions = conditions + _conditions_found(p, located[m.gold])
    # 4. contradictions
    predicted_pairs = {_pair_key(c.a, c.b) for c in analysis.contradictions}
    gold_pairs = set()
    recall = Accuracy()
    for c in gold.contradictions:
        pair = (_pair_key(gold_to_pred[c.a], gold_to_pred[c.b])
                if c.a in gold_to_pred and c.b in gold_to_pred else None)
        if pair is not None:
            gold_pairs.add(pair)
        recall = recall.add(pair is not None and pair in predicted_pairs)
    matched_ids = set(gold_to_pred.values())
    precision = Accuracy()
    for pair in predicted_pairs:
        if pair <= matched_ids and len(pair) == 2:
            precision = precision.add(pair in gold_pairs)
    scored = sum(1 for r in roles if r is GoldRole.scored)
    return Scores(
        tp=counts["tp"], fp=len(predicted) - counts["tp"] - counts["optional"], fn=scored - counts["tp"],
        optional_matched=counts["optional"], articles=1, speaker=speaker, kind=kind, about_negotiations=about,
        stance=stance, channel=channel, conditions=conditions, contradictions_recall=recall,
        contradictions_precision=precision,
    )


def score_gold_analyses(golds: Sequence[GoldArticle], analyses: Sequence[Analysis]) -> Scores:
    """Corpus scores; ``analyses[i]`` analyses the article of ``golds[i]``."""
    if len(golds) != len(analyses):
        raise OptionsError(f"got {len(golds)} gold files but {len(analyses)} analyses: pass one per gold file")
    return combine(ArticleScores(g.id, score_gold_article(g, a)) for g, a in zip(golds, analyses))


def _read_articles(directory: Path) -> tuple[dict[str, Article], list[Failure]]:
    """The articles under ``directory`` by id (:func:`onrecord.read.read_paths`), and the inputs that failed.

    A file that cannot be read (a README, a broken page) only matters when a gold file needs it.
    """
    from ..read import read_paths

    articles: dict[str, Article] = {}
    failures: list[Failure] = []
    for item in read_paths([str(directory)], Options()):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.setdefault(item.id, item)
    return articles, failures


def pair_gold_with_articles(golds: Iterable[GoldArticle], articles_dir: str | Path,
                            meta: Mapping[str, Mapping[str, Any]] | None = None) -> list[tuple[GoldArticle, Article]]:
    """Each gold file with its article (and its metadata from ``meta``); a gold file without an article is an
    error naming both."""
    directory = Path(articles_dir)
    if not directory.is_dir():
        raise InputError(Failure(str(directory), "the articles directory does not exist: pass --articles DIR"))
    articles, failures = _read_articles(directory)
    paired = []
    for gold in golds:
        article = articles.get(gold.id)
        if article is None:
            unread = f" ({len(failures)} file(s) there could not be read, first: {failures[0].line()})" if failures else ""
            raise InputError(Failure(gold.path, f"no article {gold.id}.* under {directory}: gold NAME.json "
                                     f"annotates the article NAME.txt (or .html ...) of the articles directory{unread}"))
        paired.append((gold, with_metadata(article, (meta or {}).get(article.id))))
    return paired


def score_gold(articles_dir: str | Path, gold_dir: str | Path,
               meta: Mapping[str, Mapping[str, Any]] | None = None, options: Options | None = None) -> Scores:
    """Analyse the articles that have gold files and score them; ``seconds`` is the analysis time.

    ``meta``: article id -> {published, outlet, title}, as beside scraped files (relative dates need it).
    ``options``: the analysis options (``Options(stance_model=False)`` scores the stance rules alone)."""
    from ..pipeline import analyze_many

    paired = pair_gold_with_articles(load_gold_dir(gold_dir), articles_dir, meta)
    started = time.perf_counter()
    analyses = analyze_many([article for _, article in paired], options)
    seconds = time.perf_counter() - started
    return replace(score_gold_analyses([g for g, _ in paired], analyses), seconds=seconds)
