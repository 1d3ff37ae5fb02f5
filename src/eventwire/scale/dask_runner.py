"""Code a corpus in partitions with Dask: the same ``Pipeline``, one per worker process.

    >>> from eventwire.scale import code_corpus
    >>> run = code_corpus(["news.jsonl"], "out/", partition_size=500, scheduler="processes")

Each partition is coded by a worker that builds its pipeline once (the spaCy model is loaded once
per process, not once per partition) and writes ``part-00000.jsonl``… in input order, so that
concatenating the parts gives exactly what ``eventwire extract`` would have written. A partition
that is already complete on disk is skipped, which makes an interrupted run resumable.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from dask.base import compute
from dask.delayed import Delayed, delayed

from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.pipeline import Pipeline
from eventwire.records import Article, RejectedInput

PART_PATTERN = "part-{:05d}.jsonl"


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """What a corpus run did: partitions written or skipped, articles and failures counted."""

    partitions: int
    skipped: int
    articles: int
    failed: int
    output_dir: str


def _settings_key(settings: Settings) -> str:
    return json.dumps(asdict(settings), sort_keys=True, default=list)


@functools.cache
def _worker_pipeline(settings_key: str) -> Pipeline:
    """One pipeline per worker process and settings: loading spaCy is the expensive part."""
    return Pipeline.from_config(Settings.from_mapping(json.loads(settings_key)))


def code_partition(items: Sequence[Article | RejectedInput], settings_key: str, path: str) -> tuple[int, int]:
    """Code one partition into ``path`` (written whole, then renamed); returns (articles, failed)."""
    pipeline = _worker_pipeline(settings_key)
    partial = Path(path + ".partial")
    failed = 0
    with partial.open("w", encoding="utf-8") as out:
        for coded in pipeline.run(items):
            failed += coded.error is not None
            out.write(json.dumps(coded.to_contract_dict(), ensure_ascii=False) + "\n")
    partial.replace(path)  # a partition on disk is always complete
    return len(items), failed


def partitions(
    articles: Iterable[Article | RejectedInput], size: int
) -> Iterator[list[Article | RejectedInput]]:
    """Consecutive chunks of ``size`` inputs (the last may be shorter)."""
    stream = iter(articles)
    while chunk := list(islice(stream, size)):
        yield chunk


def code_corpus(
    inputs: Sequence[str],
    output_dir: str | Path,
    settings: Settings | None = None,
    partition_size: int = 1000,
    scheduler: str | Any = "processes",
) -> CorpusRun:
    """Code every article of ``inputs`` into JSONL partitions under ``output_dir``.

    ``scheduler`` is any Dask scheduler: "processes", "threads", "synchronous", or a
    ``distributed.Client`` for a cluster.
    """
    settings = settings or Settings.load()
    key = _settings_key(settings)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    tasks: list[Delayed] = []
    skipped = 0
    for number, chunk in enumerate(partitions(read_inputs(inputs), partition_size)):
        path = out / PART_PATTERN.format(number)
        if path.exists():
            skipped += 1
            continue
        tasks.append(delayed(code_partition)(chunk, key, str(path)))
    counts: Sequence[tuple[int, int]] = ()
    if tasks:
        counts = compute(*tasks, scheduler=scheduler)  # type: ignore[no-untyped-call]
    return CorpusRun(
        partitions=len(tasks) + skipped,
        skipped=skipped,
        articles=sum(n for n, _ in counts),
        failed=sum(f for _, f in counts),
        output_dir=str(out),
    )
