"""The speech-verb list for --speech-only, read at run time, and the cue test."""

from __future__ import annotations

import pytest

from onrecord.errors import InputError
from onrecord.evaluate.verbs import is_speech_cue, load_speech_verbs


@pytest.fixture()
def verbs(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text("# reporting verbs\nsaid\nSays\n\ntold\n", encoding="utf-8")
    return load_speech_verbs(path)


def test_verbs_load_skips_blank_lines_and_comments(verbs):
    assert verbs == frozenset({"said", "says", "told"})


@pytest.mark.parametrize(
    "cue, expected",
    [
        ("said", True),
        ("said:", True),
        ("has SAID", True),
        ("was told by", True),
        ("According  to", True),
        ("according to", True),
        ("accordingly", False),
        ("unsaid", False),
        ("believe", False),
        ("\u2015", False),
        (None, False),
    ],
)
def test_verbs_is_speech_cue(verbs, cue, expected):
    assert is_speech_cue(cue, verbs) is expected


@pytest.mark.parametrize("content, message", [(None, "cannot read"), ("\n# only a comment\n", "empty")])
def test_verbs_load_errors(tmp_path, content, message):
    path = tmp_path / "verbs.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_speech_verbs(path)
