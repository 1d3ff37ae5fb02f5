"""Schema versions: a new store is at the latest version, an older one is migrated in place."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import EventStore
from eventwire.store.schema import LATEST_VERSION, MIGRATIONS, current_version, migrate


def test_a_new_store_records_every_migration(store: EventStore) -> None:
    versions = store.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]
    assert current_version(store.con) == LATEST_VERSION


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_an_old_store_is_migrated_and_its_sentences_indexed(db_path: str) -> None:
    con = duckdb.connect(db_path)
    migrate(con, target=1)
    # What a version-1 writer left behind: sentences, and no word index yet.
    con.execute("INSERT INTO sentences VALUES ('a1', 0, 0, 21, 'Envoys met in Geneva.')")
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        EventStore.open(db_path, read_only=True)
    with EventStore.open(db_path) as store:
        assert current_version(store.con) == LATEST_VERSION
        terms = store.con.execute("SELECT term FROM sentence_terms ORDER BY term").fetchall()
        assert [t for (t,) in terms] == ["envoys", "geneva", "in", "met"]


def test_a_store_from_a_newer_eventwire_is_refused(db_path: str) -> None:
    EventStore.open(db_path).close()
    con = duckdb.connect(db_path)
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [LATEST_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="knows up to"):
        EventStore.open(db_path)


def test_read_only_open_of_a_missing_store_explains_how_to_make_one(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="eventwire ingest"):
        EventStore.open("/nonexistent/dir/events.duckdb", read_only=True)


def test_read_only_store_refuses_writes(db_path: str) -> None:
    EventStore.open(db_path).close()
    with EventStore.open(db_path, read_only=True) as store, pytest.raises(duckdb.Error):
        store.con.execute("DELETE FROM articles")


def test_version_2_stores_learn_where_dates_came_from(db_path: str) -> None:
    con = duckdb.connect(db_path)
    migrate(con, target=2)
    # A version-2 writer dated undated articles' events by the ingest day in first_seen.
    con.execute(
        "INSERT INTO articles (id, date, status, num_events, ingested_at) VALUES "
        "('undated', NULL, 'coded', 1, '2030-01-05 10:00'), "
        "('dated', '2024-02-01', 'coded', 2, '2030-01-05 10:00')"
    )
    con.execute(
        "INSERT INTO events (event_id, match_key, event_date, first_seen, last_seen) VALUES "
        "(1, 'k', NULL, '2030-01-05', '2030-01-05'), (2, 'k', '2024-01-30', '2024-02-01', '2024-02-01'), "
        "(3, 'k', '2024-02-01', '2024-02-01', '2024-02-01')"
    )
    con.execute(
        "INSERT INTO event_mentions (mention_id, event_id, article_id, date, event_day) VALUES "
        "('undated:0', 1, 'undated', NULL, NULL), ('dated:0', 2, 'dated', '2024-01-30', '2024-01-30'), "
        "('dated:1', 3, 'dated', NULL, '2024-02-01')"
    )
    con.close()
    with EventStore.open(db_path) as store:
        found = store.con.execute(
            "SELECT event_id, date_source, first_seen FROM events ORDER BY 1"
        ).fetchall()
    assert [(i, source, str(seen) if seen else None) for i, source, seen in found] == [
        (1, None, None),
        (2, "text", "2024-02-01"),
        (3, "publication", "2024-02-01"),
    ]
