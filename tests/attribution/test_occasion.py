"""Channels carried over within one speaker's occasion."""

from __future__ import annotations

import pytest

import onrecord

ARTICLES = [
    # (text, statement substring, expected channel or None)
    ("Foreign Minister Anna Berg told the state news agency Kestrel on Monday that talks could resume. "
     "\u201cWe are patient,\u201d she said.\n\nShe added that the border would stay closed.\n",
     "the border would stay closed", None),
    ("\u201cWe are patient,\u201d Foreign Minister Anna Berg told the state news agency Kestrel, "
     "\u201cbut the border will stay closed.\u201d\n",
     "but the border will stay closed", "state news agency Kestrel"),
    ("Foreign Minister Anna Berg told the state news agency Kestrel on Monday that talks could resume.\n\n"
     "Defence Minister Omar Haddad said the army was ready.\n\nBerg added that the border would stay closed.\n",
     "the border would stay closed", None),
    ("Foreign Minister Anna Berg told the state news agency Kestrel on Monday that talks could resume.\n\n"
     "\u201cWe are patient,\u201d Berg said.\n\n"
     "In the same interview, Berg said that the border would stay closed.\n",
     "the border would stay closed", "state news agency Kestrel"),
    ("Foreign Minister Anna Berg told the state news agency Kestrel on Monday that talks could resume.\n\n"
     "Prices rose.\n\nPrices fell.\n\nPrices rose again.\n\nBerg later said that the border would stay closed.\n",
     "the border would stay closed", None),
]


@pytest.mark.parametrize("text,needle,channel", ARTICLES)
def test_occasion_channel_carries_over_only_within_one_occasion(text, needle, channel):
    analysis = onrecord.analyze(text, published="2025-03-04")
    (st,) = [s for s in analysis.statements if needle in s.text]
    got = st.channel.name if st.channel else None
    assert got == channel
    if st.channel:
        assert text[st.channel.start:st.channel.end] == st.channel.name
