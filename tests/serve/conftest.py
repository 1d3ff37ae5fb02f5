"""A store built from the project's samples, shared by the API and browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.ingest import iter_articles
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore
from eventwire.store.ingest import ingest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "news.jsonl"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """An event store of samples/news.jsonl (closed: open it read-only or copy it to write)."""
    path = tmp_path_factory.mktemp("store") / "samples.duckdb"
    with EventStore.open(path) as store:
        ingest(store, iter_articles([str(SAMPLES)]), pipeline.run)
    return path


@pytest.fixture
def writable_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for tests that write."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, copy)
    return copy
