"""Every kind of input, one iterator: files by extension, folders, feed URLs and stdin.

The store's ``eventwire ingest`` and ``eventwire extract`` both read through here:

    from eventwire.ingest.sources import iter_articles
    for item in iter_articles(["news/", "wire.jsonl", "https://example.org/feed.xml"]):
        ...  # an Article, or a RejectedInput saying which file or record failed and why

Inputs:
- ``.jsonl``/``.ndjson``: one contract record a line; ``-``: the same on stdin;
- ``.txt``: one article (encoding detected);
- ``.csv``/``.tsv``: one article a row, columns named by a ``CsvMapping``;
- ``.html``/``.htm``: one article (main text and metadata via trafilatura);
- ``.rss``/``.atom``/``.xml``: one article per feed entry; ``http(s)://`` URLs: a feed, or
  an HTML page when the body is not a feed;
- a folder: every file with one of those extensions inside it, recursively, in name order
  (hidden files and folders skipped).

A file that cannot be read, decoded or parsed yields one ``RejectedInput`` whose id is the
file's path and whose message gives the reason; nothing raises for one bad file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from eventwire.errors import ArticleInputError, InputError
from eventwire.ingest.encoding import decode, read_bytes, read_text
from eventwire.ingest.feeds import fetch, is_url, looks_like_feed, read_feed
from eventwire.ingest.html import article_from_html
from eventwire.ingest.jsonl import read_jsonl_stream
from eventwire.ingest.tabular import CsvMapping, read_csv
from eventwire.plugins import plugin_readers
from eventwire.records import Article, ArticleError, RejectedInput

log = logging.getLogger(__name__)

Item = Article | RejectedInput
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})
SUPPORTED_EXTENSIONS = JSONL_EXTENSIONS | TEXT_EXTENSIONS | CSV_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS


def iter_articles(paths: Iterable[str | Path], csv_mapping: CsvMapping | None = None) -> Iterator[Item]:
    """Articles (or rejections) from each input in turn, in input order."""
    for entry in paths:
        name = str(entry)
        if name == "-":
            yield from _guarded("stdin", lambda: read_jsonl_stream(sys.stdin.buffer, origin="stdin"))
        elif is_url(name):
            yield from _guarded(name, partial(read_url, name))
        elif Path(name).is_dir():
            for path in iter_folder(Path(name)):
                yield from read_file(path, csv_mapping)
        else:
            yield from read_file(Path(name), csv_mapping)


def iter_folder(folder: Path) -> Iterator[Path]:
    """Files with a supported extension under ``folder``, recursively, in a stable order."""
    supported = SUPPORTED_EXTENSIONS | set(plugin_readers())
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in supported:
            yield path
        elif path.is_file():
            log.debug("skipping %s: not a supported extension", path)


def read_file(path: Path, csv_mapping: CsvMapping | None = None) -> Iterator[Item]:
    """Articles from one file, chosen by extension; unknown extensions are read as text."""
    # Chosen inside the guard: even looking at the file (is it empty?) may fail for this file alone.
    return _guarded(str(path), lambda: _read_by_suffix(path, csv_mapping))


def _read_by_suffix(path: Path, csv_mapping: CsvMapping | None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if _is_empty(path):
        return _empty(path)
    builtin: dict[frozenset[str], Callable[[], Iterator[Item]]] = {
        JSONL_EXTENSIONS: lambda: _read_jsonl(path),
        CSV_EXTENSIONS: lambda: read_csv(path, csv_mapping),
        HTML_EXTENSIONS: lambda: iter([article_from_html(read_text(path))]),
        FEED_EXTENSIONS: lambda: read_feed(read_bytes(path), str(path)),
    }
    reader = next((read for suffixes, read in builtin.items() if suffix in suffixes), None)
    if reader is not None:
        return reader()
    plugin = plugin_readers().get(suffix)
    if plugin is not None:  # an installed reader plugin claims this suffix
        return plugin.read(path)
    return iter([_text_article(path)])


def read_url(url: str) -> Iterator[Item]:
    """A feed's entries, or the page at ``url`` as one article when it is not a feed."""
    body = fetch(url)
    if looks_like_feed(body):
        return read_feed(body, url)
    return iter([article_from_html(decode(body, url), url=url)])


def _read_jsonl(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        yield from read_jsonl_stream(handle, origin=str(path))


def _text_article(path: Path) -> Article:
    text = read_text(path)
    if not text.strip():
        raise ArticleInputError(f"{path} holds only whitespace ({len(text)} characters), no text")
    return Article(text=text)


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False  # the reader says why it cannot be read


def _empty(path: Path) -> Iterator[Item]:
    raise InputError(f"{path} is empty (0 bytes)")


def flag_reused_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Warn on an article whose id an earlier article of the same run had with another text.

    Both are kept (the output has a line per input) but a join on id would mix them up.
    """
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            digest = hashlib.sha1(item.text.encode("utf-8", "surrogatepass")).hexdigest()
            earlier = seen.setdefault(item.id, digest)
            if earlier != digest:
                note = f"id {item.id!r} was given earlier in this input to a different text"
                item = dataclasses.replace(item, warnings=(*item.warnings, note))  # noqa: PLW2901
        yield item


def _guarded(origin: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run a reader; a failure of the whole file becomes one ``RejectedInput`` naming it."""
    try:
        yield from produce()
    except (InputError, ArticleInputError) as exc:
        yield RejectedInput(id=origin, error=ArticleError(type(exc).__name__, _with_origin(str(exc), origin)))


def _with_origin(message: str, origin: str) -> str:
    return message if origin in message else f"{origin}: {message}"
