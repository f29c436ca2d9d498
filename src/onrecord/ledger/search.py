"""Full-text search of statements: the words of a statement's text and of its speaker's name.

What a search means, on SQLite and PostgreSQL alike:

- the query is cut into words: runs of letters and digits. Everything else (quotes, ``*``, ``-``, ``%``,
  ``\\``, ``_``) only separates words and is never syntax, and ``AND``/``OR``/``NOT``/``NEAR`` are plain words;
- every word of the query must begin a word of the statement's text or of its speaker's name (prefix match,
  in any order): ``talk`` finds "talks", ``ceasefire_now`` finds "ceasefire-now", ``hadd`` finds "Omar Haddad";
  a word is never found in the middle of another ("fire" does not find "ceasefire");
- case and Latin diacritics are ignored: ``sanchez`` finds "Sánchez", ``ZELENSKYY`` finds "Zelenskyy";
- a query without any letter or digit (``"``, ``*``, ``%``) matches no statement.

SQLite: an FTS5 table ``statements_fts`` with external content (the ``statements`` table itself, so the text is
stored once), ``tokenize="unicode61 remove_diacritics 2"``, kept in sync by triggers on ``statements`` (so every
writer, including bulk inserts, keeps it right). PostgreSQL: a GIN index on an expression that folds and splits the
same way (``lower``, then ``translate`` with the diacritics table below, then a split on non-alphanumerics, the
pieces taken as lexemes as they are by ``array_to_tsvector``: no dictionary, no stemming, no stop words). Both are
made by the migration ``0003_search``. PostgreSQL folds case through the database's ctype locale: give the
database a UTF-8 locale (C.UTF-8, en_US.UTF-8); under the plain ``C`` locale only ASCII letters fold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, TextClause, text
from sqlalchemy.exc import OperationalError

FTS_TABLE = "statements_fts"
PG_INDEX = "ix_statements_search"
# The Unicode blocks whose accented letters both databases fold to their base letter: Latin-1 Supplement,
# Latin Extended-A and -B (U+00C0-U+024F) and Latin Extended Additional (U+1E00-U+1EFF). SQLite's unicode61
# tokenizer (remove_diacritics 2) folds these blocks; the PostgreSQL index folds them with translate().
_LATIN_BLOCKS = ((0x00C0, 0x0250), (0x1E00, 0x1F00))
# Letters whose compatibility decomposition is one base letter but which SQLite 3.40's unicode61 leaves as they
# are (A with dot above and macron); measured over the blocks above, see tests/ledger/test_search.py.
_UNFOLDED_BY_SQLITE = frozenset({0x01E0, 0x01E1})
_WORD = re.compile(r"[^\W_]+")  # letters and digits (Unicode categories L* and N*), as unicode61 and [[:alnum:]]


def _diacritics() -> tuple[str, str]:
    """(accented letters, their base letters) of the Latin blocks, for str.translate and SQL translate()."""
    src, dst = [], []
    for lo, hi in _LATIN_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            if cp in _UNFOLDED_BY_SQLITE or not ch.isalpha():
                continue
            base = "".join(k for k in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(k)).lower()
            if len(base) == 1 and base != ch and base.isalpha():
                src.append(ch)
                dst.append(base)
    return "".join(src), "".join(dst)


DIACRITICS_FROM, DIACRITICS_TO = _diacritics()
_FOLD = str.maketrans(DIACRITICS_FROM, DIACRITICS_TO)

# The PostgreSQL index expression. The query repeats it character for character, so the planner uses the index.
PG_WORDS = ("array_to_tsvector(array_remove(regexp_split_to_array(translate(lower("
            "coalesce(statements.text, '') || ' ' || coalesce(statements.speaker_name, '')), "
            f"'{DIACRITICS_FROM}', '{DIACRITICS_TO}'), '[^[:alnum:]]+'), ''))")


def words(query: str) -> list[str]:
    """The query's words, case- and diacritic-folded, in order, without repeats."""
    return list(dict.fromkeys(_WORD.findall(query.lower().translate(_FOLD))))


