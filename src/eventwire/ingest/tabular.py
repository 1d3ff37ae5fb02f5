"""Articles from CSV files, with the columns named by a ``CsvMapping``.

    mapping = CsvMapping(text="body", title="headline", date="published")
    for item in read_csv(Path("stories.csv"), mapping): ...

The default mapping uses the contract's field names (id, text, title, date, publisher, url).
A row without text, or with a date that cannot be read, becomes a ``RejectedInput``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.encoding import read_text
from eventwire.ingest.metadata import local_date, parse_timestamp
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
    """One article per data row of a CSV file (comma, semicolon or tab separated)."""
    mapping = mapping or CsvMapping()
    content = read_text(path)
    reader = csv.DictReader(io.StringIO(content), delimiter=_delimiter(content))
    if reader.fieldnames is None or mapping.text not in reader.fieldnames:
        raise InputError(f"{path} has no {mapping.text!r} column (columns: {reader.fieldnames or []})")
    try:
        for row in reader:
            yield _row_article(row, mapping, f"{path.name}:{reader.line_num}")
    except csv.Error as exc:  # e.g. a field over csv's size limit: the rest of the file is lost
        raise InputError(f"{path}: CSV error near line {reader.line_num}: {exc}") from exc


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
    stamp = parse_timestamp(raw_date)
    if raw_date and stamp is None:
        message = f"row {origin}: date {raw_date!r} is not a date"
        return RejectedInput(given_id or origin, ArticleError("ArticleInputError", message))
    return Article(
        text=text,
        id=given_id or "",
        title=cell(mapping.title),
        date=local_date(stamp),
        publisher=cell(mapping.publisher),
        url=cell(mapping.url),
    )


def _delimiter(content: str) -> str:
    """The separator the header line uses most (csv.Sniffer misreads prose-heavy rows)."""
    header = content.split("\n", 1)[0]
    return max(",;\t", key=header.count)
