"""read/__init__.py: the small public API other code calls."""

from __future__ import annotations

import inspect

import onrecord.read as read


def test_init_exports_exactly_the_readers():
    assert sorted(read.__all__) == ["article_from_mapping", "article_from_text", "read_paths"]
    for name in read.__all__:
        assert callable(getattr(read, name))


def test_init_signatures_other_code_relies_on():
    text = inspect.signature(read.article_from_text)
    assert list(text.parameters) == ["text", "options", "id", "source"]
    assert all(text.parameters[p].kind is inspect.Parameter.KEYWORD_ONLY for p in ("options", "id", "source"))
    mapping = inspect.signature(read.article_from_mapping)
    assert list(mapping.parameters) == ["record", "source", "options"]
    assert list(inspect.signature(read.read_paths).parameters) == ["paths", "options"]