@dataclass(frozen=True)
class Search:
    """A parsed search: its words, and the condition on ``statements`` rows for one database."""

    words: tuple[str, ...]

    @classmethod
    def parse(cls, query: str) -> "Search":
        return cls(tuple(words(query)))

    def fts_query(self) -> str:
        """FTS5 syntax: each word a quoted string with a prefix star, all required."""
        return " ".join('"' + w.replace('"', '""') + '"*' for w in self.words)

    def ts_query(self) -> str:
        """PostgreSQL tsquery input: each word a quoted prefix lexeme, all required."""
        return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in self.words)

    def condition(self, dialect: str, by_rowid: bool = True) -> TextClause:
        """A WHERE condition on the ``statements`` table (not aliased) for ``dialect``.

        SQLite, ``by_rowid=False``: the planner may not look the matches up by rowid (the unary ``+``), so it walks
        an index in the listing's order and checks each row against the matches: fast when many rows match.
        """
        if not self.words:
            return text("1 = 0")
        if dialect == "sqlite":
            plus = "" if by_rowid else "+"
            return text(f"{plus}statements.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q)"
                        ).bindparams(fts_q=self.fts_query())
        if dialect == "postgresql":
            return text(f"{PG_WORDS} @@ CAST(:ts_q AS tsquery)").bindparams(ts_q=self.ts_query())
        raise NotImplementedError(f"full-text search is built for SQLite and PostgreSQL, not {dialect}")

    def count(self, conn: Connection) -> int:
        """How many statements match, read from the index alone (every statement row has its article)."""
        if not self.words:
            return 0
        if conn.dialect.name == "sqlite":
            return conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
                                {"q": self.fts_query()}).scalar_one()
        return conn.execute(text(f"SELECT count(*) FROM statements WHERE {PG_WORDS} @@ CAST(:q AS tsquery)"),
                            {"q": self.ts_query()}).scalar_one()

    def count_and_newest(self, conn: Connection, wanted: int) -> tuple[int, list[int] | None]:
        """SQLite: (how many statements match; the rowids of the matches among the newest statements, enough to
        hold the ``wanted`` newest matches, or None when that could not be settled this way).

        One pass over the index counts the matches and keeps those whose statement is among the
        ``NEWEST_FACTOR * wanted`` newest (by day): every match left out is older than every one kept, so when at
        least ``wanted`` are kept, the newest ``wanted`` matches are among them. For a word in a third of 100k
        statements this replaces a count plus a walk of the day index checked against all 33k matches (~8 ms)
        with ~4 ms.
        """
        if not self.words:
            return 0, None
        bound = conn.execute(text("SELECT day FROM statements WHERE day IS NOT NULL ORDER BY day DESC "
                                  "LIMIT 1 OFFSET :k"), {"k": NEWEST_FACTOR * wanted}).scalar()
        if bound is None:  # fewer dated statements than that: nothing to save
            return self.count(conn), None
        try:
            total, kept = conn.execute(
                text(f"SELECT count(*), group_concat(rowid) FILTER (WHERE +rowid IN (SELECT rowid FROM statements "
                     f"WHERE day >= :bound)) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
                {"q": self.fts_query(), "bound": bound}).one()
        except OperationalError:  # SQLite before 3.30 has no FILTER clause
            return self.count(conn), None
        rowids = [int(r) for r in kept.split(",")] if kept else []
        return total, rowids if len(rowids) >= wanted else None


# How many of the newest statements ``Search.count_and_newest`` checks per wanted match: enough for any word in
# more than one statement in eight (those are the searches where it pays: rarer words take the other paths).
NEWEST_FACTOR = 8


# ---- the index: made by migration 0003, rebuilt by ``rebuild`` -------------------------------------------
_SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, speaker_name, content='statements', "
    "content_rowid='rowid', tokenize=\"unicode61 remove_diacritics 2\")",
    f"CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name); END",
    f"CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text, speaker_name) "
    "VALUES ('delete', old.rowid, old.text, old.speaker_name); END",
    f"CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF text, speaker_name ON statements BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text, speaker_name) "
    "VALUES ('delete', old.rowid, old.text, old.speaker_name); "
    f"INSERT INTO {FTS_TABLE}(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name); END",
)


def create_index(conn: Connection) -> None:
    """Make the search index of this database and fill it from the stored statements."""
    if conn.dialect.name == "sqlite":
        for ddl in _SQLITE_DDL:
            conn.exec_driver_sql(ddl)
        rebuild(conn)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON statements USING gin (("
                             + PG_WORDS.replace("statements.", "") + "))")


def rebuild(conn: Connection) -> None:
    """SQLite: re-read every statement into the FTS index (after a restore, or if ``check`` fails)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def check(conn: Connection) -> None:
    """SQLite: raise if the FTS index disagrees with the statements (sqlite3 says 'database disk image is
    malformed'); ``rebuild`` repairs it."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
