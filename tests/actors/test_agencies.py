"""Short names of national bodies read with the country the text gives them (agencies.yaml):
"CBI" alone is unknown, "India's CBI" is India's federal police; "NPA" alone is the
Philippine New People's Army, "South Africa's NPA" the prosecuting authority."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.kb import ActorKB

DAY = "2023-09-14"

ROWS = [
    ("India's CBI", "IND", "COP"),
    ("Turkey's MIT", "TUR", "SPY"),
    ("the Kenyan DCI", "KEN", "COP"),
    ("South Africa's NPA", "ZAF", "JUD"),  # not the New People's Army
    ("the NPA", "PHL", "REB"),  # the short name alone keeps its KB reading
    ("Sudan's RSF", "SDN", "UAF"),  # not Reporters Without Borders
    ("the Australian AFP", "AUS", "COP"),  # not the French news agency
    ("AFP", "FRA", "MED"),
]


@pytest.mark.parametrize(("phrase", "country", "sector"), ROWS)
def test_short_name_with_its_country(phrase: str, country: str, sector: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=DAY)
    assert actor is not None, f"no actor for {phrase!r}"
    assert (actor.country, actor.sector) == (country, sector)


def test_national_body_needs_the_country() -> None:
    kb = ActorKB.load()
    assert kb.national_body("IND", "CBI") == ("Central Bureau of Investigation", "COP")
    assert kb.national_body("GBR", "CBI") is None
