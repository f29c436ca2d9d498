"""The repository's own example set (``examples/``): every article has a gold file and a ``meta.json`` entry,
and every gold file follows the contract's gold format and the conventions in ``examples/README.md``.

These golds are quality gates for the attribution and zone gates, so a broken one must fail here, with a
message naming the file and the statement, before it skews a score.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import EXAMPLES

ARTICLES = EXAMPLES / "articles"
GOLD = EXAMPLES / "gold"
META = EXAMPLES / "meta.json"

# The set the examples README promises (the brief for examples/): at least this many articles, with at
# least one cp1251 page and one HTML page among them.
MIN_ARTICLES = 8
ARTICLE_SUFFIXES = (".txt", ".html")
# The encoding tried after UTF-8 for .txt articles (the one Russian-outlet page is saved in it).
FALLBACK_ENCODING = "cp1251"

KINDS = {"direct", "indirect"}
STANCES = {"reject", "conditional", "open", "neutral"}
STATEMENT_ZONES = {"body", "headline", "caption", "boilerplate"}
ZONE_KINDS = {"headline", "byline", "caption", "boilerplate"}
REQUIRED_STATEMENT_KEYS = {"speaker", "speaker_role", "speaker_mention", "kind", "text", "cue",
                           "about_negotiations", "stance", "conditions", "channel"}
META_KEYS = {"published", "outlet", "title"}


def _article_paths() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


ARTICLE_NAMES = [p.stem for p in _article_paths()] if ARTICLES.is_dir() else []


def _article_path(name: str) -> Path:
    (path,) = [p for p in _article_paths() if p.stem == name]
    return path


@functools.cache
def _decode(path: Path) -> tuple[str, str]:
    """The text that gold offsets index, and how it was obtained ("utf-8", "cp1251" or "trafilatura")."""
    if path.suffix == ".html":
        trafilatura = pytest.importorskip("trafilatura", reason="the HTML example's gold indexes trafilatura's text")
        text = trafilatura.extract(path.read_text(encoding="utf-8"))
        assert text, f"{path.name}: trafilatura extracted nothing"
        return text, "trafilatura"
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode(FALLBACK_ENCODING), FALLBACK_ENCODING


def _gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def test_examples_gold_set_size_and_formats():
    paths = _article_paths()
    assert len(paths) >= MIN_ARTICLES, f"{ARTICLES} has {len(paths)} articles; the set promises {MIN_ARTICLES}"
    assert any(p.suffix == ".html" for p in paths), "no HTML example article"
    cp1251 = [p.name for p in paths if p.suffix == ".txt" and _decode(p)[1] == FALLBACK_ENCODING]
    assert cp1251, "no example article is saved in cp1251 (it must fail UTF-8 decoding)"
    assert len(set(ARTICLE_NAMES)) == len(ARTICLE_NAMES), f"two articles share a name: {ARTICLE_NAMES}"


def test_examples_gold_file_for_every_article_and_no_orphans():
    golds = {p.stem for p in GOLD.glob("*.json")}
    assert set(ARTICLE_NAMES) - golds == set(), "articles without a gold file"
    assert golds - set(ARTICLE_NAMES) == set(), "gold files without an article"


def test_examples_gold_meta_entry_for_every_article():
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert set(meta) == set(ARTICLE_NAMES), f"meta.json ids differ: {sorted(set(meta) ^ set(ARTICLE_NAMES))}"
    for name, entry in meta.items():
        assert set(entry) >= META_KEYS, f"meta.json[{name!r}] lacks {sorted(META_KEYS - set(entry))}"
        dt.date.fromisoformat(entry["published"])
        assert entry["outlet"] and entry["title"], f"meta.json[{name!r}]: empty outlet or title"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_title_occurs_in_article(name):
    text, _ = _decode(_article_path(name))
    title = json.loads(META.read_text(encoding="utf-8"))[name]["title"]
    assert title in text, f"{name}: meta.json title is not in the article text"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_statement_fields(name):
    gold = _gold(name)
    assert gold.get("id") == name
    assert isinstance(gold.get("statements"), list) and gold["statements"], f"{name}: no statements"
    for i, st in enumerate(gold["statements"]):
        where = f"{name} statement {i}"
        missing = REQUIRED_STATEMENT_KEYS - set(st)
        assert not missing, f"{where}: missing keys {sorted(missing)}"
        assert isinstance(st["speaker"], str) and st["speaker"].strip(), f"{where}: empty speaker"
        assert st["kind"] in KINDS, f"{where}: kind {st['kind']!r}"
        assert st.get("zone", "body") in STATEMENT_ZONES, f"{where}: zone {st.get('zone')!r}"
        assert isinstance(st["about_negotiations"], bool), f"{where}: about_negotiations must be a bool"
        if st["about_negotiations"]:
            assert st["stance"] in STANCES, f"{where}: about negotiations but stance {st['stance']!r}"
        else:
            assert st["stance"] is None, f"{where}: not about negotiations, so stance must be null"
        assert isinstance(st["conditions"], list), f"{where}: conditions must be a list"
        if st["conditions"]:
            assert st["stance"] in {"reject", "conditional"}, f"{where}: conditions under stance {st['stance']!r}"
        via = st.get("via")
        assert via is None or (isinstance(via, int) and 0 <= via < len(gold["statements"]) and via != i), \
            f"{where}: via {via!r}"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_contradiction_indexes(name):
    gold = _gold(name)
    count = len(gold["statements"])
    for pair in gold.get("contradictions", []):
        assert isinstance(pair["a"], int) and isinstance(pair["b"], int), f"{name}: {pair}"
        assert 0 <= pair["a"] < count and 0 <= pair["b"] < count and pair["a"] != pair["b"], f"{name}: {pair}"
        assert pair.get("why"), f"{name}: contradiction {pair} has no 'why'"


def test_examples_gold_contradictions_present():
    with_pairs = [n for n in ARTICLE_NAMES if _gold(n).get("contradictions")]
    assert len(with_pairs) >= 2, f"only {with_pairs} annotate contradictions; the set promises at least two"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_spans_are_exact_substrings(name):
    text, _ = _decode(_article_path(name))
    gold = _gold(name)
    for i, st in enumerate(gold["statements"]):
        where = f"{name} statement {i}"
        assert st["text"] in text, f"{where}: text {st['text'][:60]!r} is not in the article"
        for key in ("cue", "speaker_mention"):
            if st[key] is not None:
                assert st[key] in text, f"{where}: {key} {st[key]!r} is not in the article"
        for condition in st["conditions"]:
            assert condition in text, f"{where}: condition {condition[:60]!r} is not in the article"
    for zone in gold.get("zones", []):
        assert zone["kind"] in ZONE_KINDS, f"{name}: zone kind {zone['kind']!r}"
        assert zone["text"] and zone["text"] in text, f"{name}: zone text {zone['text'][:60]!r} is not in the article"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_statements_unique_and_in_reading_order(name):
    """Gold offsets are found by text search (evaluate.gold.locate_gold): each text occurs once, in order."""
    text, _ = _decode(_article_path(name))
    starts = []
    for i, st in enumerate(_gold(name)["statements"]):
        found = _occurrences(text, st["text"])
        assert len(found) == 1, f"{name} statement {i}: text occurs {len(found)} times"
        starts.append(found[0])
    assert starts == sorted(starts), f"{name}: statements are not listed in reading order"


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_examples_gold_statement_zone_agrees_with_zones(name):
    """A headline / caption / boilerplate statement lies inside a zone of that kind; a body one inside none."""
    text, _ = _decode(_article_path(name))
    gold = _gold(name)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for zone in gold.get("zones", []):
        spans[zone["kind"]] += [(s, s + len(zone["text"])) for s in _occurrences(text, zone["text"])]
    if "zones" not in gold:
        pytest.skip(f"{name}: no zones in the gold")
    for i, st in enumerate(gold["statements"]):
        start = text.find(st["text"])
        end = start + len(st["text"])
        inside = {kind for kind, ranges in spans.items() if any(a <= start and end <= b for a, b in ranges)}
        zone = st.get("zone", "body")
        if zone == "body":
            assert not inside, f"{name} statement {i}: body statement inside a {sorted(inside)} zone"
        else:
            assert zone in inside, f"{name} statement {i}: {zone} statement outside every {zone} zone"


def test_examples_gold_outlet_boilerplate_repeats_across_articles():
    """Two articles of one outlet share a boilerplate block, so cross-document learning has something to find."""
    meta = json.loads(META.read_text(encoding="utf-8"))
    by_outlet: dict[str, list[set[str]]] = defaultdict(list)
    for name in ARTICLE_NAMES:
        zones = {z["text"] for z in _gold(name).get("zones", []) if z["kind"] == "boilerplate"}
        by_outlet[meta[name]["outlet"]].append(zones)
    shared = {outlet: set.intersection(*sets) for outlet, sets in by_outlet.items() if len(sets) > 1}
    assert any(len(texts) >= 3 for texts in shared.values()), f"shared boilerplate per outlet: {shared}"
