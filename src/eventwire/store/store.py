"""``EventStore``: an embedded DuckDB database of articles, events and their mentions.

    >>> with EventStore.open("events.duckdb") as store:
    ...     store.add(coded_article, source_name="news.jsonl")

Each article is written in one transaction: a crash (even SIGKILL) leaves it entirely stored
or entirely absent, so rerunning an interrupted ingest stores every article exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.records import CodedArticle, Event, Location
from eventwire.store import rows
from eventwire.store.dedup import EventFacts, MergeRule, countries, day_range, folded, match_key, names
from eventwire.store.schema import LATEST_VERSION, current_version, migrate, terms_of_sentences

AddStatus = Literal["coded", "error", "duplicate", "skipped"]
TABLES = ("articles", "sentences", "actors", "mentions", "events", "event_mentions", "quotes", "ingest_log")
_CANDIDATE_COLUMNS = (
    "event_id, event_date, date_precision, source_names, target_names, "
    "location_name, location_country, lat, lon"
)


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
        self._next_event_id: int | None = None

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
        else:
            migrate(con)
        return cls(con, where, rule or MergeRule.from_settings(settings))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    def known_articles(self) -> tuple[set[str], set[str]]:
        """Stored ids, and content hashes of coded articles: what a resumed ingest skips before parsing."""
        found = self.con.execute("SELECT id, content_hash, status FROM articles").fetchall()
        return {row[0] for row in found}, {row[1] for row in found if row[1] and row[2] == "coded"}

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
        article = coded.article
        if self.has_article(article.id):
            return AddResult(article.id, "skipped")
        original = self._original_of(article.text) if coded.error is None else None
        status: AddStatus = "duplicate" if original else "error" if coded.error else "coded"
        with self._transaction():
            self.con.execute(
                rows.insert_sql("articles", rows.ARTICLE_COLUMNS),
                rows.article_row(coded, status, source_name, original),
            )
            new_events, merged = self._write_content(coded) if status == "coded" else (0, 0)
            self.con.execute(
                rows.insert_sql("ingest_log", rows.INGEST_LOG_COLUMNS),
                rows.log_row(article.id, status, source_name, coded),
            )
        return AddResult(article.id, status, new_events, merged)

    def forget_failed(self) -> int:
        """Delete articles stored with an error so the next ingest codes them again."""
        with self._transaction():
            failed = int(self._scalar("SELECT count(*) FROM articles WHERE status = 'error'"))
            self.con.execute("DELETE FROM articles WHERE status = 'error'")
        return failed

    def _original_of(self, text: str) -> str | None:
        if not text:
            return None
        found = self._scalar(
            "SELECT id FROM articles WHERE content_hash = ? AND status = 'coded' LIMIT 1",
            [rows.content_hash(text)],
        )
        return None if found is None else str(found)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            self._next_event_id = None  # ids handed out inside the rolled-back transaction are free again
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc
            raise
        self.con.execute("COMMIT")

    def _write_content(self, coded: CodedArticle) -> tuple[int, int]:
        article_id = coded.article.id
        self._insert_many("sentences", rows.SENTENCE_COLUMNS, rows.sentence_rows(coded))
        terms = terms_of_sentences("WHERE article_id = ?")
        self.con.execute(f"INSERT INTO sentence_terms {terms}", [article_id])
        self._insert_many("actors", rows.ACTOR_COLUMNS, rows.actor_rows(coded), verb="INSERT OR IGNORE")
        self._insert_many("mentions", rows.MENTION_COLUMNS, rows.mention_rows(coded))
        self._insert_many("quotes", rows.QUOTE_COLUMNS, rows.quote_rows(coded))
        return self._write_events(coded)

    def _insert_many(
        self, table: str, columns: tuple[str, ...], values: list[rows.Row], verb: str = "INSERT"
    ) -> None:
        if values:
            self.con.executemany(rows.insert_sql(table, columns, verb), values)

    # -- events and their mentions -------------------------------------------------------

    def _write_events(self, coded: CodedArticle) -> tuple[int, int]:
        """Give each coded event an event id, merging with events already stored; count both."""
        in_article: list[tuple[int, EventFacts]] = []
        new_events = merged = 0
        mention_rows = []
        for index, event in enumerate(coded.events):
            date, precision = rows.effective_date(event, coded.article)
            facts = _facts_of(event, day_range(date, precision))
            event_id = self._find_event(facts, in_article)
            if event_id is None:
                event_id = self._new_event(coded, event, facts, (date, precision))
                new_events += 1
            else:
                self._refine_event(event_id, event, facts)
                merged += 1
            in_article.append((event_id, facts))
            day = facts.days[0] if facts.days else None
            mention_rows.append(rows.event_mention_row(coded, index, event, event_id, day))
        self._insert_many("event_mentions", rows.EVENT_MENTION_COLUMNS, mention_rows)
        self._update_counts(sorted({event_id for event_id, _ in in_article}))
        return new_events, merged

    def _find_event(self, facts: EventFacts, in_article: list[tuple[int, EventFacts]]) -> int | None:
        for event_id, seen in in_article:
            if self.rule.same_event(facts, seen) or (
                facts.days is None and self.rule.same_event(facts, _undated(seen))
            ):
                return event_id
        if facts.days is None or not self.rule.enabled:
            return None
        for candidate in self._candidates(facts):
            if self.rule.same_event(facts, _stored_facts(facts.match_key, candidate)):
                return int(candidate[0])
        return None

    def _candidates(self, facts: EventFacts) -> list[tuple[Any, ...]]:
        assert facts.days is not None
        # A year-precise stored event starts up to a year before a day it covers.
        reach = dt.timedelta(days=self.rule.window_days + 366)
        return self.con.execute(
            f"SELECT {_CANDIDATE_COLUMNS} FROM events WHERE match_key = ? "
            "AND event_date BETWEEN ? AND ? ORDER BY event_id DESC",
            [
                facts.match_key,
                facts.days[0] - reach,
                facts.days[1] + dt.timedelta(days=self.rule.window_days),
            ],
        ).fetchall()

    def _new_event(
        self, coded: CodedArticle, event: Event, facts: EventFacts, date: tuple[str | None, str | None]
    ) -> int:
        if self._next_event_id is None:
            self._next_event_id = int(self._scalar("SELECT coalesce(max(event_id), 0) + 1 FROM events"))
        event_id, self._next_event_id = self._next_event_id, self._next_event_id + 1
        place = event.location
        values = {
            "event_id": event_id, "match_key": facts.match_key, "plover": event.plover, "mode": event.mode,
            "context": list(event.context), "cameo": event.cameo, "goldstein": event.goldstein,
            "quad": event.quad, "negated": event.negated, "modality": event.modality,
            "source_countries": countries(event.source),
            "target_countries": countries(event.target),
            "source_names": names(event.source), "target_names": names(event.target),
            "source_json": rows.actors_json(event.source), "target_json": rows.actors_json(event.target),
            "event_date": facts.days[0] if facts.days else None, "date_precision": date[1],
            "location_name": place and place.name, "location_country": place and place.country,
            "lat": place and place.lat, "lon": place and place.lon, "root_article_id": coded.article.id,
            "root_sentence": event.sentence, "added_at": dt.datetime.now(),
        }  # fmt: skip
        self.con.execute(rows.insert_sql("events", tuple(values)), list(values.values()))
        return event_id

    def _refine_event(self, event_id: int, event: Event, facts: EventFacts) -> None:
        """A new mention adds actor names, and a place or a finer date when the event lacked them."""
        place = event.location
        self.con.execute(
            """UPDATE events SET
                source_names = list_sort(list_distinct(list_concat(source_names, ?::VARCHAR[]))),
                target_names = list_sort(list_distinct(list_concat(target_names, ?::VARCHAR[]))),
                location_name = coalesce(location_name, ?), location_country = coalesce(location_country, ?),
                lat = coalesce(lat, ?), lon = coalesce(lon, ?)
            WHERE event_id = ?""",
            [names(event.source), names(event.target), place and place.name,
             place and place.country, place and place.lat, place and place.lon, event_id],
        )  # fmt: skip
        if facts.days and facts.days[0] == facts.days[1] and event.date:
            self.con.execute(
                "UPDATE events SET event_date = ?, date_precision = 'day' "
                "WHERE event_id = ? AND date_precision IN ('month', 'year')",
                [facts.days[0], event_id],
            )

    def _update_counts(self, event_ids: list[int]) -> None:
        """Recount mentions, sources (publishers) and articles, first and last seen, of these events."""
        if not event_ids:
            return
        self.con.execute(
            """UPDATE events SET num_mentions = agg.m, num_articles = agg.a, num_sources = agg.s,
                first_seen = agg.f, last_seen = agg.l
            FROM (SELECT em.event_id, count(*) AS m, count(DISTINCT em.article_id) AS a,
                    count(DISTINCT coalesce(lower(ar.publisher), ar.id)) AS s,
                    min(coalesce(ar.date, ar.ingested_at::DATE)) AS f,
                    max(coalesce(ar.date, ar.ingested_at::DATE)) AS l
                  FROM event_mentions em JOIN articles ar ON ar.id = em.article_id
                  WHERE list_contains(?::BIGINT[], em.event_id) GROUP BY em.event_id) AS agg
            WHERE events.event_id = agg.event_id""",
            [event_ids],
        )


def _facts_of(event: Event, days: tuple[dt.date, dt.date] | None) -> EventFacts:
    return EventFacts(
        match_key=match_key(event),
        days=days,
        source_names=folded(names(event.source)),
        target_names=folded(names(event.target)),
        location=event.location,
    )


def _undated(facts: EventFacts) -> EventFacts:
    """The same facts without dates: an undated mention may join a dated event of its own article."""
    return EventFacts(facts.match_key, None, facts.source_names, facts.target_names, facts.location)


def _stored_facts(key: str, row: tuple[Any, ...]) -> EventFacts:
    _, event_date, precision, source_names, target_names, place_name, country, lat, lon = row
    location = Location(place_name, country, lat, lon) if place_name else None
    days = day_range(event_date.isoformat(), precision) if event_date else None
    return EventFacts(key, days, folded(source_names), folded(target_names), location)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"no event store at {path}: create one with `eventwire ingest INPUT --db {path}`")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the event store {path}: {exc}") from exc


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    version = current_version(con)
    if version != LATEST_VERSION:
        con.close()
        raise StoreError(
            f"the store {path} has schema version {version}, this eventwire expects {LATEST_VERSION}: "
            "open it once for writing (e.g. `eventwire ingest`) to migrate it"
        )
