"""The gazetteer: names to places, ranking, qualifiers, and the packaged tables' consistency."""

from __future__ import annotations

import math
from importlib import resources

import pytest
import yaml

from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.names import lookup_key
from tests.conftest import shared_knowledge


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = la2 - la1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return shared_knowledge().gazetteer


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Reykjavik", "ISL", "city"),
        ("Reykjavík", "ISL", "city"),
        ("Switzerland", "CHE", "country"),
        ("Georgia", "GEO", "country"),
        ("Washington", "USA", "city"),
        ("New York", "USA", "city"),
        ("Kiev", "UKR", "city"),
        ("Kyiv", "UKR", "city"),
        ("Odessa", "UKR", "city"),  # an exonym of a large city beats a smaller town's own name
        ("Bombay", "IND", "city"),
        ("the Gaza Strip", "PSE", "region"),
        ("Crimea", "UKR", "region"),
        ("Donbass", "UKR", "region"),
        ("Chechnya", "RUS", "region"),
        ("Darfur", "SDN", "region"),
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("Russia's", "RUS", "country"),
        ("Russian Federation", "RUS", "country"),
        ("Tripoli", "LBY", "city"),
        ("The Hague", "NLD", "city"),
        ("Texas", "USA", "region"),
        ("Kashmir", None, "region"),
        ("the Balkans", None, "region"),
    ],
)
def test_resolves_names(gazetteer: Gazetteer, name: str, country: str | None, feature: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Paris, Texas", (), "USA"),
        ("Paris, France", (), "FRA"),
        ("Paris", (), "FRA"),
        ("Birmingham", (), "GBR"),
        ("Birmingham, Alabama", (), "USA"),
        ("Birmingham", ("USA",), "USA"),
        ("Hyderabad", ("PAK",), "PAK"),
        ("Hyderabad", (), "IND"),
    ],
)
def test_qualifiers_and_context_change_the_choice(
    gazetteer: Gazetteer, name: str, context: tuple[str, ...], country: str
) -> None:
    place = gazetteer.resolve(name, context)
    assert place is not None and place.country == country


def test_coordinates_are_the_city(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Reykjavik")
    assert place is not None and place.lat is not None and place.lon is not None
    assert km_between(place.lat, place.lon, 64.1466, -21.9426) < 20


def test_country_point_lies_inside_the_country(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Switzerland")
    assert place is not None and place.lat is not None and place.lon is not None
    assert 45.8 < place.lat < 47.8 and 5.9 < place.lon < 10.5


@pytest.mark.parametrize("name", ["Hamas", "Google", "White House", "Freedom"])
def test_organisation_names_are_not_city_alternates(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) is None


def test_strict_ignores_city_alternates(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Peking") is not None
    assert gazetteer.resolve("Peking", strict=True) is None
    assert gazetteer.resolve("Beijing", strict=True) is not None


def test_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Zzyzxqwv") is None
    assert gazetteer.candidates("Zzyzxqwv") == []


def test_candidates_are_ranked_and_typed(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Springfield")
    assert len(found) > 3
    assert all(isinstance(p, Place) and p.feature == "city" for p in found)
    assert found[0].population >= max(p.population for p in found[1:]) or found[0].country == "USA"


def test_knowledge_bundle_loads_the_gazetteer_once() -> None:
    knowledge = shared_knowledge()
    assert knowledge.gazetteer is knowledge.gazetteer


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Reykjavík", "reykjavik"), ("The Hague", "hague"), ("U.S.", "u.s"), ("  Gaza   Strip ", "gaza strip")],
)
def test_lookup_key(raw: str, key: str) -> None:
    assert lookup_key(raw) == key


def test_project_regions_are_well_formed(gazetteer: Gazetteer) -> None:
    places = resources.files("eventwire.data").joinpath("places")
    regions = yaml.safe_load(places.joinpath("regions.yaml").read_text(encoding="utf-8"))["regions"]
    countries = {line.split("\t")[0] for line in places.joinpath("countries.tsv").read_text().splitlines()}
    for region in regions:
        assert -90 <= region["lat"] <= 90 and -180 <= region["lon"] <= 180, region["name"]
        assert region["country"] is None or region["country"] in countries, region["name"]
        for name in [region["name"], *region["aliases"]]:
            place = gazetteer.resolve(name)
            assert place is not None and place.name == region["name"], name
