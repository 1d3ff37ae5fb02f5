"""The geoparser records what each place is in GeoNames (id, admin-1 code, feature class), the
store keeps it (schema migration 5) and exports read it instead of matching coordinates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from eventwire.geo.gazetteer import Gazetteer
from eventwire.records import CodedArticle
from eventwire.store import EventStore
from eventwire.store.exports.geo import place_of, resolved_place
from eventwire.store.read import article_record
from eventwire.store.schema import migrate

Code = Callable[..., CodedArticle]


def test_each_kind_of_gazetteer_row_carries_its_identity() -> None:
    gazetteer = Gazetteer.load()
    city = gazetteer.resolve("Karachi")
    assert city is not None and city.geonames_id.isdigit() and city.admin1 and city.feature_class == "P"
    province = gazetteer.resolve("Sindh province")
    assert province is not None and (province.feature_class, province.admin1) == ("A", city.admin1)
    country = gazetteer.resolve("Pakistan")
    assert country is not None and (country.feature_class, country.geonames_id) == ("A", "")
    area = gazetteer.resolve("Donbas")
    assert area is not None and area.feature_class == "L"


def test_an_event_place_carries_its_identity_into_the_store_and_back(code: Code, tmp_path: Path) -> None:
    coded = code("Gunmen attacked a market in Quetta on Monday.", id="q1")
    location = coded.events[0].location
    assert location is not None and location.feature_class == "P" and location.geonames_id
    with EventStore.open(str(tmp_path / "s.duckdb")) as store:
        store.add(coded)
        stored = article_record(store, "q1")["events"][0]["location"]
        row = store.con.execute(
            "SELECT location_name, location_country, lat, lon, location_geonames_id, location_admin1, "
            "location_feature_class FROM events"
        ).fetchall()[0]
    assert stored["geonames_id"] == location.geonames_id and stored["feature_class"] == "P"
    names = ("location_name", "location_country", "lat", "lon")
    ids = ("location_geonames_id", "location_admin1", "location_feature_class")
    record = dict(zip((*names, *ids), row, strict=True))
    place = place_of(record)
    assert place is not None and (place.kind, place.geonames_id) == ("city", location.geonames_id)


def test_exports_trust_the_recorded_identity_over_coordinates() -> None:
    # a point that is no table row: without the record it could only be a "point"
    unmatched = resolved_place("Somewhere", "PAK", 30.0001, 67.0001)
    assert unmatched is not None and unmatched.kind == "point"
    recorded = resolved_place("Somewhere", "PAK", 30.0001, 67.0001, ("123", "02", "P"))
    assert recorded is not None and (recorded.kind, recorded.geonames_id, recorded.adm1) == (
        "city",
        "123",
        "02",
    )
    unit = resolved_place("Some Province", "PAK", 30.0001, 67.0001, (None, "02", "A"))
    assert unit is not None and (unit.kind, unit.adm1) == ("adm1", "02")


def test_a_version_4_store_gains_empty_identity_columns(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    migrate(con, target=4)
    con.execute("INSERT INTO events (event_id, match_key, location_name) VALUES (1, 'k', 'Quetta')")
    con.close()
    with EventStore.open(path) as store:
        row = store.con.execute("SELECT location_geonames_id, location_feature_class FROM events").fetchall()
    assert row == [(None, None)]
