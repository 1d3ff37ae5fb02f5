"""Coding conventions and name mechanisms of the actor stage, through the public resolver:
states named as actors, international bodies told apart by their names, misspelt countries,
organisation heads. Each row is (phrase, date, expected country, expected sector); the
organisations are invented or chosen so that the KB does not list them by name."""

from __future__ import annotations

from typing import Any

import pytest

import eventwire
from eventwire.actors.fuzzy import SpellingIndex
from eventwire.actors.international import international_body
from eventwire.errors import ConfigError

DAY = "2024-05-02"

STATES = [
    ("Peru", DAY, "PER", "GOV"),  # a bare state name is its government (ICEWS)
    ("the Republic of Moldova", DAY, "MDA", "GOV"),
    ("Uruguay", DAY, "URY", "GOV"),
    ("N. Korea", DAY, "PRK", "GOV"),  # a headline abbreviation
    ("Beijing", DAY, "CHN", "GOV"),  # a capital standing for its government
]

INTERNATIONAL = [
    ("the United Nations Ocean Survey Office", DAY, "IGO", "IGO"),
    ("the UN Ceasefire Monitoring Team", DAY, "IGO", "IGO"),
    ("the Inter-American Fisheries Commission", DAY, "IGO", "IGO"),
    ("the Caribbean Parliament", DAY, "IGO", "LEG"),
    ("the Pan-African Court of Arbitration", DAY, "IGO", "JUD"),
    ("the International Organisation for Fisheries Data", DAY, "IGO", "IGO"),
    ("Global Rights Watch", DAY, "IGO", "HRI"),  # international NGOs: country IGO by default
    ("the International Alliance for Nature Protection", DAY, "IGO", "ENV"),
    ("the International Federation of Midwives", DAY, "IGO", "HLH"),
    ("the Peruvian Network for Human Rights", DAY, "PER", "HRI"),  # a national rights group
]

MISSPELT = [
    ("Isreali troops", DAY, "ISR", "MIL"),  # two neighbouring letters swapped
    ("Morrocan police", DAY, "MAR", "COP"),  # a doubled letter moved
    ("a Lybian militia", DAY, "LBY", "UAF"),  # a short name with two letters swapped
    ("Venezualan soldiers", DAY, "VEN", "MIL"),
]

ROLES = [
    ("Kenyan fraudsters", DAY, "KEN", "CRM"),  # a nationality alone is no government
    ("Nigerian bandits", DAY, "NGA", "CRM"),
    ("Zambian poachers", DAY, "ZMB", "CRM"),
    ("Pakistani polio workers", DAY, "PAK", "HLH"),
    ("Somali vaccinators", DAY, "SOM", "HLH"),
    ("Peruvian trawlermen", DAY, "PER", None),  # an unknown noun: no sector, and not GOV
]

HEADS = [
    ("the Lagos State Police Command", DAY, "NGA", "COP"),
    ("the French Foreign Legion", DAY, "FRA", "MIL"),
    ("the Denver Police Department", DAY, "USA", "COP"),  # not the GOV of "department"
    ("the Kaduna state police command", DAY, "NGA", "COP"),  # a role phrase, not a name
]


def _resolved(phrase: str, date: str, **settings: Any) -> tuple[str | None, str | None]:
    actor = eventwire.resolve_actor(phrase, date=date, **settings)
    assert actor is not None, f"no actor for {phrase!r}"
    return actor.country, actor.sector


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"), STATES + INTERNATIONAL + MISSPELT + ROLES + HEADS
)
def test_phrase(phrase: str, date: str, country: str, sector: str | None) -> None:
    assert _resolved(phrase, date) == (country, sector)


def test_state_sector_and_ngo_country_are_settings() -> None:
    options = {"actors.kb": {"state_sector": "", "ngo_country": "NGO"}}
    assert _resolved("Peru", DAY, options=options) == ("PER", None)
    assert _resolved("Amnesty International", DAY, options=options) == ("NGO", "HRI")
    assert _resolved("Global Rights Watch", DAY, options=options) == ("NGO", "HRI")
    assert _resolved("UN peacekeepers", DAY, options=options) == ("IGO", "MIL")  # still an IGO


@pytest.mark.parametrize("options", [{"state_sector": "XXX"}, {"ngo_country": "KEN"}])
def test_bad_settings_are_refused(options: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        eventwire.resolve_actor("Peru", date=DAY, options={"actors.kb": options})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kenya National Commission on Human Rights", None),  # a state body, not an NGO
        ("the Ministry of Human Rights", None),
        ("Nurses Without Borders", ("NGO", "HLH")),
        ("the International Court of Fisheries", ("IGO", "JUD")),
        ("the Arab Organization for Human Rights", ("NGO", "HRI")),  # rights beat the region
        ("the Royal Society", None),
    ],
)
def test_international_body(name: str, expected: tuple[str, str] | None) -> None:
    assert international_body(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("isreal", "ISR"), ("lybia", "LBY"), ("morrocan", "MAR"), ("tango", None), ("finish", None)],
)
def test_slips_of_short_country_words(word: str, expected: str | None) -> None:
    index = SpellingIndex(
        [("israel", "ISR"), ("libya", "LBY"), ("moroccan", "MAR"), ("tonga", "TON"), ("finnish", "FIN")]
    )
    assert index.country(word) == expected
