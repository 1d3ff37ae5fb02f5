"""ICEWS layout: the 20 tab-separated columns of the ICEWS coded event data, with a header.

ICEWS spells things out: countries and sectors by name, the event by its CAMEO name, the
Goldstein score as "Intensity". One row per deduplicated event, described by its first report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.store.exports.layouts import (
    Record,
    cameo_names,
    country_name,
    event_records,
    frame,
    sector_name,
    write_tsv,
)
from eventwire.store.store import EventStore


def export(store: EventStore, output: Path) -> int:
    rows = [icews_row(record) for record in event_records(store)]
    return write_tsv(frame("icews", rows), output, header=True)


def icews_row(record: Record) -> list[Any]:
    day = record["event_date"] or record["first_seen"]
    place, place_country = record["location_name"], record["location_country"]
    is_country = bool(place) and place.casefold() == country_name(place_country).casefold()
    return [
        record["event_id"],
        day.isoformat() if day else None,
        *_side(record["source_json"]),
        cameo_names().get(record["cameo"] or "", ""),
        record["cameo"],
        record["goldstein"],
        *_side(record["target_json"]),
        record["root_article_id"],
        (record["root_sentence"] or 0) + 1,  # ICEWS numbers sentences from 1
        record["publisher"] or "",
        "" if is_country else place or "",
        "",  # District: not resolved
        "",  # Province: not resolved
        country_name(place_country),
        record["lat"],
        record["lon"],
    ]


def _side(actors_json: str | None) -> list[str]:
    """Name, Sectors, Country of one side; several actors are joined with ' + '."""
    actors = json.loads(actors_json or "[]")
    if not actors:
        return ["", "", ""]
    names = " + ".join(a.get("name") or a.get("text") or "" for a in actors)
    sectors = ",".join(dict.fromkeys(sector_name(a.get("sector")) for a in actors if a.get("sector")))
    countries = ",".join(dict.fromkeys(country_name(a.get("country")) for a in actors if a.get("country")))
    return [names, sectors, countries]
