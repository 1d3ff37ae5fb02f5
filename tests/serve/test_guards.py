"""Hostile and careless requests: injections, oversize bodies, long articles, time limits, tokens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.api import Coder
from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.serve.app import create_app
from eventwire.serve.guards import ServeOptions

# Each is tried in every text filter; none may change the store, touch a file or cause a 500.
INJECTIONS = [
    "' OR '1'='1",
    "USA' OR 1=1 --",
    "'; DROP TABLE events; --",
    '"; DELETE FROM articles; --',
    "x') UNION SELECT * FROM articles --",
    "'; COPY events TO '/tmp/eventwire-injected.csv'; --",
    "' || (SELECT text FROM read_text('/etc/passwd')) || '",
    "'; ATTACH '/tmp/eventwire-injected.duckdb' AS other; --",
    "%' AND 1=0 UNION ALL SELECT 1 --",
    "\\'; INSTALL httpfs; --",
    "Robert'); DROP TABLE actors;--",
]
TEXT_FILTERS = ["actor", "place", "q", "type", "country"]


@pytest.fixture(scope="module")
def client(coder: Coder, sample_db: Path) -> Iterator[TestClient]:
    app = create_app(
        coder, db=sample_db, options=ServeOptions(max_body_bytes=20_000, max_article_chars=2_000)
    )
    yield TestClient(app)
    app.state.store.close()


def table_counts(client: TestClient) -> dict[str, int]:
    con = client.app.state.store.con  # type: ignore[attr-defined]
    return {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("events", "articles", "actors")
    }


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injections_in_every_filter_change_nothing(client: TestClient, payload: str) -> None:
    before = table_counts(client)
    for name in TEXT_FILTERS:
        for path in ("/events", "/network", "/places", "/actors"):
            response = client.get(path, params={name: payload})
            assert response.status_code in (200, 422), (path, name, response.text)
            if path == "/events" and response.status_code == 200:
                assert response.json()["total"] == 0, (name, payload)
    for path, params in (
        ("/events", {"source": payload, "target": payload}),
        ("/events", {"sort": payload}),
        ("/events/export", {"actor": payload, "format": "gdelt"}),
        ("/actors", {"q": payload}),
        ("/network", {"level": payload}),
        (f"/articles/{payload}", {}),
        (f"/actors/{payload}", {}),
        (f"/dyads/{payload}/{payload}/timeseries", {}),
    ):
        assert client.get(path, params=params).status_code in (200, 404, 422), (path, params)
    assert table_counts(client) == before
    assert not Path("/tmp/eventwire-injected.csv").exists()
    assert not Path("/tmp/eventwire-injected.duckdb").exists()


def test_the_query_connection_is_read_only_and_without_file_access(client: TestClient) -> None:
    con = client.app.state.store.con  # type: ignore[attr-defined]
    for statement in (
        "DELETE FROM events",
        "SELECT * FROM read_csv('/etc/passwd')",
        "COPY events TO '/tmp/eventwire-injected.csv'",
        "SET enable_external_access = true",
    ):
        with pytest.raises(duckdb.Error):
            con.execute(statement)


def test_no_file_path_is_taken_from_a_request(client: TestClient) -> None:
    assert client.get("/static/world.json").status_code == 200
    for name in ("..%2F..%2Fpyproject.toml", "index.html", "../app.py", "%2Fetc%2Fpasswd"):
        assert client.get(f"/static/{name}").status_code == 404


def test_an_oversize_body_is_413_with_a_json_body(client: TestClient) -> None:
    big = {"articles": [{"text": "Talks resumed. " * 2_000}]}
    response = client.post("/extract", json=big)
    assert response.status_code == 413 and "20,000 bytes" in response.json()["detail"]


def test_an_oversize_body_without_a_length_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(100):
            yield b"x" * 1_000
        yield b'"}]}'

    response = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["detail"]


def test_too_many_articles_is_422(client: TestClient) -> None:
    response = client.post("/extract", json={"articles": [{"text": "a"}] * 201})
    assert response.status_code == 422


def test_a_long_article_gets_its_own_error_and_the_rest_are_coded(client: TestClient) -> None:
    articles = [{"id": "long", "text": "Talks. " * 400}, {"id": "short", "text": "Iran summoned the envoy."}]
    lines = client.post("/extract", json={"articles": articles}).json()
    assert lines[0]["error"]["type"] == "ArticleTooLongError" and "2,000" in lines[0]["error"]["message"]
    assert lines[1]["error"] is None


def test_articles_past_the_time_limit_get_an_error_line(coder: Coder) -> None:
    app = create_app(coder, options=ServeOptions(extract_seconds=0))
    articles = [{"id": f"a{i}", "text": "Iran summoned the envoy."} for i in range(3)]
    lines = TestClient(app).post("/extract", json={"articles": articles}).json()
    assert [line["id"] for line in lines] == ["a0", "a1", "a2"]
    assert all(line["error"]["type"] == "TimeLimitError" for line in lines)


def test_with_a_token_every_post_needs_it(coder: Coder) -> None:
    client = TestClient(create_app(coder, options=ServeOptions(token="s3cret")))
    body = {"articles": [{"text": "Iran summoned the envoy."}]}
    assert client.post("/extract", json=body).status_code == 401
    wrong = client.post("/extract", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"]
    assert client.post("/extract", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/health").status_code == 200  # reading needs no token


def test_without_a_token_extract_is_open(coder: Coder) -> None:
    client = TestClient(create_app(coder))
    assert client.post("/extract", json={"articles": [{"text": "Talks resumed."}]}).status_code == 200


def test_storing_articles_is_off_by_default(client: TestClient) -> None:
    before = table_counts(client)
    response = client.post("/articles", json={"articles": [{"text": "Iran summoned the envoy."}]})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["detail"]
    assert table_counts(client) == before


def test_ingest_needs_a_token_to_start(writable_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ConfigError, match="token"):
        ServeOptions(allow_ingest=True)
    assert main(["serve", "--db", str(writable_db), "--allow-ingest"]) == 2
    assert "needs a token" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [{"max_page": 0}, {"max_body_bytes": -5}, {"extract_seconds": -1.0}])
def test_limits_must_make_sense(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        ServeOptions(**bad)


def test_ingest_stores_with_the_token_and_refuses_without(coder: Coder, writable_db: Path) -> None:
    app = create_app(coder, db=writable_db, options=ServeOptions(allow_ingest=True, token="s3cret"))
    client = TestClient(app)
    body = {"articles": [{"id": "api-1", "text": "Iran summoned the British ambassador on Monday."}]}
    assert client.post("/articles", json=body, headers={"Authorization": "Bearer bad"}).status_code == 401
    assert client.get("/articles/api-1").status_code == 404
    stored = client.post("/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
    assert stored["stored"][0] == {"id": "api-1", "status": "coded", "new_events": 1}
    article = client.get("/articles/api-1").json()
    assert article["events"][0]["plover"] == stored["articles"][0]["events"][0]["plover"]
    app.state.store.close()


def test_ingest_screens_languages_as_extract_does(coder: Coder, writable_db: Path) -> None:
    app = create_app(coder, db=writable_db, options=ServeOptions(allow_ingest=True, token="s3cret"))
    client = TestClient(app)
    # Written for this test: "The government in Madrid announced new sanctions against Russia on Monday."
    spanish = "El gobierno de Madrid anunció el lunes nuevas sanciones contra Rusia por la guerra."
    headers = {"Authorization": "Bearer s3cret"}
    refused = client.post("/articles", json={"articles": [{"id": "es-1", "text": spanish}]}, headers=headers)
    assert refused.json()["articles"][0]["error"]["type"] == "UnsupportedLanguageError"
    assert refused.json()["stored"][0]["new_events"] == 0
    body = {"articles": [{"id": "es-2", "text": spanish}], "any_language": True}
    asked = client.post("/articles", json=body, headers=headers).json()
    assert asked["articles"][0]["error"] is None and asked["articles"][0]["language"] == "es"
    assert asked["stored"][0]["status"] == "coded"
    app.state.store.close()
