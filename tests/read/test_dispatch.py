"""read/dispatch.py: paths to articles, a Failure for every input that cannot be read."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import sys
import types
from pathlib import Path

import pytest

from onrecord.options import Options
from onrecord.pipeline import text_id
from onrecord.read import read_paths
from onrecord.records import Article, Failure

from .test_html import PARAGRAPHS, page

RUSSIAN = "Министр заявил, что переговоры невозможны.\r\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(*paths, options: Options | None = None) -> list:
    return list(read_paths([str(p) for p in paths], options))


def test_dispatch_named_file_id_is_its_name_without_extension(tmp_path):
    path = write(tmp_path / "2024-08-19 talks.txt", "Headline\n\nBody.\n")
    [article] = read(path)
    assert (article.id, article.source, article.text) == ("2024-08-19 talks", str(path), "Headline\n\nBody.\n")


def test_dispatch_directory_recursive_ids_and_order(tmp_path):
    root = tmp_path / "dir"
    write(root / "sub" / "a.txt", "sub a")
    write(root / "b.text", "b")
    write(root / "a.txt", "a")
    write(root / "sub" / "deeper" / "c.TXT", "c")
    write(root / "sub-x.txt", "dash")
    ids = [a.id for a in read(root)]
    assert ids == ["a", "b", "sub/a", "sub/deeper/c", "sub-x"]  # ordered by path, component by component
    assert read(root)[2].source == str(root / "sub" / "a.txt")


def test_dispatch_directory_mixed_files_each_bad_one_reported(tmp_path):
    root = tmp_path / "mixed"
    write(root / "good.txt", "A good article.")
    write(root / "page.html", page(f"<article>{PARAGRAPHS}</article>"))
    write(root / "feed.jsonl", json.dumps({"id": "j1", "text": "json text"}) + "\nnot json\n")
    write(root / "empty.txt", b"")
    write(root / "blank.txt", " \r\n\t\n")
    write(root / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / "notes.md", "# not an article type")
    write(root / "README", "no extension")
    write(root / "nav.htm", page(""))
    write(root / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(root / ".git" / "config", "[core]")
    items = read(root)
    articles = {i.id: i for i in items if isinstance(i, Article)}
    failures = {Path(f.source).name: f for f in items if isinstance(f, Failure)}
    assert sorted(articles) == ["good", "j1", "page"]
    assert sorted(failures) == ["README", "blank.txt", "empty.txt", "feed.jsonl", "nav.htm", "notes.md", "photo.txt"]
    assert "empty file" in failures["empty.txt"].problem
    assert "only whitespace" in failures["blank.txt"].problem
    assert "binary" in failures["photo.txt"].problem and failures["photo.txt"].place == "byte 8"
    assert "unsupported file type '.md'" in failures["notes.md"].problem
    assert "unsupported file type (no extension)" in failures["README"].problem
    assert "no article text found in the HTML" in failures["nav.htm"].problem
    assert failures["feed.jsonl"].place == "line 2"
    # each failure is one line naming the file, the place and the problem
    for failure in failures.values():
        assert "\n" not in failure.line() and failure.line().startswith(str(root))


def test_dispatch_html_file(tmp_path):
    path = write(tmp_path / "story.html", page(f"<article>{PARAGRAPHS}</article>"))
    [article] = read(path)
    assert article.id == "story"
    assert article.title == "Minister rules out talks"
    assert article.outlet == "Example Herald"
    assert article.published == dt.date(2024, 3, 5)
    assert article.url == "https://herald.example/world/talks"
    assert article.source == str(path)
    assert article.text.startswith("Minister rules out talks\n")
    assert article.metadata == {"title_line": True}


def test_dispatch_html_in_a_legacy_charset(tmp_path):
    html = page('<article><p>Министр иностранных дел заявил в понедельник, что переговоры невозможны, пока '
                "продолжается наступление, сообщает агентство со ссылкой на заявление.</p></article>",
                head='<head><meta charset="windows-1251"><title>Переговоры</title></head>')
    [article] = read(write(tmp_path / "ru.html", html.encode("cp1251")))
    assert "переговоры невозможны" in article.text
    assert article.title == "Переговоры"


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", b""), ("cp1251", b"")],
)
def test_dispatch_text_encodings(tmp_path, encoding, bom):
    [article] = read(write(tmp_path / "ru.txt", bom + RUSSIAN.encode(encoding)))
    assert article.text == RUSSIAN


@pytest.mark.parametrize(
    "options, expected",
    [
        (Options(), ("Minister rules out talks", "Example Herald", dt.date(2024, 3, 5))),
        (Options(title="Mine", outlet="My Outlet", published=dt.date(2024, 8, 20)),
         ("Mine", "My Outlet", dt.date(2024, 8, 20))),
    ],
)
def test_dispatch_options_override_page_metadata(tmp_path, options, expected):
    [article] = read(write(tmp_path / "p.html", page(f"<article>{PARAGRAPHS}</article>")), options=options)
    assert (article.title, article.outlet, article.published) == expected


def test_dispatch_options_apply_to_text_files(tmp_path):
    options = Options(title="T", outlet="O", published=dt.date(2024, 8, 19))
    [article] = read(write(tmp_path / "a.txt", "text"), options=options)
    assert (article.title, article.outlet, article.published) == ("T", "O", dt.date(2024, 8, 19))


def test_dispatch_nonexistent_path_and_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", "ok")
    items = read(tmp_path / "missing.txt", good)
    assert isinstance(items[0], Failure)
    assert items[0].source == str(tmp_path / "missing.txt")
    assert "no such file or directory" in items[0].problem
    assert items[1].id == "good"


def test_dispatch_empty_directory(tmp_path):
    (tmp_path / "nothing").mkdir()
    [failure] = read(tmp_path / "nothing")
    assert "no files in the directory" in failure.problem


@pytest.mark.parametrize("size, max_bytes, fails", [(10, 9, True), (10, 10, False), (10, 11, False)])
def test_dispatch_max_bytes(tmp_path, size, max_bytes, fails):
    [item] = read(write(tmp_path / "a.txt", b"x" * size), options=Options(max_bytes=max_bytes))
    assert isinstance(item, Failure) is fails
    if fails:
        assert item.problem.startswith(f"too large: {size:,} bytes, above the limit of {max_bytes:,} bytes")


def test_dispatch_50_mb_file_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        chunk = b"war and peace " * 65536
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    assert os.stat(big).st_size >= 50 * 1024 * 1024
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    [failure] = read(big)
    assert "too large" in failure.problem and "20,971,520" in failure.problem
    assert str(big) not in map(str, opened)  # refused on os.stat alone


def test_dispatch_unreadable_file(tmp_path):
    path = write(tmp_path / "secret.txt", "x")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        [failure] = read(path)
        assert "permission denied" in failure.problem
    finally:
        path.chmod(0o644)


def stdin_of(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


@pytest.mark.parametrize(
    "data, text",
    [
        ("Plain text from a pipe.\r\n".encode(), "Plain text from a pipe.\r\n"),
        (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN),
    ],
)
def test_dispatch_stdin_text(monkeypatch, data, text):
    stdin_of(monkeypatch, data)
    [article] = read("-")
    assert (article.text, article.id, article.source) == (text, text_id(text), None)


def test_dispatch_stdin_sniffs_html_and_jsonl(monkeypatch):
    stdin_of(monkeypatch, page(f"<article>{PARAGRAPHS}</article>").encode())
    [article] = read("-")
    assert article.title == "Minister rules out talks" and "<p>" not in article.text
    stdin_of(monkeypatch, b'{"id": "s1", "text": "one"}\n{"text": "two"}\n')
    first, second = read("-")
    assert (first.id, second.id) == ("s1", text_id("two"))


@pytest.mark.parametrize("data, problem", [(b"", "empty file"), (b"\x00\x01\x02\x03", "binary")])
def test_dispatch_stdin_failures_name_stdin(monkeypatch, data, problem):
    stdin_of(monkeypatch, data)
    [failure] = read("-")
    assert failure.source == "<stdin>" and problem in failure.problem


def test_dispatch_stdin_over_max_bytes(monkeypatch):
    stdin_of(monkeypatch, b"y" * 100)
    [failure] = read("-", options=Options(max_bytes=50))
    assert "too large: more than 50 bytes" in failure.problem


def test_dispatch_named_file_with_unknown_extension_is_sniffed(tmp_path):
    text_file = write(tmp_path / "article.md", "Some words.")
    html_file = write(tmp_path / "saved.page", page(f"<article>{PARAGRAPHS}</article>"))
    a, b = read(text_file, html_file)
    assert (a.id, a.text) == ("article", "Some words.")
    assert b.id == "saved" and b.outlet == "Example Herald"


def test_dispatch_jsonl_file_ids(tmp_path):
    root = tmp_path / "d"
    write(root / "sub" / "feed.jsonl", "\n".join([json.dumps({"text": "a"}), json.dumps({"id": "x", "text": "b"})]))
    named = read(root / "sub" / "feed.jsonl")
    under = read(root)
    assert [a.id for a in named] == ["feed:1", "x"]
    assert [a.id for a in under] == ["sub/feed:1", "x"]


def test_dispatch_symlinked_directory_is_reported(tmp_path):
    target = tmp_path / "elsewhere"
    write(target / "a.txt", "a")
    root = tmp_path / "root"
    write(root / "b.txt", "b")
    (root / "link").symlink_to(target, target_is_directory=True)
    items = read(root)
    assert [i.id for i in items if isinstance(i, Article)] == ["b"]
    [failure] = [i for i in items if isinstance(i, Failure)]
    assert "symbolic link to a directory" in failure.problem


def test_dispatch_jsonl_above_the_limit_is_streamed(tmp_path):
    records = [json.dumps({"id": f"r{i}", "text": f"article {i}"}) for i in range(50)]
    path = write(tmp_path / "archive.jsonl", "\n".join(records) + "\n")
    items = read(path, options=Options(max_bytes=200))  # the file is ~2 kB, each line ~40 bytes
    assert [i.id for i in items] == [f"r{i}" for i in range(50)]
    assert items[0].source == str(path)
