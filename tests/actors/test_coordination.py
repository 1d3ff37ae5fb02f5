"""Coordinated nationality words inside one actor phrase name one party each: an event whose
source is "Lithuanian and Polish border guards" has a Lithuanian and a Polish source."""

from __future__ import annotations

import pytest

import eventwire

ROWS = [
    # (sentence, the countries among the first event's sources, the sector they share)
    ("Estonian and Latvian border guards began joint patrols on Monday.", {"EST", "LVA"}, "COP"),
    ("Ghanaian and Togolese troops clashed with smugglers near the border.", {"GHA", "TGO"}, "MIL"),
    ("Chilean and Argentine negotiators held talks in Santiago on Friday.", {"CHL", "ARG"}, "GOV"),
]


@pytest.mark.parametrize(("text", "countries", "sector"), ROWS)
def test_each_nationality_is_a_party(text: str, countries: set[str], sector: str) -> None:
    coded = eventwire.code(text, date="2024-04-09")
    assert coded.events, f"no event in {text!r}"
    sources = coded.events[0].source
    assert {a.country for a in sources} == countries
    assert {a.sector for a in sources} == {sector}


def test_a_single_nationality_stays_one_party() -> None:
    coded = eventwire.code("Estonian border guards detained two smugglers on Monday.", date="2024-04-09")
    assert [a.country for a in coded.events[0].source] == ["EST"]
