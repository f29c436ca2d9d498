"""Assembling statements from quotes, cues and reported-speech frames.

Stages, numbered as in :func:`assemble_statements`:

1. quotes on the raw text of the parsed paragraphs (never boilerplate);
2. cues and their frames (speaker mention, reported content) per sentence, skipping cues inside quotes;
3. each quote gets its attribution: a cue in the sentences it touches (one whose content holds the quote
   first, else the nearest), else a cue-only sentence next to it ("He said:" / "he said."), else the
   speaker of the statement it continues (a quote running over paragraphs, a paragraph that is only a
   quote right after an attributed one);
4. direct statements for attributed quotes; a short quoted fragment inside a reported clause stays part of
   that clause unless it carries the clause's head ("claim that he “never refused” to negotiate");
5. indirect statements for frames whose content no direct quote took over;
6. ids in text order, speakers resolved, cue, channel and date attached.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from ..dates import find_said_on
from ..nlp import Block
from ..records import Article, Span, Speaker, Statement
from .channels import find_channel
from .cues import Cue, find_cues
from .quotes import Quote, find_quotes
from .reported import CLOSING_PUNCT, Frame, Piece, frame_for, split_coordinated
from .speakers import SpeakerResolver

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

    from ..actors.run_names import RunNames

# A quote of fewer words than this inside a reported clause is a fragment of that clause (by the gold convention
# a few quoted words within a reported clause belong to the indirect statement); with no cue
# at all it is a scare quote. Four words: the shortest quoted statements in the gold files have 4+ words,
# and PolNeAR scare quotes are mostly 1-3 words.
SUBSTANTIAL_QUOTE_WORDS = 4
# A quote that a reported clause holds after at least this many words of its own (subject, verb and more)
# is a phrase of that clause, whatever its length.
EMBEDDING_WORDS = 4
# A quote with no cue in or next to its sentence, continuing no statement, is not reported: on PolNeAR dev,
# reporting such quotes of 8+ words added 48 matches but about 100 false positives (speech-only F1 0.812 vs
# 0.845, quoted-only 0.778 vs 0.793).
# A paragraph counts as "only a quote" when at most this many characters of it lie outside the quote.
QUOTE_ONLY_SLACK = 3
# Reported content shorter than this many words is not a statement ("he said so").
MIN_INDIRECT_WORDS = 2
# Punctuation right before a quote that makes it a whole utterance of its own.
QUOTE_OPENING_PUNCT = ":—–-("
# Zone kinds a statement keeps; any other parsed zone counts as body.
STATEMENT_ZONES = {"headline": "headline", "caption": "caption"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A parsed sentence with its block, article offsets and the frames of its cues."""

    block: int
    sent: "SpacySpan" = field(compare=False)
    start: int
    end: int
    frames: tuple[Frame, ...] = ()


@dataclass(eq=False, slots=True)
class Draft:
    """A statement before ids and speakers: its span, kind, the frame it came from, or whom it continues."""

    kind: str
    start: int
    end: int
    zone: str
    frame: Frame | None = None
    follows: "Draft | None" = None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _inside(offset: int, quotes: Sequence[Quote], starts: Sequence[int]) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and quotes[k].outer_start <= offset < quotes[k].outer_end


def _sentences(blocks: Sequence[Block], quotes: Sequence[Quote]) -> list[Sentence]:
    """2. Sentences in text order with the frames of cues that lie outside quotation marks."""
    starts = [q.outer_start for q in quotes]
    out: list[Sentence] = []
    for k, block in enumerate(blocks):
        block_text = block.doc.text
        headline = block.zone == "headline"
        for sent in block.doc.sents:
            found = find_cues(sent, block.start, headline=headline, block_text=block_text)
            cues: list[Cue] = [c for c in found if not _inside(c.start, quotes, starts)]
            cue_tokens = frozenset(c.token.i for c in cues)
            frames = tuple(f for c in cues for f in split_coordinated(frame_for(c, cue_tokens)))
            out.append(Sentence(k, sent, block.start + sent.start_char, block.start + sent.end_char, frames))
    return out


def _holds(frame: Frame, quote: Quote) -> bool:
    c = frame.content
    return c is not None and _overlap(c.start, c.end, quote.start, quote.end) > 0


def _distance(frame: Frame, quote: Quote) -> int:
    cue = frame.cue
    if cue.start >= quote.outer_end:
        return cue.start - quote.outer_end
    return max(0, quote.outer_start - cue.end)


