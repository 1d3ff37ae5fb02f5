"""Organisation types, sector precedence, "former" titles, peoples and misspellings through
the public resolver.

Each row is (class, phrase, date, expected country, expected sector): the phrase is read by
the same pipeline `extract` runs. Where a class is about mechanisms, the organisations are
chosen so that the KB does not list them by name: the type must come from the head of the
name and the country from a nationality, an owner or a place inside the name.
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.kb import ActorKB

DAY = "2024-03-01"

ROWS = [
    # universities and colleges: EDU from the head, the country from a place in the name
    ("education", "the University of Ghana", DAY, "GHA", "EDU"),
    ("education", "Stellenbosch University", DAY, "ZAF", "EDU"),
    ("education", "the Kampala International College", DAY, "UGA", "EDU"),
    ("education", "Nairobi Polytechnic", "2019-06-01", "KEN", "EDU"),
    # courts and prosecutors
    ("courts", "the Peshawar High Court", DAY, "PAK", "JUD"),
    ("courts", "Ghana's Court of Appeal", DAY, "GHA", "JUD"),
    ("courts", "the Supreme Court of Nepal", "2018-02-11", "NPL", "JUD"),
    ("courts", "the Bolivian attorney general", DAY, "BOL", "JUD"),
    # armed forces named by their type
    ("armed forces", "the Indonesian Navy", DAY, "IDN", "MIL"),
    ("armed forces", "the Chilean Air Force", "2016-09-20", "CHL", "MIL"),
    ("armed forces", "the Sri Lanka Navy", DAY, "LKA", "MIL"),
    ("armed forces", "the Ghana Armed Forces", DAY, "GHA", "MIL"),
    ("armed forces", "the Peruvian Army's 3rd Division", DAY, "PER", "MIL"),
    # ministries are GOV, a portfolio word does not change that; state security is SPY
    ("ministries", "Ghana's health ministry", DAY, "GHA", "GOV"),
    ("ministries", "Brazil's Defence Ministry", DAY, "BRA", "GOV"),
    ("ministries", "Japan's Ministry of Foreign Affairs", DAY, "JPN", "GOV"),
    ("ministries", "the Zambian police minister", DAY, "ZMB", "GOV"),
    ("ministries", "Vietnam's Ministry of State Security", DAY, "VNM", "SPY"),
    # former, retired and ex- officials
    ("former", "a retired Indian colonel", DAY, "IND", "ELI"),
    ("former", "a former Kenyan minister", DAY, "KEN", "ELI"),
    ("former", "ex-president Evo Morales of Bolivia", "2023-05-01", "BOL", "ELI"),
    ("former", "retired Egyptian generals", DAY, "EGY", "ELI"),
    # precedence: a place before a role noun, a role word over an intergovernmental owner
    ("precedence", "Karachi police", DAY, "PAK", "COP"),
    ("precedence", "European Parliament lawmakers", DAY, "IGO", "LEG"),
    ("precedence", "African Union parliamentarians", DAY, "IGO", "LEG"),
    # bodies that act under their own names (groups.yaml)
    ("own names", "the Althing", DAY, "ISL", "LEG"),
    ("own names", "the Saeima", DAY, "LVA", "LEG"),
    ("own names", "the Riigikogu", "2015-04-02", "EST", "LEG"),
    ("own names", "Russia's Federation Council", DAY, "RUS", "LEG"),
    ("own names", "the Wolesi Jirga", "2012-07-01", "AFG", "LEG"),
    ("own names", "Turkey's Grand National Assembly", DAY, "TUR", "LEG"),
    ("own names", "the Northern Fleet", DAY, "RUS", "MIL"),
    ("own names", "the Royal Navy", DAY, "GBR", "MIL"),
    ("own names", "the Carabinieri", DAY, "ITA", "COP"),
    ("own names", "the DGSE", DAY, "FRA", "SPY"),
    ("own names", "ASIO", DAY, "AUS", "SPY"),
    ("own names", "the RCMP", DAY, "CAN", "COP"),
    ("own names", "the People's Liberation Army", DAY, "CHN", "MIL"),  # a possessive inside a name
    # criminal and health roles
    ("roles", "Japanese mobsters", DAY, "JPN", "CRM"),
    ("roles", "a Colombian gang leader", DAY, "COL", "CRM"),
    ("roles", "the Mexican mafia", DAY, "MEX", "CRM"),
    ("roles", "a Syrian ambulance crew", DAY, "SYR", "HLH"),
    ("roles", "Iraqi medical staff", DAY, "IRQ", "HLH"),
    # peoples of one country; a people of several states gets no guess
    ("peoples", "Chechen fighters", DAY, "RUS", "REB"),
    ("peoples", "Tibetan monks", DAY, "CHN", "REL"),
    ("peoples", "Catalan separatist leaders", DAY, "ESP", "SEP"),
    ("peoples", "Sahrawi activists", DAY, "ESH", "NGO"),
    ("peoples", "Kurdish fighters", DAY, None, "REB"),
    # misspelt countries and demonyms; a real place is never a misspelling
    ("misspelt", "the Austrailian army", DAY, "AUS", "MIL"),
    ("misspelt", "Columbian police", DAY, "COL", "COP"),
    ("misspelt", "Phillipine coast guard officers", DAY, "PHL", "MIL"),
    ("misspelt", "Indiana police", DAY, "USA", "COP"),
]


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.mark.parametrize(
    ("phrase", "date", "country", "sector"),
    [pytest.param(*row[1:], id=f"{row[0]}: {row[1]}") for row in ROWS],
)
def test_phrase_resolves(phrase: str, date: str, country: str | None, sector: str) -> None:
    actor = eventwire.resolve_actor(phrase, date=date)
    assert actor is not None, f"no actor for {phrase!r}"
    assert (actor.country, actor.sector) == (country, sector)


def test_an_embassy_near_the_police_does_not_lend_its_country() -> None:
    sentence = "Police outside the Turkish embassy in Nairobi fired tear gas."
    actor = eventwire.resolve_actor("Police", date=DAY, context=sentence)
    assert actor is not None and (actor.country, actor.sector) == ("KEN", "COP")


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
    ("word", "expected"),
    [("Phillipines", "PHL"), ("Venezuelean", "VEN"), ("Mali", None), ("Kenyatta", None), ("Parisian", None)],
)
def test_misspelt_country_needs_a_long_near_miss(kb: ActorKB, word: str, expected: str | None) -> None:
    assert kb.misspelt_country(word) == expected
