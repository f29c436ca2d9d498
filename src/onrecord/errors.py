"""Exceptions raised by onrecord. Every message names the bad value and how to fix it.

OnrecordError
 ├── InputError          an input file or record cannot be read (carries a Failure)
 ├── ModelNotFoundError  no English spaCy pipeline is installed
 ├── OptionsError        an option has a value onrecord cannot use
 └── LedgerError         the ledger cannot be opened, read or written
"""

from __future__ import annotations

from .records import Failure


class OnrecordError(Exception):
    """Base class of every error onrecord raises on purpose."""


class InputError(OnrecordError):
    """An input cannot be read; ``failure`` says which file, where, and what is wrong."""

    def __init__(self, failure: Failure):
        super().__init__(failure.line())
        self.failure = failure


class ModelNotFoundError(OnrecordError):
    """No English spaCy pipeline could be loaded."""


class OptionsError(OnrecordError):
    """An option value is out of range or of the wrong kind."""


class LedgerError(OnrecordError):
    """The ledger (database) cannot be opened, read or written; the message says why and what to do."""