def _carries_head(frame: Frame, quote: Quote) -> bool:
    """Does the quote contain the head word of the frame's content ("he “never refused” to ...")?"""
    head = frame.content_head
    if head is None:
        return False
    at = frame.cue.offset + head.idx
    return quote.start <= at < quote.end


def _embedded(frame: Frame, quote: Quote, text: str) -> bool:
    """Is the quote a phrase of the reported clause that holds it, the clause's own words around it carrying
    its subject and verb ("said Russia was ready to talk only on the basis of “the realities on the ground”")?
    Then the clause is the statement and the quote stays inside it."""
    c = frame.content
    # the clause may stop before the quote's closing punctuation: "... “if the army stops bombing the markets.”"
    quoted_end = quote.start + len(text[quote.start : quote.end].rstrip(CLOSING_PUNCT))
    if c is None or _carries_head(frame, quote) or not (c.start < quote.outer_start and quoted_end <= c.end):
        return False
    before = text[c.start : quote.outer_start].split()
    # a quote that opens with a subordinator or relative word is a dependent piece of the clause ("Sanaa will
    # sign ‘once salaries are paid’", "any roadmap «that leaves a soldier in Kidal»"), however short the clause
    first = quote.text.split()[0].lower().strip(",.") if quote.text.split() else ""
    return len(before) >= EMBEDDING_WORDS or (len(before) >= 2 and first in DEPENDENT_OPENERS)


# First words of a quoted piece that cannot stand alone as an utterance.
DEPENDENT_OPENERS = frozenset({"once", "if", "unless", "until", "while", "provided", "that", "which", "who", "whose",
                               "because", "when", "before", "after", "as", "so", "whatever", "whenever"})


def _attribute(quote: Quote, sentences: Sequence[Sentence], first: int, last: int) -> Frame | None:
    """3. The frame that attributes a quote, from the sentences [first, last] it touches or their neighbours."""
    touching = [f for s in sentences[first : last + 1] for f in s.frames]
    holding = [f for f in touching if _holds(f, quote)]
    pool = holding or touching
    if pool:
        return min(pool, key=lambda f: _distance(f, quote))
    block = sentences[first].block
    before = sentences[first - 1] if first > 0 else None
    if before is not None and before.frames and (before.block == block or before.sent.text.rstrip().endswith(":")):
        open_frames = [f for f in before.frames if f.content is None] or (
            list(before.frames) if before.sent.text.rstrip().endswith(":") else []
        )
        if open_frames:
            return open_frames[-1]
    after = sentences[last + 1] if last + 1 < len(sentences) else None
    if after is not None and after.block == block:
        open_frames = [f for f in after.frames if f.content is None]
        if open_frames:
            return open_frames[0]
    return None


def _stands_alone(quote: Quote, sentence: Sentence, text: str) -> bool:
    """Is a short quote a whole utterance ("“No,” he said." / "He said: “No.”"), not a phrase in a clause
    ("accused of “inhumane acts”")?"""
    before = text[sentence.start : quote.outer_start].rstrip()
    return not before or before.endswith(":") or before[-1] in QUOTE_OPENING_PUNCT


def _governed(frame: Frame, quote: Quote) -> bool:
    """Does the quote lie in the cue's own phrase ("described her as “unhinged”")?"""
    token = frame.cue.token
    a = frame.cue.offset + token.left_edge.idx
    b = frame.cue.offset + token.right_edge.idx + len(token.right_edge.text)
    return a <= quote.start and quote.end <= b


def _sentence_range(quote: Quote, sentences: Sequence[Sentence], starts: Sequence[int]) -> tuple[int, int]:
    first = max(0, bisect.bisect_right(starts, quote.outer_start) - 1)
    last = first
    while last + 1 < len(sentences) and sentences[last + 1].start < quote.outer_end:
        last += 1
    return first, last


