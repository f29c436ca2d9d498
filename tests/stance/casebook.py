"""Scoring the stance stage on the project's own sentences (``tests/data/stance_cases.jsonl``).

Each case is one sentence, the exact substring that is the statement, and the expected
about_negotiations, stance, conditions (exact substrings) and counterpart; ``side`` is the speaker's
side when the case needs it (``role`` the speaker's role) (a claim about the other side is neutral only if we know who speaks).
Optional ``context`` is a paragraph before the sentence (the article so far), and ``previous`` a statement
of the same speaker inside it: cases where only the surrounding text makes a statement about talks.
Metrics follow the contract's scoring rules: stance accuracy where the case has a stance; a condition
is found when a predicted one overlaps half of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.nlp import Block
from onrecord.records import Article, Speaker, Statement
from onrecord.stance import apply_stance

CASES = Path(__file__).resolve().parents[1] / "data" / "stance_cases.jsonl"
OPENING_MARKS = "“\"‘'«"


@dataclass(frozen=True)
class Case:
    sentence: str
    statement: str
    about_negotiations: bool
    stance: str | None
    conditions: tuple[str, ...]
    counterpart: str | None
    side: str | None
    context: str | None = None
    previous: str | None = None
    role: str | None = None

    @property
    def kind(self) -> str:
        at = self.sentence.index(self.statement)
        return "direct" if at > 0 and self.sentence[at - 1] in OPENING_MARKS else "indirect"


@dataclass
class Scores:
    about: list[bool] = field(default_factory=list)
    stance: list[bool] = field(default_factory=list)
    conditions: list[bool] = field(default_factory=list)
    counterpart: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def rate(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "about_accuracy": self.rate(self.about),
            "stance_accuracy": self.rate(self.stance),
            "condition_recall": self.rate(self.conditions),
            "counterpart_accuracy": self.rate(self.counterpart),
        }


def load_cases() -> list[Case]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            raw["conditions"] = tuple(raw["conditions"])
            out.append(Case(**raw))
    return out


# Between the context paragraph and the case sentence: a paragraph break, as the article readers keep it.
PARAGRAPH_BREAK = "\n\n"


def case_text(case: Case) -> tuple[str, int]:
    """The article text of a case and the offset of its sentence in it."""
    if case.context is None:
        return case.sentence, 0
    return case.context + PARAGRAPH_BREAK + case.sentence, len(case.context) + len(PARAGRAPH_BREAK)


def run_case(case: Case, nlp) -> Statement:
    text, at = case_text(case)
    blocks = [Block(nlp(case.sentence), at, "body")]
    speaker = Speaker(affiliation=case.side, role=case.role)
    statements = []
    if case.context is not None:
        blocks.insert(0, Block(nlp(case.context), 0, "body"))
        if case.previous is not None:
            p = case.context.index(case.previous)
            statements.append(Statement("s0", "indirect", case.previous, p, p + len(case.previous), speaker=speaker))
    start = at + case.sentence.index(case.statement)
    statements.append(Statement("s1", case.kind, case.statement, start, start + len(case.statement), speaker=speaker))
    warnings: list[str] = []
    return apply_stance(Article("case", text), statements, blocks, warnings)[-1]


def _overlaps_half(gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    overlap = min(gold[1], pred[1]) - max(gold[0], pred[0])
    return overlap * 2 >= gold[1] - gold[0]


def score(cases: list[Case], nlp) -> Scores:
    scores = Scores()
    for case in cases:
        got = run_case(case, nlp)
        problems = []
        scores.about.append(got.about_negotiations == case.about_negotiations)
        if got.about_negotiations != case.about_negotiations:
            problems.append(f"about {got.about_negotiations}")
        if case.stance is not None:
            scores.stance.append(got.stance == case.stance)
            if got.stance != case.stance:
                problems.append(f"stance {got.stance} (want {case.stance})")
        _text, offset = case_text(case)
        for cond in case.conditions:
            at = offset + case.sentence.index(cond)
            hit = any(_overlaps_half((at, at + len(cond)), (c.start, c.end)) for c in got.conditions)
            scores.conditions.append(hit)
            if not hit:
                problems.append(f"condition missed {cond!r} (got {[c.text for c in got.conditions]})")
        if case.about_negotiations:
            scores.counterpart.append(got.counterpart == case.counterpart)
            if got.counterpart != case.counterpart:
                problems.append(f"counterpart {got.counterpart!r} (want {case.counterpart!r})")
        if problems:
            scores.misses.append(f"{case.statement[:60]!r}: " + "; ".join(problems))
    return scores


def read(nlp, sentence: str, statement: str, side: str | None = None, warnings: list[str] | None = None) -> Statement:
    """Run the stance stage on one statement of one sentence (kind from the quotation marks around it)."""
    case = Case(sentence, statement, True, None, (), None, side)
    doc = nlp(sentence)
    start = sentence.index(statement)
    stmt = Statement("s1", case.kind, statement, start, start + len(statement), speaker=Speaker(affiliation=side))
    out = apply_stance(Article("case", sentence), [stmt], [Block(doc, 0, "body")], warnings if warnings is not None else [])
    return out[0]
