"""The public API is what __all__ says, and each name exists."""

import onrecord

EXPECTED = {
    "Analysis", "Article", "Channel", "Contradiction", "Event", "Failure", "InputError", "ModelNotFoundError",
    "OnrecordError", "Options", "OptionsError", "Span", "Speaker", "Statement", "Zone", "__version__",
    "analyze", "analyze_many",
}


def test_exported_members_match_all():
    assert set(onrecord.__all__) == EXPECTED
    for name in onrecord.__all__:
        assert hasattr(onrecord, name), name


def test_exported_members_library_adds_only_a_null_handler():
    import logging

    handlers = logging.getLogger("onrecord").handlers
    assert handlers and all(isinstance(h, logging.NullHandler) for h in handlers)
