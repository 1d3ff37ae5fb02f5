"""The gazetteer's records: ``Place`` (what callers get) and ``Entry`` (a place as indexed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Feature = Literal["city", "country", "region", "district"]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: ``country`` is ISO 3166-1 alpha-3 (None for areas spanning states)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: Feature
    geonames_id: str = ""  # GeoNames id of a city (the tables keep none for other rows)
    admin1: str = ""  # GeoNames admin-1 code (US: state code) of the province it is in or is
    feature_class: str = ""  # GeoNames feature class: P populated place, A country or unit, L area


@dataclass(frozen=True, slots=True)
class Entry:
    """A place as indexed, with what ranking needs beyond the public record."""

    place: Place
    kind: str  # "city" | "country" | "region" | "state" | "admin1" | "admin2"
    capital: bool = False
    admin1: str = ""
    capital_name: str = ""  # countries only
    places: int = 0  # admin units only: how many GeoNames places lie in the unit
