"""The timeline SVG: one mark per dated statement, in its stance's row, linked, with a hover title."""

from __future__ import annotations

import re

import pytest

from onrecord.web.chart import timeline_svg


def item(uid: str, day: str | None, stance: str | None, text: str = "words", conditions=()) -> dict:
    return {"uid": uid, "day": day, "stance": stance, "text": text,
            "conditions": [{"text": c, "start": 0, "end": len(c)} for c in conditions]}


@pytest.mark.parametrize("items, drawn, undated", [
    ([], 0, 0),
    ([item("a#s1", "2025-01-01", "reject")], 1, 0),
    ([item("a#s1", "2025-01-01", "reject"), item("a#s2", "2025-01-01", "reject"), item("b#s1", None, "open")], 2, 1),
    ([item(f"a#s{i}", f"2025-0{1 + i % 9}-1{i % 10}", s) for i, s in enumerate(["open", "neutral", None] * 5)], 15, 0),
])
def test_chart_one_mark_per_dated_statement(items, drawn, undated):
    chart = timeline_svg(items, lambda s: "/s/" + s["uid"])
    svg = str(chart.svg)
    assert (chart.drawn, chart.undated) == (drawn, undated)
    assert svg.count('class="mark ') == drawn
    assert svg.count("<title>") == drawn


def test_chart_marks_stack_instead_of_hiding_each_other():
    items = [item(f"a#s{i}", "2025-02-02", "reject") for i in range(3)]
    svg = str(timeline_svg(items, lambda s: "#").svg)
    positions = re.findall(r'cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(set(positions)) == 3


def test_chart_later_days_are_further_right_and_titles_escape():
    items = [item("a#1", "2025-01-01", "reject", "<b>no</b> talks", ["x < y"]), item("a#2", "2025-03-01", "open")]
    svg = str(timeline_svg(items, lambda s: f"/s?u={s['uid']}&x=1").svg)
    xs = [float(x) for x in re.findall(r'cx="([\d.]+)"', svg)]
    assert xs[0] < xs[1]
    assert "<b>" not in svg and "&lt;b&gt;no&lt;/b&gt; talks" in svg and "x &lt; y" in svg
    assert 'href="/s?u=a#1&amp;x=1"' in svg
