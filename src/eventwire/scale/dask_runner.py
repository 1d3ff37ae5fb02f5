"""Code a corpus in partitions with Dask: ``eventwire.code_many``, one model per worker process.

    >>> from eventwire.scale import code_corpus
    >>> run = code_corpus(["news.jsonl"], "out/", partition_size=500)          # LocalCluster
    >>> run = code_corpus(["news.parquet"], "out/", scheduler="tcp://10.0.0.5:8786")

The parent only plans partitions (byte ranges of JSONL, row slices of Parquet); each worker
reads its own partition and codes it with the coder it built when it started
(``eventwire.scale.cluster``: the model loaded once per worker process, all workers at once,
never pickled; with the "processes" or "synchronous" schedulers, ``eventwire.code_many``'s
cache builds one per process), and writes

- ``jsonl/part-00000.jsonl``: the contract lines, in input order (concatenating the parts gives
  exactly what ``eventwire extract`` writes);
- ``events/date=2024-03-14/part-00000-0.parquet``: one row per event, partitioned by event date
  (``date=unknown`` when the event has none);
- ``done/part-00000``: written last. A partition with its marker is skipped on the next run, so
  an interrupted run resumes; one without is coded again and its files overwritten.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dask.base import compute
from dask.delayed import Delayed, delayed

import eventwire
from eventwire import CodedPieces
from eventwire.config import Settings
from eventwire.contract_line import write_pieced_line
from eventwire.records import CodedArticle
from eventwire.scale.event_table import event_rows, write_event_rows
from eventwire.scale.partitions import Partition, plan_partitions, read_partition

PART = "part-{:05d}"


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """What a corpus run did: partitions written or skipped, articles and failures counted."""

    partitions: int
    skipped: int
    articles: int
    failed: int
    output_dir: str


def code_partition(partition: Partition, settings: Settings, output_dir: str) -> tuple[int, int]:
    """Read, code and write one partition; returns (articles, failed).

    Lines are written as articles are coded and only the event rows are held for the Parquet
    file: a very long article is written piece by piece (``eventwire.code_streamed``), so the
    worker holds one piece's records, not the article's (about 43 MiB per MB of news)."""
    out = Path(output_dir)
    name = PART.format(partition.number)
    rows: list[dict[str, Any]] = []
    articles = failed = 0
    coder = _task_coder(settings)
    read = read_partition(partition)
    streamed = coder.code_streamed(read) if coder else eventwire.code_streamed(read, config=settings)
    partial = out / "jsonl" / f"{name}.jsonl.partial"
    with partial.open("w", encoding="utf-8") as handle:
        for coded in streamed:
            articles += 1
            failed += _write_article(coded, handle.write, rows)
    partial.replace(out / "jsonl" / f"{name}.jsonl")
    write_event_rows(rows, out / "events", name)
    (out / "done" / name).write_text(f"{articles}\n", "utf-8")  # last: the partition is complete
    return articles, failed


def _write_article(
    coded: CodedArticle | CodedPieces, write: Callable[[str], object], rows: list[dict[str, Any]]
) -> bool:
    """Write one article's contract line and add its event rows; True when it failed."""
    if isinstance(coded, CodedArticle):
        write(json.dumps(coded.to_contract_dict(), ensure_ascii=False) + "\n")
        rows.extend(event_rows([coded]))
        return coded.error is not None
    found: list[dict[str, Any]] = []  # a piece that fails fails the article: its rows go

    def noted() -> Iterator[CodedArticle]:
        for piece in coded:
            if piece.error is None:
                found.extend(event_rows([piece], first_event=len(found)))
            yield piece

    failed = write_pieced_line(CodedPieces(coded.article, coded.warning, noted()), write)
    rows.extend([] if failed else found)
    return failed


def _task_coder(settings: Settings) -> eventwire.Coder | None:
    """The coder a Dask worker built at start (``eventwire.scale.cluster``), if this task runs
    in one; other schedulers' processes use ``code_many``'s cache (one pipeline a process)."""
    if "distributed" not in sys.modules:  # no distributed worker runs this task
        return None
    from eventwire.scale.cluster import worker_coder  # noqa: PLC0415 - only cluster runs need it

    return worker_coder(settings)


def code_corpus(
    inputs: Sequence[str],
    output_dir: str | Path,
    settings: Settings | None = None,
    partition_size: int = 1000,
    *,
    scheduler: str | Any = None,
    workers: int | None = None,
) -> CorpusRun:
    """Code every article of ``inputs`` (JSONL or Parquet files) into partitions under ``output_dir``.

    ``scheduler``: None for a LocalCluster with one single-threaded worker process per core; the
    address of a ``dask.distributed`` scheduler ("tcp://host:8786"); a ``distributed.Client``;
    or a local Dask scheduler name ("processes", "threads", "synchronous"). ``workers`` sizes
    the LocalCluster (default: one per core).
    """
    settings = settings or Settings.load()
    out = Path(output_dir)
    for folder in ("jsonl", "events", "done"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    planned = plan_partitions(inputs, partition_size)
    todo = [p for p in planned if not (out / "done" / PART.format(p.number)).exists()]
    tasks: list[Delayed] = [delayed(code_partition)(p, settings, str(out)) for p in todo]
    counts: Sequence[tuple[int, int]] = _compute(tasks, settings, scheduler, workers) if tasks else ()
    return CorpusRun(
        partitions=len(planned),
        skipped=len(planned) - len(todo),
        articles=sum(n for n, _ in counts),
        failed=sum(f for _, f in counts),
        output_dir=str(out),
    )


def _compute(
    tasks: list[Delayed], settings: Settings, scheduler: str | Any, workers: int | None
) -> Sequence[tuple[int, int]]:
    """Run the tasks on the scheduler asked for, starting (and stopping) a LocalCluster if none."""
    if _is_client(scheduler):
        return _compute_on(scheduler, tasks, settings)
    if scheduler is not None and not (isinstance(scheduler, str) and "://" in scheduler):
        return compute(*tasks, scheduler=scheduler)  # type: ignore[no-untyped-call,no-any-return]
    from distributed import Client  # noqa: PLC0415 - only cluster runs need it

    from eventwire.scale.cluster import local_cluster  # noqa: PLC0415

    if scheduler is None:
        with local_cluster(workers) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            return _compute_on(client, tasks, settings)
    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        return _compute_on(client, tasks, settings)


def _is_client(scheduler: object) -> bool:
    distributed = sys.modules.get("distributed")  # a Client exists only if distributed is loaded
    return distributed is not None and isinstance(scheduler, distributed.Client)


def _compute_on(client: Any, tasks: list[Delayed], settings: Settings) -> Sequence[tuple[int, int]]:
    """The tasks on a distributed cluster whose workers build their coder first, all at once."""
    from eventwire.scale.cluster import start_coders  # noqa: PLC0415

    start_coders(client, settings)
    return compute(*tasks, scheduler=client)  # type: ignore[no-untyped-call,no-any-return]
