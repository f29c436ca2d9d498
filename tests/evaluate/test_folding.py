"""Name folding for scoring: case, accents, typographic marks; surname-only is not a full name."""

from __future__ import annotations

import pytest

from onrecord.evaluate.folding import fold, names_contain, same_name, surname


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Sergei SHOIGU", "sergei shoigu"),
        ("Volodymyr  Zelenský", "volodymyr zelensky"),
        ("Dmitrí Peskóv", "dmitri peskov"),
        ("Russia’s  defence\nministry", "russia's defence ministry"),
        (None, ""),
    ],
)
def test_folding_fold(name, folded):
    assert fold(name) == folded


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [
        ("sergei shoigu", "Sergei Shoigu", True),
        ("Sérgei Shoígu", "Sergei Shoigu", True),
        ("Shoigu", "Sergei Shoigu", False),          # surname only is not the canonical full name
        ("Sergei Shoigu Jr", "Sergei Shoigu", False),
        (None, "Sergei Shoigu", False),
        ("", "", False),
    ],
)
def test_folding_same_name(predicted, gold, expected):
    assert same_name(predicted, gold) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("the Telegram news channel Shot", "Telegram news channel Shot", True),
        ("TASS", "the TASS news agency", True),
        ("ТАСС", "TASS", False),
        ("RIA Novosti", "TASS", False),
        (None, "TASS", False),
        ("TASS", None, False),
    ],
)
def test_folding_names_contain_either_way(a, b, expected):
    assert names_contain(a, b) is expected
    assert names_contain(b, a) is expected


@pytest.mark.parametrize(
    "name, last",
    [("Sergei Shoigu", "shoigu"), ("Government of Ukraine", "ukraine"), ("Ó Briain.", "briain"), ("", None)],
)
def test_folding_surname_is_last_word(name, last):
    assert surname(name) == last
