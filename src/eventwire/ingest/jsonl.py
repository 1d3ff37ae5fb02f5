"""Contract input records: JSON lines to ``Article``s, and the publication-date field.

A malformed line becomes a ``RejectedInput`` (it still gets its output line, with an error
that names the line and the fault). What can be dropped without losing the article (a bad
date, a title of the wrong type) is dropped with a warning on the article instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eventwire.errors import ArticleInputError, InputError
from eventwire.ingest.encoding import bom_encoding, wide_encoding
from eventwire.ingest.metadata import vet_publication_date
from eventwire.records import Article, ArticleError, RejectedInput

_OPTIONAL_FIELDS = ("title", "publisher", "url")
_SNIFF_BYTES = 8192
# Characters a Windows-1252 reading of a non-UTF-8 line may give when it really is Latin-1 text.
_LEGACY_PUNCTUATION = frozenset("’‘“”–—…€£°§«»¿¡·´¨©®")


def read_jsonl_lines(
    lines: TextIO | Iterable[str], origin: str = "input", first_line: int = 1
) -> Iterator[Article | RejectedInput]:
    """One ``Article`` per non-blank JSON line; a bad line becomes a ``RejectedInput``.

    ``first_line`` numbers the first of ``lines`` (a slice of a file keeps the file's numbers)."""
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            yield record_from_line(line, number, origin)


def read_jsonl_stream(handle: BinaryIO, origin: str = "input") -> Iterator[Article | RejectedInput]:
    """Articles from a JSONL byte stream, decoded line by line (a bad line fails alone).

    UTF-16/32 files (with or without a byte-order mark) are decoded as a whole stream; any
    other file is read as UTF-8 a line at a time, so one line of stray bytes costs one article.
    """
    head = handle.read(_SNIFF_BYTES)
    marked = bom_encoding(head)
    encoding = marked[0] if marked and marked[0] != "utf-8" else wide_encoding(head)
    if encoding is not None:
        yield from _read_wide(head, handle, encoding, origin)
        return
    if b"\x00" in head:
        raise InputError(f"{origin} looks binary (it contains NUL bytes), not JSON lines")
    rest = _lines_after(head.removeprefix(b"\xef\xbb\xbf"), handle)
    for number, raw in enumerate(rest, start=1):
        if raw.strip():
            yield _record_from_bytes(raw, number, origin)


def record_from_line(
    line: str, number: int, origin: str, warning: str | None = None
) -> Article | RejectedInput:
    """The article of one JSON line, or a ``RejectedInput`` naming the line and the fault."""
    try:
        article = article_from_record(_parse_json_object(line))
    except ArticleInputError as exc:
        fallback_id = _id_if_any(line) or f"{Path(origin).name}:{number}"
        error = ArticleError(type(exc).__name__, f"line {number} of {origin}: {exc}")
        return RejectedInput(id=fallback_id, error=error)
    if warning is None:
        return article
    return dataclasses.replace(article, warnings=(f"line {number}: {warning}", *article.warnings))


def article_from_record(record: dict[str, Any]) -> Article:
    """An ``Article`` from a contract input record; only ``text`` is required."""
    text = _text_of(record)
    warnings: list[str] = []
    optional = {key: _optional_str(record, key, warnings) for key in _OPTIONAL_FIELDS}
    date, date_warning = _date_of(record.get("date"))
    if date_warning:
        warnings.append(date_warning)
    return Article(text=text, id=_id_of(record), date=date, warnings=tuple(warnings), **optional)


def parse_publication_date(value: Any) -> dt.date | None:
    """An ISO date or datetime string as a date; anything else is an input error."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ArticleInputError(f"date must be an ISO date string, got {_json_type(value)}")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ArticleInputError(f"date {value!r} is not an ISO date or datetime") from exc


def _text_of(record: dict[str, Any]) -> str:
    if "text" not in record:
        raise ArticleInputError("record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise ArticleInputError(f"'text' must be a string, got {_json_type(text)}")
    _check_unicode("text", text)
    if not text.strip():
        raise ArticleInputError(
            "'text' is empty" if not text else f"'text' is only whitespace ({len(text)} characters)"
        )
    return text


def _id_of(record: dict[str, Any]) -> str:
    given = record.get("id")
    if given in (None, ""):
        return ""
    if isinstance(given, bool) or not isinstance(given, str | int):
        raise ArticleInputError(f"'id' must be a string or an integer, got {_json_type(given)}")
    _check_unicode("id", str(given))
    return str(given)


def _date_of(value: Any) -> tuple[dt.date | None, str | None]:
    """The publication date, or None and a warning saying why it was dropped."""
    try:
        date = parse_publication_date(value)
    except ArticleInputError as exc:
        return None, f"{exc}; the date was dropped"
    return vet_publication_date(date)


def _optional_str(record: dict[str, Any], key: str, warnings: list[str]) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        warnings.append(f"'{key}' must be a string, got {_json_type(value)}; it was dropped")
        return None
    try:
        _check_unicode(key, value)
    except ArticleInputError as exc:
        warnings.append(f"{exc}; it was dropped")
        return None
    return value


def _check_unicode(key: str, value: str) -> None:
    """A lone surrogate (from a JSON escape such as "\\ud800") is not text and cannot be written."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = f"{ord(value[exc.start]):04x}"
        raise ArticleInputError(
            f"'{key}' holds a lone surrogate escape \\u{bad} at character {exc.start}: not valid Unicode"
        ) from None


def _parse_json_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleInputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError:
        raise ArticleInputError("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise ArticleInputError(f"expected a JSON object, got {_json_type(record)}")
    return record


def _record_from_bytes(raw: bytes, number: int, origin: str) -> Article | RejectedInput:
    try:
        return record_from_line(raw.decode("utf-8"), number, origin)
    except UnicodeDecodeError as exc:
        legacy = _legacy_text(raw)
        if legacy is None:
            byte = f"0x{raw[exc.start]:02x} at byte {exc.start}"
            message = f"line {number} of {origin}: not valid UTF-8 ({byte}) nor Latin-1 text"
            return RejectedInput(f"{Path(origin).name}:{number}", ArticleError("ArticleInputError", message))
        return record_from_line(legacy, number, origin, "not UTF-8; read as Windows-1252 (Latin-1)")


def _legacy_text(raw: bytes) -> str | None:
    """The line as Windows-1252 when that gives letters, not the noise of corrupted bytes."""
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [ch for ch in text if ord(ch) > 127]
    return text if all(ch.isalpha() or ch in _LEGACY_PUNCTUATION for ch in odd) else None


def _read_wide(
    head: bytes, handle: BinaryIO, encoding: str, origin: str
) -> Iterator[Article | RejectedInput]:
    import codecs  # noqa: PLC0415 - only UTF-16/32 files need an incremental decoder

    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    number = 0
    try:
        for chunk in _chunks(head, handle):
            *lines, pending = (pending + decoder.decode(chunk)).split("\n")
            for line in lines:
                number += 1
                if line.strip():
                    yield record_from_line(line.removeprefix("\ufeff"), number, origin)
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        name = encoding.upper()
        raise InputError(f"{origin} looks {name} but is not valid {name} after line {number}") from exc
    if pending.strip():
        yield record_from_line(pending.removeprefix("\ufeff"), number + 1, origin)


def _chunks(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    yield head
    while chunk := handle.read(1 << 16):
        yield chunk


def _lines_after(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """Lines of the stream whose first bytes (``head``) were already read."""
    *complete, partial = head.split(b"\n")
    yield from (line + b"\n" for line in complete)
    for line in handle:
        if partial:
            line, partial = partial + line, b""  # noqa: PLW2901 - the head's unfinished line
        yield line
    if partial:
        yield partial


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _id_if_any(line: str) -> str | None:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    given = record.get("id") if isinstance(record, dict) else None
    if given in (None, "") or not isinstance(given, str | int) or isinstance(given, bool):
        return None
    try:
        _check_unicode("id", str(given))
    except ArticleInputError:
        return None  # an id that cannot be written names nothing: the line number will
    return str(given)
