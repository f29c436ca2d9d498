"""The per-article function mapped over many articles: in this process, in worker processes, or on Dask.

Each worker loads the spaCy model once (``nlp.load_model`` is a module-level cache, one per process).
Results come back in input order; an article whose analysis fails becomes a ``Failure`` and the rest go on.
Storing is never done here: the caller stores each result as it arrives (one writer per ledger).

- :func:`analyze_stream`: ``workers=1`` in this process, else a ``multiprocessing`` pool.
- :func:`analyze_dask`: a Dask ``distributed`` cluster, ``"local"`` (started here and stopped at the end)
  or a running scheduler's address. Every Dask worker must have the same onrecord and model installed.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import re
import threading
from collections import deque
from contextlib import contextmanager
from itertools import chain
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from .errors import OnrecordError, OptionsError
from .options import Options
from .records import Analysis, Article, Failure
from .zones import BoilerplateMemory

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client, Future

    from .pipeline import RunContext

log = logging.getLogger(__name__)

# Articles handed to a worker at a time: large enough to amortise pickling, small enough that an
# interrupted run loses little work (each finished article is stored at once by the caller).
CHUNKSIZE = 4
# Worker processes of `--dask local`: the recipe's LocalCluster (RECIPES.md "Dask": two single-threaded
# worker processes took a 4,000-text run from 7.9 s to 4.2 s).
LOCAL_DASK_WORKERS = 2
# Articles submitted to a Dask cluster ahead of the one the caller waits for, per worker: enough to keep
# every worker busy while results are collected in input order, few enough that a run over an archive
# never holds more than a few hundred articles (and their analyses) in memory at once.
DASK_IN_FLIGHT_PER_WORKER = 8
# Seconds to wait for a remote scheduler to answer before telling the user it cannot be reached.
DASK_CONNECT_TIMEOUT_S = 10
# What `--dask` accepts besides "local": a scheduler address, with or without its protocol.
_DASK_ADDRESS = re.compile(r"^(?:(?:tcp|tls|inproc|ucx|ws|wss)://)?[\w.\-\[\]:]+(?::\d+)?$")

_worker_state: dict[str, object] = {}
# One analysis at a time per process: spaCy pipelines are not documented as thread-safe, and a Dask
# worker started with several threads would otherwise run them concurrently (and load the model twice).
_analysis_lock = threading.Lock()


def with_run_names(articles: Iterable[Article],
                   memory: "BoilerplateMemory | RunContext | None") -> "BoilerplateMemory | RunContext | None":
    """``memory`` with the run's full names added when ``articles`` is a list (a lazy stream is analysed
    without them unless the caller passes a ``RunContext`` built over the whole run)."""
    from .pipeline import RunContext

    if isinstance(memory, RunContext) or not isinstance(articles, Sequence):
        return memory
    return RunContext.from_articles(articles, memory)


def _init_worker(options: Options, memory: "BoilerplateMemory | RunContext | None") -> None:
    from .nlp import load_model

    _worker_state["options"] = options
    _worker_state["memory"] = memory
    load_model()


def analyze_or_fail(article: Article, options: Options,
                    memory: "BoilerplateMemory | RunContext | None") -> Analysis | Failure:
    """The per-article function every runner maps: an ``Analysis``, or a ``Failure`` saying why not."""
    from .pipeline import analyze_article

    try:
        with _analysis_lock:
            return analyze_article(article, options, memory)
    except OnrecordError as exc:
        return Failure(source=article.source or article.id, problem=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch; the reason is kept
        return Failure(source=article.source or article.id, problem=f"analysis failed: {type(exc).__name__}: {exc}")


def _analyze_one(article: Article) -> Analysis | Failure:
    options = _worker_state.get("options") or Options()
    return analyze_or_fail(article, options, _worker_state.get("memory"))  # type: ignore[arg-type]


def analyze_stream(
    articles: Iterable[Article],
    options: Options | None = None,
    memory: "BoilerplateMemory | RunContext | None" = None,
    workers: int = 1,
) -> Iterator[Analysis | Failure]:
    """Analyse ``articles`` in input order with ``workers`` processes (1: in this process).

    ``memory``: a ``BoilerplateMemory``, or a ``RunContext`` (memory plus the run's full names). Given a
    list of articles and no ``RunContext``, one is built from the list first (:func:`with_run_names`).
    """
    options = options or Options()
    memory = with_run_names(articles, memory)
    if workers <= 1:
        _init_worker(options, memory)
        for article in articles:
            yield _analyze_one(article)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options, memory)) as pool:
        yield from pool.imap(_analyze_one, articles, chunksize=CHUNKSIZE)


# ---- Dask -------------------------------------------------------------------------------------------
def check_dask_address(address: str) -> str:
    """``address`` if it is "local" or looks like a scheduler address; else a clear ``OptionsError``."""
    if address == "local" or _DASK_ADDRESS.match(address or ""):
        return address
    raise OptionsError(
        f"--dask {address!r} is neither 'local' nor a scheduler address: give 'local' to start a cluster on "
        "this machine, or the address `dask scheduler` printed, such as tcp://10.0.0.5:8786")


@contextmanager
def dask_client(address: str = "local", workers: int = LOCAL_DASK_WORKERS) -> Iterator["Client"]:
    """A Dask client: on a new local cluster of ``workers`` single-threaded processes, or on ``address``.

    A local cluster is stopped when the block ends; a remote one is only disconnected from.
    """
    check_dask_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise OptionsError("Dask distributed is not installed: pip install 'onrecord[dask]'") from None
    if address == "local":
        # processes=True: spaCy holds the GIL while parsing, so threads would not run in parallel.
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=DASK_CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise OptionsError(
            f"cannot reach the Dask scheduler at {address} within {DASK_CONNECT_TIMEOUT_S} s ({exc}): start one "
            "with `dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`, or use --dask local"
        ) from None
    with client:
        yield client


def _worker_failure(article: Article, exc: BaseException) -> Failure:
    return Failure(source=article.source or article.id,
                   problem=f"Dask worker failed on this article: {type(exc).__name__}: {exc}")


def analyze_dask(
    articles: Iterable[Article],
    options: Options | None = None,
    memory: "BoilerplateMemory | RunContext | None" = None,
    address: str = "local",
    workers: int = LOCAL_DASK_WORKERS,
    client: "Client | None" = None,
) -> Iterator[Analysis | Failure]:
    """Analyse ``articles`` on a Dask cluster, results in input order, failures as records.

    ``client``: a Dask client to use (left open); else one is made from ``address`` ("local": a
    ``LocalCluster`` of ``workers`` single-threaded processes, stopped at the end; else a scheduler
    address) only once there is a first article to analyse. Options and boilerplate memory are sent to
    the workers once; each worker process loads the model once and keeps it.
    """
    options = options or Options()
    memory = with_run_names(articles, memory)
    if client is None:
        check_dask_address(address)
    todo = iter(articles)
    first = next(todo, None)
    if first is None:
        return
    if client is not None:
        yield from _run_dask(client, first, todo, options, memory)
        return
    with dask_client(address, workers) as own:
        yield from _run_dask(own, first, todo, options, memory)


def _run_dask(client: "Client", first: Article, rest: Iterator[Article], options: Options,
              memory: "BoilerplateMemory | RunContext | None") -> Iterator[Analysis | Failure]:
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = n_workers * DASK_IN_FLIGHT_PER_WORKER
    options_f, memory_f = client.scatter([options, memory], broadcast=True, hash=False)
    pending: deque[tuple[Article, "Future"]] = deque()

    def collect() -> Analysis | Failure:
        article, future = pending.popleft()
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a lost or killed worker fails this article, not the run
            log.warning("Dask task for %s failed: %s", article.id, exc)
            return _worker_failure(article, exc)
        finally:
            future.release()

    try:
        for article in chain([first], rest):
            pending.append((article, client.submit(analyze_or_fail, article, options_f, memory_f, pure=False)))
            if len(pending) >= window:
                yield collect()
        while pending:
            yield collect()
    finally:
        for _article, future in pending:  # the caller stopped early: drop what is still queued
            future.cancel()
