"""Organisation types, sector precedence and "former" titles through the public resolver.

Each row is (phrase, date, expected country, expected sector): the phrase is read by the same
pipeline `extract` runs. The organisations are chosen so that the KB does not list them by
name; the type must come from the head of the name and the country from a nationality, an
owner or a place inside the name.
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.kb import ActorKB

DAY = "2024-03-01"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def _country_sector(phrase: str, date: str = DAY) -> tuple[str | None, str | None]:
    actor = eventwire.resolve_actor(phrase, date=date)
    assert actor is not None, f"no actor for {phrase!r}"
    return actor.country, actor.sector


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("the University of Ghana", DAY, "GHA", "EDU"),
        ("Stellenbosch University", DAY, "ZAF", "EDU"),
        ("the Kampala International College", DAY, "UGA", "EDU"),
        ("Nairobi Polytechnic", "2019-06-01", "KEN", "EDU"),
    ],
)
def test_universities_and_colleges_are_education(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("the Peshawar High Court", DAY, "PAK", "JUD"),
        ("Ghana's Court of Appeal", DAY, "GHA", "JUD"),
        ("the Supreme Court of Nepal", "2018-02-11", "NPL", "JUD"),
        ("the Bolivian attorney general", DAY, "BOL", "JUD"),
    ],
)
def test_courts_and_prosecutors_are_judicial(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("the Indonesian Navy", DAY, "IDN", "MIL"),
        ("the Chilean Air Force", "2016-09-20", "CHL", "MIL"),
        ("the Sri Lanka Navy", DAY, "LKA", "MIL"),
        ("the Ghana Armed Forces", DAY, "GHA", "MIL"),
        ("the Peruvian Army's 3rd Division", DAY, "PER", "MIL"),
    ],
)
def test_armed_forces_names_are_military(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("Ghana's health ministry", DAY, "GHA", "GOV"),
        ("Brazil's Defence Ministry", DAY, "BRA", "GOV"),
        ("Japan's Ministry of Foreign Affairs", DAY, "JPN", "GOV"),
        ("the Zambian police minister", DAY, "ZMB", "GOV"),
        ("Vietnam's Ministry of State Security", DAY, "VNM", "SPY"),
    ],
)
def test_ministries_are_government(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("a retired Indian colonel", DAY, "IND", "ELI"),
        ("a former Kenyan minister", DAY, "KEN", "ELI"),
        ("ex-president Evo Morales of Bolivia", "2023-05-01", "BOL", "ELI"),
        ("retired Egyptian generals", DAY, "EGY", "ELI"),
    ],
)
def test_former_and_retired_officials_are_elites(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("Karachi police", DAY, "PAK", "COP"),
        ("European Parliament lawmakers", DAY, "IGO", "LEG"),
        ("African Union parliamentarians", DAY, "IGO", "LEG"),
    ],
)
def test_role_word_and_place_precedence(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


def test_possessive_inside_a_name_does_not_split_it() -> None:
    actor = eventwire.resolve_actor("the People's Liberation Army", date=DAY)
    assert actor is not None and (actor.country, actor.sector) == ("CHN", "MIL")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Makerere University", ("EDU", "organization")),
        ("Supreme Court of Freedonia", ("JUD", "organization")),
        ("the Royal Freedonian Coast Guard", ("MIL", "organization")),
        ("the Freedonia Central Bank", ("GOV", "organization")),
        ("Blue Pipe Holdings", ("BUS", "organization")),
        ("Blue Pipe", None),
    ],
)
def test_org_type_reads_the_head_of_a_name(kb: ActorKB, name: str, expected: tuple[str, str] | None) -> None:
    assert kb.org_type(name) == expected


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("the Althing", DAY, "ISL", "LEG"),
        ("the Saeima", DAY, "LVA", "LEG"),
        ("the Riigikogu", "2015-04-02", "EST", "LEG"),
        ("Russia's Federation Council", DAY, "RUS", "LEG"),
        ("the Wolesi Jirga", "2012-07-01", "AFG", "LEG"),
        ("Turkey's Grand National Assembly", DAY, "TUR", "LEG"),
    ],
)
def test_parliaments_by_their_own_names(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("the Northern Fleet", DAY, "RUS", "MIL"),
        ("the Royal Navy", DAY, "GBR", "MIL"),
        ("the Carabinieri", DAY, "ITA", "COP"),
        ("the DGSE", DAY, "FRA", "SPY"),
        ("ASIO", DAY, "AUS", "SPY"),
        ("the RCMP", DAY, "CAN", "COP"),
    ],
)
def test_forces_and_agencies_by_their_own_names(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the Austrailian army", "AUS"),
        ("Columbian police", "COL"),
        ("Phillipine coast guard officers", "PHL"),
        ("Indiana police", "USA"),  # a real place, never read as a misspelt "Indian"
    ],
)
def test_misspelt_country_words(phrase: str, country: str) -> None:
    assert _country_sector(phrase)[0] == country


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Phillipines", "PHL"), ("Venezuelean", "VEN"), ("Mali", None), ("Kenyatta", None), ("Parisian", None)],
)
def test_misspelt_country_needs_a_long_near_miss(kb: ActorKB, word: str, expected: str | None) -> None:
    assert kb.misspelt_country(word) == expected


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [
        ("Japanese mobsters", DAY, "JPN", "CRM"),
        ("a Colombian gang leader", DAY, "COL", "CRM"),
        ("the Mexican mafia", DAY, "MEX", "CRM"),
        ("a Syrian ambulance crew", DAY, "SYR", "HLH"),
        ("Iraqi medical staff", DAY, "IRQ", "HLH"),
    ],
)
def test_criminal_and_health_roles(phrase: str, date: str, country: str, sector: str) -> None:
    assert _country_sector(phrase, date) == (country, sector)


def test_an_embassy_near_the_police_does_not_lend_its_country() -> None:
    sentence = "Police outside the Turkish embassy in Nairobi fired tear gas."
    actor = eventwire.resolve_actor("Police", date=DAY, context=sentence)
    assert actor is not None and (actor.country, actor.sector) == ("KEN", "COP")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Chechen fighters", "RUS", "REB"),
        ("Tibetan monks", "CHN", "REL"),
        ("Catalan separatist leaders", "ESP", "SEP"),
        ("Sahrawi activists", "ESH", "NGO"),
        ("Kurdish fighters", None, "REB"),  # a people of several states: no guess
    ],
)
def test_peoples_of_one_country_situate_the_actor(phrase: str, country: str | None, sector: str) -> None:
    assert _country_sector(phrase) == (country, sector)
