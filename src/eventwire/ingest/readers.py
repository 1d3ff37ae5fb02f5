"""The contract's readers: ``read_inputs`` for ``eventwire extract`` and friends.

Inputs may be ``.jsonl`` (a record a line), ``.txt`` (one article), ``-`` (JSONL on stdin),
and also ``.csv``, ``.html``/``.htm``, RSS/Atom files and URLs, and folders: see
``eventwire.ingest.sources`` for the full list. A malformed record or unreadable file in the
middle of a batch becomes a ``RejectedInput`` (it still gets its output line, with an error);
``check_readable`` raises ``InputError`` up front when a named input does not exist at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.feeds import is_url
from eventwire.ingest.jsonl import article_from_record, parse_publication_date, read_jsonl_lines
from eventwire.ingest.language import screen_languages
from eventwire.ingest.sources import flag_reused_ids, iter_articles, read_file
from eventwire.ingest.tabular import CsvMapping
from eventwire.records import Article, RejectedInput

__all__ = [
    "article_from_record",
    "check_readable",
    "parse_publication_date",
    "read_inputs",
    "read_jsonl_lines",
    "read_path",
]


def read_inputs(
    inputs: Iterable[str], csv_mapping: CsvMapping | None = None, *, any_language: bool = False
) -> Iterator[Article | RejectedInput]:
    """Articles from each INPUT in turn (files, folders, feed URLs, or ``-`` for stdin).

    Each article's language is noted; non-English ones are left uncoded with an error
    unless ``any_language``. An id reused for another text gets a warning.
    """
    return screen_languages(flag_reused_ids(iter_articles(inputs, csv_mapping)), any_language)


def check_readable(inputs: Iterable[str]) -> None:
    """Raise ``InputError`` before any work if a named INPUT cannot be read at all.

    URLs are checked when fetched (a failure then rejects that input alone).
    """
    for name in inputs:
        if name == "-" or is_url(name):
            continue
        path = Path(name)
        if path.is_dir():
            continue
        if not (path.is_file() and _can_open(path)):
            raise InputError(f"cannot read {name}: no such file or not readable")


def read_path(path: Path) -> Iterator[Article | RejectedInput]:
    """Articles from one file, chosen by its extension (unknown extensions: one text article)."""
    return read_file(path)


def _can_open(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False
