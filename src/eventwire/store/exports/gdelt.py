"""GDELT 2.0 layouts: the Events table (61 columns) and the Mentions table (16 columns).

GDELT's conventions are kept: tab-separated, no header, dates as YYYYMMDD integers, CAMEO
actor codes (country + type, e.g. ``USAGOV``), FIPS 10-4 country codes in the geography
columns, empty fields for what is unknown. What eventwire does not measure stays empty:
ethnic and religion codes, known-group codes, tone, actor geographies, ADM2 codes.

Dates: GDELT dates every event, by its article when nothing better is known; eventwire does
the same only when the article has a publication date, and never uses the day it read the
article. A date known to the month fills MonthYear and Year and leaves Day empty. The
Mentions table's Extras field says where each date came from (``<DATE_SOURCE>``) and, when
modal events are asked for, the mention's ``<MODALITY>``. The 61 event columns have no room
for modality, so the Events layout refuses ``include_modal``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import Actor
from eventwire.store.exports.geo import place_of
from eventwire.store.exports.layouts import (
    NON_STATE,
    Record,
    actor_label,
    asserted_sql,
    country_name,
    event_records,
    fips_code,
    first_actor,
    frame,
    layout_date,
    records,
    write_tsv,
)
from eventwire.store.store import EventStore

# GDELT's geography types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
# GDELT's mention types: 1 web page; 3 "CORE", a document with no URL.
MENTION_WEB, MENTION_DOCUMENT = 1, 3
EMPTY_GEO = [0, "", "", "", "", None, None, ""]


def export_events(store: EventStore, output: Path, include_modal: bool = False) -> int:
    if include_modal:
        raise StoreError(
            "GDELT's 61 event columns have no room for modality or negation: export modal events "
            "as gdelt-mentions (Extras), icews, polecat, plover, jsonl, csv or parquet"
        )
    rows = [event_row(record) for record in event_records(store)]
    return write_tsv(frame("gdelt_events", rows), output, header=False)


def export_mentions(store: EventStore, output: Path, include_modal: bool = False) -> int:
    where = "TRUE" if include_modal else asserted_sql("m")
    found = records(
        store,
        "SELECT m.*, e.added_at, e.event_date, e.date_precision, e.date_source, a.url, a.publisher, "
        "a.date AS story_date, a.ingested_at, length(a.text) AS doc_len, s.start_char AS sentence_start, "
        "substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text "
        "FROM event_mentions m JOIN events e USING (event_id) JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.sentence = m.sentence "
        f"WHERE {where} ORDER BY m.event_id, m.article_id, m.event_index, m.mention_id",
    )
    return write_tsv(frame("gdelt_mentions", [mention_row(r) for r in found]), output, header=False)


def _date_columns(record: Record) -> list[Any]:
    """Day, MonthYear, Year, FractionDate: each filled only to the precision that is known."""
    date, _ = layout_date(record)
    if date is None:
        return [None, None, None, None]
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else None
    day = dt.date.fromisoformat(date) if len(date) == 10 else None
    return [_yyyymmdd(day), year * 100 + month if month else None, year, _fraction_date(day)]


def event_row(record: Record) -> list[Any]:
    cameo = record["cameo"] or ""
    return [
        record["event_id"],
        *_date_columns(record),
        *actor_columns(first_actor(record["source_json"])),
        *actor_columns(first_actor(record["target_json"])),
        1 if record["root_sentence"] == 0 else 0,  # GDELT: reported in the lead of the article
        cameo,
        cameo[:3],
        cameo[:2],
        record["quad"],
        record["goldstein"],
        record["num_mentions"],
        record["num_sources"],
        record["num_articles"],
        None,  # AvgTone: eventwire does not score tone
        *EMPTY_GEO,  # Actor1Geo: eventwire places events, not actors
        *EMPTY_GEO,
        *action_geo(record),
        _timestamp(record["added_at"]),
        record["url"] or record["publisher"] or record["root_article_id"],
    ]


def actor_columns(actor: Actor | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    types = [country, actor.sector or ""] if country in NON_STATE else [actor.sector or ""]
    state = "" if country in NON_STATE else country
    code = state + "".join(types) if (state or types[0]) else ""
    name = actor_label(actor).upper()
    return [code, name, state, "", "", "", "", *[*types, "", ""][:3]]


def action_geo(record: Record) -> list[Any]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID.

    The type says what was resolved; a city's FeatureID is its GeoNames id (GDELT writes GNS
    ids there) and its ADM1 code the FIPS country code followed by the GeoNames admin1 code.
    """
    place = place_of(record)
    if place is None or place.kind == "unresolved":
        return list(EMPTY_GEO)
    fips = fips_code(place.country)
    country = country_name(place.country)
    if place.kind == "country":
        # GDELT's convention for a country-level match: ADM1 and feature id are the FIPS code.
        return [GEO_COUNTRY, country or place.name, fips, fips, "", place.lat, place.lon, fips]
    full_name = ", ".join(dict.fromkeys(part for part in (place.name, country) if part))
    adm1 = fips + place.adm1 if place.adm1 else ""
    if place.kind == "adm1":
        return [GEO_US_STATE, full_name, fips, adm1, "", place.lat, place.lon, adm1]
    if place.kind == "region":
        return [GEO_WORLD_STATE, full_name, fips, "", "", place.lat, place.lon, ""]
    # A city, or a point of no known rank (GDELT files landmarks under the city types too).
    kind = GEO_US_CITY if place.country == "USA" else GEO_WORLD_CITY
    return [kind, full_name, fips, adm1, "", place.lat, place.lon, place.geonames_id]


