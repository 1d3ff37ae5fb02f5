"""From a ``CodedArticle`` to table rows: one function per table, column lists beside them.

Kept apart from the writer so the mapping from the contract to columns reads in one place
and every column of ``event_mentions`` can be checked against the contract's Event fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.records import Actor, Article, CodedArticle, Event, Location
from eventwire.store.dedup import countries, names

Row = list[Any]
VALUES_CHUNK = 400  # rows per INSERT ... VALUES statement when Arrow cannot take the rows

ARTICLE_COLUMNS = (
    "id", "url", "title", "publisher", "date", "content_hash", "status", "error_type", "error",
    "duplicate_of", "source_name", "text", "num_events", "ingested_at",
)  # fmt: skip
SENTENCE_COLUMNS = ("article_id", "sentence", "start_char", "end_char", "text")
ACTOR_COLUMNS = ("actor_id", "name", "country", "sector", "kind", "wikidata")
MENTION_COLUMNS = (
    "article_id", "mention_index", "sentence", "start_char", "end_char", "text", "kind", "chain", "actor_id",
)  # fmt: skip
QUOTE_COLUMNS = (
    "article_id", "quote_index", "sentence", "text", "start_char", "end_char", "speaker_actor_id",
    "speaker_json", "cue", "direct", "reported_by_json",
)  # fmt: skip
# The GeoNames identity of a stored place (schema migration 5), in ``place_ids`` order.
PLACE_ID_COLUMNS = ("location_geonames_id", "location_admin1", "location_feature_class")
EVENT_MENTION_COLUMNS = (
    "mention_id", "event_id", "article_id", "event_index", "sentence", "plover", "mode", "context",
    "cameo", "goldstein", "quad", "source_json", "target_json", "source_countries", "target_countries",
    "source_names", "target_names", "source_actor_ids", "target_actor_ids", "negated", "modality",
    "trigger_text", "trigger_start", "trigger_end", "date", "date_precision", "event_day",
    "location_name", "location_country", "lat", "lon", "location_source", "reported_by_json",
    "confidence", "coder", "date_source", "location_precision", *PLACE_ID_COLUMNS,
)  # fmt: skip
INGEST_LOG_COLUMNS = ("article_id", "action", "source_name", "error_type", "error", "logged_at")


def insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT", count: int = 1) -> str:
    """One INSERT of ``count`` rows: DuckDB runs executemany row by row, far slower."""
    one = f"({', '.join('?' * len(columns))})"
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * count)}"


class PendingRows:
    """Rows of several articles gathered per table, written with one INSERT per table."""

    def __init__(self) -> None:
        self.tables: dict[tuple[str, tuple[str, ...], str], list[Row]] = {}

    def add(self, table: str, columns: tuple[str, ...], values: list[Row], verb: str = "INSERT") -> None:
        self.tables.setdefault((table, columns, verb), []).extend(values)

    def rows_of(self, table: str) -> list[Row]:
        """The rows queued for ``table`` (of every column list and verb)."""
        return [row for (name, _, _), values in self.tables.items() if name == table for row in values]

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        for (table, columns, verb), values in self.tables.items():
            insert_rows(con, table, columns, values, verb)
        self.tables.clear()


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], values: list[Row], verb: str
) -> None:
    """Insert ``values`` through one Arrow table: DuckDB binds ``?`` parameters one by one, which
    made a batch's INSERTs cost more than its parse (about 200 ms per 100 rows of events)."""
    frame = arrow_rows(columns, values)
    if frame is None:  # a value Arrow cannot type: DuckDB says what is wrong
        for start in range(0, len(values), VALUES_CHUNK):
            chunk = values[start : start + VALUES_CHUNK]
            con.execute(insert_sql(table, columns, verb, len(chunk)), [v for row in chunk for v in row])
        return
    con.register("pending_rows", frame)
    try:
        con.execute(f"{verb} INTO {table} ({', '.join(columns)}) SELECT * FROM pending_rows")
    finally:
        con.unregister("pending_rows")


def arrow_rows(columns: tuple[str, ...], values: list[Row]) -> pa.Table | None:
    """The rows as an Arrow table (one column each), or None when Arrow cannot type a value."""
    try:
        return pa.table({c: pa.array([row[i] for row in values]) for i, c in enumerate(columns)})
    except (pa.ArrowException, UnicodeError):
        return None


