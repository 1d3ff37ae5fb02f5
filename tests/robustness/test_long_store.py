"""A very long article is committed piece by piece, marked incomplete until its last piece:
what a crash between pieces leaves is refused by readers and deleted by the next writer, so
a rerun stores the article exactly once, with no orphan rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.store import EventStore
from eventwire.store.store import TABLES
from tests.robustness.test_crash_safety import _orphans
from tests.robustness.test_long_article import long_text
from tests.robustness.test_long_streamed import streamed

SHORT = Article(text="Kenya recalled its ambassador from Uganda on Monday.", id="short")


class Crash(BaseException):
    """Stands for a SIGKILL: nothing in the store catches it, so no clean-up runs."""


def _status(store: EventStore) -> list[tuple[str, str]]:
    return store.con.execute("SELECT id, status FROM articles ORDER BY id").fetchall()


def _crashing(
    pieces: CodedPieces, after: int, seen: list[list[tuple[str, str]]], store: EventStore
) -> CodedPieces:
    """The same pieces, with the store's state noted after each, and a crash after ``after``."""

    def watched() -> Iterator[CodedArticle]:
        for number, piece in enumerate(pieces.pieces, 1):
            yield piece
            seen.append(_status(store))  # the piece was written and committed before this
            if number == after:
                raise Crash

    return CodedPieces(pieces.article, pieces.warning, watched())


@pytest.fixture
def long() -> Article:
    return Article(text=long_text(3), id="long")


def test_each_piece_is_committed_under_an_incomplete_mark(
    pipeline: Pipeline, long: Article, tmp_path: Path
) -> None:
    seen: list[list[tuple[str, str]]] = []
    with EventStore.open(tmp_path / "e.duckdb") as store:
        pieces = _crashing(streamed(pipeline, long), 99, seen, store)
        assert store.add_pieces(pieces).status == "coded"
        assert len(seen) >= 2 and all(state == [("long", "incomplete")] for state in seen)
        assert _status(store) == [("long", "coded")]
        logged = store.con.execute("SELECT article_id, action FROM ingest_log").fetchall()
        assert logged == [("long", "coded")]


def test_a_crash_between_pieces_is_refused_by_readers_and_deleted_by_the_next_writer(
    pipeline: Pipeline, long: Article, tmp_path: Path
) -> None:
    path, clean = tmp_path / "crashed.duckdb", tmp_path / "clean.duckdb"
    with EventStore.open(path) as store:
        store.add(next(pipeline.run([SHORT])))
        with pytest.raises(Crash):
            store.add_pieces(_crashing(streamed(pipeline, long), 2, [], store))
        stored = store.con.execute("SELECT count(*) FROM mentions WHERE article_id = 'long'").fetchall()
        assert stored[0][0] > 0  # two pieces were committed
    with pytest.raises(StoreError, match=r"part of 1 article\(s\) \(long\) left by an interrupted ingest"):
        EventStore.open(path, read_only=True)
    with EventStore.open(path) as store:  # opening for writing deletes what the crash left
        assert _status(store) == [("short", "coded")] and _orphans(store) == []
        assert store.add_pieces(streamed(pipeline, long)).status == "coded"
    with EventStore.open(clean) as reference:
        reference.add(next(pipeline.run([SHORT])))
        reference.add_pieces(streamed(pipeline, long))
    with EventStore.open(path, read_only=True) as store, EventStore.open(clean, read_only=True) as reference:
        assert {t: store.counts()[t] for t in TABLES} == {t: reference.counts()[t] for t in TABLES}
        events = (
            "SELECT event_id, match_key, num_mentions, num_articles, source_names FROM events ORDER BY ALL"
        )
        assert store.con.execute(events).fetchall() == reference.con.execute(events).fetchall()
        assert _orphans(store) == []
