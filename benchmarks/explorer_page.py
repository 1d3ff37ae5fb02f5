"""How long the explorer's events table takes to answer a page of 50 events from 10,000 events.

    .venv/bin/python benchmarks/explorer_page.py [--events 10000] [--repeat 15]

Codes samples/news.jsonl into a fresh store, then copies its articles, sentences, mentions,
events and event mentions (new ids, dates moved back a day per copy, source and target
countries rotated) until the store holds the asked number of events, so the pages read real
rows of every table. Then times ``GET /events?limit=50`` in process (FastAPI's TestClient,
the whole request path) for several filters and sorts, and prints each median and its ratio
to the 200 ms budget of issue 14: below 1.0 is within budget.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET_MS = 200.0
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "news.jsonl"
COUNTRIES = ["USA", "RUS", "CHN", "IND", "UKR", "IRN", "ISR", "TUR", "FRA", "DEU", "BRA", "NGA", "KEN", "PAK"]
PAGES = {
    "newest first, no filter": ("/events", {}),
    "actor RUS": ("/events", {"actor": "RUS"}),
    "conflict (quad 3-4), by Goldstein": ("/events", {"quad": [3, 4], "sort": "goldstein"}),
    "words 'border consultations'": ("/events", {"q": "border consultations"}),
    "dyad USA -> CHN, second page": ("/events", {"source": "USA", "target": "CHN", "offset": 50}),
    "deep page (offset 9,000)": ("/events", {"offset": 9000}),
}
# The other views' requests, timed the same way (they have no budget of their own).
VIEWS = {
    "network (countries)": "/network?limit=150",
    "places": "/places",
    "dyad USA -> CHN by week": "/dyads/USA/CHN/timeseries?by=week&both=true",
}
_COPY = {
    "articles": "SELECT * REPLACE (id || '~' || $k AS id, date - $k::INTEGER AS date) FROM articles "
    "WHERE id NOT LIKE '%~%'",
    "sentences": "SELECT * REPLACE (article_id || '~' || $k AS article_id) FROM sentences "
    "WHERE article_id NOT LIKE '%~%'",
    "mentions": "SELECT * REPLACE (article_id || '~' || $k AS article_id) FROM mentions "
    "WHERE article_id NOT LIKE '%~%'",
    "sentence_terms": "SELECT * REPLACE (article_id || '~' || $k AS article_id) "
    "FROM sentence_terms WHERE article_id NOT LIKE '%~%'",
    "event_mentions": "SELECT * REPLACE (article_id || '~' || $k AS article_id, "
    "event_id + $k * $n AS event_id, mention_id || '~' || $k AS mention_id) FROM event_mentions "
    "WHERE article_id NOT LIKE '%~%'",
    "events": "SELECT * REPLACE (event_id + $k * $n AS event_id, event_date - $k::INTEGER AS event_date, "
    "first_seen - $k::INTEGER AS first_seen, root_article_id || '~' || $k AS root_article_id, "
    "[$countries[1 + (event_id + $k) % len($countries)]] AS source_countries, "
    "[$countries[1 + (event_id * 7 + $k * 3) % len($countries)]] AS target_countries) "
    "FROM events WHERE event_id <= $n",
}


def build_store(path: Path, wanted: int) -> int:
    """A store of about ``wanted`` events grown from the coded samples; returns its event count."""
    from eventwire.ingest import iter_articles  # noqa: PLC0415 - imports after argument parsing
    from eventwire.pipeline import Pipeline  # noqa: PLC0415
    from eventwire.store import EventStore  # noqa: PLC0415
    from eventwire.store.ingest import ingest  # noqa: PLC0415

    with EventStore.open(path) as store:
        ingest(store, iter_articles([str(SAMPLES)]), Pipeline.from_config().run)
        con = store.con
        base = int(con.execute("SELECT max(event_id) FROM events").fetchall()[0][0])
        for k in range(1, wanted // base + 1):
            values = {"k": k, "n": base, "countries": COUNTRIES}
            for table, select in _COPY.items():
                used = {name: value for name, value in values.items() if f"${name}" in select}
                con.execute(f"INSERT INTO {table} {select}", used)
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])


def time_pages(path: Path, repeat: int) -> None:
    from fastapi.testclient import TestClient  # noqa: PLC0415

    import eventwire  # noqa: PLC0415
    from eventwire.serve.app import create_app  # noqa: PLC0415

    client = TestClient(create_app(eventwire.coder(), db=path))
    for name, (endpoint, params) in PAGES.items():
        body = client.get(endpoint, params={"limit": 50, **params}).json()
        median = _median_ms(client, endpoint, {"limit": 50, **params}, repeat)
        print(
            f"{name:36s} {len(body['items']):3d} of {body['total']:6d} events: "
            f"median {median:6.1f} ms, ratio to budget {median / BUDGET_MS:.2f}"
        )
    for name, url in VIEWS.items():
        print(f"{name:36s} median {_median_ms(client, url, {}, repeat):6.1f} ms")


def _median_ms(client: Any, path: str, params: dict[str, Any], repeat: int) -> float:
    client.get(path, params=params)  # warm caches once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code} {response.text}")
    return statistics.median(times)


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        total = build_store(path, args.events)
        print(f"store: {total:,} events; page of 50 events through GET /events, budget {BUDGET_MS:.0f} ms")
        time_pages(path, args.repeat)


if __name__ == "__main__":
    main()
