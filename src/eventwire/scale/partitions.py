"""Split a corpus into partitions that a worker reads itself: JSONL byte ranges, Parquet row slices.

The parent only scans (line offsets of JSONL files, row counts of Parquet files); the articles
are read where they are coded, so a cluster run never ships the corpus through the scheduler.
A partition is plain data (path, kind, start, stop) and its number fixes its place in the
output, so a rerun finds the partitions it already wrote.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eventwire.errors import ArticleInputError, InputError
from eventwire.ingest.jsonl import article_from_record, read_jsonl_lines
from eventwire.ingest.language import screen_languages
from eventwire.records import Article, ArticleError, RejectedInput

PARQUET_EXTENSIONS = frozenset({".parquet", ".pq"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
_ARTICLE_COLUMNS = ("id", "text", "title", "date", "publisher", "url")


@dataclass(frozen=True, slots=True)
class Partition:
    """Articles ``start``..``stop`` of one input: byte offsets for JSONL, rows for Parquet."""

    number: int
    path: str
    kind: Literal["jsonl", "parquet"]
    start: int
    stop: int
    first_line: int = 1  # JSONL: the file's line number of the partition's first line


def plan_partitions(inputs: Sequence[str], size: int) -> list[Partition]:
    """Partitions of at most ``size`` articles each, input after input, in input order."""
    if size < 1:
        raise InputError(f"partition size must be at least 1, not {size}")
    planned: list[Partition] = []
    for name in inputs:
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix in JSONL_EXTENSIONS:
            ranges: Iterable[tuple[int, int, int]] = _jsonl_ranges(path, size)
        elif suffix in PARQUET_EXTENSIONS:
            ranges = ((a, b, 1) for a, b in _row_ranges(_parquet_rows(path), size))
        else:
            raise InputError(f"cannot partition {name}: batch reads .jsonl and .parquet files")
        kind: Literal["jsonl", "parquet"] = "jsonl" if suffix in JSONL_EXTENSIONS else "parquet"
        planned += [
            Partition(len(planned) + i, str(path), kind, a, b, line) for i, (a, b, line) in enumerate(ranges)
        ]
    return planned


def read_partition(partition: Partition) -> list[Article | RejectedInput]:
    """The articles of one partition, read by the worker that codes them, screened for their
    language as ``read_inputs`` screens them (a local run and a cluster give the same lines)."""
    return list(screen_languages(_partition_articles(partition), any_language=False))


def _partition_articles(partition: Partition) -> Iterator[Article | RejectedInput]:
    if partition.kind == "jsonl":
        with open(partition.path, "rb") as handle:
            handle.seek(partition.start)
            data = handle.read(partition.stop - partition.start)
        text = io.StringIO(data.decode("utf-8", errors="replace"))
        return read_jsonl_lines(text, origin=partition.path, first_line=partition.first_line)
    return (_row_article(row, partition, n) for n, row in enumerate(_parquet_slice(partition)))


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """Byte ranges holding ``size`` non-blank lines each, with the line number they start at."""
    with path.open("rb") as handle:
        start = offset = 0
        count = 0
        first = number = 1
        for line in handle:
            offset += len(line)
            number += 1
            count += bool(line.strip())
            if count == size:
                yield start, offset, first
                start, count, first = offset, 0, number
        if count:
            yield start, offset, first


def _row_ranges(rows: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, rows, size):
        yield start, min(rows, start + size)


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq  # noqa: PLC0415 - pyarrow loads only for Parquet inputs

    return int(pq.ParquetFile(path).metadata.num_rows)


def _parquet_slice(partition: Partition) -> Iterator[dict[str, Any]]:
    """Rows ``start``..``stop``, decoding only the row groups that hold them."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    parquet = pq.ParquetFile(partition.path)
    columns = [c for c in _ARTICLE_COLUMNS if c in parquet.schema_arrow.names]
    first = 0
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if first < partition.stop and first + rows > partition.start:
            table = parquet.read_row_group(group, columns=columns)
            low, high = max(partition.start - first, 0), min(partition.stop - first, rows)
            yield from table.slice(low, high - low).to_pylist()
        first += rows


def _row_article(row: dict[str, Any], partition: Partition, offset: int) -> Article | RejectedInput:
    date = row.get("date")
    if isinstance(date, dt.date):  # a Parquet date or timestamp column
        row = {**row, "date": date.isoformat()}
    try:
        return article_from_record(row)
    except ArticleInputError as exc:
        number = partition.start + offset + 1
        error = ArticleError(type(exc).__name__, f"row {number} of {partition.path}: {exc}")
        return RejectedInput(id=str(row.get("id") or f"{Path(partition.path).name}:{number}"), error=error)