def _quote_drafts(
    quotes: Sequence[Quote], sentences: Sequence[Sentence], blocks: Sequence[Block], text: str
) -> tuple[list[Draft], set[int]]:
    """3-4. Direct statements, and the ids of frames whose content a direct quote took over."""
    starts = [s.start for s in sentences]
    used: set[int] = set()
    drafts: list[Draft] = []
    previous: Draft | None = None
    previous_block = -2
    block_ends: dict[int, int] = {}
    for quote in quotes:
        if not sentences:
            break
        first, last = _sentence_range(quote, sentences, starts)
        block_index = sentences[first].block
        zone = blocks[block_index].zone
        frame = _attribute(quote, sentences, first, last)
        draft: Draft | None = None
        if frame is not None and frame.source is not None and frame.source.start <= quote.start \
                and quote.end <= frame.source.end:
            continue  # a name quoted inside the speaker's own mention ('a commander who goes by "X" said')
        if frame is not None:
            if _holds(frame, quote):
                if _carries_head(frame, quote) or (
                    quote.words >= SUBSTANTIAL_QUOTE_WORDS and not _embedded(frame, quote, text)
                ):
                    draft = Draft("direct", quote.start, quote.end, zone, frame)
                    used.add(id(frame))
            elif quote.words >= SUBSTANTIAL_QUOTE_WORDS or (
                frame.content is None
                and frame.source is not None
                and (_stands_alone(quote, sentences[first], text) or _governed(frame, quote))
            ):
                draft = Draft("direct", quote.start, quote.end, zone, frame)
        else:
            block = blocks[block_index]
            if block_index not in block_ends:  # Block.end rebuilds the doc's text: once per block at most
                block_ends[block_index] = block.end
            outside = (quote.outer_start - block.start) + (block_ends[block_index] - quote.outer_end)
            adjacent = previous is not None and previous_block in (block_index, block_index - 1)
            if adjacent and (quote.continued or outside <= QUOTE_ONLY_SLACK):
                draft = Draft("direct", quote.start, quote.end, zone, None, previous)
        if draft is not None:
            drafts.append(draft)
            previous, previous_block = draft, block_index
    return drafts, used


def _indirect_drafts(sentences: Sequence[Sentence], blocks: Sequence[Block], used: set[int],
                     taken: Sequence[Draft]) -> list[Draft]:
    """5. Indirect statements for frames with content that no direct quote took over."""
    out: list[Draft] = []
    seen: set[tuple[int, int]] = {(d.start, d.end) for d in taken}
    for s in sentences:
        for frame in s.frames:
            c = frame.content
            if c is None or id(frame) in used or (c.start, c.end) in seen:
                continue
            words = frame.cue.block_text[c.start - frame.cue.offset : c.end - frame.cue.offset].split()
            if len(words) < MIN_INDIRECT_WORDS:
                continue
            seen.add((c.start, c.end))
            out.append(Draft("indirect", c.start, c.end, blocks[s.block].zone, frame))
    return out


def _statement(article: Article, number: int, draft: Draft, speaker: Speaker) -> Statement:
    text = article.text
    frame = draft.frame
    cue = channel = said_on = date_text = None
    if frame is not None:
        c = frame.cue
        cue = Span(c.start, c.end, text[c.start : c.end])
        sent = c.token.sent
        channel = find_channel(sent, c.offset, c.token)
        ref = find_said_on(sent, c.offset, article.published, c.token)
        if ref is not None:
            said_on, date_text = ref.date, ref.text
    return Statement(
        id=f"s{number}",
        kind=draft.kind,
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        speaker=speaker,
        cue=cue,
        channel=channel,
        said_on=said_on,
        date_text=date_text,
        zone=STATEMENT_ZONES.get(draft.zone, "body"),
    )


def assemble_statements(article: Article, blocks: Sequence[Block],
                        run_names: "RunNames | None" = None) -> list[Statement]:
    """Statements of one article from its parsed blocks (headline, body and caption paragraphs).

    ``run_names``: full names from the other articles of the run, completing surname-only speakers."""
    text = article.text
    # 1. quotes
    quotes = find_quotes(text, [(b.start, b.start + len(b.doc.text)) for b in blocks])
    # 2. cues and frames
    sentences = _sentences(blocks, quotes)
    # 3-4. direct statements
    direct, used = _quote_drafts(quotes, sentences, blocks, text)
    # 5. indirect statements
    indirect = _indirect_drafts(sentences, blocks, used, direct)
    drafts = sorted(direct + indirect, key=lambda d: (d.start, d.end))
    # 6. ids, speakers, cue, channel, date
    resolver = SpeakerResolver(article, blocks, run_names=run_names)
    speakers: dict[int, Speaker] = {}
    out: list[Statement] = []
    for draft in drafts:
        if draft.follows is not None:
            speaker = speakers.get(id(draft.follows), Speaker())
        elif draft.frame is not None and draft.frame.source is not None:
            src: Piece = draft.frame.source
            speaker = resolver.resolve(src.start, src.end)
        else:
            speaker = Speaker()
        speakers[id(draft)] = speaker
        out.append(_statement(article, len(out) + 1, draft, speaker))
    return out
