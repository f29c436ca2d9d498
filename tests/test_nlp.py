"""The model loader and the per-zone parse."""

import pytest

from onrecord import nlp as nlp_module
from onrecord.errors import ModelNotFoundError
from onrecord.records import Zone


def test_nlp_missing_model_names_the_install_command(monkeypatch):
    nlp_module.load_model.cache_clear()
    monkeypatch.setattr(nlp_module, "MODEL_PACKAGES", ("no_such_model_pkg_a", "no_such_model_pkg_b"))
    try:
        with pytest.raises(ModelNotFoundError, match="requirements/model.txt"):
            nlp_module.load_model()
    finally:
        nlp_module.load_model.cache_clear()


def test_nlp_boilerplate_is_never_parsed(nlp):
    text = "Title Here\nDonate now to support us.\nPeskov said talks were off.\n"
    zones = [Zone("headline", 0, 11), Zone("boilerplate", 11, 37), Zone("body", 37, len(text))]
    blocks = nlp_module.parse_blocks(text, zones, nlp)
    assert [b.zone for b in blocks] == ["headline", "body"]
    for block in blocks:
        assert text[block.start:block.end] == block.doc.text
        for tok in block.doc:
            assert text[block.start + tok.idx: block.start + tok.idx + len(tok.text)] == tok.text
    assert all("Donate" not in b.doc.text for b in blocks)


@pytest.mark.parametrize(
    "text,limit",
    [
        ("word " * 50, 40),
        ("Sentence one. Sentence two. " * 20, 60),
        ("x" * 1000, 128),
        ("a\nb " * 300, 100),
    ],
)
def test_nlp_split_long_pieces_tile_and_respect_the_limit(text, limit):
    pieces = nlp_module.split_long(0, len(text.rstrip()), text, limit)
    assert all(0 < e - s <= limit for s, e in pieces)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:]))
    covered = "".join(text[s:e] for s, e in pieces)
    assert covered.replace(" ", "").replace("\n", "") == text.rstrip().replace(" ", "").replace("\n", "")


def test_nlp_data_runs_are_not_parsed(nlp):
    blob = "QmFzZTY0" * 200
    text = f"Peskov said talks were off.\n{blob}\nLavrov said talks were on.\n"
    blocks = nlp_module.parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    assert [b.doc.text for b in blocks] == ["Peskov said talks were off.", "Lavrov said talks were on."]
