"""The per-article orchestration: order, provenance, languages."""

import dataclasses

import pytest

import onrecord
from onrecord.pipeline import check_provenance
from onrecord.records import Analysis, Article, Speaker, Statement


def test_pipeline_analyze_many_keeps_input_order():
    items = [{"id": f"a{i}", "text": f"Article number {i}. The minister said talks would resume."} for i in range(5)]
    out = onrecord.analyze_many(items)
    assert [a.article.id for a in out] == [f"a{i}" for i in range(5)]


def test_pipeline_provenance_check_catches_a_span_off_the_text():
    text = "Lavrov said talks were possible."
    good = Statement(id="s1", kind="indirect", text="talks were possible", start=12, end=31,
                     speaker=Speaker(name="Sergei Lavrov", mention="Lavrov", start=0, end=6))
    analysis = Analysis(article=Article(id="x", text=text), statements=(good,))
    assert check_provenance(analysis) == []
    bad = dataclasses.replace(good, start=11)
    assert check_provenance(dataclasses.replace(analysis, statements=(bad,)))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Министр иностранных дел заявил, что переговоры возможны только после прекращения огня на всей линии фронта.", "ru"),
        ("Der Minister sagte am Montag, dass Verhandlungen erst nach einem Waffenstillstand möglich seien, und er bleibe dabei.", "de"),
    ],
)
def test_pipeline_other_language_is_skipped_with_a_warning(text, expected):
    analysis = onrecord.analyze(text, id="foreign")
    assert analysis.article.language == expected
    assert analysis.statements == ()
    assert any("not analysed" in w for w in analysis.warnings)
