"""The registry against the NGEC actor-resolution cases in ../shared, on the subset it covers.

Covered = the expected Wikipedia title is the name or an alias of a registry actor (and, for country
checks, the input resolves to a registry actor). Nothing from the cases file is copied here.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass

import pytest

from onrecord.actors import default_registry, fold_name, role_key

from conftest import require_shared

CASES = ("data", "events", "ngec", "ngec_actor_resolution_cases.tsv")
# Floors pinned on the first run (wiki 71/73 covered names, country 58/58, office on a date 4/5);
# raise them when the registry improves, lower only with a reason.
WIKI_FLOOR = 0.95
COUNTRY_FLOOR = 0.95
JOB_FLOOR = 0.8


@dataclass(frozen=True)
class Case:
    method: str
    text: str
    date: dt.date | None
    field: str
    op: str
    expected: str


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _cases() -> list[Case]:
    path = require_shared(*CASES)
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Case(r["method"], r["input"], _date(r["query_date"] or ""), r["field"], r["op"], r["expected"])
            for r in rows if r["op"] == "=="]


def _known_title(title: str):
    registry = default_registry()
    key = fold_name(title)
    for actor in registry:
        if key in {fold_name(n) for n in (actor.name, *actor.aliases)}:
            return actor
    return None


def scores() -> dict[str, tuple[int, int]]:
    registry = default_registry()
    iso = {c.name: c.iso3 for c in registry.countries()}
    wiki = country = job = (0, 0)
    for case in _cases():
        if case.field in {"wiki['title']", "code['wiki']"} and case.expected:
            target = _known_title(case.expected)
            if target is None:
                continue
            got = registry.lookup(case.text)
            wiki = (wiki[0] + (got is not None and got.id == target.id), wiki[1] + 1)
        elif case.field == "code['country']" and case.expected:
            got = registry.lookup(case.text)
            if got is None or got.affiliation not in iso:
                continue
            country = (country[0] + (iso[got.affiliation] == case.expected), country[1] + 1)
        elif case.field == "code['actor_wiki_job']" and case.expected:
            got = registry.lookup(case.text)
            if got is None:
                continue
            _, office = registry.split_country(fold_name(case.expected))
            held = {t.key for t in got.roles_on(case.date)}
            job = (job[0] + (role_key(office) in held), job[1] + 1)
    return {"wiki": wiki, "country": country, "job": job}


@pytest.mark.shared
def test_registry_ngec_cases_on_covered_subset():
    result = scores()
    for name, floor in (("wiki", WIKI_FLOOR), ("country", COUNTRY_FLOOR), ("job", JOB_FLOOR)):
        right, total = result[name]
        assert total > 0, f"no covered {name} cases"
        assert right / total >= floor, f"{name}: {right}/{total} below the floor {floor}"
