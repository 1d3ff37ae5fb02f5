"""Build the explorer's offline world map: country outlines keyed by ISO3, as compact JSON.

The outlines are Natural Earth's 1:110m Admin 0 boundaries (public domain), read from the
TopoJSON redistribution in the npm package ``world-atlas`` 2.0.2 (ISC licence). Run once by a
maintainer; the output is committed in the package so that nothing is fetched at install or
run time:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/world_outlines.py package/countries-110m.json src/eventwire/serve/static/world.json

Output: ``{"source": ..., "countries": {"FRA": {"name": "France", "rings": [[lon, lat, ...], ...]}}}``
with coordinates rounded to 0.1 degree (the map is drawn a few hundred pixels wide).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

SOURCE = "Natural Earth 1:110m Admin 0 (public domain), via world-atlas 2.0.2 (ISC)"
# Natural Earth features without an ISO numeric code in world-atlas: named by hand.
_BY_NAME = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    """One closed ring from its arc indices (``~i`` is arc i reversed), flattened and rounded."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    flat: list[float] = []
    last = None
    for lon, lat in points:
        rounded = (round(lon, 1), round(lat, 1))
        if rounded != last:  # rounding merges neighbours: keep one
            flat.extend(rounded)
            last = rounded
    return flat


def iso3(geometry: dict[str, Any]) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return _BY_NAME.get(name)
    found = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    return found.alpha_3 if found else _BY_NAME.get(name)


def outlines(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    countries: dict[str, Any] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = iso3(geometry)
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        countries[code] = {"name": geometry["properties"]["name"], "rings": [r for r in rings if len(r) >= 6]}
    return {"source": SOURCE, "countries": countries}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write(__doc__ or "")
        return 2
    topology = json.loads(Path(argv[0]).read_text("utf-8"))
    Path(argv[1]).write_text(json.dumps(outlines(topology), separators=(",", ":")) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
