"""Readers for the contract's inputs: JSONL files, plain text files and JSONL on stdin.

A malformed line becomes a ``RejectedInput`` (it still gets its output line, with an
error); a file that cannot be opened at all raises ``InputError``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from eventwire.errors import ArticleInputError, InputError
from eventwire.records import Article, ArticleError, RejectedInput


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | RejectedInput]:
    """Articles from each INPUT in turn: ``.jsonl`` (a line each), ``.txt`` (one), or ``-`` (stdin)."""
    for name in inputs:
        if name == "-":
            yield from read_jsonl_lines(sys.stdin, origin="stdin")
        else:
            yield from read_path(Path(name))


def check_readable(inputs: Iterable[str]) -> None:
    """Raise ``InputError`` before any work if an INPUT file cannot be read at all."""
    for name in inputs:
        path = Path(name)
        if name != "-" and not (path.is_file() and _can_open(path)):
            raise InputError(f"cannot read {name}: no such file or not readable")


def read_path(path: Path) -> Iterator[Article | RejectedInput]:
    """Articles from one file, chosen by its extension (anything not JSONL is one text article)."""
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        if path.suffix.lower() in {".jsonl", ".ndjson"}:
            yield from read_jsonl_lines(handle, origin=str(path))
        else:
            yield Article(text=handle.read())


def read_jsonl_lines(lines: TextIO | Iterable[str], origin: str = "input") -> Iterator[Article | RejectedInput]:
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


def _can_open(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False
