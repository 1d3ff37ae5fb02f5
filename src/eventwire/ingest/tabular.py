"""Articles from CSV files, with the columns named by a ``CsvMapping``.

    mapping = CsvMapping(text="body", title="headline", date="published")
    for item in read_csv(Path("stories.csv"), mapping): ...

The default mapping uses the contract's field names (id, text, title, date, publisher, url).
A row without text, or a broken or ragged row, becomes a ``RejectedInput``; a date that
cannot be read is dropped with a warning.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.encoding import read_text
from eventwire.ingest.metadata import local_date, parse_timestamp, vet_publication_date
from eventwire.records import Article, ArticleError, RejectedInput


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """Which CSV column holds each article field (None: the file has no such column)."""

    text: str = "text"
    id: str | None = "id"
    title: str | None = "title"
    date: str | None = "date"
    publisher: str | None = "publisher"
    url: str | None = "url"

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> CsvMapping:
        """From ``{"text": "body", ...}`` (e.g. ``--csv-column text=body``); unknown keys are errors."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise InputError(f"unknown CSV field(s) {unknown}; known: {sorted(known)}")
        return cls(**options)


def mapping_from_cli(pairs: Iterable[str] | None) -> CsvMapping | None:
    """``--csv-column text=body --csv-column date=published`` -> a ``CsvMapping`` (None if none)."""
    if not pairs:
        return None
    options: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(f"--csv-column wants FIELD=COLUMN, got {pair!r}")
        options[field.strip()] = column.strip()
    return CsvMapping.from_options(options)


def read_csv(path: Path, mapping: CsvMapping | None = None) -> Iterator[Article | RejectedInput]:
    """One article per data row of a CSV file (comma, semicolon or tab separated).

    A row with an unterminated quote, or with more or fewer cells than the header, is
    rejected alone (csv would otherwise swallow the next rows into one cell, or shift them).
    """
    mapping = mapping or CsvMapping()
    lines = read_text(path).splitlines(keepends=True)
    delimiter = _delimiter(lines[0] if lines else "")
    header = next(csv.reader(lines[:1], delimiter=delimiter), None)
    if header is None or mapping.text not in header:
        raise InputError(f"{path} has no {mapping.text!r} column (columns: {header or []})")
    for line, cells in _rows(lines, delimiter, first=2):
        origin = f"{path.name}:{line}"
        if isinstance(cells, str):
            yield RejectedInput(origin, ArticleError("ArticleInputError", f"row {origin}: {cells}"))
        elif len(cells) != len(header):
            message = f"row {origin} has {len(cells)} cell(s), the header has {len(header)}"
            yield RejectedInput(origin, ArticleError("ArticleInputError", message))
        else:
            yield _row_article(dict(zip(header, cells, strict=True)), mapping, origin)


def _rows(lines: list[str], delimiter: str, first: int) -> Iterator[tuple[int, list[str] | str]]:
    """(line number, cells) per record from line ``first`` on; a broken record gives its reason.

    Parsing is strict, so a quote left open is an error where it happens; the record is
    reported and reading starts again on the next physical line.
    """
    index = first - 1
    while index < len(lines):
        reader = csv.reader(lines[index:], delimiter=delimiter, strict=True)
        start = index
        try:
            for cells in reader:
                if cells:
                    yield start + 1, cells
                start = index + reader.line_num
            return
        except csv.Error as exc:
            yield start + 1, f"broken CSV ({exc}): the row was skipped"
            index = start + 1


def _row_article(row: Mapping[str, str | None], mapping: CsvMapping, origin: str) -> Article | RejectedInput:
    def cell(column: str | None) -> str | None:
        value = row.get(column) if column else None
        return value.strip() if value and value.strip() else None

    text, raw_date = cell(mapping.text), cell(mapping.date)
    given_id = cell(mapping.id)
    if text is None:
        return RejectedInput(
            given_id or origin, ArticleError("ArticleInputError", f"row {origin} has no text")
        )
    date, warning = _row_date(raw_date)
    return Article(
        text=text,
        id=given_id or "",
        title=cell(mapping.title),
        date=date,
        warnings=(warning,) if warning else (),
        publisher=cell(mapping.publisher),
        url=cell(mapping.url),
    )


def _row_date(raw: str | None) -> tuple[dt.date | None, str | None]:
    if raw is None:
        return None, None
    stamp = parse_timestamp(raw)
    if stamp is None:
        return None, f"date {raw!r} is not a date; the date was dropped"
    return vet_publication_date(local_date(stamp))


def _delimiter(content: str) -> str:
    """The separator the header line uses most (csv.Sniffer misreads prose-heavy rows)."""
    header = content.split("\n", 1)[0]
    return max(",;\t", key=header.count)
