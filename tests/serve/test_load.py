"""A reduced loopback load (5 clients x 10 mixed requests) against a real server: nothing fails.

It goes through benchmarks/load_test.py's own functions, so the benchmark and this test send
the same mix. Timing is printed by the benchmark, never asserted here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import uvicorn

from eventwire.api import Coder
from eventwire.serve.app import create_app
from tests.scripts import load_script


@pytest.fixture(scope="module")
def load_test() -> ModuleType:
    return load_script("benchmarks/load_test.py", "benchmarks_load_test")


@pytest.fixture(scope="module")
def base_url(load_test: ModuleType, coder: Coder, sample_db: Path) -> Iterator[str]:
    """uvicorn serving the sample store on a free loopback port, in a thread of this process."""
    app = create_app(coder, db=sample_db)
    port = load_test.free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    load_test.wait_until_up(url)
    yield url
    server.should_exit = True
    thread.join(timeout=30)
    app.state.store.close()


def test_concurrent_mixed_requests_all_succeed(load_test: ModuleType, base_url: str) -> None:
    mix = load_test.request_mix(*load_test.store_ids(base_url))
    assert {r.endpoint for r in mix} >= {
        "GET /events",
        "GET /events/{id}",
        "GET /articles/{id}",
        "POST /extract",
    }
    outcomes = load_test.run_load(base_url, mix, clients=5, requests=10)
    assert len(outcomes) == 50
    failures = [(o.endpoint, o.detail) for o in outcomes if not o.ok]
    assert failures == []
    assert {o.endpoint for o in outcomes} == {r.endpoint for r in mix}


def test_a_failing_request_is_counted(load_test: ModuleType, base_url: str) -> None:
    # The count of failures must be able to go up: a missing event is a 404, not a success.
    outcome = load_test.send(base_url, load_test.Request("GET /events/{id}", "/events/999999999"))
    assert not outcome.ok
    assert "404" in outcome.detail
