"""POLECAT layout: the PLOVER-coded weekly-release columns, tab-separated with a header.

One row per deduplicated event; the actor and recipient are the first actor of each side,
as POLECAT has one of each. Fields eventwire does not know (COW codes, titles, GeoNames ids,
districts and provinces) stay empty.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.store.exports.layouts import Record, country_name, event_records, frame, write_tsv
from eventwire.store.store import EventStore


def export(store: EventStore, output: Path) -> int:
    rows = [polecat_row(record) for record in event_records(store)]
    return write_tsv(frame("polecat", rows), output, header=True)


def polecat_row(record: Record) -> list[Any]:
    day = record["event_date"] or record["first_seen"]
    sources, targets = json.loads(record["source_json"] or "[]"), json.loads(record["target_json"] or "[]")
    place, place_country = record["location_name"] or "", record["location_country"]
    is_country = bool(place) and place.casefold() == country_name(place_country).casefold()
    people = _names_of(sources + targets, "person")
    organizations = _names_of(sources + targets, "organization")
    story_date = record["story_date"]
    return [
        str(record["event_id"]),
        day.isoformat() if day else None,
        record["plover"],
        record["mode"] or "",
        record["goldstein"],
        record["quad"],
        ";".join(record["context"] or ()),
        *_side(sources),
        *_side(targets),
        place,
        "" if is_country else place,
        "",
        "",
        place_country or "",
        record["lat"],
        record["lon"],
        "",
        place,
        ("country" if is_country else "city") if place else "",
        record["publisher"] or "",
        story_date.isoformat() if story_date else None,
        people,
        organizations,
        place,
        "en",
        f"eventwire {__version__}",
    ]


def _side(actors: list[dict[str, Any]]) -> list[Any]:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    if not actors:
        return [""] * 8
    first = actors[0]
    sectors = ";".join(dict.fromkeys(a["sector"] for a in actors if a.get("sector")))
    name = first.get("name") or first.get("text") or ""
    return [
        name, first.get("country") or "", "", first.get("sector") or "", sectors, "",
        first.get("text") or "", first.get("wikidata") or "",
    ]  # fmt: skip


def _names_of(actors: list[dict[str, Any]], kind: str) -> str:
    return ";".join(dict.fromkeys(a["name"] for a in actors if a.get("kind") == kind and a.get("name")))
