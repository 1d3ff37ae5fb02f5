"""``EventStore``: an embedded DuckDB database of articles, events and their mentions.

    >>> with EventStore.open("events.duckdb") as store:
    ...     store.add(coded_article, source_name="news.jsonl")
    ...     store.add_many(more_coded_articles)

``add_many`` writes a batch in one transaction (DuckDB pays per statement and per commit, so
batches are much faster than single articles): a crash, even SIGKILL, leaves each article
entirely stored or entirely absent, and rerunning an interrupted ingest stores every article
exactly once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.nlp.pieces import CodedPieces, whole_article
from eventwire.records import CodedArticle
from eventwire.store import rows
from eventwire.store.dedup import MergeRule
from eventwire.store.event_index import EventIndex
from eventwire.store.pieced import INCOMPLETE, check_complete, delete_articles, incomplete_articles
from eventwire.store.schema import LATEST_VERSION, current_version, migrate, terms_of_sentences

log = logging.getLogger(__name__)
AddStatus = Literal["coded", "error", "duplicate", "skipped"]
TABLES = ("articles", "sentences", "actors", "mentions", "events", "event_mentions", "quotes", "ingest_log")


class StoreWriteError(StoreError):
    """The store's file cannot be written at all (full disk, lost file): no article can be stored."""


@dataclass(slots=True)
class _Batch:
    """What one ``add_many`` transaction has seen and still has to write."""

    source_name: str | None
    known: set[str]  # article ids stored before or earlier in the batch
    originals: dict[str, str]  # content hash -> id of the coded article with that text
    pending: rows.PendingRows = field(default_factory=rows.PendingRows)
    coded_ids: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # events whose counts must be recomputed


@dataclass(slots=True)
class _Written:
    """How much of a very long article ``add_pieces`` has written: where the next piece's
    mentions, quotes and events are numbered from."""

    article_id: str
    pieces: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    new_events: int = 0
    merged: int = 0

    def add(self, piece: CodedArticle, new_events: int, merged: int) -> None:
        self.pieces += 1
        self.mentions += len(piece.mentions)
        self.quotes += len(piece.quotes)
        self.events += len(piece.events)
        self.new_events += new_events
        self.merged += merged


