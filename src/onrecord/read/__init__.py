"""Readers: every input becomes an :class:`~onrecord.records.Article`, or a :class:`~onrecord.records.Failure`.

- :func:`read_paths`: the one dispatch function over files, directories and ``-`` (stdin);
- :func:`article_from_text`: an article from a string already in memory;
- :func:`article_from_mapping`: an article from a JSONL-style record (dict).

The article text is the input exactly as decoded (``decode.py``): no newline or unicode
normalisation; a byte order mark is removed, so offsets index the text after it. For HTML the text is
trafilatura's main text (``html.py``). Metadata precedence: options, then record fields, then page
metadata (``metadata.py``). Reader warnings (e.g. an unparseable JSONL date) are in
``Article.metadata["warnings"]``.
"""

from __future__ import annotations

from .dispatch import read_paths
from .jsonl import article_from_mapping
from .text import article_from_text

__all__ = ["article_from_mapping", "article_from_text", "read_paths"]
