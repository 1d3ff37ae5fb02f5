"""``eventwire places``: each event's place with the step and candidates that explain it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

TEXT = (
    "Militia fighters raided a market near Hyderabad on Friday, police in Sindh province said. "
    "Three traders were wounded."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, "utf-8")
    return path


def test_lists_each_event_with_its_step_and_candidates(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["places", str(article)]) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()[1:]]
    assert lines, "no event listed"
    assert "Hyderabad PAK (town) by clause" in lines[0]
    assert "candidates: Hyderabad (PAK, town), Hyderabad (IND, town)" in lines[0]


def test_json_gives_the_why_of_every_event(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", str(article), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    steps = [event["why"]["step"] for event in record["events"]]
    assert steps and steps[0] == "clause"
    assert all(
        event["why"]["candidates"][0].startswith(event["location"]["name"]) for event in record["events"]
    )
