"""read/decode.py: bytes to text exactly as written, or a failure naming the input."""

from __future__ import annotations

import codecs
import os

import pytest

from onrecord.errors import InputError
from onrecord.read.decode import declared_charset, decode_bytes

RUSSIAN = "Министр заявил в понедельник, что переговоры невозможны, пока продолжается наступление.\r\n"
UKRAINIAN = "Міністр заявив, що переговори неможливі, поки триває наступ.\n"
FRENCH = "Le ministre a déclaré lundi que les négociations étaient « impossibles ».\n"
GERMAN = "Der Außenminister sagte, Gespräche seien „unmöglich“ – so lange die Offensive andauert.\n"
ENGLISH_CURLY = "He said \u201cno talks\u201d \u2013 not now.\r\n"


@pytest.mark.parametrize(
    "text, encoding, expected_encoding",
    [
        (RUSSIAN, "utf-8", "utf-8"),
        (RUSSIAN, "cp1251", "cp1251"),
        ("Переговоры невозможны.", "cp1251", "cp1251"),  # short: detection ties are broken by preference
        (UKRAINIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8_r", "koi8_r"),
        (FRENCH, "latin-1", "cp1252"),  # same characters either way; cp1252 is what the web means by latin-1
        ("café", "latin-1", "cp1252"),
        (GERMAN, "cp1252", "cp1252"),
        (ENGLISH_CURLY, "cp1252", "cp1252"),
        (RUSSIAN, "utf-16-le", "utf-16-le"),  # BOM-less UTF-16, told apart by where the NUL bytes sit
        (RUSSIAN, "utf-16-be", "utf-16-be"),
        (ENGLISH_CURLY, "utf-16-le", "utf-16-le"),
        (ENGLISH_CURLY, "utf-16-be", "utf-16-be"),
    ],
)
def test_decode_encodings_give_the_text_back_exactly(text, encoding, expected_encoding):
    decoded = decode_bytes(text.encode(encoding), "in.txt")
    assert decoded.text == text
    assert decoded.encoding == expected_encoding
    assert decoded.bom is False


@pytest.mark.parametrize(
    "bom, encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_decode_bom_is_removed_and_offsets_index_the_text_after_it(bom, encoding):
    decoded = decode_bytes(bom + RUSSIAN.encode(encoding), "in.txt")
    assert decoded.text == RUSSIAN
    assert decoded.text[0] == "М"  # offset 0 is the first character after the BOM
    assert decoded.bom is True


@pytest.mark.parametrize("text", ["a\r\nb\rc\n", "e\u0301 vs \u00e9", "\ufb01ne\u00a0\u2028x"])
def test_decode_never_normalises(text):
    assert decode_bytes(text.encode("utf-8"), "in.txt").text == text


@pytest.mark.parametrize(
    "data, place",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "byte 8"),
        (b"text then a NUL\x00 and more", "byte 15"),
        (bytes(range(256)) * 8, "byte 0"),
        (b"%PDF-1.4\n1 0 obj\nstream\nx\x9c\x03\x00\x01\x00\x00\x00\x01\nendstream", "byte 27"),
    ],
)
def test_decode_binary_fails_naming_the_input_and_byte(data, place):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "dir/photo.txt")
    failure = info.value.failure
    assert failure.source == "dir/photo.txt"
    assert failure.place == place
    assert "binary" in failure.problem and "UTF-8" in failure.problem


def test_decode_random_bytes_without_nul_fail():
    data = bytes(b if b else 1 for b in os.urandom(4000))
    with pytest.raises(InputError) as info:
        decode_bytes(data, "noise.txt")
    assert info.value.failure.source == "noise.txt"
    assert "cannot decode" in info.value.failure.problem or "binary" in info.value.failure.problem


def test_decode_utf16_text_holding_a_nul_character_is_binary():
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + "ab\0cd".encode("utf-16-le"), "x.txt")
    assert info.value.failure.place == "character 2"


@pytest.mark.parametrize(
    "head, expected",
    [
        (b'<html><head><meta charset="windows-1251">', "cp1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>", "koi8-r"),
        (b'<meta charset="ISO-8859-1">', "cp1252"),  # browsers read latin-1 labels as windows-1252
        (b'<meta charset="no-such-charset">', None),
        (b"<html><body>no declaration</body></html>", None),
    ],
)
def test_decode_declared_charset(head, expected):
    assert declared_charset(head) == expected


def test_decode_declared_charset_used_when_not_utf8():
    # Too short for detection to be sure; the page's own declaration decides.
    data = '<meta charset="koi8-r"><p>Переговоры</p>'.encode("koi8_r")
    assert decode_bytes(data, "p.html", declared="koi8-r").text == '<meta charset="koi8-r"><p>Переговоры</p>'


def test_decode_valid_utf8_wins_over_a_wrong_declaration():
    data = '<meta charset="windows-1251"><p>Переговоры</p>'.encode("utf-8")
    decoded = decode_bytes(data, "p.html", declared="cp1251")
    assert decoded.encoding == "utf-8"
    assert "Переговоры" in decoded.text
