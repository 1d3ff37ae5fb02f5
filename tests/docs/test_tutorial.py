"""The records docs/tutorial.md explains are what the coder gives for its article."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.records import CodedArticle, Event

ARTICLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "tutorial-article.txt"


@pytest.fixture(scope="module")
def coded() -> CodedArticle:
    return eventwire.code(ARTICLE.read_text("utf-8"), date="2024-03-20")


def _event(coded: CodedArticle, trigger: str) -> Event:
    (found,) = [e for e in coded.events if e.trigger.text == trigger]
    return found


def _summary(event: Event) -> tuple[str, str | None, list[str | None], list[str | None], str | None]:
    countries = [a.country for a in event.source], [a.country for a in event.target]
    return (event.plover, event.mode, *countries, event.date)


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        ("imposed", ("SANCTION", "discontinue", ["USA"], ["PRK"], "2024-03-19")),
        ("lifted", ("RETREAT", "ease", ["USA"], ["KOR"], "2024-03-20")),
        ("recalled", ("SANCTION", "withdraw", ["CHN"], ["PHL"], "2024-03-18")),
        ("demanded", ("REQUEST", "yield", ["KOR"], ["PRK"], "2024-03-20")),
        ("massed", ("MOBILIZE", "troops", ["PRK"], [], "2024-03-20")),
    ],
)
def test_the_events_the_tutorial_explains(
    coded: CodedArticle, trigger: str, expected: tuple[object, ...]
) -> None:
    assert _summary(_event(coded, trigger)) == expected


def test_the_meeting_has_both_ministers_as_sources_and_the_recall_is_reported_by_xinhua(
    coded: CodedArticle,
) -> None:
    meeting = _event(coded, "met")
    assert [a.name for a in meeting.source] == ["Yoko Kamikawa", "Cho Tae-yul"]
    assert [a.name for a in _event(coded, "recalled").reported_by] == ["Xinhua"]
    assert coded.extras.dateline is not None and coded.extras.dateline.place == "Tokyo"


def test_the_quotation_is_kamikawas(coded: CodedArticle) -> None:
    direct = [q for q in coded.quotes if q.direct]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in direct] == [
        ("We will not accept any provocation", "Yoko Kamikawa")
    ]
