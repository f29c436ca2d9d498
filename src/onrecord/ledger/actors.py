"""Actors across articles: registry aliases, and a user's merges and splits.

A speaker whose ``actor_id`` comes from the actor registry (``onrecord.actors``) brings the registry's
canonical name, aliases and transliterations into the ledger's ``aliases`` table, so ``onrecord actor
Shoygu`` finds Sergei Shoigu. Nothing is merged by surname: two people sharing one stay two actors until a
user merges them.

``merge(ledger, a, b)``: actor B (and whatever was merged into B) is shown as actor A
(``actors.merged_into``). ``split(ledger, a, b)`` undoes it. Both are written to the ``corrections`` table
and re-applied after every stored article (``reapply``), so they survive re-ingests.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Connection, select

from ..errors import LedgerError
from . import schema
from .store import Ledger, fold

log = logging.getLogger(__name__)
ACT, C = schema.actors, schema.corrections


def registry_aliases(actor_id: str) -> list[str]:
    """The registry's name and aliases of a registry actor; [] for a name-derived or learned id."""
    try:
        from ..actors import default_registry

        actor = default_registry().get(actor_id)
    except Exception as exc:  # noqa: BLE001 - a broken seed file must not stop storing: keep the text's names
        log.warning("actor registry unavailable for aliases: %s", exc)
        return []
    if actor is None:
        return []
    return [actor.name, *(a for a in actor.aliases if a != "-")]


@dataclass(frozen=True)
class Correction:
    """One line of the corrections log."""

    action: str  # "merge" | "split"
    a: str
    b: str


def resolve(conn: Connection, name: str) -> str:
    """The one actor id a user means by ``name``: an id, else a name or alias; else one clear error."""
    if conn.execute(select(ACT.c.id).where(ACT.c.id == name)).first():
        return name
    al = schema.aliases
    ids = sorted(set(conn.execute(select(al.c.actor_id).where(al.c.folded == fold(name))).scalars()))
    if not ids:
        raise LedgerError(f"no actor named {name!r} in the ledger: `onrecord actors --search` lists names and ids")
    roots = sorted({_root(conn, i) for i in ids})
    if len(roots) > 1:
        raise LedgerError(f"{name!r} names {len(roots)} actors ({', '.join(roots)}): give one of these ids")
    return ids[0] if len(ids) == 1 else roots[0]


def _root(conn: Connection, actor_id: str) -> str:
    row = conn.execute(select(ACT.c.merged_into).where(ACT.c.id == actor_id)).first()
    return row.merged_into if row is not None and row.merged_into else actor_id


def _set_merge(conn: Connection, a: str, b: str) -> None:
    root = _root(conn, a)
    if root == b:
        raise LedgerError(f"{a!r} is already part of {b!r}: split them first (`onrecord actors split {b} {a}`)")
    conn.execute(ACT.update().where((ACT.c.id == b) | (ACT.c.merged_into == b)).values(merged_into=root))


def _set_split(conn: Connection, a: str, b: str) -> None:
    conn.execute(ACT.update().where((ACT.c.id == b) & (ACT.c.merged_into == _root(conn, a)))
                 .values(merged_into=None))


def merge(ledger: Ledger, a: str, b: str) -> Correction:
    """Show actor ``b`` as actor ``a`` from now on; recorded so that re-ingests keep it."""
    return _correct(ledger, "merge", a, b)


def split(ledger: Ledger, a: str, b: str) -> Correction:
    """Undo a merge of ``b`` into ``a``."""
    return _correct(ledger, "split", a, b)


def _correct(ledger: Ledger, action: str, a_name: str, b_name: str) -> Correction:
    with ledger.engine.begin() as conn:
        a, b = resolve(conn, a_name), resolve(conn, b_name)
        if a == b:
            raise LedgerError(f"{a_name!r} and {b_name!r} are the same actor ({a}): nothing to {action}")
        if action == "split" and _root(conn, b) != _root(conn, a):
            raise LedgerError(f"{b!r} is not merged into {a!r}: nothing to split")
        (_set_merge if action == "merge" else _set_split)(conn, a, b)
        conn.execute(C.insert().values(action=action, a=a, b=b, at=dt.datetime.now(dt.timezone.utc)))
    return Correction(action, a, b)


def corrections(ledger: Ledger) -> list[Correction]:
    with ledger.engine.connect() as conn:
        return [Correction(r.action, r.a, r.b) for r in conn.execute(select(C).order_by(C.c.id))]


def reapply(conn: Connection, actor_ids: Iterable[str] | None = None) -> None:
    """Replay the corrections log (those touching ``actor_ids``, or all) in the order they were made."""
    ids = None if actor_ids is None else set(actor_ids)
    if conn.execute(select(C.c.id).limit(1)).first() is None:
        return  # no corrections: the common case, one cheap read
    q = select(C.c.action, C.c.a, C.c.b).order_by(C.c.id)
    if ids is not None:
        if not ids:
            return
        q = q.where(C.c.a.in_(ids) | C.c.b.in_(ids))
    for action, a, b in conn.execute(q).all():
        present = set(conn.execute(select(ACT.c.id).where(ACT.c.id.in_((a, b)))).scalars())
        if present != {a, b}:
            continue  # an actor of this correction is not (yet) in the ledger
        if action == "merge" and _root(conn, a) != b:
            _set_merge(conn, a, b)
        elif action == "split":
            _set_split(conn, a, b)
