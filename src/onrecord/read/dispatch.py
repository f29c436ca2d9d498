"""The one dispatch function: paths (files, directories, ``-``) to articles, and a Failure for every input
that cannot be read. Reading goes on after a failure; stopping early (``--strict``) is the caller's choice:
stop iterating.

For each path argument, in the order given:

1. ``-``: standard input (bytes from ``sys.stdin.buffer``); the format is sniffed (HTML, JSONL, else text);
2. a directory: every file below it, recursively, ordered by path. Files and directories whose name
   starts with ``.`` are skipped (``.git``, ``.DS_Store``, editor swap files are not articles); any
   other file that is not .txt/.text/.html/.htm/.jsonl is reported as a Failure, never dropped silently;
3. a file: read by its extension; a file named on the command line with another extension is sniffed
   like standard input (the user asked for it by name).

Size: a file above ``Options.max_bytes`` is refused after ``os.stat``, before any byte is read; a JSONL
file above it is streamed line by line instead, the limit applying to each line.

Ids (contract.md): a file named on the command line -> its name without extension; a file found
under a directory -> its path below the directory without extension (``dir/sub/a.txt`` -> ``sub/a``);
standard input -> a hash of the article text; JSONL -> the record's ``id``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from ..errors import InputError
from ..options import Options
from ..records import Article, Failure
from .decode import declared_charset, decode_bytes
from .html import TITLE_LINE_KEY, extract_html
from .jsonl import read_jsonl, read_jsonl_stream
from .metadata import make_article
from .text import read_text

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"  # how standard input is named in failures

# Extension (lower case) -> reader.
READERS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
SUPPORTED = ", ".join(READERS)

# Sniffing an input without a known extension: markup that opens an HTML page.
_HTML_START = re.compile(r"\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml|!--)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: where it is, how failures name it, its id stem, and its reader."""

    path: Path | None  # None: standard input
    name: str  # the path as the user would write it, or "<stdin>"
    file_id: str | None  # id of a whole-file article; None: a hash of the text
    reader: str | None  # "text" | "html" | "jsonl"; None: sniff


def read_paths(paths: Sequence[str], options: Options | None = None) -> Iterator[Article | Failure]:
    """Every article in ``paths`` (files, directories, ``-`` for stdin), and a Failure for each bad input."""
    options = options or Options()
    for arg in paths:
        if arg == STDIN:
            yield from _read_input(Input(None, STDIN_NAME, None, None), options)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _read_directory(path, arg, options)
        elif path.exists():
            yield from _read_input(Input(path, arg, path.stem, READERS.get(path.suffix.lower())), options)
        else:
            yield Failure(arg, "no such file or directory: check the path (use - to read standard input)")


def _read_directory(directory: Path, arg: str, options: Options) -> Iterator[Article | Failure]:
    found: list[tuple[tuple[str, ...], Path, bool]] = []  # (path parts below the directory, path, is a dir link)
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=unreadable.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs:
            full = Path(root, name)
            if full.is_symlink():  # os.walk does not follow links to directories (they can loop)
                found.append((full.relative_to(directory).parts, full, True))
        for name in files:
            if name.startswith("."):
                log.debug("skipping hidden file %s", os.path.join(root, name))
                continue
            full = Path(root, name)
            found.append((full.relative_to(directory).parts, full, False))
    for exc in unreadable:
        yield Failure(str(exc.filename or arg), f"cannot list the directory: {exc.strerror or exc}; check its permissions")
    if not found and not unreadable:
        yield Failure(arg, f"no files in the directory: put the articles there as {SUPPORTED} files")
        return
    for parts, full, dir_link in sorted(found):
        rel = Path(*parts)
        name = str(full)
        if dir_link:
            yield Failure(name, "symbolic link to a directory, not followed: name the target directory on the "
                          "command line to read it")
            continue
        reader = READERS.get(rel.suffix.lower())
        if reader is None:
            kind = f"'{rel.suffix}'" if rel.suffix else "(no extension)"
            yield Failure(
                name,
                f"unsupported file type {kind}: onrecord reads {SUPPORTED} files in a directory; "
                "rename it if it is one of these, or move it out of the directory",
            )
            continue
        yield from _read_input(Input(full, name, rel.with_suffix("").as_posix(), reader), options)


