"""POLECAT layout: the PLOVER-coded weekly-release columns, tab-separated with a header.

One row per deduplicated event; the actor and recipient are the first actor of each side,
as POLECAT has one of each. Fields eventwire does not know (COW codes, titles, districts)
stay empty; GeoNames ids and provinces are filled where the place resolved to them. Dates and
the appended eventwire columns follow the ICEWS layout's rules (see ``icews``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.store.exports.geo import place_of
from eventwire.store.exports.layouts import (
    Record,
    actor_label,
    event_records,
    extension_values,
    frame,
    layout_date,
    write_tsv,
)
from eventwire.store.store import EventStore


def export(store: EventStore, output: Path, include_modal: bool = False) -> int:
    rows = [polecat_row(record, include_modal) for record in event_records(store, include_modal)]
    return write_tsv(frame("polecat", rows, 3 if include_modal else 1), output, header=True)


def polecat_row(record: Record, include_modal: bool = False) -> list[Any]:
    date, source = layout_date(record)
    sources, targets = json.loads(record["source_json"] or "[]"), json.loads(record["target_json"] or "[]")
    people = _names_of(sources + targets, "person")
    organizations = _names_of(sources + targets, "organization")
    story_date = record["story_date"]
    return [
        str(record["event_id"]),
        date,
        record["plover"],
        record["mode"] or "",
        record["goldstein"],
        record["quad"],
        ";".join(record["context"] or ()),
        *_side(sources),
        *_side(targets),
        *_place(record),
        record["publisher"] or "",
        story_date.isoformat() if story_date else None,
        people,
        organizations,
        record["location_name"] or "",
        "en",
        f"eventwire {__version__}",
        *extension_values(record, source, include_modal),
    ]


def _place(record: Record) -> list[Any]:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw
    Placename, Feature Type: a place the gazetteer did not resolve keeps only its raw name."""
    raw = record["location_name"] or ""
    place = place_of(record)
    if place is None or place.kind == "unresolved":
        return ["", "", "", "", (place.country if place else None) or "", None, None, "", raw, ""]
    city = place.name if place.kind == "city" else ""
    province = place.name if place.kind in ("adm1", "region") else ""
    return [
        place.name, city, "", province, place.country or "", place.lat, place.lon, place.geonames_id, raw,
        place.kind,
    ]  # fmt: skip


def _side(actors: list[dict[str, Any]]) -> list[Any]:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    if not actors:
        return [""] * 8
    first = actors[0]
    sectors = ";".join(dict.fromkeys(a["sector"] for a in actors if a.get("sector")))
    name = actor_label(first)
    return [
        name, first.get("country") or "", "", first.get("sector") or "", sectors, "",
        first.get("text") or "", first.get("wikidata") or "",
    ]  # fmt: skip


def _names_of(actors: list[dict[str, Any]], kind: str) -> str:
    return ";".join(dict.fromkeys(a["name"] for a in actors if a.get("kind") == kind and a.get("name")))
