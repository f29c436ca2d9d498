"""Bytes to text, exactly as written: the one place that decides an input's encoding.

Order of the checks (the first that applies wins):

1. a byte order mark: UTF-32, UTF-16 (LE/BE) or UTF-8. The mark is removed, so offsets index the
   text *as decoded*, i.e. the text after the BOM;
2. NUL bytes: BOM-less UTF-16 when the NULs sit (almost) all at odd offsets (LE) or all at even
   offsets (BE) and the bytes decode cleanly; otherwise the input is binary;
3. strict UTF-8;
4. the charset an HTML page declares in ``<meta charset=...>`` (callers pass it);
5. charset-normalizer, restricted to the single-byte encodings news sites actually use, ties broken
   by :data:`LEGACY_ENCODINGS` order (Western before Cyrillic before Central European).

Nothing is normalised: ``\\r\\n`` stays ``\\r\\n``, no unicode normalisation, no stripping.
A NUL character is never article text: text that decodes to one is reported as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError
from ..records import Failure

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# BOM-less UTF-16 is taken when at least this share of the NUL bytes fall on one parity. ASCII
# characters in UTF-16 put their NUL on one side only; binary formats scatter NULs on both.
UTF16_NUL_PARITY_SHARE = 0.9
# ... and when at least this share of the 2-byte code units carry such a NUL. Measured: English
# UTF-16 has a NUL in ~100% of units, Russian ~15% (spaces, digits, punctuation); random binary
# with a lopsided parity by chance would need both conditions and a clean strict decode.
UTF16_MIN_NUL_UNIT_SHARE = 0.05

# Single-byte encodings tried by detection, in the order ties are broken. cp1252 first: it is what
# "latin-1" means on the web (WHATWG encoding standard) and the commonest legacy encoding of news
# pages; cp1251 and koi8-r cover Russian and Ukrainian; latin-1 last, because it decodes any byte.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "cp1251", "cp1250", "iso8859_15", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5",
    "cp1253", "cp1254", "cp1257", "mac_cyrillic", "latin_1",
)

# A legacy-decoded text with more than this share of C0 control characters (other than tab, line
# feed, carriage return, form feed, vertical tab) is binary that happened to contain no NUL.
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")

# How far into an HTML page to look for a <meta charset>: the HTML standard requires the
# declaration within the first 1024 bytes; 4096 allows for long comment headers.
META_CHARSET_WINDOW = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels that browsers decode as windows-1252 (WHATWG encoding standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}

FIX_ENCODING = "save the file as UTF-8 and read it again"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text as decoded, the encoding used, and whether a byte order mark was removed."""

    text: str
    encoding: str
    bom: bool = False


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:META_CHARSET_WINDOW])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` read from ``source``; raise :class:`InputError` naming ``source`` when it is not text."""
    # 1. byte order mark
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_no_nul(data[len(bom):].decode(encoding), source), encoding, bom=True)
            except UnicodeDecodeError as exc:
                raise _undecodable(source, encoding, exc.start + len(bom)) from None
    # 2. NUL bytes: BOM-less UTF-16, or binary
    first_nul = data.find(b"\0")
    if first_nul >= 0:
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise InputError(Failure(
                source,
                "binary file, not text (it contains NUL bytes): onrecord reads plain text, HTML and JSONL; "
                "if this is UTF-16 text, save it with a byte order mark or as UTF-8",
                place=f"byte {first_nul}",
            ))
        return decoded
    # 3. UTF-8
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # 4. the declared charset (HTML)
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not _mostly_control(text):
                return Decoded(text, declared)
    # 5. detection among single-byte encodings
    return _detect_legacy(data, source, first_bad)


def _no_nul(text: str, source: str) -> str:
    at = text.find("\0")
    if at >= 0:
        raise InputError(Failure(
            source, "binary file, not text (it decodes to NUL characters): give onrecord the article as text",
            place=f"character {at}",
        ))
    return text


def _utf16_without_bom(data: bytes) -> Decoded | None:
    if len(data) % 2:
        return None
    units = len(data) // 2
    odd = data[1::2].count(0)  # NUL as the high byte of a little-endian ASCII unit
    even = data[0::2].count(0)
    encoding, nul_units = ("utf-16-le", odd) if odd >= even else ("utf-16-be", even)
    if nul_units < UTF16_NUL_PARITY_SHARE * (odd + even) or nul_units < UTF16_MIN_NUL_UNIT_SHARE * units:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\0" in text or _mostly_control(text):
        return None
    return Decoded(text, encoding)


def _mostly_control(text: str) -> bool:
    return len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * max(len(text), 1)


def _detect_legacy(data: bytes, source: str, first_bad: int) -> Decoded:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))

    def preference(match) -> tuple[float, float, int]:
        names = [match.encoding, *match.could_be_from_charset]
        rank = min((LEGACY_ENCODINGS.index(n) for n in names if n in LEGACY_ENCODINGS), default=len(LEGACY_ENCODINGS))
        return (match.chaos, -match.coherence, rank)

    for match in sorted(matches, key=preference):
        names = [n for n in LEGACY_ENCODINGS if n == match.encoding or n in match.could_be_from_charset]
        encoding = names[0] if names else match.encoding
        text = data.decode(encoding)
        if not _mostly_control(text):
            return Decoded(text, encoding)
    raise _undecodable(source, "UTF-8 or a single-byte encoding", first_bad)


def _undecodable(source: str, tried: str, at: int) -> InputError:
    return InputError(Failure(
        source, f"cannot decode the bytes as {tried}: binary or corrupt text; {FIX_ENCODING}", place=f"byte {at}",
    ))
