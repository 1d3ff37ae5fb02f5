"""The contract's JSONL line of a very long article, written while its pieces are coded.

    >>> failed = write_pieced_line(coded_pieces, out.write)   # True when the article failed

Holding a 50 MB article's coded records to write its one line would take gigabytes (about
43 MiB per MB of event-dense news); instead each piece's events are written as JSON as soon
as the piece is coded, and the piece is dropped. The line is byte-identical to
``json.dumps(coded.to_contract_dict(), ensure_ascii=False)`` of the merged article.

Events and quotes wait in temporary files (in memory up to ``SPOOL_BYTES``, then on disk):
the contract puts the actors, known only at the end, between them, and a piece that fails
must leave no half line behind; the article's error line is written instead.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from eventwire.nlp.pieces import CodedPieces, whole_article
from eventwire.records import Actor, Article, CodedArticle

Write = Callable[[str], object]  # a file's write (returning a count) or a list's append
SPOOL_BYTES = 8 * 1024 * 1024


@dataclass
class _Parts:
    """What the line needs beyond the events and quotes written so far."""

    article: Article | None = None  # the whole article, with the first piece's metadata
    actors: dict[tuple[str | None, ...], Actor] = field(default_factory=dict)
    warnings: dict[str, None] = field(default_factory=dict)

    def add(self, piece: CodedArticle, whole: Article) -> None:
        if self.article is None:
            self.article = whole_article(whole, piece)
        for actor in piece.actors:
            self.actors.setdefault(actor.identity, actor)
        self.warnings.update(dict.fromkeys(piece.extras.warnings))


class _Records:
    """JSON records joined by ", " in a temporary file, to be copied into the line."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.count = 0

    def add(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            self.file.write(", " + _json(record) if self.count else _json(record))
            self.count += 1

    def copy_to(self, write: Write) -> None:
        self.file.seek(0)
        while chunk := self.file.read(1 << 20):
            write(chunk)


def write_pieced_line(coded: CodedPieces, write: Write) -> bool:
    """Code the pieces of ``coded`` and write its one contract line; True when it failed."""
    parts = _Parts(warnings={coded.warning: None})
    with _spool() as events_file, _spool() as quotes_file:
        events, quotes = _Records(events_file), _Records(quotes_file)
        for piece in coded:
            if piece.error is not None:
                write(_json(piece.to_contract_dict()) + "\n")
                return True
            parts.add(piece, coded.article)
            events.add([e.to_dict() for e in piece.events])
            quotes.add([q.to_dict() for q in piece.quotes])
        _write_line(parts, events, quotes, write)
    return False


def _write_line(parts: _Parts, events: _Records, quotes: _Records, write: Write) -> None:
    """The line in the key order of ``CodedArticle.to_contract_dict``."""
    assert parts.article is not None  # an article has at least one piece
    article = parts.article
    write(_json({"id": article.id})[:-1] + ', "events": [')
    events.copy_to(write)
    write("], " + _json({"actors": [a.to_dict() for a in parts.actors.values()]})[1:-1] + ', "quotes": [')
    quotes.copy_to(write)
    tail: dict[str, Any] = {"error": None}
    if article.language is not None:
        tail["language"] = article.language
    tail["warnings"] = [*article.warnings, *parts.warnings]
    write("], " + _json(tail)[1:] + "\n")


def _spool() -> IO[str]:
    """In memory up to ``SPOOL_BYTES``, then a temporary file on disk (deleted when closed)."""
    return tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8", errors="surrogatepass")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
