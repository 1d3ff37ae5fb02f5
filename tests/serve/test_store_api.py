"""The store over HTTP: every endpoint answers from the sample store; bad requests get JSON errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from eventwire.api import Coder
from eventwire.serve.app import create_app
from eventwire.store.exports import format_names


@pytest.fixture(scope="module")
def client(coder: Coder, sample_db: Path) -> Iterator[TestClient]:
    app = create_app(coder, db=sample_db)
    yield TestClient(app)
    app.state.store.close()


def sql(db: Path, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Ask the store directly, to check the API against it."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, params or []).fetchall()


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    body = client.get("/events", params={"limit": 500, **params}).json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/health", "/extract", "/extract/sentences", "/articles", "/events", "/events/export",
        "/events/{event_id}", "/articles/{article_id}", "/actors", "/actors/{actor_id}",
        "/dyads/{source}/{target}/timeseries", "/network", "/places",
    } <= paths  # fmt: skip


def test_no_page_loads_scripts_from_the_internet(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    page = client.get("/").text
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_export_formats_in_openapi_are_the_store_formats(client: TestClient) -> None:
    parameters = client.get("/openapi.json").json()["paths"]["/events/export"]["get"]["parameters"]
    schema = next(p["schema"] for p in parameters if p["name"] == "format")
    assert set(schema["enum"]) == set(format_names())


def test_health_names_the_store(client: TestClient, sample_db: Path) -> None:
    body = client.get("/health").json()
    assert body["store"] == str(sample_db) and body["ingest"] is False


def test_events_page_has_the_total_and_pages_do_not_overlap(client: TestClient, sample_db: Path) -> None:
    # by default only what the text says happened, as in every default query and export
    stored = sql(sample_db, "SELECT count(*) FROM events WHERE NOT negated AND modality = 'asserted'")[0][0]
    everything = sql(sample_db, "SELECT count(*) FROM events")[0][0]
    assert client.get("/events", params={"include_modal": True}).json()["total"] == everything > stored
    first = client.get("/events", params={"limit": 5}).json()
    second = client.get("/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == stored > 5
    assert len(first["items"]) == 5
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    assert all(e["sentence_text"] for e in first["items"])


def test_default_order_is_most_recent_first(client: TestClient) -> None:
    days = [e["day"] for e in all_events(client)]
    assert days == sorted(days, reverse=True)


def test_sort_by_goldstein_ascending(client: TestClient) -> None:
    scores = [e["goldstein"] for e in all_events(client, sort="goldstein")]
    assert scores == sorted(scores) and scores[0] < scores[-1]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "CHL"}, lambda e: "CHL" in e["source_countries"] + e["target_countries"]),
        ({"country": "che"}, lambda e: e["location_country"] == "CHE" or "CHE" in e["source_countries"]),
        ({"source": "IND", "target": "CHN"}, lambda e: "IND" in e["source_countries"]),
        ({"type": "accuse"}, lambda e: e["plover"] == "ACCUSE"),
        ({"quad": [3, 4]}, lambda e: e["quad"] in (3, 4)),
        ({"goldstein_min": -5, "goldstein_max": 0}, lambda e: -5 <= e["goldstein"] <= 0),
        ({"place": "geneva"}, lambda e: e["location_name"] == "Geneva"),
        ({"since": "2024-01-01", "until": "2024-12-31"}, lambda e: e["day"].startswith("2024")),
        ({"negated": True}, lambda e: e["negated"] is True),
        ({"min_confidence": 0.8}, lambda e: e["confidence"] >= 0.8),
    ],
)
def test_each_filter_keeps_only_matching_events(
    client: TestClient, params: dict[str, Any], check: Any
) -> None:
    everything = all_events(client)
    kept = all_events(client, **params)
    assert kept, f"the samples should have events for {params}"
    assert len(kept) < len(everything)
    assert all(check(e) for e in kept)


def test_modalities_partition_the_events(client: TestClient) -> None:
    total = 0
    for modality in ("asserted", "future", "hypothetical", "conditional"):
        kept = all_events(client, modality=modality)
        assert all(e["modality"] == modality for e in kept)
        total += len(kept)
    assert total == len(all_events(client))


def test_text_search_finds_the_sentence_words(client: TestClient) -> None:
    kept = all_events(client, q="Border Consultations")
    assert kept and all("border consultations" in e["sentence_text"].lower() for e in kept)
    assert all_events(client, q="zzqxv") == []


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2024-13-01"},
        {"quad": 7},
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"sort": "event_id; DROP TABLE events"},
        {"modality": "maybe"},
        {"source": "USA"},
        {"country": "United States"},
        {"min_confidence": 2},
        {"goldstein_min": -11},
        {"negated": "perhaps"},
        {"type": "PROTEST'--"},
    ],
)
def test_bad_filters_are_422_with_a_json_body(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json" and response.json()["detail"]


def test_event_has_every_report_with_its_sentence(client: TestClient, sample_db: Path) -> None:
    event_id = sql(sample_db, "SELECT min(event_id) FROM events")[0][0]
    event = client.get(f"/events/{event_id}").json()
    assert event["event_id"] == event_id and event["mentions"]
    for mention in event["mentions"]:
        start = mention["trigger_start"] - mention["sentence_start"]
        assert mention["sentence_text"][start:].startswith(mention["trigger_text"])


def test_unknown_ids_are_404_with_a_json_body(client: TestClient) -> None:
    for path in ("/events/999999", "/articles/no-such-article", "/actors/no-such-actor", "/nowhere"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"], path
    assert client.get("/events/not-a-number").status_code == 422


def test_article_spans_point_at_their_words(client: TestClient) -> None:
    article = client.get("/articles/sample-diplomacy").json()
    text = article["text"]
    assert article["events"] and article["mentions"] and article["quotes"] and article["sentences"]
    for mention in article["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in article["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"] and event["event_id"] >= 1
    for quote in article["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_every_stored_article_has_its_view_with_each_event_linked(
    client: TestClient, sample_db: Path
) -> None:
    # sample-ceasefire has a reciprocal event (stored as two directed halves): one event, two ids.
    for (article_id,) in sql(sample_db, "SELECT id FROM articles ORDER BY id"):
        response = client.get(f"/articles/{article_id}")
        assert response.status_code == 200, article_id
        for event in response.json()["events"]:
            assert event["event_id"] == event["event_ids"][0]
            for event_id in event["event_ids"]:
                assert client.get(f"/events/{event_id}").status_code == 200
    halves = client.get("/articles/sample-ceasefire").json()["events"]
    assert any(len(event["event_ids"]) == 2 for event in halves)


def test_article_record_is_the_contract_line(client: TestClient) -> None:
    record = client.get("/articles/sample-diplomacy/record").json()
    assert set(record) == {"id", "events", "actors", "quotes", "error"}


def test_actors_are_listed_most_active_first_and_searchable(client: TestClient) -> None:
    page = client.get("/actors", params={"limit": 3}).json()
    counts = [a["events"] for a in page["items"]]
    assert page["total"] > 3 and counts == sorted(counts, reverse=True)
    found = client.get("/actors", params={"q": "jaishankar"}).json()["items"]
    assert [a["country"] for a in found] == ["IND"]


def test_actor_timeline_counts_its_events(client: TestClient) -> None:
    actor = client.get("/actors", params={"q": "jaishankar"}).json()["items"][0]
    detail = client.get(f"/actors/{actor['actor_id']}", params={"by": "month"}).json()
    assert detail["name"] == actor["name"]
    assert sum(row["events"] for row in detail["timeline"]) == actor["events"]
    assert client.get(f"/actors/{actor['actor_id']}", params={"by": "decade"}).status_code == 422


def test_dyad_timeseries_adds_up_to_the_dyad_events(client: TestClient) -> None:
    body = client.get("/dyads/IND/CHN/timeseries", params={"by": "week", "both": True}).json()
    periods = body["periods"]
    assert periods
    one_way = len(all_events(client, source="IND", target="CHN"))
    other_way = len(all_events(client, source="CHN", target="IND"))
    assert sum(p["events"] for p in periods) == one_way + other_way
    for period in periods:
        assert period["quad1"] + period["quad2"] + period["quad3"] + period["quad4"] == period["events"]
        assert period["start"] <= period["end"]
    assert client.get("/dyads/IND/CHN/timeseries", params={"by": "fortnight"}).status_code == 422


def test_network_edges_split_cooperation_and_conflict(client: TestClient) -> None:
    edges = client.get("/network").json()["edges"]
    assert edges
    for edge in edges:
        assert edge["cooperation"] + edge["conflict"] <= edge["events"]
    edge = edges[0]
    kept = all_events(client, source=edge["source"], target=edge["target"])
    assert len(kept) == edge["events"]
    assert client.get("/network", params={"level": "actor"}).json()["edges"]
    assert client.get("/network", params={"level": "galaxy"}).status_code == 422


def test_places_have_coordinates_and_counts(client: TestClient) -> None:
    body = client.get("/places").json()
    geneva = next(p for p in body["places"] if p["name"] == "Geneva")
    assert geneva["country"] == "CHE" and 45 < geneva["lat"] < 47 and 5 < geneva["lon"] < 7
    assert geneva["events"] == len(all_events(client, place="Geneva"))
    assert any(c["country"] == "CHE" for c in body["countries"])


@pytest.mark.parametrize("fmt", format_names())
def test_export_of_the_filter_downloads(client: TestClient, fmt: str) -> None:
    response = client.get("/events/export", params={"format": fmt, "country": "CHE"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    assert response.content


def test_export_holds_only_the_filtered_events(client: TestClient) -> None:
    wanted = {e["event_id"] for e in all_events(client, quad=4)}
    lines = client.get("/events/export", params={"format": "jsonl", "quad": 4}).text.splitlines()
    assert {json.loads(line)["event_id"] for line in lines} == wanted
    rows = list(
        csv.DictReader(io.StringIO(client.get("/events/export", params={"quad": 4, "format": "csv"}).text))
    )
    assert {int(r["event_id"]) for r in rows} == wanted
    table = pd.read_parquet(
        io.BytesIO(client.get("/events/export", params={"format": "parquet", "quad": 4}).content)
    )
    assert set(table["event_id"]) == wanted
    gdelt = client.get("/events/export", params={"format": "gdelt", "quad": 4}).text.splitlines()
    assert {int(line.split("\t")[0]) for line in gdelt} == wanted
    assert client.get("/events/export", params={"format": "xlsx"}).status_code == 422


def test_a_server_without_a_store_says_so(coder: Coder) -> None:
    response = TestClient(create_app(coder)).get("/events")
    assert response.status_code == 404 and "--db" in response.json()["detail"]
