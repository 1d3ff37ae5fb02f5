"""Loopback load test: many clients reading the store and coding articles at once.

    .venv/bin/python benchmarks/load_test.py [--clients 20] [--requests 50]

Builds an event store from samples/news.jsonl (``eventwire ingest``), starts ``eventwire
serve`` on it on a free local port in a subprocess, then runs ``--clients`` threads that each
send ``--requests`` requests, mixed: GET /events with several filters, GET /events/{id},
GET /articles/{id}, GET /network, GET /places and POST /extract with a short article. One
request of each kind goes first, untimed (the knowledge tables load on first use). Prints p50
and p99 latency per endpoint and overall, and the number of failed requests (anything but a
200 with a JSON body), then stops the server. It prints and never asserts: the CI test
tests/serve/test_load.py runs a smaller load through the same functions and asserts no failure.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "news.jsonl"
# A short article written for this test, coded by every POST /extract of the load.
ARTICLE = (
    "Farmers blocked the main road into Lyon on Monday to protest against lower grain prices. "
    "The French agriculture minister met their leaders in Paris on Tuesday and promised new aid."
)
EVENT_FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"actor": "CHN"},
    {"quad": [3, 4], "sort": "goldstein"},
    {"q": "border"},
    {"country": "IND", "limit": 10},
)
TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class Request:
    """One request of the load: a name for the report, the path and an optional JSON body."""

    endpoint: str
    path: str
    body: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    endpoint: str
    seconds: float
    ok: bool
    detail: str = ""


def request_mix(event_ids: list[int], article_ids: list[str]) -> list[Request]:
    """The kinds of request the clients cycle through, built from ids found in the store."""
    events = [
        Request("GET /events", "/events?" + urllib.parse.urlencode(f, doseq=True)) for f in EVENT_FILTERS
    ]
    return [
        *events,
        *(Request("GET /events/{id}", f"/events/{i}") for i in event_ids[:3]),
        *(Request("GET /articles/{id}", f"/articles/{urllib.parse.quote(a)}") for a in article_ids[:3]),
        Request("GET /network", "/network"),
        Request("GET /places", "/places"),
        Request("POST /extract", "/extract", {"articles": [{"text": ARTICLE, "id": "load"}]}),
        Request("POST /extract", "/extract", {"articles": [{"text": ARTICLE, "date": "2024-05-06"}]}),
    ]


def store_ids(base_url: str) -> tuple[list[int], list[str]]:
    """Some event ids and article ids the served store holds, to ask for one by one."""
    page = _get_json(base_url + "/events?limit=20")
    event_ids = [item["event_id"] for item in page["items"]]
    article_ids = sorted({item["root_article_id"] for item in page["items"]})
    if not event_ids:
        raise RuntimeError("the served store holds no events")
    return event_ids, article_ids


def send(base_url: str, request: Request) -> Outcome:
    """Send one request; a failure is an error status, a network error or a body that is not JSON."""
    data = json.dumps(request.body).encode("utf-8") if request.body is not None else None
    headers = {"Content-Type": "application/json"} if data is not None else {}
    call = urllib.request.Request(base_url + request.path, data=data, headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(call, timeout=TIMEOUT_SECONDS) as response:
            json.loads(response.read())
            ok, detail = response.status == 200, str(response.status)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    return Outcome(request.endpoint, time.perf_counter() - started, ok, detail)


def run_load(base_url: str, mix: list[Request], clients: int, requests: int) -> list[Outcome]:
    """``clients`` threads, each sending ``requests`` requests of the mix, all started together."""
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client(number: int) -> None:
        start.wait()
        mine = [send(base_url, mix[(number + k) % len(mix)]) for k in range(requests)]
        with lock:
            outcomes.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def report(outcomes: list[Outcome], wall_seconds: float) -> str:
    """p50 / p99 latency per endpoint and overall, the request rate and the failures."""
    lines = [f"{'endpoint':<22} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>6}"]
    endpoints = sorted({o.endpoint for o in outcomes})
    for name, group in [
        *((e, [o for o in outcomes if o.endpoint == e]) for e in endpoints),
        ("overall", outcomes),
    ]:
        p50, p99 = _percentiles([o.seconds for o in group])
        failed = sum(not o.ok for o in group)
        lines.append(f"{name:<22} {len(group):>8} {p50:>8.0f} {p99:>8.0f} {failed:>6}")
    failures = [o for o in outcomes if not o.ok]
    lines.append(f"{len(outcomes)} requests in {wall_seconds:.1f} s ({len(outcomes) / wall_seconds:.1f}/s)")
    lines.append(f"failed requests: {len(failures)}")
    lines.extend(f"  {o.endpoint}: {o.detail}" for o in failures[:10])
    return "\n".join(lines)


def _percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds (the largest value when there are too few to cut)."""
    if len(seconds) < 2:
        return seconds[0] * 1000, seconds[0] * 1000
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
        return json.loads(response.read())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(base_url: str, server: subprocess.Popen[bytes] | None = None) -> None:
    """Poll /health until the server answers (the model loads first), or fail after the timeout."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            _get_json(base_url + "/health")
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"no answer from {base_url} after {TIMEOUT_SECONDS:g} s")


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", *args]


@contextmanager
def served_store(folder: Path) -> Iterator[str]:
    """A store of the samples served by ``eventwire serve`` in a subprocess; yields its base URL."""
    db = folder / "samples.duckdb"
    subprocess.run(_eventwire("ingest", str(SAMPLES), "--db", str(db), "--no-progress"), check=True)
    port = free_port()
    server = subprocess.Popen(
        _eventwire("serve", "--db", str(db), "--port", str(port)), stderr=subprocess.DEVNULL
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(base_url, server)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="requests per client")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, served_store(Path(folder)) as base_url:
        mix = request_mix(*store_ids(base_url))
        # The knowledge tables load on first use: one request of each kind first, not timed.
        warm_up = [send(base_url, request) for request in mix]
        started = time.perf_counter()
        outcomes = run_load(base_url, mix, args.clients, args.requests)
        print(f"{args.clients} clients x {args.requests} requests against eventwire serve on {base_url}")
        print(f"(after {len(warm_up)} warm-up requests, {sum(not o.ok for o in warm_up)} failed)")
        print(report(outcomes, time.perf_counter() - started))


if __name__ == "__main__":
    main()
