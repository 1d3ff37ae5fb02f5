"""CI check of the packaged actor knowledge base: every file loads, keeps its schema and
has no duplicate keys or aliases; coverage claims made in docs/actors.md hold."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pycountry
import pytest

from eventwire.actors.kb import ActorKB
from eventwire.actors.kb_files import (
    BUNDLE_FILE,
    DATA_DIR,
    DATA_PACKAGE,
    ENTITY_FILES,
    FILE_CATEGORIES,
    PACKAGED_FILES,
    SECTORS_FILE,
    Vocab,
    build_bundle,
    load_sectors,
    packaged_name,
    parse_entity_file,
    read_yaml,
)
from eventwire.resources import read_text

PACKAGED = PACKAGED_FILES


def _file(name: str) -> str:
    return packaged_name(name)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()  # raises KnowledgeBaseError on any schema or duplicate problem


def test_every_data_file_is_known() -> None:
    shipped = {
        p.name for p in resources.files(DATA_PACKAGE).joinpath(DATA_DIR).iterdir() if p.name.endswith(".yaml")
    }
    assert shipped == set(PACKAGED)


@pytest.mark.parametrize("name", PACKAGED)
def test_file_is_versioned_and_non_empty(name: str) -> None:
    assert read_yaml(_file(name), name)


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_entity_file_schema(name: str) -> None:
    category = FILE_CATEGORIES[name]
    vocab = Vocab(load_sectors(read_yaml(_file(SECTORS_FILE), SECTORS_FILE)))
    records = parse_entity_file(read_yaml(_file(name), name), name, vocab, category)
    keys = [r.entry.key for r in records]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_compiled_bundle_matches_yaml() -> None:
    bundle = read_text(_file(BUNDLE_FILE))
    assert bundle == build_bundle(), "stale bundle: run .venv/bin/python tools/build_actor_kb.py"


def test_whole_kb_loads(kb: ActorKB) -> None:
    assert len(kb) > 300


def test_every_iso_country_is_present(kb: ActorKB) -> None:
    keys = {e.key for e in kb.entries()}
    missing = [c.alpha_3 for c in pycountry.countries if f"country:{c.alpha_3}" not in keys]
    assert not missing


def test_sovereign_states_have_adjectives(kb: ActorKB) -> None:
    for word, iso3 in [("Afghan", "AFG"), ("Zimbabwean", "ZWE"), ("Emirati", "ARE"), ("Kosovar", "XKX")]:
        assert kb.country_for_adjective(word) == iso3


def test_people_terms_are_ordered(kb: ActorKB) -> None:
    for entry in kb.entries():
        if entry.kind == "person" and entry.start and entry.end:
            assert entry.start <= entry.end, entry.key
            assert entry.end <= dt.date(2026, 12, 31), entry.key


# Heads of state/government of the G20 countries (the P5 are among them), as the
# office names the KB uses for each country.
G20_HEADS = {
    "ARG": ["president"],
    "AUS": ["prime minister"],
    "BRA": ["president"],
    "CAN": ["prime minister"],
    "CHN": ["president", "premier"],
    "DEU": ["chancellor", "president"],
    "FRA": ["president", "prime minister"],
    "GBR": ["prime minister"],
    "IDN": ["president"],
    "IND": ["prime minister", "president"],
    "ITA": ["prime minister", "president"],
    "JPN": ["prime minister"],
    "KOR": ["president"],
    "MEX": ["president"],
    "RUS": ["president", "prime minister"],
    "SAU": ["king"],
    "TUR": ["president"],
    "USA": ["president"],
    "ZAF": ["president"],
}
# Months without a listed holder: real vacancies and short acting terms not in the KB
# (e.g. South Korea's defence ministry Dec 2024 - Jul 2025, run by a vice-minister).
MAX_GAP_MONTHS = 8


def _months(first_year: int) -> list[dt.date]:
    return [dt.date(y, m, 15) for y in range(first_year, 2027) for m in range(1, 13) if (y, m) <= (2026, 11)]


@pytest.mark.parametrize("country", sorted(G20_HEADS))
def test_g20_office_coverage(kb: ActorKB, country: str) -> None:
    series = [(office, _months(1990)) for office in [*G20_HEADS[country], "foreign minister"]]
    series.append(("defence minister", _months(2010)))
    for office, days in series:
        missing = [d for d in days if kb.office_holder(country, office, d) is None]
        assert len(missing) <= MAX_GAP_MONTHS, (country, office, missing[:5])


@pytest.mark.parametrize(
    ("org", "office", "first_year"),
    [("UNO", "secretary-general", 1990), ("NATO", "secretary-general", 1990), ("EC", "president", 1990)],
)
def test_igo_heads_coverage(kb: ActorKB, org: str, office: str, first_year: int) -> None:
    missing = [d for d in _months(first_year) if kb.office_holder(org, office, d) is None]
    assert len(missing) <= 3, missing[:5]


# Office names that make someone the head of state or government somewhere.
HEAD_OFFICES = (
    "president",
    "prime minister",
    "king",
    "emir",
    "sultan",
    "leader",
    "head of state",
    "chairman",
    "general secretary",
    "chief adviser",
)
# Countries of the regions wire news covers most whose heads people_world.yaml lists for
# every sample year (a country is left out for a year before it existed).
WORLD_HEADS = {
    "mideast": "BHR EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM DZA MAR TUN CYP",
    "africa": "AGO BEN BWA BFA BDI CMR CAF TCD COD COG CIV DJI GNQ ETH GAB GMB GHA GIN KEN MDG MWI "
    "MLI MRT MUS MOZ NER NGA RWA SEN SYC SLE SOM ZAF SDN TZA TGO UGA ZMB ZWE",
    "europe": "ALB BGR ROU GRC HUN POL CZE AUT BEL NLD PRT ESP IRL SWE NOR DNK FIN",
    "asia": "AFG PAK IND BGD LKA NPL BTN MDV MNG KHM LAO VNM THA MYS SGP PHL MMR IDN",
    "latam": "MEX GTM SLV HND NIC CRI PAN CUB DOM HTI JAM COL VEN ECU PER BOL PRY URY CHL ARG BRA",
}
SAMPLE_YEARS = (1985, 1995, 2005, 2015, 2025)


@pytest.mark.parametrize("region", sorted(WORLD_HEADS))
def test_world_heads_coverage(kb: ActorKB, region: str) -> None:
    missing = [
        (country, year)
        for country in WORLD_HEADS[region].split()
        for year in SAMPLE_YEARS
        if not any(kb.office_holder(country, office, dt.date(year, 7, 1)) for office in HEAD_OFFICES)
    ]
    assert not missing


@pytest.mark.parametrize("country", sorted(G20_HEADS))
def test_g20_heads_since_1975(kb: ActorKB, country: str) -> None:
    days = [d for d in _months(1975) if d.year < 1990]
    missing = [d for d in days if not any(kb.office_holder(country, o, d) for o in G20_HEADS[country])]
    assert len(missing) <= MAX_GAP_MONTHS, missing[:5]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Soviet Union", "RUS"),
        ("USSR", "RUS"),
        ("Czechoslovakia", "CZE"),
        ("East Germany", "DEU"),
        ("West Germany", "DEU"),
        ("Yugoslavia", "SRB"),
        ("Zaire", "COD"),
        ("Burma", "MMR"),
        ("Kampuchea", "KHM"),
        ("Rhodesia", "ZWE"),
        ("Ceylon", "LKA"),
        ("Dahomey", "BEN"),
        ("Upper Volta", "BFA"),
        ("South Yemen", "YEM"),
        ("North Vietnam", "VNM"),
        ("Abyssinia", "ETH"),
        ("Tanganyika", "TZA"),
        ("East Pakistan", "BGD"),
    ],
)
def test_historic_state_names(kb: ActorKB, text: str, iso3: str) -> None:
    entry = kb.lookup(text)
    assert entry is not None and entry.country == iso3


@pytest.mark.parametrize(
    ("text", "on", "iso3", "sector"),
    [
        ("Hosni Mubarak", dt.date(1995, 1, 1), "EGY", "GOV"),
        ("Mengistu Haile Mariam", dt.date(1985, 1, 1), "ETH", "MIL"),
        ("Franjo Tudjman", dt.date(1995, 1, 1), "HRV", "GOV"),
        ("Alija Izetbegovic", dt.date(1994, 1, 1), "BIH", "GOV"),
        ("Fikret Abdic", dt.date(1994, 1, 1), "BIH", "OPP"),
        ("Jonas Savimbi", dt.date(1990, 1, 1), "AGO", "REB"),
        ("Hamid Karzai", dt.date(2005, 1, 1), "AFG", "GOV"),
        ("Nursultan Nazarbayev", dt.date(2000, 1, 1), "KAZ", "GOV"),
        ("Alberto Fujimori", dt.date(1995, 1, 1), "PER", "GOV"),
        ("Abimael Guzman", dt.date(1990, 1, 1), "PER", "REB"),
        ("Archbishop Desmond Tutu", dt.date(1995, 1, 1), "ZAF", "REL"),
        ("Ali al-Sistani", dt.date(2005, 1, 1), "IRQ", "REL"),
        ("Robert Runcie", dt.date(1985, 1, 1), "GBR", "REL"),
        ("Salim Ahmed Salim", dt.date(1995, 1, 1), "IGO", "IGO"),
        ("Hans Blix", dt.date(1990, 1, 1), "IGO", "IGO"),
        ("Konstantin Chernenko", dt.date(1984, 6, 1), "RUS", "GOV"),
    ],
)
def test_world_people(kb: ActorKB, text: str, on: dt.date, iso3: str, sector: str) -> None:
    entry = kb.lookup(text, on)
    assert entry is not None and (entry.country, entry.sector) == (iso3, sector)


@pytest.mark.parametrize("city", ["Lagos", "Lugo", "Muscat", "Cienfuegos"])
def test_city_names_are_not_people(kb: ActorKB, city: str) -> None:
    entry = kb.lookup(city)
    assert entry is None or entry.kind != "person"
