"""The project's gold format (contract, "Gold annotation format"): loading and locating in the article.

One JSON file per article, ``NAME.json`` for the article ``NAME.*``; in a directory tree the gold id is the
path below the gold directory without ``.json`` (``gold/sub/a.json`` -> ``sub/a``), as article ids are.

Gold ``text`` and ``conditions`` are exact substrings of the article. :func:`locate_gold` turns them into
offsets. When a statement's text occurs more than once, the occurrence chosen is the first one at or after
the previous gold statement's start (gold lists statements in reading order) that no earlier gold statement
with the same text took; when none lies after it, the occurrence nearest to it. A condition is looked for inside its statement's span first, then anywhere,
nearest to the statement. Text that does not occur at all is an error naming the gold file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Failure, Span

GOLD_KINDS = ("direct", "indirect")
GOLD_ZONES = ("body", "headline", "caption", "boilerplate")
GOLD_STANCES = ("reject", "conditional", "open", "neutral")


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One gold statement as written in the gold file (text, not yet offsets)."""

    speaker: str
    kind: str
    text: str
    about_negotiations: bool = False
    stance: str | None = None
    conditions: tuple[str, ...] = ()
    channel: str | None = None
    zone: str = "body"
    cue: str | None = None
    speaker_role: str | None = None
    speaker_mention: str | None = None
    via: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    """Two gold statements (indices into ``statements``) that cannot both hold."""

    a: int
    b: int
    why: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """The gold annotation of one article."""

    id: str
    path: str
    statements: tuple[GoldStatement, ...]
    contradictions: tuple[GoldContradiction, ...] = ()


@dataclass(frozen=True, slots=True)
class LocatedStatement:
    """A gold statement with its span and its conditions' spans in the article text."""

    gold: GoldStatement
    span: Span
    conditions: tuple[Span, ...]


def _fail(path: Path | str, problem: str) -> InputError:
    return InputError(Failure(str(path), problem))


def _optional_str(raw: dict[str, Any], key: str, path: Path, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise _fail(path, f"{where}: {key!r} must be a string or null, got {value!r}")
    return value


def _statement(raw: Any, path: Path, index: int) -> GoldStatement:
    where = f"statement {index}"
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: expected an object, got {type(raw).__name__}")
    for key in ("speaker", "text"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _fail(path, f"{where}: {key!r} must be a non-empty string")
    kind = raw.get("kind")
    if kind not in GOLD_KINDS:
        raise _fail(path, f"{where}: kind {kind!r} is not one of {', '.join(GOLD_KINDS)}")
    zone = raw.get("zone") or "body"
    if zone not in GOLD_ZONES:
        raise _fail(path, f"{where}: zone {zone!r} is not one of {', '.join(GOLD_ZONES)}")
    stance = raw.get("stance")
    if stance is not None and stance not in GOLD_STANCES:
        raise _fail(path, f"{where}: stance {stance!r} is not one of {', '.join(GOLD_STANCES)} or null")
    conditions = raw.get("conditions") or []
    if not isinstance(conditions, list) or not all(isinstance(c, str) and c for c in conditions):
        raise _fail(path, f"{where}: 'conditions' must be a list of non-empty strings")
    via = raw.get("via")
    if via is not None and not isinstance(via, int):
        raise _fail(path, f"{where}: 'via' must be a statement index or null, got {via!r}")
    return GoldStatement(
        speaker=raw["speaker"], kind=kind, text=raw["text"],
        about_negotiations=bool(raw.get("about_negotiations", False)), stance=stance,
        conditions=tuple(conditions), channel=_optional_str(raw, "channel", path, where), zone=zone,
        cue=_optional_str(raw, "cue", path, where), speaker_role=_optional_str(raw, "speaker_role", path, where),
        speaker_mention=_optional_str(raw, "speaker_mention", path, where), via=via,
        note=_optional_str(raw, "note", path, where),
    )


def load_gold_file(path: str | Path, gold_id: str | None = None) -> GoldArticle:
    """One gold file; its id is ``gold_id`` or the file name without ``.json``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(path, f"cannot read the gold file ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _fail(path, f"not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        raise _fail(path, "a gold file is an object with a 'statements' list (see contract.md)")
    statements = tuple(_statement(raw, path, i) for i, raw in enumerate(data["statements"]))
    contradictions = []
    for i, raw in enumerate(data.get("contradictions") or []):
        a, b = (raw.get("a"), raw.get("b")) if isinstance(raw, dict) else (None, None)
        if not all(isinstance(x, int) and 0 <= x < len(statements) for x in (a, b)):
            raise _fail(path, f"contradiction {i}: 'a' and 'b' must index statements (0..{len(statements) - 1})")
        contradictions.append(GoldContradiction(a=a, b=b, why=str(raw.get("why") or "")))
    return GoldArticle(id=gold_id or path.stem, path=str(path), statements=statements,
                       contradictions=tuple(contradictions))


def load_gold_dir(directory: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file under ``directory``, sorted by id."""
    directory = Path(directory)
    if not directory.is_dir():
        raise _fail(directory, "the gold directory does not exist: pass --gold DIR with one NAME.json per article")
    files = sorted(directory.rglob("*.json"))
    if not files:
        raise _fail(directory, "no gold files (*.json) in this directory")
    return [load_gold_file(f, f.relative_to(directory).with_suffix("").as_posix()) for f in files]


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _choose(starts: list[int], after: int) -> int:
    later = [s for s in starts if s >= after]
    return later[0] if later else min(starts, key=lambda s: abs(s - after))


def locate_gold(gold: GoldArticle, text: str) -> list[LocatedStatement]:
    """The gold statements with offsets into ``text`` (rules in the module docstring)."""
    located: list[LocatedStatement] = []
    previous = 0
    taken: set[tuple[int, str]] = set()
    for index, statement in enumerate(gold.statements):
        starts = _occurrences(text, statement.text)
        starts = [s for s in starts if (s, statement.text) not in taken] or starts
        if not starts:
            raise _fail(gold.path, f"statement {index}: text {statement.text[:60]!r} does not occur in the article "
                        f"{gold.id!r}: gold text must be an exact substring")
        start = _choose(starts, previous)
        previous = start
        taken.add((start, statement.text))
        span = Span(start, start + len(statement.text), statement.text)
        conditions = []
        for condition in statement.conditions:
            inside = [s for s in _occurrences(text, condition) if span.start <= s and s + len(condition) <= span.end]
            anywhere = inside or _occurrences(text, condition)
            if not anywhere:
                raise _fail(gold.path, f"statement {index}: condition {condition[:60]!r} does not occur in the "
                            f"article {gold.id!r}: gold conditions must be exact substrings")
            at = _choose(anywhere, span.start)
            conditions.append(Span(at, at + len(condition), condition))
        located.append(LocatedStatement(gold=statement, span=span, conditions=tuple(conditions)))
    return located
