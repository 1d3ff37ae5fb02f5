"""ICEWS layout: the 20 tab-separated columns of the ICEWS coded event data, with a header.

ICEWS spells things out: countries and sectors by name, the event by its CAMEO name, the
Goldstein score as "Intensity". One row per deduplicated event, described by its first report.
An event the article does not date gets the publication date, flagged in the appended
"Date Source" column; with neither, Event Date is empty. Places fill only the columns that
were resolved: a city goes under City, a US state or a region under Province, and an
unresolved place name is left out (the coordinates and country are not known).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.store.exports.geo import place_of
from eventwire.store.exports.layouts import (
    Record,
    actor_label,
    cameo_names,
    country_name,
    event_records,
    extension_values,
    frame,
    layout_date,
    sector_name,
    write_tsv,
)
from eventwire.store.store import EventStore


def export(store: EventStore, output: Path, include_modal: bool = False) -> int:
    rows = [icews_row(record, include_modal) for record in event_records(store, include_modal)]
    return write_tsv(frame("icews", rows, 3 if include_modal else 1), output, header=True)


def icews_row(record: Record, include_modal: bool = False) -> list[Any]:
    date, source = layout_date(record)
    return [
        record["event_id"],
        date,
        *_side(record["source_json"]),
        cameo_names().get(record["cameo"] or "", ""),
        record["cameo"],
        record["goldstein"],
        *_side(record["target_json"]),
        record["root_article_id"],
        (record["root_sentence"] or 0) + 1,  # ICEWS numbers sentences from 1
        record["publisher"] or "",
        *_place(record),
        *extension_values(record, source, include_modal),
    ]


def _place(record: Record) -> list[Any]:
    """City, District, Province, Country, Latitude, Longitude."""
    place = place_of(record)
    if place is None or place.kind == "unresolved":
        return ["", "", "", country_name(place.country) if place else "", None, None]
    city = place.name if place.kind == "city" else ""
    province = place.name if place.kind in ("adm1", "region") else ""
    return [city, "", province, country_name(place.country), place.lat, place.lon]


def _side(actors_json: str | None) -> list[str]:
    """Name, Sectors, Country of one side; several actors are joined with ' + '."""
    actors = json.loads(actors_json or "[]")
    if not actors:
        return ["", "", ""]
    names = " + ".join(actor_label(a) for a in actors)
    sectors = ",".join(dict.fromkeys(sector_name(a.get("sector")) for a in actors if a.get("sector")))
    countries = ",".join(dict.fromkeys(country_name(a.get("country")) for a in actors if a.get("country")))
    return [names, sectors, countries]
