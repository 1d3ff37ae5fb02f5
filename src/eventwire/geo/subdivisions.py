"""Which country a province, state or region name belongs to, from ISO 3166-2 (pycountry).

GeoNames' admin tables lack some levels news names as qualifiers: the Philippine provinces
("Santa Rosa, Laguna", "Las Navas, Northern Samar") are its admin-2 units, absent from the
packaged district table, and newer units ("Maguindanao del Sur", 2022) are in neither.
pycountry ships ISO 3166-2, which lists every country's first- and second-level subdivisions
by name. It carries no coordinates, so a subdivision is used only to say which country a town
qualified by it lies in. Read on first use: most articles qualify no town this way.
"""

from __future__ import annotations

import pycountry

from eventwire.geo.names import UNIT_WORDS, lookup_key


class Subdivisions:
    """Lookup key of an ISO 3166-2 subdivision name -> the ISO3 codes of its countries."""

    def __init__(self) -> None:
        self._countries: dict[str, tuple[str, ...]] | None = None

    def countries(self, name: str) -> tuple[str, ...]:
        """ "Northern Samar" -> ("PHL",); "Punjab" -> ("IND", "PAK"); "Gezira state" ->
        ("SDN",) (a unit word after the name is left out); unknown names -> ()."""
        if self._countries is None:
            self._countries = _read()
        key = lookup_key(name)
        found = self._countries.get(key, ())
        head, _, last = key.rpartition(" ")
        return found or (self._countries.get(head, ()) if last in UNIT_WORDS else ())


def _read() -> dict[str, tuple[str, ...]]:
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, dict[str, None]] = {}
    for unit in pycountry.subdivisions:
        country = alpha3.get(unit.country_code)
        if country:
            found.setdefault(lookup_key(unit.name), {})[country] = None
    return {key: tuple(countries) for key, countries in found.items()}
