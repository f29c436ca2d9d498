"""Rows of the ledger back into the contract's shapes."""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _span(text: Any, start: Any, end: Any, key: str = "text") -> dict[str, Any] | None:
    if text is None or start is None:
        return None
    return {key: text, "start": start, "end": end}


def statement_dict(row: Mapping[str, Any], conditions: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A statements row (plus its conditions rows) as the contract Statement."""
    return {
        "id": row["sid"],
        "kind": row["kind"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "speaker": {
            "name": row["speaker_name"],
            "actor_id": row["actor_id"],
            "mention": row["mention"],
            "start": row["mention_start"],
            "end": row["mention_end"],
            "role": row["role"],
            "affiliation": row["affiliation"],
        },
        "cue": _span(row["cue"], row["cue_start"], row["cue_end"]),
        "channel": _span(row["channel"], row["channel_start"], row["channel_end"], key="name"),
        "said_on": _iso(row["said_on"]),
        "date_text": row["date_text"],
        "zone": row["zone"],
        "about_negotiations": bool(row["about_negotiations"]),
        "stance": row["stance"],
        "counterpart": row["counterpart"],
        "conditions": [{"text": c["text"], "start": c["start"], "end": c["end"]}
                       for c in sorted(conditions, key=lambda c: c["idx"])],
        "via": row["via"],
    }


def article_meta(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "source": row["source"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": _iso(row["published"]),
        "language": row["language"] or "en",
    }


def event_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    return json.loads(row["record"])
