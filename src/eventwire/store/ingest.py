"""Idempotent, resumable ingest: read articles, skip the stored ones, code the rest, store them.

Articles already in the store are skipped *before* they reach the coder, so rerunning an
interrupted ingest costs a lookup per stored article, not a parse. The coder is any callable
with ``Pipeline.run``'s shape, so tests and other engines can stand in for spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventwire.errors import StoreError
from eventwire.nlp.pieces import CodedPieces
from eventwire.records import Article, ArticleError, CodedArticle, RejectedInput
from eventwire.store.rows import content_hash
from eventwire.store.store import AddResult, EventStore, StoreWriteError

log = logging.getLogger(__name__)
# A very long article may come as CodedPieces: it is stored as its pieces are coded.
Coder = Callable[[Iterable[Article | RejectedInput]], Iterator[CodedArticle | CodedPieces]]
Listener = Callable[[AddResult], None]
# Articles per transaction: DuckDB pays per statement and per commit, so a batch is ~10x
# faster than one article at a time; a crash costs at most this many articles to recode.
COMMIT_EVERY = 32


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, article by article and event by event."""

    read: int = 0
    new: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    new_events: int = 0
    merged_mentions: int = 0
    id_conflicts: int = 0  # skipped ids whose stored article has another text

    def record(self, result: AddResult) -> None:
        if result.status == "coded":
            self.new += 1
        elif result.status == "error":
            self.failed += 1
        elif result.status == "duplicate":
            self.duplicates += 1
        else:
            self.skipped += 1
        self.new_events += result.new_events
        self.merged_mentions += result.merged_mentions

    def text(self) -> str:
        return (
            f"{self.read} article(s) read: {self.new} new, {self.skipped} already stored, "
            f"{self.duplicates} duplicate text, {self.failed} failed; "
            f"{self.new_events} new event(s), {self.merged_mentions} mention(s) merged into known events"
            + (f"; {self.id_conflicts} id(s) already stored with another text" if self.id_conflicts else "")
        )


def ingest(
    store: EventStore,
    items: Iterable[Article | RejectedInput],
    coder: Coder,
    *,
    source_name: str | None = None,
    listener: Listener | None = None,
    commit_every: int = COMMIT_EVERY,
) -> IngestSummary:
    """Store every article of ``items`` not stored yet, coding only those that need it.

    Articles are committed ``commit_every`` at a time: a crash loses at most that many coded
    articles, which the next run codes again; it never leaves part of an article behind.
    """
    summary = IngestSummary()
    ids, coded_hashes = store.known_articles()
    batch: list[CodedArticle] = []

    def report(result: AddResult) -> None:
        summary.record(result)
        if listener is not None:
            listener(result)

    def commit() -> None:
        for result in _store_batch(store, batch, source_name):
            coded_hashes.update(_coded_texts(batch, result))
            report(result)
        if batch:
            stored = summary.new + summary.failed + summary.duplicates
            log.info("committed %d article(s); %d stored by this run so far", len(batch), stored)
        batch.clear()

    def fresh() -> Iterator[Article]:
        for item in items:
            summary.read += 1
            if item.id in ids:
                _check_same_text(item, ids[item.id], summary)
                report(AddResult(item.id, "skipped"))
                continue
            item = _storable(item)  # noqa: PLW2901 - text that cannot be stored becomes its error
            text_hash = content_hash(item.text) if isinstance(item, Article) else None
            ids[item.id] = text_hash if isinstance(item, Article) and item.text else None
            if isinstance(item, RejectedInput):
                batch.append(CodedArticle(item.article or Article(text="", id=item.id), error=item.error))
            elif text_hash in coded_hashes:
                batch.append(CodedArticle(article=item))  # stored as a duplicate, never coded
            else:
                yield item

    for coded in coder(fresh()):
        if isinstance(coded, CodedPieces):
            commit()  # the articles read before it are stored before it
            report(_store_long(store, coded, source_name, coded_hashes))
            continue
        batch.append(coded)
        if len(batch) >= commit_every:
            commit()
    commit()
    return summary


def _coded_texts(batch: list[CodedArticle], result: AddResult) -> Iterator[str]:
    """Hashes of the texts that ``result`` says were coded and stored (none unless they were)."""
    if result.status == "coded":
        yield from (content_hash(c.article.text) for c in batch if c.article.id == result.article_id)


def _store_long(
    store: EventStore, coded: CodedPieces, source_name: str | None, coded_hashes: set[str]
) -> AddResult:
    """Store a very long article piece by piece; its text joins the coded ones when it is stored."""
    result = _store_pieces(store, coded, source_name)
    if result.status == "coded":
        coded_hashes.add(content_hash(coded.article.text))
    return result


def _check_same_text(item: Article | RejectedInput, stored_hash: str | None, summary: IngestSummary) -> None:
    """A stored id with another text is two sources reusing one id, or an edited article: say so."""
    if isinstance(item, Article) and item.text and stored_hash and content_hash(item.text) != stored_hash:
        summary.id_conflicts += 1
        log.warning(
            "article id %r is already stored with another text; skipped (give it a distinct id)", item.id
        )


def _storable(item: Article | RejectedInput) -> Article | RejectedInput:
    """The item, or a rejection when its text cannot be written as UTF-8 (a lone surrogate)."""
    if not isinstance(item, Article):
        return item
    try:
        item.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        message = f"text holds a lone surrogate at character {exc.start}: not valid Unicode, not stored"
        return RejectedInput(item.id, ArticleError("ArticleInputError", message))
    return item


def _store_batch(store: EventStore, batch: list[CodedArticle], source_name: str | None) -> list[AddResult]:
    """Store a batch in one transaction; if that fails, article by article, so one bad record
    is stored as failed instead of stopping (and on every rerun, blocking) the ingest.

    When even the error record of an article cannot be stored, the store itself is at fault
    (full disk, lost file): that is raised, and the rolled-back batch is coded again next run.
    """
    try:
        return store.add_many(batch, source_name)
    except StoreWriteError:
        raise  # the file, not an article, is at fault: nothing more can be stored
    except (StoreError, UnicodeError) as exc:
        if len(batch) == 1 and batch[0].error is not None:
            raise
        log.warning("storing a batch of %d failed (%s); storing its articles one by one", len(batch), exc)
    results: list[AddResult] = []
    for coded in batch:
        try:
            results.extend(store.add_many([coded], source_name))
        except StoreWriteError:
            raise
        except (StoreError, UnicodeError) as exc:
            results.append(_store_failed(store, coded.article.id, exc, source_name))
    return results


def _store_pieces(store: EventStore, coded: CodedPieces, source_name: str | None) -> AddResult:
    """Store a very long article in its own transaction, or as failed when a row cannot be stored."""
    try:
        return store.add_pieces(coded, source_name)
    except StoreWriteError:
        raise
    except (StoreError, UnicodeError) as exc:
        return _store_failed(store, coded.article.id, exc, source_name)


def _store_failed(store: EventStore, article_id: str, exc: Exception, source_name: str | None) -> AddResult:
    """The article stored as failed, so that it never blocks a rerun (its rows were rolled back)."""
    log.warning("article %s could not be stored: %s", article_id, exc)
    error = ArticleError("StoreError", f"could not be stored: {exc}")
    return store.add(CodedArticle(Article(text="", id=article_id), error=error), source_name)
