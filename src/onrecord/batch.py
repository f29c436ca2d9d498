"""The per-article function mapped over many articles: in this process, or in worker processes.

Each worker loads the spaCy model once (a module-level cache). Results come back in input order; an
article whose analysis fails becomes a ``Failure`` and the rest go on.
"""

from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

from .errors import OnrecordError
from .options import Options
from .records import Analysis, Article, Failure
from .zones import BoilerplateMemory

# Articles handed to a worker at a time: large enough to amortise pickling, small enough that an
# interrupted run loses little work (each finished article is stored at once by the caller).
CHUNKSIZE = 4

_worker_state: dict[str, object] = {}


def _init_worker(options: Options, memory: BoilerplateMemory | None) -> None:
    from .nlp import load_model

    _worker_state["options"] = options
    _worker_state["memory"] = memory
    load_model()


def _analyze_one(article: Article) -> Analysis | Failure:
    from .pipeline import analyze_article

    options = _worker_state.get("options") or Options()
    memory = _worker_state.get("memory")
    try:
        return analyze_article(article, options, memory)  # type: ignore[arg-type]
    except OnrecordError as exc:
        return Failure(source=article.source or article.id, problem=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch; the reason is kept
        return Failure(source=article.source or article.id, problem=f"analysis failed: {type(exc).__name__}: {exc}")


def analyze_stream(
    articles: Iterable[Article],
    options: Options | None = None,
    memory: BoilerplateMemory | None = None,
    workers: int = 1,
) -> Iterator[Analysis | Failure]:
    """Analyse ``articles`` in input order with ``workers`` processes (1: in this process)."""
    options = options or Options()
    if workers <= 1:
        _init_worker(options, memory)
        for article in articles:
            yield _analyze_one(article)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options, memory)) as pool:
        yield from pool.imap(_analyze_one, articles, chunksize=CHUNKSIZE)
