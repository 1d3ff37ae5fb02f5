"""The REST API codes contract records and keeps each article's failure to itself."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api import Coder
from eventwire.serve.app import create_app


@pytest.fixture(scope="module")
def client(coder: Coder) -> TestClient:
    return TestClient(create_app(coder))


def test_health_names_the_model(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["model"] == "en_core_web_sm"


def test_extract_returns_one_line_per_article_in_order(client: TestClient) -> None:
    articles = [
        {"id": "one", "text": "Students marched through Dhaka on Monday."},
        {"id": "two", "text": "Talks resumed.", "date": "the day before"},
        {"id": "three", "text": " "},
    ]
    lines = client.post("/extract", json={"articles": articles}).json()
    assert [line["id"] for line in lines] == ["one", "two", "three"]
    # an unreadable date is dropped with a warning (issue 16): the article is still coded
    assert [line["error"] is None for line in lines] == [True, True, False]
    assert "the day before" in lines[1]["warnings"][0]


def test_extract_with_sentences_shows_the_evidence(client: TestClient) -> None:
    lines = client.post("/extract/sentences", json={"articles": [{"text": "One sentence. And two."}]}).json()
    assert [s["text"] for s in lines[0]["sentences"]] == ["One sentence.", "And two."]


def test_empty_request_is_refused(client: TestClient) -> None:
    assert client.post("/extract", json={"articles": []}).status_code == 422


def test_explorer_page_is_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "eventwire explorer" in page.text


# Written for this test: a German news report (police detained demonstrators in Berlin).
GERMAN = (
    "Die Polizei hat am Montag in Berlin mehrere Demonstranten festgenommen, die gegen die neue "
    "Regierung protestierten. Der Innenminister sagte, die Lage sei unter Kontrolle."
)
ENGLISH = "Police detained several demonstrators in Berlin on Monday."


@pytest.mark.parametrize("path", ["/extract", "/extract/sentences"])
def test_extract_leaves_non_english_uncoded_and_says_how_to_code_it(client: TestClient, path: str) -> None:
    articles = [{"id": "de", "text": GERMAN}, {"id": "en", "text": ENGLISH}]
    lines = client.post(path, json={"articles": articles}).json()
    assert [line["language"] for line in lines] == ["de", "en"]
    assert lines[0]["error"]["type"] == "UnsupportedLanguageError"
    assert 'pass "any_language": true to code it' in lines[0]["error"]["message"]
    assert lines[0]["events"] == [] and lines[1]["error"] is None and lines[1]["events"]


def test_extract_codes_non_english_when_the_request_asks(client: TestClient) -> None:
    body = {"articles": [{"id": "de", "text": GERMAN}], "any_language": True}
    [line] = client.post("/extract", json=body).json()
    assert line["error"] is None and line["language"] == "de"
    assert "coded as English as asked" in line["warnings"][0]


def test_any_language_must_be_a_boolean(client: TestClient) -> None:
    body = {"articles": [{"text": ENGLISH}], "any_language": "perhaps"}
    assert client.post("/extract", json=body).status_code == 422
