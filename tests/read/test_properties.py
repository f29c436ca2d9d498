"""Property tests at the reading boundary: arbitrary unicode comes back exactly, and zones tile it."""

from __future__ import annotations

import codecs
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.read import read_paths
from onrecord.records import ZONE_KINDS, Article
from onrecord.zones import find_zones

# What a text file can hold and give back: no lone surrogates (not encodable), no NUL (a NUL is taken
# as binary), no leading U+FEFF (taken as a byte order mark), and some non-whitespace (else "no text").
FILE_TEXT = (
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=400)
    .filter(lambda t: t.strip() != "" and not t.startswith("\ufeff"))
)
# A JSON string can hold anything but lone surrogates when written raw (ensure_ascii=False).
JSON_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=400).filter(lambda t: t.strip() != "")
ESCAPED_JSON_TEXT = st.text(min_size=1, max_size=200).filter(lambda t: t.strip() != "")  # with lone surrogates

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
}


def read_one(name: str, data: bytes) -> Article:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        path.write_bytes(data)
        [item] = list(read_paths([str(path)]))
    assert isinstance(item, Article), item
    return item


def assert_zones_tile(article: Article) -> None:
    text = article.text
    zones = find_zones(article)
    assert zones, "a text with non-whitespace gets at least one zone"
    assert zones[0].start == 0 and zones[-1].end == len(text)
    for zone, after in zip(zones, zones[1:]):
        assert zone.end == after.start  # sorted, contiguous, no overlap
    for zone in zones:
        assert zone.kind in ZONE_KINDS
        assert 0 <= zone.start < zone.end <= len(text)
        assert text[zone.start : zone.end] == text[zone.start : zone.end]  # a valid slice
    assert "".join(text[z.start : z.end] for z in zones) == text


@PROPERTY
@given(text=FILE_TEXT, encoding=st.sampled_from(sorted(ENCODERS)))
def test_properties_text_reader_round_trip_and_zones_tile(text, encoding):
    article = read_one("a.txt", ENCODERS[encoding](text))
    assert article.text == text
    assert_zones_tile(article)


@PROPERTY
@given(text=JSON_TEXT, title=st.one_of(st.none(), st.text(max_size=30)))
def test_properties_jsonl_round_trip(text, title):
    record = {"id": "x", "text": text, "title": title}
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    article = read_one("a.jsonl", data)
    assert article.text == text
    assert article.title == ((title or "").strip() or None)


@PROPERTY
@given(text=ESCAPED_JSON_TEXT)
def test_properties_jsonl_escaped_round_trip(text):
    article = read_one("a.jsonl", json.dumps({"text": text}).encode("ascii") + b"\n")
    assert article.text == text
