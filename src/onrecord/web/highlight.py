"""Article text as HTML with spans marked at their offsets: zones shaded, a statement and its parts highlighted.

The text is split at every span boundary and each piece is escaped on its own, so no character of the
article is ever read as markup and ``text[start:end]`` of a mark is exactly what the element contains.
Marks nest by ``level`` (0 outermost): where two marks overlap without nesting, the inner level's element is
closed and reopened around the outer one, so a level-0 mark (the statement) stays one element.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """A span to mark: ``text[start:end]``; ``role`` names it (CSS class ``m-ROLE``, ``data-role``)."""

    start: int
    end: int
    role: str
    level: int = 1
    title: str | None = None
    element_id: str | None = None  # given to the mark's first element only


def _open(mark: Mark, first: bool) -> str:
    attrs = [f'class="m m-{escape(mark.role)}"', f'data-role="{escape(mark.role)}"']
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    if first and mark.element_id:
        attrs.append(f'id="{escape(mark.element_id)}"')
    return f"<span {' '.join(attrs)}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """HTML for ``text`` with ``marks`` (spans off the text or empty are left out)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    order = {id(m): (m.level, m.start, -m.end, i) for i, m in enumerate(marks)}
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    for lo, hi in zip(points, points[1:]):
        want = sorted((m for m in marks if m.start <= lo and hi <= m.end), key=lambda m: order[id(m)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for m in want[keep:]:
            out.append(_open(m, id(m) not in opened))
            opened.add(id(m))
        stack = want
        out.append(str(escape(text[lo:hi])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def zone_marks(zones: list[dict]) -> list[Mark]:
    return [Mark(z["start"], z["end"], f"zone-{z['kind']}", level=1, title=z["kind"]) for z in zones]


def statement_marks(st: dict, focus: bool = True) -> list[Mark]:
    """The statement (level 0) and its speaker mention, cue, channel and conditions (level 2)."""
    marks = [Mark(st["start"], st["end"], "statement", level=0,
                  title=f"{st['kind']} statement" + (f", {st['stance']}" if st.get("stance") else ""),
                  element_id="focus" if focus else None)]
    sp = st["speaker"]
    if sp.get("start") is not None and sp.get("end") is not None:
        marks.append(Mark(sp["start"], sp["end"], "speaker", level=2, title=f"speaker: {sp.get('name') or '?'}"))
    if st.get("cue"):
        marks.append(Mark(st["cue"]["start"], st["cue"]["end"], "cue", level=2, title="speech cue"))
    if st.get("channel"):
        marks.append(Mark(st["channel"]["start"], st["channel"]["end"], "channel", level=2, title="channel"))
    for c in st.get("conditions", ()):
        marks.append(Mark(c["start"], c["end"], "condition", level=2, title="condition"))
    return marks


def all_statement_marks(statements: list[dict]) -> list[Mark]:
    """Every statement of an article, lightly marked (level 0), for the article page."""
    return [Mark(s["start"], s["end"], f"statement-{s.get('stance') or 'none'}", level=0,
                 title=f"{s['id']}: {s['speaker'].get('name') or '?'}" + (f" ({s['stance']})" if s.get("stance") else ""))
            for s in statements]
