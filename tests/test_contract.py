"""The contract of ../shared/CONTRACT.md, enforced on articles written for this test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ARTICLE = {
    "id": "contract-1",
    "date": "2022-06-09",
    "publisher": "Test Wire",
    "title": "Canada recalls envoy",
    "text": (
        "OTTAWA, June 9 - Canada recalled its ambassador from Moscow on Wednesday, Reuters reported.\n"
        '"This decision was not taken lightly," Canadian Foreign Minister Melanie Joly said in Ottawa.\n'
        "The Russian government condemned the move and threatened to expel Canadian diplomats."
    ),
}
EVENT_KEYS = {
    "plover",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "quad",
    "source",
    "target",
    "negated",
    "modality",
    "sentence",
    "trigger",
    "date",
    "date_precision",
    "location",
    "reported_by",
    "confidence",
}
ACTOR_KEYS = {"text", "name", "country", "sector", "kind", "wikidata"}
QUOTE_KEYS = {"text", "start", "end", "speaker", "cue", "direct", "reported_by"}
PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def run_extract(tmp_path: Path, *inputs: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    out = tmp_path / "out.jsonl"
    return subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", *inputs, "--output", str(out)],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def read_lines(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]


def check_actor(actor: dict[str, Any]) -> None:
    assert set(actor) == ACTOR_KEYS
    assert isinstance(actor["text"], str) and actor["text"]
    assert actor["kind"] in {None, "person", "organization", "state", "group"}
    country = actor["country"]
    assert country is None or (isinstance(country, str) and len(country) == 3 and country.isupper())


def check_event(event: dict[str, Any], text: str, n_sentences_max: int) -> None:
    assert set(event) >= EVENT_KEYS
    assert event["plover"] in PLOVER_TYPES
    assert isinstance(event["cameo"], str) and event["cameo"].isdigit()
    assert isinstance(event["context"], list)
    assert event["quad"] in {1, 2, 3, 4}
    assert isinstance(event["goldstein"], float) and -10 <= event["goldstein"] <= 10
    assert isinstance(event["negated"], bool)
    assert event["modality"] in {"asserted", "future", "hypothetical", "conditional"}
    assert 0 <= event["sentence"] < n_sentences_max
    trigger = event["trigger"]
    assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    assert event["date_precision"] in {None, "day", "month", "year"}
    assert 0.0 <= event["confidence"] <= 1.0
    for actor in event["source"] + event["target"] + event["reported_by"]:
        check_actor(actor)
    if event["location"] is not None:
        assert {"name", "country", "lat", "lon"} <= set(event["location"])


def check_quote(quote: dict[str, Any], text: str) -> None:
    assert set(quote) >= QUOTE_KEYS
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert isinstance(quote["direct"], bool)
    if quote["speaker"] is not None:
        check_actor(quote["speaker"])


@pytest.fixture(scope="module")
def coded_line(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp_path = tmp_path_factory.mktemp("contract")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", "utf-8")
    result = run_extract(tmp_path, str(source))
    assert result.returncode == 0, result.stderr
    lines = read_lines(tmp_path)
    assert len(lines) == 1
    return lines[0]


def test_output_line_has_every_contract_field(coded_line: dict[str, Any]) -> None:
    assert set(coded_line) >= {"id", "events", "actors", "quotes", "error"}
    assert coded_line["id"] == "contract-1"
    assert coded_line["error"] is None


def test_events_follow_the_contract(coded_line: dict[str, Any]) -> None:
    assert coded_line["events"], "the written article has events to code"
    for event in coded_line["events"]:
        check_event(event, ARTICLE["text"], n_sentences_max=4)
    assert "SANCTION" in {e["plover"] for e in coded_line["events"]}


def test_actors_and_quotes_follow_the_contract(coded_line: dict[str, Any]) -> None:
    assert coded_line["actors"]
    for actor in coded_line["actors"]:
        check_actor(actor)
    assert {"CAN", "RUS"} <= {a["country"] for a in coded_line["actors"]}
    assert coded_line["quotes"]
    for quote in coded_line["quotes"]:
        check_quote(quote, ARTICLE["text"])


def test_txt_input_and_default_id(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Protesters marched in Lagos on Monday.", "utf-8")
    result = run_extract(tmp_path, str(source))
    assert result.returncode == 0, result.stderr
    (line,) = read_lines(tmp_path)
    assert line["id"].startswith("sha1-") and line["error"] is None


def test_malformed_lines_get_errors_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": "Kenya and Uganda signed a trade agreement."}),
        "{not json",
        json.dumps({"id": "no-text", "title": "headline only"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "bad-date", "text": "Talks resumed.", "date": "next Tuesday"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok-2", "text": "Police arrested twelve protesters in Minsk."}),
    ]
    result = run_extract(tmp_path, "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = read_lines(tmp_path)
    assert len(out) == len(lines)
    # an unreadable date is dropped with a warning: the article is still coded
    assert [o["error"] is None for o in out] == [True, False, False, False, True, False, True]
    assert "'next Tuesday' is not an ISO date" in out[4]["warnings"][0]
    assert [o["id"] for o in out][:1] == ["ok-1"] and out[-1]["id"] == "ok-2"
    assert "4 failed" in result.stderr
    assert all(o["error"]["type"] and o["error"]["message"] for o in out if o["error"])


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = run_extract(tmp_path, str(tmp_path / "missing.jsonl"))
    assert result.returncode == 2
    assert "missing.jsonl" in result.stderr


def test_csv_input_with_a_column_mapping(tmp_path: Path) -> None:
    source = tmp_path / "wires.csv"
    source.write_text(
        'ref,body,published\nw1,"Chile recalled its ambassador from Caracas.",2020-02-03\n', "utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(source), "--output", str(out),
         "--csv-column", "text=body", "--csv-column", "date=published", "--csv-column", "id=ref"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (line,) = read_lines(tmp_path)
    assert line["id"] == "w1" and line["error"] is None


def test_bad_csv_column_option_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "wires.csv"
    source.write_text("body\nTalks resumed.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "extract", str(source), "--csv-column", "text"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "FIELD=COLUMN" in result.stderr
