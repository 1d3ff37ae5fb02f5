"""Datelines: place, agency and day at the head of a wire story, and what is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.metadata.dateline import parse_dateline

PUBLISHED = dt.date(2023, 10, 12)


@pytest.mark.parametrize(
    ("text", "place", "publisher", "day"),
    [
        ("TALLINN, Oct 12 (Reuters) - The parliament voted.", "Tallinn", "Reuters", dt.date(2023, 10, 12)),
        ("WASHINGTON (AP) \u2014 The Senate passed the bill.", "Washington", "AP", None),
        (
            "LVIV, Ukraine, Oct 11 (Reuters) - Air raid sirens sounded.",
            "Lviv, Ukraine",
            "Reuters",
            dt.date(2023, 10, 11),
        ),
        ("MINSK, October 12. /TASS/. The ministry said.", "Minsk", "TASS", dt.date(2023, 10, 12)),
        ("Dakar (AFP) - Voters queued from dawn.", "Dakar", "AFP", None),
        ("NEW DELHI: The cabinet approved the plan.", "New Delhi", None, None),
        ("ABUJA, 3 October 2023 (AFP) - Troops deployed.", "Abuja", "AFP", dt.date(2023, 10, 3)),
    ],
)
def test_datelines(text: str, place: str, publisher: str | None, day: dt.date | None) -> None:
    dateline = parse_dateline(text, PUBLISHED)
    assert dateline is not None
    assert (dateline.place, dateline.publisher, dateline.date) == (place, publisher, day)
    assert text[dateline.end :][:1].isupper()  # the story starts right after it


@pytest.mark.parametrize(
    "text",
    [
        "Protesters marched in Minsk - police said nothing.",
        "The minister - who resigned - spoke to reporters.",
        "Iran said on Monday - in a statement - that talks would resume.",
        "Police fired tear gas.",
        "",
    ],
)
def test_not_datelines(text: str) -> None:
    assert parse_dateline(text, PUBLISHED) is None


def test_dateline_after_a_headline_and_byline() -> None:
    text = "Harbour talks collapse\nBy a staff reporter\nTALLINN, Oct 12 (Reuters) - The talks ended."
    dateline = parse_dateline(text, PUBLISHED)
    assert dateline is not None and dateline.place == "Tallinn"
    assert text[dateline.end :] == "The talks ended."


def test_dateline_day_without_publication_year_is_unknown() -> None:
    dateline = parse_dateline("TALLINN, Oct 12 (Reuters) - The parliament voted.", None)
    assert dateline is not None and dateline.date is None