def mention_row(record: Record) -> list[Any]:
    seen = record["story_date"] or record["ingested_at"]
    return [
        record["event_id"],
        _timestamp(record["added_at"]),
        _timestamp(seen),
        MENTION_WEB if record["url"] else MENTION_DOCUMENT,
        record["publisher"] or "",
        record["url"] or record["article_id"],
        (record["sentence"] or 0) + 1,  # GDELT counts sentences from 1
        _offset_of(first_actor(record["source_json"]), record),
        _offset_of(first_actor(record["target_json"]), record),
        record["trigger_start"],
        1,  # coded from the article's own text, not a translation
        round(100 * (record["confidence"] or 0)),
        record["doc_len"],
        None,  # MentionDocTone: not scored
        "",
        _extras(record),
    ]


def _extras(record: Record) -> str:
    """GDELT's free-form Extras field, in its XML-like style: where the date came from, modality."""
    _, source = layout_date(record)
    extras = f"<DATE_SOURCE>{source or 'none'}</DATE_SOURCE>"
    modal = record["negated"] or record["modality"] not in (None, "asserted")
    if modal:
        modality = "negated" if record["negated"] else record["modality"]
        extras += f"<MODALITY>{modality}</MODALITY>"
    return extras


def _offset_of(actor: Actor | None, record: Record) -> int:
    """Character offset of the actor's words in the article (GDELT writes -1 when absent)."""
    sentence = record["sentence_text"] or ""
    if actor is None or not actor.text or actor.text not in sentence:
        return -1
    return int(record["sentence_start"] or 0) + sentence.index(actor.text)


def _yyyymmdd(day: dt.date | None) -> int | None:
    return int(day.strftime("%Y%m%d")) if day else None


def _fraction_date(day: dt.date | None) -> float | None:
    """GDELT's YYYY.FFFF: the year plus the fraction of it elapsed."""
    if day is None:
        return None
    return round(day.year + day.timetuple().tm_yday / 365.0, 4)


def _timestamp(moment: dt.date | dt.datetime | None) -> int | None:
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    return int(moment.strftime("%Y%m%d%H%M%S"))
