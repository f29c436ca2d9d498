"""The web page and JSON API over the ledger: ``create_app(ledger_or_db, token=None)``; ``onrecord serve``."""

from .app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app"]
