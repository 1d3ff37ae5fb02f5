"""What a stored event place really is, so layouts claim no more than was resolved.

The geoparser records what each place is in GeoNames (``Location.geonames_id``, ``admin1``,
``feature_class``; store columns since schema migration 5), and ``place_of`` reads that
directly: a populated place (a city, with its GeoNames id and admin1 code), a country, an
admin unit or a project region. Places stored before migration 5 have only (name, country,
lat, lon); their coordinates (else the name within its country) are matched against the
packaged tables, whose coordinates the geoparser copies as they are. Coordinates that match no
row are a "point": somewhere in that country, of no known rank. A place with a country but no
coordinates is known only to be in that country; a place with neither was never resolved, and
layouts write nothing about it but its raw name.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from eventwire.geo.names import lookup_key
from eventwire.resources import load_resource, read_text

PlaceKind = Literal["country", "adm1", "city", "region", "point", "unresolved"]
Point = tuple[str, float, float]  # (ISO3, lat, lon) rounded: the key of a table row


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A stored place and what it resolved to; ``adm1`` is the GeoNames admin1 (or US state) code."""

    kind: PlaceKind
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: str = ""
    adm1: str = ""


def place_of(record: Mapping[str, Any]) -> ResolvedPlace | None:
    """The place of a stored event or mention row (``events`` or ``event_mentions``)."""
    ids = (
        record.get("location_geonames_id"),
        record.get("location_admin1"),
        record.get("location_feature_class"),
    )
    return resolved_place(
        record["location_name"], record["location_country"], record["lat"], record["lon"], ids
    )


def resolved_place(
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    ids: tuple[str | None, str | None, str | None] = (None, None, None),
) -> ResolvedPlace | None:
    """Classify one stored place; None when the event has no place at all. ``ids``: the GeoNames
    id, admin-1 code and feature class the geoparser recorded (None for older rows)."""
    if not name:
        return None
    if ids[2] and country and lat is not None and lon is not None:
        return _recorded(name, country, (lat, lon), ids)
    if lat is None or lon is None:
        if country and name.casefold() == _country_names().get(country, "").casefold():
            return ResolvedPlace("country", name, country)
        return ResolvedPlace("unresolved", name, country)
    if not country:
        return ResolvedPlace("unresolved", name, None, lat, lon)
    return _located(name, country, lat, lon)


def _recorded(
    name: str, country: str, point: tuple[float, float], ids: tuple[str | None, str | None, str | None]
) -> ResolvedPlace:
    """A place the geoparser recorded with its GeoNames identity: no table lookup needed."""
    geonames_id, adm1, feature_class = (value or "" for value in ids)
    lat, lon = point
    if feature_class == "P":
        return ResolvedPlace("city", name, country, lat, lon, geonames_id, adm1)
    if feature_class == "A":
        if _point(country, lat, lon) in _country_points() or _country_names().get(country) == name:
            return ResolvedPlace("country", name, country, lat, lon)
        return ResolvedPlace("adm1", name, country, lat, lon, adm1=adm1)
    return ResolvedPlace("region", name, country, lat, lon)


def _located(name: str, country: str, lat: float, lon: float) -> ResolvedPlace:
    """A place with a country and coordinates: which table row it is, if any."""
    point, named = _point(country, lat, lon), (country, lookup_key(name))
    if point in _country_points() or _country_names().get(country, "").casefold() == name.casefold():
        return ResolvedPlace("country", name, country, lat, lon)
    if point in _state_points():
        return ResolvedPlace("adm1", name, country, lat, lon, adm1=_state_points()[point])
    city = _cities().get(point) or _cities().get(named)
    if city is not None:
        return ResolvedPlace("city", name, country, lat, lon, *city)
    if named in _regions():
        return ResolvedPlace("region", name, country, lat, lon)
    return ResolvedPlace("point", name, country, lat, lon)


def _point(country: str, lat: float, lon: float) -> Point:
    return country, round(lat, 3), round(lon, 3)


def _table(name: str) -> list[list[str]]:
    text = read_text(f"places/{name}")  # gunzipped by the one knowledge reader
    return [line.split("\t") for line in text.splitlines() if line]


@functools.cache
def _country_names() -> dict[str, str]:
    return {row[0]: row[2] for row in _table("countries.tsv")}


@functools.cache
def _country_points() -> frozenset[Point]:
    return frozenset(_point(r[0], float(r[3]), float(r[4])) for r in _table("countries.tsv") if r[3] and r[4])


@functools.cache
def _state_points() -> dict[Point, str]:
    return {_point("USA", float(r[2]), float(r[3])): r[0] for r in _table("us_states.tsv")}


@functools.cache
def _cities() -> dict[Point | tuple[str, str], tuple[str, str]]:
    """(ISO3, lat, lon) and (ISO3, name key) -> (GeoNames id, admin1 code); larger cities win a name."""
    rows = sorted(_table("cities.tsv.gz"), key=lambda r: -int(r[6]))
    found: dict[Point | tuple[str, str], tuple[str, str]] = {}
    for r in rows:
        found[_point(r[2], float(r[4]), float(r[5]))] = (r[0], r[3])
        for key in {lookup_key(r[1]), *r[8].split("|")}:
            found.setdefault((r[2], key), (r[0], r[3]))
    return found


@functools.cache
def _regions() -> frozenset[tuple[str, str]]:
    """(ISO3, name key) of the project's regions (regions.yaml) that lie in one country."""
    regions = load_resource("places/regions.yaml", {"regions": list})["regions"]
    return frozenset(
        (r["country"], lookup_key(n)) for r in regions if r.get("country") for n in [r["name"], *r["aliases"]]
    )
