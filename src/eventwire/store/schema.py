"""The store's schema: ordered migrations and the ``schema_version`` table that records them.

A database remembers which migrations it has seen, so opening an older file brings it up to
date in place and opening a file from a newer eventwire fails loudly instead of guessing.
Migrations only ever append: a released migration is never edited, a new one is added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from eventwire.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: its version number, what it does, and its SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


_CORE_TABLES = (
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, publisher VARCHAR, date DATE,
        content_hash VARCHAR, status VARCHAR NOT NULL, error_type VARCHAR, error VARCHAR,
        duplicate_of VARCHAR, source_name VARCHAR, text VARCHAR, num_events INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE sentences (
        article_id VARCHAR NOT NULL, sentence INTEGER NOT NULL, start_char INTEGER,
        end_char INTEGER, text VARCHAR)""",
    """CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR,
        kind VARCHAR, wikidata VARCHAR)""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL, mention_index INTEGER NOT NULL, sentence INTEGER,
        start_char INTEGER, end_char INTEGER, text VARCHAR, kind VARCHAR, chain INTEGER,
        actor_id VARCHAR)""",
    """CREATE TABLE events (
        event_id BIGINT NOT NULL, match_key VARCHAR NOT NULL, plover VARCHAR, mode VARCHAR,
        context VARCHAR[], cameo VARCHAR, goldstein DOUBLE, quad INTEGER, negated BOOLEAN,
        modality VARCHAR, source_countries VARCHAR[], target_countries VARCHAR[],
        source_names VARCHAR[], target_names VARCHAR[], source_json VARCHAR, target_json VARCHAR,
        event_date DATE, date_precision VARCHAR, location_name VARCHAR, location_country VARCHAR,
        lat DOUBLE, lon DOUBLE, num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
        first_seen DATE, last_seen DATE, root_article_id VARCHAR, root_sentence INTEGER,
        added_at TIMESTAMP)""",
    """CREATE TABLE event_mentions (
        mention_id VARCHAR NOT NULL, event_id BIGINT NOT NULL, article_id VARCHAR NOT NULL,
        event_index INTEGER, sentence INTEGER, plover VARCHAR, mode VARCHAR, context VARCHAR[],
        cameo VARCHAR, goldstein DOUBLE, quad INTEGER, source_json VARCHAR, target_json VARCHAR,
        source_countries VARCHAR[], target_countries VARCHAR[], source_names VARCHAR[],
        target_names VARCHAR[], source_actor_ids VARCHAR[], target_actor_ids VARCHAR[],
        negated BOOLEAN, modality VARCHAR, trigger_text VARCHAR, trigger_start INTEGER,
        trigger_end INTEGER, date VARCHAR, date_precision VARCHAR, event_day DATE,
        location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        location_source VARCHAR, reported_by_json VARCHAR, confidence DOUBLE, coder VARCHAR)""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, quote_index INTEGER NOT NULL, sentence INTEGER, text VARCHAR,
        start_char INTEGER, end_char INTEGER, speaker_actor_id VARCHAR, speaker_json VARCHAR,
        cue VARCHAR, direct BOOLEAN, reported_by_json VARCHAR)""",
    """CREATE TABLE ingest_log (
        article_id VARCHAR NOT NULL, action VARCHAR NOT NULL, source_name VARCHAR,
        error_type VARCHAR, error VARCHAR, logged_at TIMESTAMP NOT NULL)""",
)

# Words of each sentence, so the explorer can find sentences offline (DuckDB's fts extension
# cannot be installed without a network). The backfill indexes whatever migration 1 stored.
_TERMS_OF_SENTENCES = """
    SELECT term, article_id, sentence, count(*)::INTEGER AS tf FROM (
        SELECT unnest(regexp_extract_all(lower(text), '[\\p{L}\\p{N}]+')) AS term, article_id, sentence
        FROM {source} {where})
    GROUP BY ALL"""


def terms_of_sentences(where: str = "", source: str = "sentences") -> str:
    """SELECT the (term, article_id, sentence, tf) rows of the sentences ``where`` picks from
    ``source`` (a table or view with the sentences table's article_id, sentence and text)."""
    return _TERMS_OF_SENTENCES.replace("{where}", where).replace("{source}", source)


_SEARCH_INDEX = (
    "CREATE TABLE sentence_terms (term VARCHAR, article_id VARCHAR, sentence INTEGER, tf INTEGER)",
    "INSERT INTO sentence_terms " + terms_of_sentences(),
)

# Where an event's date came from: "text" (the article says when), "publication" (the article's
# date stands in, for matching and for layouts that require a date) or NULL (nobody knows).
# First and last seen are publication dates only: the day eventwire read an article says
# nothing about when anything happened, so it is never used as a date of the world.
_DATE_SOURCE = (
    "ALTER TABLE events ADD COLUMN date_source VARCHAR",
    "ALTER TABLE event_mentions ADD COLUMN date_source VARCHAR",
    """UPDATE event_mentions SET date_source = CASE
        WHEN date IS NOT NULL THEN 'text' WHEN event_day IS NOT NULL THEN 'publication' END""",
    """UPDATE events SET date_source = CASE
        WHEN EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.event_id
                     AND m.date IS NOT NULL AND m.event_day = events.event_date) THEN 'text'
        WHEN event_date IS NOT NULL THEN 'publication' END""",
    """UPDATE events SET first_seen = agg.f, last_seen = agg.l
        FROM (SELECT em.event_id, min(ar.date) AS f, max(ar.date) AS l FROM event_mentions em
              JOIN articles ar ON ar.id = em.article_id GROUP BY em.event_id) AS agg
        WHERE events.event_id = agg.event_id""",
)

# How exactly each report's place is known (CONTRACT.md location_precision: town, province,
# country...). Reports stored before have none recorded; NULL says so rather than guessing.
_LOCATION_PRECISION = ("ALTER TABLE event_mentions ADD COLUMN location_precision VARCHAR",)

# What each stored place is in GeoNames (Location.geonames_id, admin1, feature_class), so that
# exports read it instead of matching coordinates against the packaged tables. Places stored
# before have NULL, and exports fall back to matching for them.
_PLACE_IDS = tuple(
    f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR"
    for table in ("event_mentions", "events")
    for column in ("location_geonames_id", "location_admin1", "location_feature_class")
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "articles, sentences, actors, mentions, events, event_mentions, quotes, ingest_log", _CORE_TABLES
    ),
    Migration(2, "sentence_terms: offline word index over sentences", _SEARCH_INDEX),
    Migration(3, "events.date_source; first/last seen from publication dates only", _DATE_SOURCE),
    Migration(4, "event_mentions.location_precision", _LOCATION_PRECISION),
    Migration(5, "GeoNames id, admin-1 code and feature class of each place (mentions, events)", _PLACE_IDS),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for an empty one)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not exists[0][0]:
        return 0
    # fetchall, not fetchone: DuckDB refuses new work while a result is half read.
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0]) if row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection,
    target: int = LATEST_VERSION,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Apply every pending migration up to ``target``, each in its own transaction."""
    version = current_version(con)
    if version > LATEST_VERSION:
        raise StoreError(
            f"the store has schema version {version}; this eventwire knows up to {LATEST_VERSION}"
        )
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    applied = []
    for migration in migrations:
        if version < migration.version <= target:
            _apply(con, migration)
            applied.append(migration.version)
    return applied


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in migration.statements:
            con.execute(statement)
        con.execute(
            "INSERT INTO schema_version (version, description) VALUES (?, ?)",
            [migration.version, migration.description],
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"migration {migration.version} failed: {exc}") from exc
