"""A weekday in a sentence resolves by the tense of the event's verb: a table of whole sentences.

Past acts point back (to the most recent such day, the publication day itself included:
"said on Monday" in a Monday story is that day); announced acts point forward. Sentences
written for this test; publication dates chosen so every weekday is a different distance away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from eventwire.records import CodedArticle

MONDAY = "2025-06-09"
THURSDAY = "2025-06-12"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Past tense: the previous such day.
        ("Armenia and Azerbaijan agreed on Sunday to resume border talks.", MONDAY, "2025-06-08"),
        ("Armenia and Azerbaijan agreed on Sunday to a prisoner exchange.", MONDAY, "2025-06-08"),
        ("Kenya and Uganda signed a fishing accord on Friday.", MONDAY, "2025-06-06"),
        ("Police in Lagos arrested eleven protesters on Tuesday.", THURSDAY, "2025-06-10"),
        ("Chile expelled two Peruvian diplomats on Wednesday.", THURSDAY, "2025-06-11"),
        ("Egypt has condemned the strike on Saturday.", MONDAY, "2025-06-07"),
        # The publication weekday itself: a same-day report.
        ("Japan protested to China on Monday over the patrol boats.", MONDAY, "2025-06-09"),
        # Future: the next such day.
        ("Brazil will host talks with Argentina on Friday.", MONDAY, "2025-06-13"),
        ("Canada is set to announce sanctions against Iran on Tuesday.", THURSDAY, "2025-06-17"),
        ("Greek and Turkish ministers plan to meet on Saturday.", THURSDAY, "2025-06-14"),
    ],
)
def test_weekday_follows_the_tense_of_the_event(
    code: Callable[..., CodedArticle], text: str, published: str, expected: str
) -> None:
    coded = code(text, date=dt.date.fromisoformat(published))
    assert coded.events, f"no event coded in {text!r}"
    assert coded.events[0].date == expected, [(e.plover, e.trigger.text, e.date) for e in coded.events]
