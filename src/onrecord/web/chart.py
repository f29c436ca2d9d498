"""The actor timeline as server-rendered SVG: time on x, stance as row and colour, one mark per dated statement.

Each mark is a link to the statement's page and carries an SVG ``<title>`` (shown on hover) with the day,
stance, words and conditions. No script, nothing loaded from elsewhere: the page's stylesheet colours it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape

ROWS = ("reject", "conditional", "open", "neutral", "none")  # "none": not about negotiations (with all topics)
ROW_LABELS = {"reject": "reject", "conditional": "conditional", "open": "open", "neutral": "neutral",
              "none": "other topics"}
# Geometry in SVG user units; the SVG scales to the page width (viewBox).
WIDTH, LEFT, RIGHT, TOP, ROW_H, AXIS_H = 960, 120, 48, 16, 46, 34
MARK_R = 6
STACK_STEP = 7  # vertical offset between marks of one day and stance, so none hides another
TICKS = 6
TITLE_TEXT_CHARS = 220  # words of the statement shown on hover


@dataclass(frozen=True)
class Chart:
    svg: Markup
    drawn: int
    undated: int


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = (last - first).days
    if span == 0:
        return LEFT + (WIDTH - LEFT - RIGHT) / 2
    return LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT)


def _short(text: str, limit: int = TITLE_TEXT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_svg(items: list[dict], href: Callable[[dict], str]) -> Chart:
    """The chart for an actor's timeline items (``query.timeline`` records)."""
    dated = [(dt.date.fromisoformat(s["day"]), s) for s in items if s.get("day")]
    rows = [r for r in ROWS if r != "none" or any(not s.get("stance") for _, s in dated)]
    height = TOP + ROW_H * len(rows) + AXIS_H
    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="timeline of {len(dated)} dated statements" xmlns="http://www.w3.org/2000/svg">']
    for i, row in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H / 2
        parts.append(f'<line class="row-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
        parts.append(f'<text class="row-label" x="{LEFT - 12}" y="{y + 4}" text-anchor="end">'
                     f'{escape(ROW_LABELS[row])}</text>')
    axis_y = TOP + ROW_H * len(rows)
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis_y}" y2="{axis_y}"/>')
    if dated:
        first, last = min(d for d, _ in dated), max(d for d, _ in dated)
        span = (last - first).days
        ticks = sorted({first + dt.timedelta(days=round(span * k / (TICKS - 1))) for k in range(TICKS)}) if span else [first]
        for day in ticks:
            x = _x(day, first, last)
            parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{axis_y + 5}"/>')
            parts.append(f'<text class="tick-label" x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle">'
                         f'{day.isoformat()}</text>')
        seen: dict[tuple, int] = defaultdict(int)
        for day, s in dated:
            row = s.get("stance") or "none"
            k = seen[(day, row)]
            seen[(day, row)] += 1
            offset = ((k + 1) // 2) * STACK_STEP * (1 if k % 2 else -1)
            x, y = _x(day, first, last), TOP + ROW_H * rows.index(row) + ROW_H / 2 + offset
            conditions = "; ".join(c["text"] for c in s.get("conditions", ()))
            title = f"{day.isoformat()} · {row if row != 'none' else 'not about negotiations'}\n{_short(s['text'])}"
            if conditions:
                title += f"\nconditions: {_short(conditions)}"
            parts.append(f'<a href="{escape(href(s))}" class="mark-link"><circle class="mark stance-{row}" '
                         f'data-uid="{escape(s.get("uid", ""))}" cx="{x:.1f}" cy="{y:.1f}" r="{MARK_R}">'
                         f'<title>{escape(title)}</title></circle></a>')
    else:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{TOP + ROW_H}" text-anchor="middle">'
                     'no dated statements to draw</text>')
    parts.append("</svg>")
    return Chart(Markup("".join(parts)), drawn=len(dated), undated=len(items) - len(dated))
