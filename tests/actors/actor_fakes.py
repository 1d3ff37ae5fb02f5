"""A small hand-written knowledge base and gazetteer, so rule tests do not depend on the packaged data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.actors.analysis import ActorAnalysis

# fake_analyse(text, date=None) -> ActorAnalysis (fixture in conftest.py)
Analyse = Callable[..., ActorAnalysis]


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    wikidata: str | None = None
    office: str | None = None


def _country(iso3: str, name: str) -> Entry:
    return Entry(f"country:{iso3}", name, iso3, None, "state")


COUNTRIES = {
    "russia": _country("RUS", "Russia"),
    "united states": _country("USA", "United States"),
    "=US": _country("USA", "United States"),
    "germany": _country("DEU", "Germany"),
    "=DEU": _country("DEU", "Germany"),
    "kenya": _country("KEN", "Kenya"),
    "sudan": _country("SDN", "Sudan"),
    "switzerland": _country("CHE", "Switzerland"),
    "iran": _country("IRN", "Iran"),
    "=RUS": _country("RUS", "Russia"),
    "=USA": _country("USA", "United States"),
    "ukraine": _country("UKR", "Ukraine"),
    "france": _country("FRA", "France"),
}
OTHERS = {
    "moscow": Entry("metonym:RUS:moscow", "Moscow", "RUS", "GOV", "organization"),
    "kremlin": Entry("metonym:RUS:kremlin", "Kremlin", "RUS", "GOV", "organization"),
    "washington": Entry("metonym:USA:washington", "Washington", "USA", "GOV", "organization"),
    "united nations": Entry("igo:UN", "United Nations", "IGO", "IGO", "organization"),
    "=UN": Entry("igo:UN", "United Nations", "IGO", "IGO", "organization"),
    "tass": Entry("media:tass", "TASS", "RUS", "MED", "organization"),
    "=TASS": Entry("media:tass", "TASS", "RUS", "MED", "organization"),
    "reuters": Entry("media:reuters", "Reuters", "GBR", "MED", "organization"),
    "labour": Entry("group:labour", "Labour Party", "GBR", "PTY", "organization"),
    "north front": Entry("group:north-front", "North Front", "SDN", "REB", "group"),
}
ORLOV = Entry("person:orlov", "Dmitri Orlov", "RUS", "GOV", "person", "Q1", "foreign minister")
WARD = Entry("person:ward", "Helen Ward", "USA", "GOV", "person", None, "foreign minister")
GRANT = Entry("person:grant", "Paul Grant", "USA", "GOV", "person", None, "foreign minister")
# a surname that is also a town (in FakePlaces), and a president of a body, not of a state
NAKURU = Entry("person:nakuru", "Paolo Nakuru", "ITA", "ELI", "person")
BANKER = Entry("person:banker", "Ian Banker", "IGO", "IGO", "person", None, "president")
PEOPLE = {
    "dmitri orlov": ORLOV,
    "orlov": ORLOV,
    "helen ward": WARD,
    "ward": WARD,
    "paul grant": GRANT,
    "paolo nakuru": NAKURU,
    "nakuru": NAKURU,
    "ian banker": BANKER,
}
# (country, office) -> [(start, end, entry)]
OFFICES: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, Entry]]] = {
    ("USA", "foreign minister"): [
        (dt.date(2020, 1, 1), dt.date(2022, 12, 31), WARD),
        (dt.date(2023, 1, 1), None, GRANT),
    ],
    ("RUS", "foreign minister"): [(dt.date(2010, 1, 1), None, ORLOV)],
    ("USA", "president"): [(dt.date(2010, 1, 1), None, BANKER)],  # a KB error the resolver must catch
}
ADJECTIVES = {
    "russian": "RUS",
    "american": "USA",
    "us": "USA",
    "german": "DEU",
    "kenyan": "KEN",
    "sudanese": "SDN",
    "syrian": "SYR",
    "albanian": "ALB",
    "british": "GBR",
    "serbian": "SRB",
    "ukrainian": "UKR",
    "iranian": "IRN",
    "french": "FRA",
}
ROLES = {
    "minister": ("GOV", "person"),
    "foreign minister": ("GOV", "person"),
    "deputy foreign minister": ("GOV", "person"),
    "secretary of state": ("GOV", "person"),
    "top diplomat": ("GOV", "person"),
    "diplomat": ("GOV", "person"),
    "president": ("GOV", "person"),
    "troops": ("MIL", "group"),
    "police": ("COP", "group"),
    "rebels": ("REB", "group"),
    "militia": ("REB", "group"),
    "government": ("GOV", "organization"),
    "company": ("BUS", "organization"),
    "ceo": ("BUS", "person"),
    "spokesman": ("GOV", "person"),
    "protesters": ("CVL", "group"),
    "officials": ("GOV", "group"),
    "citizens": ("CVL", "group"),
    "opposition politician": ("OPP", "person"),
    "politician": ("GOV", "person"),
    "journalist": ("MED", "person"),
    "news agency": ("MED", "organization"),
    "media": ("MED", "group"),
    "civilians": ("CVL", "group"),
    "foreign ministry": ("GOV", "organization"),
    "commander": ("MIL", "person"),
    "soldiers": ("MIL", "group"),
    "warships": ("MIL", "group"),
    "reporters": ("MED", "group"),
    "journalists": ("MED", "group"),
    "ministry": ("GOV", "organization"),
    "ministries": ("GOV", "organization"),
    "departments": ("GOV", "organization"),
    "lawyer": ("JUD", "person"),
}
OFFICE_OF_ROLE = {"secretary of state": "foreign minister", "top diplomat": "foreign minister"}


def _key(text: str) -> str:
    cleaned = text.strip().removeprefix("the ").removeprefix("The ").removesuffix("'s").replace(".", "")
    return "=" + cleaned if cleaned.isupper() and len(cleaned) > 1 else cleaned.lower()


ORG_TYPES = {"university": ("EDU", "organization"), "court": ("JUD", "organization")}


class FakeKB:
    """Implements the ``KnowledgeBase`` protocol over the tables above."""

    def lookup(self, text: str, on: dt.date | None = None) -> Entry | None:
        key = _key(text)
        return COUNTRIES.get(key) or OTHERS.get(key) or PEOPLE.get(key) or PEOPLE.get(key.lower())

    def country_for_adjective(self, word: str) -> str | None:
        word = word.lower().replace(".", "")
        return ADJECTIVES.get(word) or ADJECTIVES.get(word.removesuffix("s"))

    def role(self, phrase: str) -> tuple[str, str] | None:
        text = " ".join(phrase.lower().replace("-", " ").split())
        return ROLES.get(text) or ROLES.get(text.removesuffix("s"))

    def national_body(self, country: str, short: str) -> tuple[str, str] | None:
        return None

    def misspelt_country(self, word: str) -> str | None:
        return None

    def org_type(self, name: str) -> tuple[str, str] | None:
        head = name.lower().partition(" of ")[0].split()
        return ORG_TYPES.get(head[-1]) if head else None

    def office_holder(self, country: str, office: str, on: dt.date) -> Entry | None:
        office = OFFICE_OF_ROLE.get(office, office)
        for start, end, entry in OFFICES.get((country, office), []):
            if start <= on and (end is None or on <= end):
                return entry
        return None


PLACES = {
    "nakuru": "KEN",
    "reykjavik": "ISL",
    "nairobi": "KEN",
    "geneva": "CHE",
    "darfur": "SDN",
    "khartoum": "SDN",
}


class FakePlaces:
    def country_of(self, name: str) -> str | None:
        return PLACES.get(name.lower().removeprefix("the "))