class _PieceError(Exception):
    """A piece of a long article failed: its transaction is rolled back, its error stored."""

    def __init__(self, piece: CodedArticle) -> None:
        super().__init__(piece.error.message if piece.error else "")
        self.piece = piece


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``EventStore.add`` did with one article."""

    article_id: str
    status: AddStatus
    new_events: int = 0
    merged_mentions: int = 0


class EventStore:
    """The event store; open it with ``EventStore.open(path)`` and close it (or use ``with``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, rule: MergeRule) -> None:
        self.con = con
        self.path = path
        self.rule = rule
        self.index = EventIndex(con, rule)

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        settings: Settings | None = None,
        rule: MergeRule | None = None,
    ) -> EventStore:
        """Open (creating and migrating if needed) the store at ``path`` (default ``Settings.db_path``)."""
        settings = settings or Settings.load()
        where = str(path if path is not None else settings.db_path)
        con = _connect(where, read_only)
        if read_only:
            _check_version(con, where)
            check_complete(con, where)
        store = cls(con, where, rule or MergeRule.from_settings(settings))
        if not read_only:
            migrate(con)
            store.purge_incomplete()
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    def known_articles(self) -> tuple[dict[str, str | None], set[str]]:
        """Stored ids (with their content hash), and hashes of coded texts: what an ingest skips."""
        found = self.con.execute("SELECT id, content_hash, status FROM articles").fetchall()
        return {row[0]: row[1] for row in found}, {row[1] for row in found if row[1] and row[2] == "coded"}

    def has_article(self, article_id: str) -> bool:
        return bool(self._scalar("SELECT count(*) FROM articles WHERE id = ?", [article_id]))

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        return {table: int(self._scalar(f"SELECT count(*) FROM {table}")) for table in TABLES}

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        # fetchall, not fetchone: DuckDB refuses new work while a result is half read.
        found = self.con.execute(sql, params or []).fetchall()
        return found[0][0] if found else None

    # -- writing -------------------------------------------------------------------------

    def add(self, coded: CodedArticle, source_name: str | None = None) -> AddResult:
        """Store one coded article (or its error) unless an article with its id is stored already."""
        return self.add_many([coded], source_name)[0]

    def add_many(self, articles: Sequence[CodedArticle], source_name: str | None = None) -> list[AddResult]:
        """Store a batch of coded articles in one transaction: all of them, or none after a crash."""
        batch = _Batch(
            source_name=source_name,
            known=self._stored_ids([c.article.id for c in articles]),
            originals=self._coded_hashes([c.article.text for c in articles]),
        )
        with self._transaction():
            self.index.prefetch([c for c in articles if c.error is None])
            results = [self._stage(coded, batch) for coded in articles]
            sentences = batch.pending.rows_of("sentences")
            batch.pending.flush(self.con)
            self.index.write_refinements()
            if batch.coded_ids:
                self._index_terms(sentences, batch.coded_ids)
            self._update_counts(sorted(batch.touched))
        return results

    def _stage(self, coded: CodedArticle, batch: _Batch) -> AddResult:
        """Queue the rows of one article (events are merged at once, to be seen by the next ones)."""
        article = coded.article
        if article.id in batch.known:
            return AddResult(article.id, "skipped")
        batch.known.add(article.id)
        digest = rows.content_hash(article.text) if article.text else ""
        original = batch.originals.get(digest) if coded.error is None else None
        status: AddStatus = "duplicate" if original else "error" if coded.error else "coded"
        batch.pending.add(
            "articles", rows.ARTICLE_COLUMNS, [rows.article_row(coded, status, batch.source_name, original)]
        )
        log = rows.log_row(article.id, status, batch.source_name, coded)
        batch.pending.add("ingest_log", rows.INGEST_LOG_COLUMNS, [log])
        if status != "coded":
            return AddResult(article.id, status)
        if digest:
            batch.originals[digest] = article.id
        batch.coded_ids.append(article.id)
        self._stage_content(coded, batch.pending)
        assigned = self.index.assign(coded, batch.pending)
        batch.touched.update(assigned.event_ids)
        return AddResult(article.id, status, assigned.new_events, assigned.merged)

    def add_pieces(self, coded: CodedPieces, source_name: str | None = None) -> AddResult:
        """Store a very long article as its pieces are coded, committing each piece.

        The article's row says ``incomplete`` until its last piece is in; one transaction per
        piece keeps DuckDB's memory to one piece's rows (a single transaction grew by about
        30 MiB per MB of article). A crash leaves an incomplete article that the next opening
        for writing deletes (``purge_incomplete``), so a rerun stores it once; a piece that
        fails deletes what the earlier pieces stored and stores the article with its error.
        """
        article = coded.article
        if self._stored_ids([article.id]):
            return AddResult(article.id, "skipped")
        if self._coded_hashes([article.text]):
            return self.add(CodedArticle(article=article), source_name)  # stored as a duplicate
        try:
            return self._write_pieces(coded, source_name)
        except _PieceError as failure:
            self.purge_incomplete([article.id])
            return self.add(failure.piece, source_name)
        except StoreWriteError:
            raise  # the file is at fault; the next opening for writing deletes the pieces
        except StoreError:
            self.purge_incomplete([article.id])
            raise

    def _write_pieces(self, coded: CodedPieces, source_name: str | None) -> AddResult:
        written = _Written(coded.article.id)
        for piece in coded:
            if piece.error is not None:
                raise _PieceError(piece)
            with self._transaction():
                self._write_piece(coded, piece, written, source_name)
            log.info("article %s: piece %d written and committed", written.article_id, written.pieces)
        with self._transaction():  # the article becomes visible as coded only now
            self.con.execute(
                "UPDATE articles SET status = 'coded', num_events = ? WHERE id = ?",
                [written.events, written.article_id],
            )
            logged = rows.log_row(written.article_id, "coded", source_name, CodedArticle(coded.article))
            rows.insert_rows(self.con, "ingest_log", rows.INGEST_LOG_COLUMNS, [logged], "INSERT")
        return AddResult(written.article_id, "coded", written.new_events, written.merged)

    def _write_piece(
        self, coded: CodedPieces, piece: CodedArticle, written: _Written, source_name: str | None
    ) -> None:
        pending = rows.PendingRows()
        if not written.pieces:  # the first piece's metadata (its dateline's date) stand for all
            whole = CodedArticle(whole_article(coded.article, piece))
            row = rows.article_row(whole, INCOMPLETE, source_name, None)
            pending.add("articles", rows.ARTICLE_COLUMNS, [row])
        self._stage_content(piece, pending, written)
        # One query for the piece's candidates, as for a batch: asking per match key scanned
        # the events table once per key, a cost growing with the article and the store.
        self.index.prefetch([piece])
        assigned = self.index.assign(piece, pending, first_event=written.events)
        sentences = pending.rows_of("sentences")
        pending.flush(self.con)
        self._index_terms(sentences, [written.article_id])  # per piece: one statement for all grew
        self.index.write_refinements()
        self._update_counts(sorted(set(assigned.event_ids)))
        written.add(piece, assigned.new_events, assigned.merged)

    def _index_terms(self, sentences: list[rows.Row], article_ids: list[str]) -> None:
        """Index the words of a batch's sentences from the rows in hand: reading them back from
        the sentences table scanned the whole table once per batch, a cost growing with the store."""
        frame = rows.arrow_rows(rows.SENTENCE_COLUMNS, sentences)
        if frame is None:
            terms = terms_of_sentences("WHERE list_contains(?, article_id)")
            self.con.execute(f"INSERT INTO sentence_terms {terms}", [article_ids])
            return
        self.con.register("batch_sentences", frame)
        try:
            self.con.execute(f"INSERT INTO sentence_terms {terms_of_sentences(source='batch_sentences')}")
        finally:
            self.con.unregister("batch_sentences")

    def _stored_ids(self, ids: list[str]) -> set[str]:
        found = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in found}

    def _coded_hashes(self, texts: list[str]) -> dict[str, str]:
        """Content hash -> id of the coded article with that text, for the texts of a batch."""
        hashes = [rows.content_hash(text) for text in texts if text]
        found = self.con.execute(
            "SELECT content_hash, min(id) FROM articles "
            "WHERE status = 'coded' AND list_contains(?, content_hash) GROUP BY content_hash",
            [hashes],
        ).fetchall()
        return {row[0]: row[1] for row in found}

    def purge_incomplete(self, ids: list[str] | None = None) -> list[str]:
        """Delete the long articles an interrupted ``add_pieces`` left incomplete (all of them,
        or ``ids``) with every row they added; events other articles also report stay, recounted.
        A rerun then stores them once, as a clean run would."""
        ids = incomplete_articles(self.con) if ids is None else ids
        if ids:
            with self._transaction():
                self._update_counts(delete_articles(self.con, ids))
            self.index.reset()  # it may hold events just deleted, and the next event number
            log.warning("deleted %d article(s) an interrupted ingest left incomplete: %s", len(ids), ids)
        return ids

    def forget_failed(self) -> int:
        """Delete articles stored with an error so the next ingest codes them again."""
        with self._transaction():
            failed = int(self._scalar("SELECT count(*) FROM articles WHERE status = 'error'"))
            self.con.execute("DELETE FROM articles WHERE status = 'error'")
        return failed

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            self.index.reset()  # events it learnt inside the rolled-back transaction are not stored
            if isinstance(exc, duckdb.IOException):
                raise StoreWriteError(f"cannot write to the store {self.path}: {exc}") from exc
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.Error as exc:  # a full disk shows here, when the log is written
            self.index.reset()
            raise StoreWriteError(
                f"cannot write to the store {self.path}: {exc}; nothing of this batch was stored"
            ) from exc

    def _stage_content(
        self, coded: CodedArticle, pending: rows.PendingRows, before: _Written | None = None
    ) -> None:
        """Sentences, actors, mentions and quotes; ``before``: the earlier pieces of a long article."""
        mentions, quotes = (before.mentions, before.quotes) if before else (0, 0)
        pending.add("sentences", rows.SENTENCE_COLUMNS, rows.sentence_rows(coded))
        pending.add("actors", rows.ACTOR_COLUMNS, rows.actor_rows(coded), verb="INSERT OR IGNORE")
        pending.add("mentions", rows.MENTION_COLUMNS, rows.mention_rows(coded, mentions))
        pending.add("quotes", rows.QUOTE_COLUMNS, rows.quote_rows(coded, quotes))

    # -- events and their mentions -------------------------------------------------------

    def _update_counts(self, event_ids: list[int]) -> None:
        """Recount mentions, sources (publishers) and articles, first and last seen, of these events.

        First and last seen are publication dates: the ingest day is never a date of the world.
        """
        if not event_ids:
            return
        self.con.execute(
            """UPDATE events SET num_mentions = agg.m, num_articles = agg.a, num_sources = agg.s,
                first_seen = agg.f, last_seen = agg.l
            FROM (SELECT em.event_id, count(*) AS m, count(DISTINCT em.article_id) AS a,
                    count(DISTINCT coalesce(lower(ar.publisher), ar.id)) AS s,
                    min(ar.date) AS f, max(ar.date) AS l
                  FROM event_mentions em JOIN articles ar ON ar.id = em.article_id
                  WHERE list_contains(?::BIGINT[], em.event_id) GROUP BY em.event_id) AS agg
            WHERE events.event_id = agg.event_id""",
            [event_ids],
        )


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"no event store at {path}: create one with `eventwire ingest INPUT --db {path}`")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(_open_failure(path, exc)) from exc


def _open_failure(path: str, exc: duckdb.Error) -> str:
    """Why the store cannot be opened, in words that say what to do about it."""
    text = str(exc)
    if "Could not set lock" in text:
        holder = re.search(r"\(PID (\d+)\)", text)
        who = f" (PID {holder.group(1)})" if holder else ""
        return (
            f"the event store {path} is locked by another process{who}: DuckDB allows one writer and no "
            "reader while it writes; wait for that ingest to finish, or use another --db"
        )
    if "Permission denied" in text or "Read-only file system" in text:
        return f"cannot open the event store {path}: permission denied (read-only folder?); try another --db"
    if "No such file or directory" in text:
        return f"cannot create the event store {path}: the folder {Path(path).parent} does not exist"
    return f"cannot open the event store {path}: {exc}"


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    version = current_version(con)
    if version != LATEST_VERSION:
        con.close()
        raise StoreError(
            f"the store {path} has schema version {version}, this eventwire expects {LATEST_VERSION}: "
            "open it once for writing (e.g. `eventwire ingest`) to migrate it"
        )
