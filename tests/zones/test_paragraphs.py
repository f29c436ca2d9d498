"""Paragraph splitting: exact offsets, trimmed lines, blank-line separation."""

from __future__ import annotations

import pytest

from onrecord.zones.paragraphs import split_paragraphs


@pytest.mark.parametrize(
    "text, pieces, blanks",
    [
        ("One.\nTwo.", ["One.", "Two."], [True, False]),
        ("  One. \n\n\t Two.\r\n", ["One.", "Two."], [True, True]),
        ("\n\n\nOnly\n\n", ["Only"], [True]),
        ("", [], []),
        (" \n \n", [], []),
        ("a\u2028b\nc", ["a\u2028b", "c"], [True, False]),
    ],
)
def test_paragraphs_offsets_are_exact(text, pieces, blanks):
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == pieces
    assert [p.blank_before for p in paras] == blanks
    for i, p in enumerate(paras):
        assert p.index == i
        assert text[p.start : p.end] == p.text
