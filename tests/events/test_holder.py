"""A request for the release of one's own people is addressed to the state that holds them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import CodedArticle

CASES = [
    # (sentence written for this test, source country, expected target countries)
    (
        "The Dutch foreign minister raised the case of two Dutch engineers, who are held in a Syrian prison.",
        "NLD",
        ["SYR"],
    ),
    ("France demanded the release of two French journalists kidnapped by Malian rebels.", "FRA", ["MLI"]),
    # No clause says where they are held: the target stays the people named.
    ("Japan called for the release of the Japanese fishermen.", "JPN", ["JPN"]),
]


@pytest.mark.parametrize(("text", "source", "targets"), CASES)
def test_release_requests_target_the_holder(
    code: Callable[..., CodedArticle], text: str, source: str, targets: list[str]
) -> None:
    events = [e for e in code(text).events if e.plover == "REQUEST"]
    assert events, "a REQUEST is coded"
    assert [a.country for a in events[0].source] == [source]
    assert [a.country for a in events[0].target] == targets


def test_sending_rescue_workers_is_not_deportation(code: Callable[..., CodedArticle]) -> None:
    coded = code("Norway sent a team of rescue workers and medical supplies to Nepal after the earthquake.")
    assert "COERCE" not in [e.plover for e in coded.events]
