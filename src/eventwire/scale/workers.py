"""Code articles on several cores: a pool of processes, each with its own pipeline.

    >>> from eventwire.scale.workers import WorkerPool
    >>> with WorkerPool(Settings.load(), workers=2) as pool:
    ...     for coded in pool.run(articles):
    ...         ...

The stages are Python and hold the GIL, so more cores means more processes. Each
worker process builds its ``Pipeline`` once, from the settings (the model is loaded in the
worker, never pickled), and codes chunks of a quarter of ``batch_size``. The parent reads the
input, hands out chunks, and yields the coded articles **in input order**; whatever writes
them (a JSONL file, the event store) stays a single writer in the parent. At most
``4 x workers`` chunks are in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict
from itertools import islice
from types import TracebackType
from typing import Protocol

from eventwire.config import Settings
from eventwire.records import Article, CodedArticle, RejectedInput

Item = Article | RejectedInput


class Coder(Protocol):
    """What a worker codes with: a ``Pipeline`` (or anything with its ``run``)."""

    def run(self, articles: Iterable[Item]) -> Iterator[CodedArticle]: ...


# Builds a worker's coder from the run's settings: ``Pipeline.from_config``. Passed in rather
# than imported, so that the pipeline can hand work to this module without an import cycle.
CoderFactory = Callable[[Settings], Coder]
# Chunks queued per worker. The parent yields in input order, so it waits on the oldest chunk;
# with only one chunk queued behind each worker, a worker that finished two short chunks sat
# idle while another coded a long one. Four let it run three chunks ahead (a few articles each:
# memory stays small).
_IN_FLIGHT_PER_WORKER = 4
_CHUNKS_PER_BATCH = 4


def settings_key(settings: Settings) -> str:
    """A hashable, picklable text for ``settings`` (options may hold lists and dicts)."""
    return json.dumps(asdict(settings), sort_keys=True, default=list)


@functools.cache
def worker_pipeline(key: str, factory: CoderFactory) -> Coder:
    """The pipeline of this process for these settings, built on first use (one per process)."""
    return factory(Settings.from_mapping(json.loads(key)))


def _code_chunk(key: str, factory: CoderFactory, chunk: list[Item]) -> list[CodedArticle]:
    # Pipeline.run keeps every article's failure on its CodedArticle, so a chunk never raises
    # for bad input; the list is complete and in order.
    return list(worker_pipeline(key, factory).run(chunk))


class WorkerPool:
    """``workers`` processes coding with the pipeline ``settings`` describe."""

    def __init__(
        self, settings: Settings, workers: int, factory: CoderFactory, chunk_size: int | None = None
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.settings = settings
        self.factory = factory
        self.workers = workers
        # Chunks smaller than a parse batch keep both workers busy to the end of a short corpus;
        # spaCy's small CPU model gains little from batches beyond a few articles.
        self.chunk_size = chunk_size or max(1, settings.batch_size // _CHUNKS_PER_BATCH)
        self._key = settings_key(settings)
        # forkserver: workers start from a clean interpreter, not a copy of a parent that may
        # hold threads (progress bars, Dask) or a loaded model it will not use.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self._executor = ProcessPoolExecutor(
            workers, mp_context=context, initializer=worker_pipeline, initargs=(self._key, factory)
        )

    def run(self, articles: Iterable[Item]) -> Iterator[CodedArticle]:
        """Code every article, yielding one ``CodedArticle`` per input, in input order."""
        pending: deque[Future[list[CodedArticle]]] = deque()
        items = iter(articles)
        while chunk := list(islice(items, self.chunk_size)):
            pending.append(self._executor.submit(_code_chunk, self._key, self.factory, chunk))
            if len(pending) >= self.workers * _IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def warm_up(self) -> None:
        """Wait until every worker has built its pipeline (benchmarks time coding, not loading)."""
        probe = [Article(text="Officials met in Geneva.", id=f"warm-up-{n}") for n in range(self.workers)]
        futures = [
            self._executor.submit(_code_chunk, self._key, self.factory, [article]) for article in probe
        ]
        for future in futures:
            future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def run_in_workers(
    settings: Settings, articles: Iterable[Item], workers: int, factory: CoderFactory
) -> Iterator[CodedArticle]:
    """``Pipeline.run(articles, workers=N)``: a pool for this run only, closed when it ends."""
    with WorkerPool(settings, workers, factory) as pool:
        yield from pool.run(articles)