def content_hash(text: str) -> str:
    """Fingerprint of an article's text: the same report under another id is a duplicate."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def actor_id(actor: Actor) -> str | None:
    """A stable key for a canonical actor; None for a mention nobody could resolve."""
    if actor.wikidata:
        return actor.wikidata
    if actor.name is None and actor.country is None:
        return None
    key = "|".join(part or "" for part in actor.identity)
    return "actor-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def actors_json(actors: tuple[Actor, ...]) -> str:
    return json.dumps([a.to_dict() for a in actors], ensure_ascii=False)


def article_row(coded: CodedArticle, status: str, source_name: str | None, duplicate_of: str | None) -> Row:
    article, error = coded.article, coded.error
    return [
        article.id, article.url, article.title, article.publisher, article.date,
        content_hash(article.text) if article.text else None, status,
        error.type if error else None, error.message if error else None, duplicate_of, source_name,
        article.text, len(coded.events) if status == "coded" else 0, dt.datetime.now(),
    ]  # fmt: skip


def sentence_rows(coded: CodedArticle) -> list[Row]:
    return [[coded.article.id, s.index, s.start, s.end, s.text] for s in coded.sentences]


def actor_rows(coded: CodedArticle) -> list[Row]:
    """Every resolved actor of the article: mentions, event sides, speakers and reporters."""
    found: dict[str, Actor] = {}
    for actor in _all_actors(coded):
        key = actor_id(actor)
        if key is not None:
            found.setdefault(key, actor)
    return [[key, a.name, a.country, a.sector, a.kind, a.wikidata] for key, a in found.items()]


def _all_actors(coded: CodedArticle) -> list[Actor]:
    actors = [m.actor for m in coded.mentions if m.actor is not None]
    for event in coded.events:
        actors.extend(event.source + event.target + event.reported_by)
    for quote in coded.quotes:
        actors.extend(((quote.speaker,) if quote.speaker else ()) + quote.reported_by)
    return actors


def mention_rows(coded: CodedArticle, first: int = 0) -> list[Row]:
    """``first``: the number of the first mention (a piece of a long article follows others)."""
    return [
        [
            coded.article.id,
            i,
            m.sentence,
            m.start,
            m.end,
            m.text,
            m.kind,
            m.chain,
            m.actor and actor_id(m.actor),
        ]
        for i, m in enumerate(coded.mentions, first)
    ]


def quote_rows(coded: CodedArticle, first: int = 0) -> list[Row]:
    rows = []
    for i, q in enumerate(coded.quotes, first):
        speaker = q.speaker
        rows.append([
            coded.article.id, i, q.sentence, q.text, q.start, q.end, speaker and actor_id(speaker),
            json.dumps(speaker.to_dict(), ensure_ascii=False) if speaker else None, q.cue, q.direct,
            actors_json(q.reported_by),
        ])  # fmt: skip
    return rows


def effective_date(event: Event, article: Article) -> tuple[str | None, str | None, str | None]:
    """The day an event is matched on: its own date, else the publication date (GDELT's fallback).

    Returns (date, precision, source); source is "text", "publication" or None, so that
    exports can tell a date the article gives from one that only stands in for it.
    """
    if event.date:
        return event.date, event.date_precision or "day", "text"
    if article.date:
        return article.date.isoformat(), "day", "publication"
    return None, None, None


def reciprocal_halves(event: Event) -> tuple[Event, ...]:
    """ "A and B agreed": a side-by-side event becomes A->B and B->A, never A+B -> A+B.

    An event whose source and target name the same two or more actors is a reciprocal act
    the coder could not orient; each ordered pair of those actors is one directed event.
    Any other event is returned as it is.
    """
    sides = {a.identity: a for a in event.source}
    if len(sides) < 2 or sides.keys() != {a.identity for a in event.target}:
        return (event,)
    actors = list(sides.values())
    return tuple(
        dataclasses.replace(event, source=(a,), target=(b,)) for a in actors for b in actors if a is not b
    )


def publication_dated(coded: CodedArticle) -> set[int]:
    """Indices of the events the coder dated by the publication date, as its notes record.

    The when_where stage gives an undated asserted event the article's date and says so in
    ``extras.event_dates``; a coder without such notes is taken at its word.
    """
    return {note.event for note in coded.extras.event_dates if note.source == "publication"}


def without_date(event: Event) -> Event:
    return dataclasses.replace(event, date=None, date_precision=None)


@dataclass(frozen=True, slots=True)
class MentionOf:
    """Where a stored mention comes from: the coded event (as the coder wrote it) and its half."""

    index: int  # the event's index in the article
    half: int  # which directed half of a reciprocal event (0 for any other event)
    coded: Event  # the contract record, date included, so the article reads back as coded
    day: dt.date | None  # the day it is matched on


def event_mention_row(coded: CodedArticle, event: Event, event_id: int, mention: MentionOf) -> Row:
    """One mention of ``event`` (a half of ``mention.coded``, without a publication fallback date)."""
    place, index, half, original = event.location, mention.index, mention.half, mention.coded
    date_source = "text" if event.date else "publication" if mention.day else None
    return [
        f"{coded.article.id}:{index}" + (f"/{half}" if half else ""), event_id, coded.article.id, index,
        event.sentence, event.plover,
        event.mode, list(event.context), event.cameo, event.goldstein, event.quad,
        actors_json(event.source), actors_json(event.target), countries(event.source),
        countries(event.target), names(event.source), names(event.target),
        _ids(event.source), _ids(event.target), event.negated, event.modality,
        event.trigger.text, event.trigger.start, event.trigger.end, original.date, original.date_precision,
        mention.day, place and place.name, place and place.country, place and place.lat,
        place and place.lon, place and place.source, actors_json(event.reported_by),
        event.confidence, event.coder, date_source, place and place.precision, *place_ids(place),
    ]  # fmt: skip


def place_ids(place: Location | None) -> list[str | None]:
    """The values of ``PLACE_ID_COLUMNS`` for a place (all None without one)."""
    if place is None:
        return [None, None, None]
    return [place.geonames_id, place.admin1, place.feature_class]


def _ids(actors: tuple[Actor, ...]) -> list[str]:
    return [key for key in (actor_id(a) for a in actors) if key is not None]


def log_row(article_id: str, action: str, source_name: str | None, coded: CodedArticle) -> Row:
    error = coded.error
    return [
        article_id, action, source_name, error.type if error else None,
        error.message if error else None, dt.datetime.now(),
    ]  # fmt: skip
