"""The ledger: analyses stored across articles (SQLite by default, PostgreSQL by URL)."""

from .connect import DEFAULT_DB, ENV_VAR, resolve_url
from .store import Ledger, article_uid, content_hash, fold

__all__ = ["DEFAULT_DB", "ENV_VAR", "Ledger", "article_uid", "content_hash", "fold", "resolve_url"]