def _read_input(item: Input, options: Options) -> Iterator[Article | Failure]:
    try:
        if _large_jsonl(item, options.max_bytes):
            yield from _stream_jsonl(item, options)
            return
        data = _read_bytes(item, options.max_bytes)
        yield from _parse(item, data, options)
    except InputError as exc:
        yield exc.failure
    except Exception as exc:  # one bad input never ends the run: record it and go on
        log.exception("unexpected error reading %s", item.name)
        yield Failure(item.name, f"unexpected error ({type(exc).__name__}: {exc}): a bug in onrecord, please report it")


def _large_jsonl(item: Input, max_bytes: int) -> bool:
    """A JSONL file above the limit: streamed, the limit applying per line (an archive is one file)."""
    if item.reader != "jsonl" or item.path is None:
        return False
    try:
        info = os.stat(item.path)
    except OSError:
        return False  # _read_bytes reports it
    return stat.S_ISREG(info.st_mode) and info.st_size > max_bytes


def _stream_jsonl(item: Input, options: Options) -> Iterator[Article | Failure]:
    try:
        stream = open(item.path, "rb")
    except OSError as exc:
        raise InputError(Failure(item.name, f"cannot read the file: {exc.strerror or exc}")) from None
    with stream:
        yield from read_jsonl_stream(stream, source=item.name, file_id=item.file_id, options=options,
                                     article_source=str(item.path))


def _read_bytes(item: Input, max_bytes: int) -> bytes:
    """The input's bytes; the size is checked before reading (``os.stat``) when the input is a regular file."""
    if item.path is None:
        return _read_limited(sys.stdin.buffer, item.name, max_bytes)
    try:
        info = os.stat(item.path)
        if stat.S_ISREG(info.st_mode):
            _check_size(item.name, info.st_size, max_bytes)
        with open(item.path, "rb") as stream:
            return _read_limited(stream, item.name, max_bytes)
    except PermissionError:
        raise InputError(Failure(item.name, "cannot read the file: permission denied; check its permissions")) from None
    except OSError as exc:
        raise InputError(Failure(item.name, f"cannot read the file: {exc.strerror or exc}")) from None


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    _check_size(name, len(data), max_bytes, at_least=len(data) > max_bytes)
    return data


def _check_size(name: str, size: int, max_bytes: int, at_least: bool = False) -> None:
    if size == 0:
        raise InputError(Failure(name, "empty file (0 bytes): nothing to read; check that the file was saved"))
    if size > max_bytes:
        what = f"more than {max_bytes:,} bytes" if at_least else f"{size:,} bytes"
        raise InputError(Failure(
            name,
            f"too large: {what}, above the limit of {max_bytes:,} bytes (Options.max_bytes); "
            "split it into articles (e.g. JSONL, one per line) or raise the limit",
        ))


def _parse(item: Input, data: bytes, options: Options) -> Iterator[Article | Failure]:
    reader = item.reader
    looks_like_markup = data.lstrip()[:1] == b"<"
    declared = declared_charset(data) if reader == "html" or (reader is None and looks_like_markup) else None
    decoded = decode_bytes(data, item.name, declared=declared)
    text = decoded.text
    if reader is None:
        reader = _sniff(text)
    article_source = str(item.path) if item.path is not None else None
    if reader == "jsonl":
        yield from read_jsonl(text, source=item.name, file_id=item.file_id, options=options,
                              article_source=article_source)
    elif reader == "html":
        if not text.strip():
            raise InputError(Failure(item.name, "no article text: the page holds only whitespace"))
        extracted = extract_html(text, item.name)
        yield make_article(
            extracted.text,
            id=item.file_id or _hash(extracted.text),
            source=article_source,
            found=extracted.found,
            options=options,
            metadata={TITLE_LINE_KEY: True} if extracted.title_line else {},
        )
    else:
        yield read_text(text, source=item.name, id=item.file_id, options=options, article_source=article_source)


def _sniff(text: str) -> str:
    """The reader for an input without a known extension: "html", "jsonl" or "text"."""
    if _HTML_START.match(text):
        return "html"
    first = next((line for line in text.split("\n") if line.strip()), "")
    if first.lstrip().startswith("{"):
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            return "text"
        if isinstance(record, dict) and ("text" in record or "html" in record):
            return "jsonl"
    return "text"


def _hash(text: str) -> str:
    from ..pipeline import text_id

    return text_id(text)
