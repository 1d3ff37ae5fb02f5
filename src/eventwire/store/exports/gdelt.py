"""GDELT 2.0 layouts: the Events table (61 columns) and the Mentions table (16 columns).

GDELT's conventions are kept: tab-separated, no header, dates as YYYYMMDD integers, CAMEO
actor codes (country + type, e.g. ``USAGOV``), FIPS 10-4 country codes in the geography
columns, empty fields for what is unknown. What eventwire does not measure stays empty:
ethnic and religion codes, known-group codes, tone, actor geographies, ADM2 codes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from eventwire.records import Actor
from eventwire.store.exports.layouts import (
    NON_STATE,
    Record,
    country_name,
    event_records,
    fips_code,
    first_actor,
    frame,
    records,
    write_tsv,
)
from eventwire.store.store import EventStore

# GDELT's geography types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4
# GDELT's mention types: 1 web page; 3 "CORE", a document with no URL.
MENTION_WEB, MENTION_DOCUMENT = 1, 3
EMPTY_GEO = [0, "", "", "", "", None, None, ""]


def export_events(store: EventStore, output: Path) -> int:
    rows = [event_row(record) for record in event_records(store)]
    return write_tsv(frame("gdelt_events", rows), output, header=False)


def export_mentions(store: EventStore, output: Path) -> int:
    found = records(
        store,
        "SELECT m.*, e.added_at, a.url, a.publisher, a.date AS story_date, a.ingested_at, "
        "length(a.text) AS doc_len, s.start_char AS sentence_start, "
        "substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text "
        "FROM event_mentions m JOIN events e USING (event_id) JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.sentence = m.sentence "
        "ORDER BY m.event_id, m.article_id, m.event_index",
    )
    return write_tsv(frame("gdelt_mentions", [mention_row(r) for r in found]), output, header=False)


def event_row(record: Record) -> list[Any]:
    day: dt.date | None = record["event_date"] or record["first_seen"]
    cameo = record["cameo"] or ""
    return [
        record["event_id"],
        _yyyymmdd(day),
        int(day.strftime("%Y%m")) if day else None,
        day.year if day else None,
        _fraction_date(day),
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
    name = (actor.name or actor.text or "").upper()
    return [code, name, state, "", "", "", "", *[*types, "", ""][:3]]


def action_geo(record: Record) -> list[Any]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    name, country = record["location_name"], record["location_country"]
    if not name:
        return list(EMPTY_GEO)
    fips = fips_code(country)
    is_country = bool(country) and name.casefold() == country_name(country).casefold()
    if is_country:
        # GDELT's convention for a country-level match: ADM1 and feature id are the FIPS code.
        return [GEO_COUNTRY, name, fips, fips, "", record["lat"], record["lon"], fips]
    kind = GEO_US_CITY if country == "USA" else GEO_WORLD_CITY
    full_name = ", ".join(part for part in (name, country_name(country)) if part)
    return [kind, full_name, fips, fips, "", record["lat"], record["lon"], ""]


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
        "",
    ]


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
