"""Fixtures of the store tests: an in-memory store and a DuckDB file path under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import EventStore


@pytest.fixture
def store() -> Iterator[EventStore]:
    with EventStore.open(":memory:") as opened:
        yield opened


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "events.duckdb")
