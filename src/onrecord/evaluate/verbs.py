"""Speech-verb forms for ``--speech-only`` scoring, read at run time from a list file (one form a line).

The project scores against the GenderGapTracker list (``../shared/data/ggt_quote_verb_list.txt``); it is
not copied into the package, the caller names the file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..records import Failure
from .folding import fold, words

# Contract, "Scoring": besides the listed verb forms, a cue containing "according to" counts as speech.
ACCORDING_TO = "according to"
# Where the CLI looks for the list when --verbs is not given: beside the PolNeAR folder (shared/data layout).
DEFAULT_VERB_LIST = Path("..") / "ggt_quote_verb_list.txt"


def load_speech_verbs(path: str | Path) -> frozenset[str]:
    """The folded verb forms listed in ``path``; blank lines and ``#`` comments are skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(Failure(str(path), f"cannot read the speech-verb list ({exc.strerror or exc}); "
                                 "pass --verbs PATH to ggt_quote_verb_list.txt")) from exc
    forms = frozenset(fold(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not forms:
        raise InputError(Failure(str(path), "the speech-verb list is empty: expected one verb form a line"))
    return forms


def is_speech_cue(cue: str | None, verbs: frozenset[str]) -> bool:
    """True when the cue contains a listed verb form as a word, or "according to"."""
    if not cue:
        return False
    folded = fold(cue)
    if ACCORDING_TO in " ".join(words(folded)):
        return True
    return any(word in verbs for word in words(folded))
