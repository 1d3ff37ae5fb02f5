"""Readers of the packaged place tables (``data/places``), row by row, for the gazetteer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.geo.place import Entry, Feature, Place
from eventwire.resources import load_resource, read_text

PLACES_DIR = "places"


def data_text(name: str) -> str:
    return read_text(f"{PLACES_DIR}/{name}")


def _optional_float(value: str) -> float | None:
    return float(value) if value else None


def city_lines() -> list[str]:
    return data_text("cities.tsv.gz").splitlines()


def city_entry(line: str) -> Entry:
    geonames_id, name, country, admin1, lat, lon, population, capital, _ = line.split("\t")
    place = Place(
        name, country or None, float(lat), float(lon), int(population), "city", geonames_id, admin1, "P"
    )
    return Entry(place, "city", capital == "1", admin1)


def admin_entry(line: str) -> Entry:
    level, name, country, code, _, lat, lon, count, _ = line.split("\t")
    feature: Feature = "region" if level == "A1" else "district"
    place = Place(name, country, float(lat), float(lon), 0, feature, admin1=code, feature_class="A")
    return Entry(place, "admin1" if level == "A1" else "admin2", admin1=code, places=int(count))


def country_entries() -> Iterable[tuple[Entry, Sequence[str], Sequence[str]]]:
    extra: dict[str, list[str]] = load_resource(f"{PLACES_DIR}/country_aliases.yaml", {"aliases": dict})[
        "aliases"
    ]
    for line in data_text("countries.tsv").splitlines():
        iso3, _, name, lat, lon, population, capital, iso_aliases = line.split("\t")
        place = Place(
            name,
            iso3,
            _optional_float(lat),
            _optional_float(lon),
            int(population),
            "country",
            feature_class="A",
        )
        aliases = [*(iso_aliases.split("|") if iso_aliases else ()), *extra.get(iso3, ())]
        yield Entry(place, "country", capital_name=capital), (name,), aliases


def state_abbreviations() -> dict[str, str]:
    """ "N.H." -> "NH": the abbreviations news writes after a town (AP style), by postal code."""
    raw: dict[str, list[str]] = load_resource(
        f"{PLACES_DIR}/us_state_abbreviations.yaml", {"abbreviations": dict}
    )["abbreviations"]
    return {name: code for code, names in raw.items() for name in names}


def state_entries() -> Iterable[tuple[Entry, Sequence[str], Sequence[str]]]:
    for line in data_text("us_states.tsv").splitlines():
        code, name, lat, lon, population = line.split("\t")
        place = Place(
            name, "USA", _optional_float(lat), _optional_float(lon), int(population), "region", "", code, "A"
        )
        yield Entry(place, "state", admin1=code), (name,), ()


def region_entries() -> Iterable[tuple[Entry, Sequence[str], Sequence[str]]]:
    records: list[dict[str, Any]] = load_resource(f"{PLACES_DIR}/regions.yaml", {"regions": list})["regions"]
    for record in records:
        place = Place(
            record["name"],
            record.get("country"),
            record["lat"],
            record["lon"],
            0,
            "region",
            feature_class="L",
        )
        yield Entry(place, "region"), (record["name"],), tuple(record.get("aliases") or ())
