"""Attribution: who said what.

:func:`find_statements` turns an article's parsed paragraphs into :class:`~onrecord.records.Statement`
records: quotations (``quotes``), speech cues (``cues``), reported speech from the parse (``reported``),
put together in ``assemble``; speakers, channels and dates come from ``speakers``, ``channels`` and
``onrecord.dates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..nlp import Block
from ..records import Article, Statement, Zone
from .assemble import assemble_statements
from .occasion import carry_channels

if TYPE_CHECKING:  # pragma: no cover
    from ..actors.run_names import RunNames

__all__ = ["find_statements"]


def find_statements(article: Article, zones: Sequence[Zone], blocks: Sequence[Block],
                    warnings: list[str], run_names: "RunNames | None" = None) -> list[Statement]:
    """The statements of one article, in text order with ids "s1", "s2", ...

    ``blocks`` are the parsed headline, body and caption paragraphs (boilerplate is never parsed, so no
    statement comes from it); ``zones`` and ``warnings`` are accepted for the pipeline's sake.
    ``run_names``: full names seen in the other articles of the run (``onrecord.actors.run_names``).
    """
    del zones, warnings  # blocks already carry their zone
    return carry_channels(assemble_statements(article, blocks, run_names), article.text)
