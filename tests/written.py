"""Shared helper for tests on articles written for them: the statement that says given words, through the real
pipeline (the rules' pairs: no learned pair model)."""

from onrecord.options import Options
from onrecord.pipeline import analyze
from onrecord.records import Statement


def statement_saying(article: str, words: str, published: str = "2026-05-04") -> Statement:
    analysis = analyze(article, id="t", language="en", published=published, options=Options(pair_model=False))
    return next(s for s in analysis.statements if words in s.text)
