"""Splitting an article into paragraphs with exact offsets, without touching the text.

A paragraph is one non-blank line (split on ``"\\n"`` only, the same unit ``nlp.paragraphs`` parses), trimmed
of surrounding whitespace: ``text[p.start:p.end] == p.text`` and ``p.text`` neither starts nor ends with
whitespace. Scraped pages put a paragraph on each line, with or without blank lines between them, so a line
is the smallest unit a zone decision can be made on. ``blank_before`` records whether a blank line (or the
start of the text) separates a paragraph from the one before: runs of lines with no blank between them are
how navigation and button rows show up in extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank line of the article: ``article.text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str
    blank_before: bool  # a blank line, or the start of the text, separates it from the previous paragraph


def split_paragraphs(text: str) -> list[Paragraph]:
    """The non-blank lines of ``text`` in order, each trimmed of whitespace, with exact offsets."""
    out: list[Paragraph] = []
    pos = 0
    blank = True  # the start of the text counts as a separation
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end == start:
            blank = True
            continue
        out.append(Paragraph(len(out), start, end, text[start:end], blank))
        blank = False
    return out
