"""``eventwire sql`` reads the store's tables and nothing else unless --unsafe."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.store import EventStore
from eventwire.store.sql_guard import UnsafeQueryError, check_query

SECRET = "/etc/hostname"
# Each reads or writes a file, loads code, changes settings or writes to the store.
PAYLOADS = [
    f"SELECT * FROM read_csv('{SECRET}')",
    f"SELECT * FROM read_csv_auto('{SECRET}')",
    f"SELECT * FROM read_text('{SECRET}')",
    f"SELECT * FROM read_blob('{SECRET}')",
    f"SELECT * FROM read_json('{SECRET}')",
    f"SELECT * FROM read_parquet('{SECRET}')",
    f"SELECT * FROM parquet_scan('{SECRET}')",
    f"SELECT * FROM '{SECRET}'",
    "SELECT * FROM 'data.csv'",
    "SELECT * FROM glob('/etc/*')",
    f"SELECT (SELECT content FROM read_text('{SECRET}')) AS leak",
    f"SELECT * FROM events WHERE plover IN (SELECT content FROM read_text('{SECRET}'))",
    f"WITH x AS (SELECT * FROM read_text('{SECRET}')) SELECT * FROM x",
    f"SELECT * FROM query('SELECT * FROM read_text(''{SECRET}'')')",
    "SELECT * FROM query_table('events')",
    "SELECT getenv('HOME')",
    "COPY events TO '/tmp/eventwire-leak.csv'",
    "COPY (SELECT * FROM events) TO '/tmp/eventwire-leak.parquet' (FORMAT parquet)",
    "COPY events FROM '/tmp/eventwire-in.csv'",
    "EXPORT DATABASE '/tmp/eventwire-export'",
    "IMPORT DATABASE '/tmp/eventwire-export'",
    "ATTACH '/tmp/other.duckdb' AS other",
    "DETACH other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "RESET enable_external_access",
    "PRAGMA enable_profiling",
    "CALL pragma_version()",
    "CREATE TABLE stolen AS SELECT 1",
    "INSERT INTO events (event_id) VALUES (1)",
    "DELETE FROM articles",
    "DROP TABLE events",
    "SELECT 1; COPY events TO '/tmp/eventwire-leak.csv'",
    "CHECKPOINT",
    "USE memory",
]
SAFE = [
    "SELECT plover, count(*) FROM events GROUP BY 1",
    "WITH e AS (SELECT * FROM events) SELECT count(*) FROM e",
    "SELECT upper(title) FROM articles WHERE title LIKE '%read_csv%'",
    "SELECT * FROM main.events LIMIT 3",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_file_touching_or_writing_payload_is_refused(payload: str) -> None:
    with pytest.raises(UnsafeQueryError, match="refused"):
        check_query(payload)


@pytest.mark.parametrize("query", SAFE)
def test_ordinary_queries_pass(query: str) -> None:
    check_query(query)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "events.duckdb")
    EventStore.open(path).close()
    return path


def test_the_command_refuses_with_a_message_and_unsafe_allows(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.csv"
    assert main(["sql", f"COPY (SELECT 1 AS one) TO '{target}'", "--db", db]) == 1
    assert "COPY statements are refused" in capsys.readouterr().err and not target.exists()
    assert main(["sql", f"COPY (SELECT 1 AS one) TO '{target}'", "--db", db, "--unsafe"]) == 0
    assert target.read_text().splitlines() == ["one", "1"]


def test_the_store_stays_read_only_even_with_unsafe(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sql", "DELETE FROM articles", "--db", db, "--unsafe"]) == 1
    assert "read-only" in capsys.readouterr().err
