"""What a stored event place really is, so layouts claim no more than was resolved.

The store keeps a place as (name, country, lat, lon). Places come from the packaged gazetteer
tables, whose coordinates are copied as they are, so the coordinates (else the name within its
country) say which table row the place is: a country, a US state, a GeoNames city (with its
GeoNames id and admin1 code) or a project region. Coordinates that match no row are a "point":
somewhere in that country, of no known rank. A place with a country but no coordinates is known
only to be in that country; a place with neither was never resolved, and layouts write nothing
about it but its raw name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

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


def resolved_place(
    name: str | None, country: str | None, lat: float | None, lon: float | None
) -> ResolvedPlace | None:
    """Classify one stored place; None when the event has no place at all."""
    if not name:
        return None
    if lat is None or lon is None:
        if country and name.casefold() == _country_names().get(country, "").casefold():
            return ResolvedPlace("country", name, country)
        return ResolvedPlace("unresolved", name, country)
    if not country:
        return ResolvedPlace("unresolved", name, None, lat, lon)
    return _located(name, country, lat, lon)


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
