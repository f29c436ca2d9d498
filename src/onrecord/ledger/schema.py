"""The ledger's tables (SQLAlchemy Core). Column names follow the output contract where one exists.

Ids: ``articles.uid`` is a hash of the caller's article id, so the same article ingested twice lands on
the same row; ``articles.content_hash`` is a hash of the text and metadata, so an unchanged article is
skipped and an edited one replaces its earlier version. Statement, event and condition rows hang off the
article uid and go with it.

Not declared here, because SQLAlchemy cannot describe them: the full-text search index of statements (0003,
``search.py``): on SQLite the FTS5 table ``statements_fts`` (external content: it indexes ``statements`` by
rowid) and its three triggers; on PostgreSQL the GIN expression index ``ix_statements_search``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "migrations", metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("uid", String(32), primary_key=True),
    Column("id", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("warnings", Text, nullable=False, default="[]"),  # JSON list
    Column("duplicate_of", String(32)),  # uid of the article this one is a near-duplicate of
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_duplicate_of", "duplicate_of"),  # 0002: an original's extra sources
)

zones = Table(
    "zones", metadata,
    Column("article_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_zones_article", "article_uid"),
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("affiliation", Text),
    Column("merged_into", String(200)),  # a user's merge: this actor is shown as that one
    Index("ix_actors_name", "name"),
)

aliases = Table(
    "aliases", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Index("ix_aliases_folded", "folded"),
    Index("ux_aliases", "actor_id", "folded", unique=True),
)

actor_roles = Table(
    "actor_roles", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Index("ux_actor_roles", "actor_id", "role", unique=True),
)

statements = Table(
    "statements", metadata,
    Column("uid", String(80), primary_key=True),  # ARTICLE_UID#STATEMENT_ID
    Column("article_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
    Column("sid", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_name", Text),
    Column("actor_id", String(200)),
    Column("mention", Text),
    Column("mention_start", Integer),
    Column("mention_end", Integer),
    Column("role", Text),
    Column("affiliation", Text),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("channel", Text),
    Column("channel_start", Integer),
    Column("channel_end", Integer),
    Column("said_on", Date),
    Column("day", Date),  # said_on, else the article's publication date: what timelines sort by
    Column("date_text", Text),
    Column("zone", String(16), nullable=False),
    Column("about_negotiations", Boolean, nullable=False, default=False),
    Column("stance", String(16)),
    Column("counterpart", Text),
    Column("via", String(32)),
    Column("seq", Integer),  # position in the article's analysis (0002), so exports keep the original order
    Index("ix_statements_article", "article_uid"),
    Index("ix_statements_actor_day", "actor_id", "day"),
    Index("ix_statements_speaker", "speaker_name"),
    Index("ix_statements_day", "day"),
    Index("ix_statements_stance", "about_negotiations", "stance"),
    Index("ix_statements_affiliation_day", "affiliation", "day"),  # 0002: cross-article contradictions
)

conditions = Table(
    "conditions", metadata,
    Column("statement_uid", String(80), ForeignKey("statements.uid", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_conditions_statement", "statement_uid"),
)

events = Table(
    "events", metadata,
    Column("uid", String(80), primary_key=True),
    Column("article_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
    Column("eid", String(32), nullable=False),
    Column("record", Text, nullable=False),  # the contract Event as JSON
    Column("type", String(32), nullable=False),
    Column("cameo", String(8)),
    Column("date", Date),
    Column("source_actor_id", String(200)),
    Column("target_name", Text),
    Column("seq", Integer),  # position in the article's analysis (0002)
    Index("ix_events_article", "article_uid"),
    Index("ix_events_source_date", "source_actor_id", "date"),
)

contradictions = Table(
    "contradictions", metadata,
    Column("a", String(80), nullable=False),  # statement uids
    Column("b", String(80), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("why", Text, nullable=False),
    Column("across", Boolean, nullable=False, default=False),
    Column("article_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE")),  # set when within one article
    Index("ux_contradictions", "a", "b", unique=True),
    Index("ix_contradictions_b", "b"),  # 0002: deleting an article's pairs looks up both ends
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("place", Text),
    Column("problem", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

outlet_profiles = Table(
    "outlet_profiles", metadata,
    Column("outlet", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("count", Integer, nullable=False),
    Index("ux_outlet_profiles", "outlet", "fingerprint", unique=True),
)

corrections = Table(
    "corrections", metadata,  # a user's actor merges and splits, re-applied after every ingest
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # "merge" | "split"
    Column("a", String(200), nullable=False),
    Column("b", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

signatures = Table(
    "signatures", metadata,  # 0002: MinHash signatures of original articles, for near-duplicate detection
    Column("article_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # uint64 hash values, little-endian
)

copies = Table(
    "copies", metadata,  # 0002: a near-duplicate copy recorded as an extra source of its original
    Column("original_uid", String(32), nullable=False),
    Column("copy_uid", String(32), ForeignKey("articles.uid", ondelete="CASCADE"), nullable=False),
    Index("ux_copies", "original_uid", "copy_uid", unique=True),
    Index("ix_copies_copy", "copy_uid"),
)
