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
