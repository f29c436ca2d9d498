"""Near-duplicate articles (syndicated copies, re-scrapes) by MinHash over word 5-gram shingles.

A copy of a stored article is stored as a row of its own with ``articles.duplicate_of`` set to the
original's uid and none of its statements or events: the original's statements are counted once, and the
copy stays on record as one more source of them (``query.sources``). Signatures of originals are kept in
the ``signatures`` table; the LSH index is rebuilt in memory from them when a ledger first stores an article.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import zlib
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, delete, select

from . import schema

log = logging.getLogger(__name__)

# Words per shingle. 5-grams of words are the usual unit for near-duplicate news (Broder 1997 used word
# w-shingles; syndicated-news studies use 4-6): short enough that a changed sentence spoils few shingles,
# long enough that two different stories on one topic share almost none.
SHINGLE_WORDS = 5
# Hash functions per signature: 128 gives a Jaccard estimate within about +-0.09 (1/sqrt(128)) at the
# threshold, and the LSH bands below make misses at J >= 0.9 rare; 256 doubled the time for no gain in tests.
NUM_PERM = 128
# Estimated Jaccard similarity of the shingle sets from which an article counts as a copy. A syndicated copy
# with its own header, footer and a few edited words keeps well over 0.8 of its 5-grams (our tests: one
# changed sentence in ten -> ~0.85); a follow-up story that reuses two paragraphs of ten stays near 0.2.
DUPLICATE_THRESHOLD = 0.8
# Texts shorter than this many words are never called copies: one-line items (headline-only wire alerts)
# share all their shingles with each other by chance of wording.
MIN_WORDS = 40
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    """The word 5-grams of the case- and compatibility-folded text (punctuation and spacing ignored)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8", "surrogatepass")} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass")
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles; None when the text is too short to judge.

    Shingles are hashed with CRC-32 (C speed; datasketch's default SHA-1 was most of the time of storing an
    article): 32 bits are plenty for a set of a few thousand shingles compared by MinHash.
    """
    if word_count(text) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, hashfunc=_crc32)
    m.update_batch(list(shingles(text)))
    return m


def _current_scheme() -> str:
    """datasketch's permutation scheme ("affine32" since 2.0; 1.x had one, called "legacy" in 2.0)."""
    return getattr(MinHash(num_perm=1), "scheme", "legacy")


_DATASKETCH_SCHEME = _current_scheme()
# Stored with each signature: signatures made another way (hash function or datasketch scheme) never compare.
SCHEME = f"crc32+{_DATASKETCH_SCHEME}"


def to_bytes(m: MinHash) -> bytes:
    """The scheme name, a NUL, then the hash values as little-endian uint64."""
    return SCHEME.encode("ascii") + b"\0" + np.asarray(m.hashvalues, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> MinHash | None:
    """A stored signature; None when another datasketch scheme made it (the values are not comparable)."""
    scheme, _, values = data.partition(b"\0")
    if scheme.decode("ascii", "replace") != SCHEME:
        return None
    hashvalues = np.frombuffer(values, dtype="<u8").astype(np.uint64)
    if not hasattr(MinHash(num_perm=1), "scheme"):  # datasketch 1.x
        return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, hashfunc=_crc32)
    return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, hashfunc=_crc32, scheme=_DATASKETCH_SCHEME)


@dataclass
class DuplicateIndex:
    """An in-memory LSH index over the stored originals' signatures."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM))
    signatures: dict[str, MinHash] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> "DuplicateIndex":
        index = cls()
        sig = schema.signatures
        skipped = 0
        for uid, data in conn.execute(select(sig.c.article_uid, sig.c.signature)):
            m = from_bytes(data)
            if m is None:
                skipped += 1
            else:
                index.add(uid, m)
        if skipped:
            log.warning("%d stored MinHash signatures come from another datasketch version and are not "
                        "compared; copies of those articles are not detected", skipped)
        return index

    def add(self, uid: str, m: MinHash) -> None:
        if uid in self.signatures:
            self.remove(uid)
        self.lsh.insert(uid, m)
        self.signatures[uid] = m

    def remove(self, uid: str) -> None:
        if uid in self.signatures:
            self.lsh.remove(uid)
            del self.signatures[uid]

    def original_of(self, m: MinHash, exclude: str | None = None) -> str | None:
        """The stored original most similar to ``m`` at or above the threshold, or None."""
        best, best_j = None, DUPLICATE_THRESHOLD
        for uid in self.lsh.query(m):
            if uid == exclude:
                continue
            j = m.jaccard(self.signatures[uid])
            if j >= best_j and (best is None or j > best_j or uid < best):
                best, best_j = uid, j
        return best


def save_signature(conn: Connection, uid: str, m: MinHash) -> None:
    conn.execute(schema.signatures.insert().values(article_uid=uid, signature=to_bytes(m)))


def drop_signature(conn: Connection, uid: str) -> None:
    conn.execute(delete(schema.signatures).where(schema.signatures.c.article_uid == uid))
