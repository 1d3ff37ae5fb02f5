"""Contract input records: JSON lines to ``Article``s, and the publication-date field.

A malformed line becomes a ``RejectedInput`` (it still gets its output line, with an error).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from eventwire.errors import ArticleInputError
from eventwire.records import Article, ArticleError, RejectedInput


def read_jsonl_lines(
    lines: TextIO | Iterable[str], origin: str = "input"
) -> Iterator[Article | RejectedInput]:
    """One ``Article`` per non-blank JSON line; a bad line becomes a ``RejectedInput``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield article_from_record(_parse_json_object(line))
        except ArticleInputError as exc:
            fallback_id = _id_if_any(line) or f"{Path(origin).name}:{number}"
            error = ArticleError(type(exc).__name__, f"line {number} of {origin}: {exc}")
            yield RejectedInput(id=fallback_id, error=error)


def article_from_record(record: dict[str, Any]) -> Article:
    """An ``Article`` from a contract input record; only ``text`` is required."""
    text = record.get("text")
    if not isinstance(text, str):
        raise ArticleInputError("record has no 'text' string")
    given_id = record.get("id")
    return Article(
        text=text,
        id=str(given_id) if given_id not in (None, "") else "",
        title=_optional_str(record, "title"),
        date=parse_publication_date(record.get("date")),
        publisher=_optional_str(record, "publisher"),
        url=_optional_str(record, "url"),
    )


def parse_publication_date(value: Any) -> dt.date | None:
    """An ISO date or datetime string as a date; anything else is an input error."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ArticleInputError(f"date must be an ISO date string, got {type(value).__name__}")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ArticleInputError(f"date {value!r} is not an ISO date or datetime") from exc


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleInputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise ArticleInputError(f"expected a JSON object, got {type(record).__name__}")
    return record


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _id_if_any(line: str) -> str | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    if isinstance(record, dict) and record.get("id") not in (None, ""):
        return str(record["id"])
    return None
