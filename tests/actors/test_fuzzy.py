from __future__ import annotations

import pytest

from eventwire.actors.fuzzy import SpellingIndex, edit_distance


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("colombian", "columbian", 2, 1),
        ("philippine", "phillipine", 2, 2),
        ("kenya", "zambia", 1, 2),
        ("", "ab", 2, 2),
    ],
)
def test_edit_distance_stops_past_the_limit(a: str, b: str, limit: int, expected: int) -> None:
    assert edit_distance(a, b, limit) == expected


def test_two_countries_equally_near_give_no_guess() -> None:
    index = SpellingIndex(
        [("Austrian", "AUT"), ("Australian", "AUS"), ("Slovakian", "SVK"), ("Slovenian", "SVN")]
    )
    assert index.country("Austrien") == "AUT"
    assert index.country("Slovxnian") == "SVN"
    tied = SpellingIndex([("Marandia", "AAA"), ("Marandio", "BBB")])
    assert tied.country("Marandiu") is None  # one edit from both
