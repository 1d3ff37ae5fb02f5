"""Admin units in the gazetteer: provinces and districts by name, unit words, qualifiers,
the article's named province deciding homonyms, and the table builder's pieces."""

from __future__ import annotations

import gzip

import pytest

from eventwire.geo.admin_build import ADMIN1_FILE, DISTRICTS_FILE, admin1_codes, admin_rows, unit_keys
from eventwire.geo.gazetteer import Gazetteer
from tests.conftest import shared_knowledge


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return shared_knowledge().gazetteer


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Kandahar province", "AFG", "region"),
        ("Nangarhar Province", "AFG", "region"),
        ("Donetsk oblast", "UKR", "region"),
        ("Cauca department", "COL", "region"),
        ("Zamfara state", "NGA", "region"),
        ("Bijapur district", "IND", "district"),
        ("Zaragoza province", "ESP", "district"),  # Spain's provinces are GeoNames admin-2
    ],
)
def test_a_unit_word_finds_the_admin_unit(
    gazetteer: Gazetteer, name: str, country: str, feature: str
) -> None:
    place = gazetteer.resolve(name)
    assert place is not None and (place.country, place.feature) == (country, feature), place
    assert place.lat is not None and place.lon is not None


def test_a_bare_name_is_still_the_city(gazetteer: Gazetteer) -> None:
    city = gazetteer.resolve("Kandahar")
    assert city is not None and city.feature == "city"


def test_a_province_without_a_same_named_city_resolves_bare(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Zamfara")
    assert place is not None and (place.country, place.feature) == ("NGA", "region")


@pytest.mark.parametrize("town", ["London", "Windsor", "Kingston"])
def test_a_province_qualifier_keeps_the_province_s_town(gazetteer: Gazetteer, town: str) -> None:
    # the article's countries pull elsewhere; the named province wins over them
    assert gazetteer.resolve(town, ["USA", "GBR", "JAM"]).country != "CAN"  # type: ignore[union-attr]
    assert gazetteer.resolve(f"{town}, Ontario", ["USA", "GBR", "JAM"]).country == "CAN"  # type: ignore[union-attr]


def test_a_district_qualified_by_its_state(gazetteer: Gazetteer) -> None:
    # India has an Aurangabad in Bihar and a far larger one in Maharashtra (about 19.9 N)
    place = gazetteer.resolve("Aurangabad district, Bihar")
    assert place is not None and place.feature == "district" and place.lat is not None and place.lat > 23


def test_an_unknown_place_in_a_known_province_falls_back_to_the_province(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Qalat-e Nowzad-e Pashtun district, Helmand province")
    assert place is not None and (place.name, place.feature) == ("Helmand", "region")


def test_a_named_province_decides_between_homonyms(gazetteer: Gazetteer) -> None:
    sindh = gazetteer.unit_key("Sindh")
    assert sindh is not None and sindh.startswith("PAK.")
    assert gazetteer.resolve("Hyderabad", ["IND", "PAK"]).country == "IND"  # type: ignore[union-attr]
    assert gazetteer.resolve("Hyderabad", ["IND", "PAK", sindh]).country == "PAK"  # type: ignore[union-attr]
    assert gazetteer.unit_key("California") == "USA.CA"
    assert gazetteer.unit_key("Kabul") is None  # a city is no unit


def test_a_listed_region_alias_is_not_read_as_a_unit_word(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Donbas region")
    assert place is not None and place.name == "Donbas"


def test_unit_keys_drop_kind_words_and_local_spellings() -> None:
    assert unit_keys("Provincia de Zaragoza") == ["provincia de zaragoza", "zaragoza"]
    assert "marib" in unit_keys("Ma'rib")
    assert "north kivu" in unit_keys("Nord Kivu")
    assert unit_keys("Central Province") == ["central province"]  # "central" alone is a word


def test_admin_rows_centre_and_code_each_unit() -> None:
    places = [
        {"lat": "10.0", "lon": "20.0", "name": "Aa", "admin1": "Upper", "admin2": "Left", "cc": "XX"},
        {"lat": "12.0", "lon": "20.0", "name": "Bb", "admin1": "Upper", "admin2": "Left", "cc": "XX"},
        {"lat": "30.0", "lon": "40.0", "name": "Cc", "admin1": "Lower", "admin2": "", "cc": "XX"},
    ]
    cities = [{"countrycode": "XX", "latitude": 10.0, "longitude": 20.0, "admin1code": "07"}]
    codes = admin1_codes(places, cities)
    assert codes == {("XX", "Upper"): "07"}
    rows = [r.split("\t") for r in admin_rows(places, {"XX": "XXX"}, codes)]
    by_name = {(r[0], r[1]): r for r in rows}
    assert set(by_name) == {("A1", "Upper"), ("A2", "Left"), ("A1", "Lower")}
    left = by_name[("A2", "Left")]
    assert left[2:5] == ["XXX", "07", "Upper"] and float(left[5]) == pytest.approx(11.0, abs=0.01)


def test_shipped_admin_table_is_well_formed() -> None:
    provinces = gzip.decompress(ADMIN1_FILE.read_bytes()).decode("utf-8").splitlines()
    districts = gzip.decompress(DISTRICTS_FILE.read_bytes()).decode("utf-8").splitlines()
    assert len(provinces) > 3_000 and len(districts) > 12_000
    assert {p[:2] for p in provinces} == {"A1"} and {d[:2] for d in districts} == {"A2"}
    for line in [*provinces[::31], *districts[::97]]:
        level, name, country, _, _, lat, lon, count, keys = line.split("\t")
        assert level in ("A1", "A2") and name and len(country) == 3
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180 and int(count) >= 1
        assert keys.split("|")[0]


def test_a_village_is_found_only_inside_the_article_s_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Jermuk") is None  # not in the city table (15,000+)
    village = gazetteer.small_town("Jermuk", ["ARM"])
    assert village is not None and village.country == "ARM"
    assert gazetteer.small_town("Jermuk", ["FRA", "ITA"]) is None


def test_a_village_name_shared_across_a_country_is_left_unresolved(gazetteer: Gazetteer) -> None:
    # Germany has about a dozen Neuenkirchens far apart: no single point to put on a map
    assert gazetteer.small_town("Neuenkirchen", ["DEU"]) is None
