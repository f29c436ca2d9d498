"""Evaluation: onrecord's statements scored against gold annotations (contract, "Scoring").

- :func:`score_gold` / :func:`load_gold_dir`: the project's gold format (one JSON file per article);
- :func:`score_polnear` / :func:`load_polnear` / :func:`evaluate_polnear_file`: PolNeAR attribution JSONL.
"""

from __future__ import annotations

from .gold import GoldArticle, GoldContradiction, GoldStatement, LocatedStatement, load_gold_dir, locate_gold
from .gold_scoring import score_gold, score_gold_analyses, score_gold_article
from .polnear import PolnearArticle, PolnearQuote, evaluate_polnear_file, load_polnear, score_polnear
from .scores import Accuracy, ArticleScores, Scores
from .verbs import load_speech_verbs

__all__ = [
    "Accuracy",
    "ArticleScores",
    "GoldArticle",
    "GoldContradiction",
    "GoldStatement",
    "LocatedStatement",
    "PolnearArticle",
    "PolnearQuote",
    "Scores",
    "evaluate_polnear_file",
    "load_gold_dir",
    "load_polnear",
    "load_speech_verbs",
    "locate_gold",
    "score_gold",
    "score_gold_analyses",
    "score_gold_article",
    "score_polnear",
]
