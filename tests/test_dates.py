"""Date expressions: finding them in text and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dates import Tense, find_dates, resolve_expression

THU = dt.date(2023, 10, 12)  # a Thursday
MON = dt.date(2022, 2, 7)  # a Monday
NEW_YEAR = dt.date(2024, 1, 3)  # a Wednesday, early January


@pytest.mark.parametrize(
    ("expression", "anchor", "tense", "value", "precision"),
    [
        ("Wednesday", THU, "past", "2023-10-11", "day"),
        ("Thursday", THU, "past", "2023-10-12", "day"),  # same-day report
        ("Friday", THU, "past", "2023-10-06", "day"),
        ("Friday", THU, "future", "2023-10-13", "day"),
        ("Monday", THU, "present", "2023-10-16", "day"),
        ("last Thursday", THU, "past", "2023-10-05", "day"),
        ("next Thursday", THU, "future", "2023-10-19", "day"),
        ("Sunday", MON, "past", "2022-02-06", "day"),
        ("yesterday", THU, "past", "2023-10-11", "day"),
        ("last night", NEW_YEAR, "past", "2024-01-02", "day"),
        ("today", THU, "past", "2023-10-12", "day"),
        ("tomorrow", THU, "future", "2023-10-13", "day"),
        ("this morning", THU, "past", "2023-10-12", "day"),
        ("two days ago", THU, "past", "2023-10-10", "day"),
        ("a week ago", MON, "past", "2022-01-31", "day"),
        ("three months ago", THU, "past", "2023-07", "month"),
        ("a year ago", THU, "past", "2022", "year"),
        ("March", THU, "past", "2023-03", "month"),
        ("December", THU, "past", "2022-12", "month"),
        ("December", THU, "future", "2023-12", "month"),
        ("December", NEW_YEAR, "past", "2023-12", "month"),
        ("February", NEW_YEAR, "future", "2024-02", "month"),
        ("October", THU, "past", "2023-10", "month"),
        ("last March", THU, "past", "2023-03", "month"),  # the most recent March
        ("last March", MON, "past", "2021-03", "month"),
        ("last October", THU, "past", "2022-10", "month"),
        ("next March", THU, "future", "2024-03", "month"),
        ("early March", THU, "past", "2023-03", "month"),
        ("May 2019", THU, "past", "2019-05", "month"),
        ("March 3", THU, "past", "2023-03-03", "day"),
        ("December 28", NEW_YEAR, "past", "2023-12-28", "day"),
        ("January 13", NEW_YEAR, "present", "2024-01-13", "day"),
        ("29 January", MON, "past", "2022-01-29", "day"),
        ("25th of December", NEW_YEAR, "past", "2023-12-25", "day"),
        ("4th of July 2019", THU, "past", "2019-07-04", "day"),
        ("Sept. 9", THU, "past", "2023-09-09", "day"),
        ("May 3, 2020", THU, "past", "2020-05-03", "day"),
        ("3 May 2020", THU, "future", "2020-05-03", "day"),
        ("2021-05-19", THU, "past", "2021-05-19", "day"),
        ("in 2019", THU, "past", "2019", "year"),
        ("last year", THU, "past", "2022", "year"),
        ("next year", THU, "future", "2024", "year"),
        ("earlier this year", THU, "past", "2023", "year"),
        ("later this year", THU, "future", "2023", "year"),
        ("last month", MON, "past", "2022-01", "month"),
        ("next month", THU, "future", "2023-11", "month"),
        ("earlier this month", THU, "past", "2023-10", "month"),
        ("last week", THU, "past", "2023-10", "month"),
        ("last week", dt.date(2023, 10, 3), "past", "2023-09", "month"),
        ("over the weekend", THU, "past", "2023-10-07", "day"),
        ("this weekend", MON, "past", "2022-02-05", "day"),
        ("this weekend", THU, "future", "2023-10-14", "day"),
    ],
)
def test_resolve(expression: str, anchor: dt.date, tense: Tense, value: str, precision: str) -> None:
    resolved = resolve_expression(expression, anchor, tense)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("expression", ["Wednesday", "March", "last year", "two days ago", "yesterday"])
def test_relative_dates_need_a_publication_date(expression: str) -> None:
    assert resolve_expression(expression, None, "past") is None


def test_absolute_dates_resolve_without_a_publication_date() -> None:
    resolved = resolve_expression("13 December 2007", None, "past")
    assert resolved is not None and resolved.value == "2007-12-13"


@pytest.mark.parametrize("expression", ["February 30", "2023-02-30", "the day before"])
def test_impossible_or_unknown_expressions(expression: str) -> None:
    assert resolve_expression(expression, THU, "past") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ministers met on Wednesday evening in the capital.", ["Wednesday"]),
        ("The summit may be held in Switzerland.", []),
        ("May is a month; talks in May went well.", ["May"]),
        ("Relations soured in March after the vote on May 3, 2020.", ["March", "May 3, 2020"]),
        ("Some 2021 troops and 300 police were deployed.", []),
        ("We will march on Sunday, said the organisers.", ["Sunday"]),
        ("Two days ago and last week, the army attacked.", ["Two days ago", "last week"]),
        ("The plan was announced in 2019 and revised earlier this year.", ["in 2019", "earlier this year"]),
    ],
)
def test_find_dates(text: str, found: list[str]) -> None:
    assert [m.text for m in find_dates(text)] == found


def test_find_dates_offsets_point_into_the_text() -> None:
    text = "Officials said on Monday that the talks of last March failed."
    for mention in find_dates(text):
        assert text[mention.start : mention.end] == mention.text
