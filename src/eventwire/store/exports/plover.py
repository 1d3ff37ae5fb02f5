"""PLOVER JSON: one event per line, PLOVER's field names, every mention listed under it.

PLOVER names the sides ``actor`` and ``recipient`` and the type ``event``; each record also
carries the deduplication counts and, per mention, the article, sentence and trigger so a
reader can go back to the words behind the event. ``date`` is only ever a date the text
gives (null otherwise, with ``date_precision`` null); ``publication_date`` is the article's.
Denied, hypothetical and conditional events are left out unless asked for.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from eventwire.store.exports.geo import place_of
from eventwire.store.exports.layouts import Record, event_records, records, stated_date
from eventwire.store.store import EventStore


def export(store: EventStore, output: Path, include_modal: bool = False) -> int:
    mentions = _mentions_by_event(store)
    count = 0
    with output.open("w", encoding="utf-8") as out:
        for record in event_records(store, include_modal):
            out.write(
                json.dumps(plover_record(record, mentions[record["event_id"]]), ensure_ascii=False) + "\n"
            )
            count += 1
    return count


def plover_record(record: Record, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    date = stated_date(record)
    story_date = record["story_date"]
    return {
        "id": str(record["event_id"]),
        "date": date,
        "date_precision": record["date_precision"] if date else None,
        "publication_date": story_date.isoformat() if story_date else None,
        "event": record["plover"],
        "mode": record["mode"],
        "context": list(record["context"] or ()),
        "actor": json.loads(record["source_json"] or "[]"),
        "recipient": json.loads(record["target_json"] or "[]"),
        "cameo": record["cameo"],
        "goldstein": record["goldstein"],
        "quad_class": record["quad"],
        "negated": record["negated"],
        "modality": record["modality"],
        "location": _location(record),
        "num_mentions": record["num_mentions"],
        "num_sources": record["num_sources"],
        "num_articles": record["num_articles"],
        "first_seen": record["first_seen"].isoformat() if record["first_seen"] else None,
        "last_seen": record["last_seen"].isoformat() if record["last_seen"] else None,
        "mentions": mentions,
    }


def _location(record: Record) -> dict[str, Any] | None:
    place = place_of(record)
    if place is None:
        return None
    return {
        "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
        "feature": place.kind, "geonames_id": place.geonames_id or None, "adm1": place.adm1 or None,
    }  # fmt: skip


def _mentions_by_event(store: EventStore) -> dict[int, list[dict[str, Any]]]:
    found = records(
        store,
        "SELECT m.event_id, m.article_id, m.sentence, m.trigger_text, m.trigger_start, m.trigger_end, "
        "m.confidence, a.publisher, a.url, a.date, s.text AS sentence_text "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.sentence = m.sentence "
        "ORDER BY m.event_id, m.article_id, m.event_index",
    )
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in found:
        grouped[row["event_id"]].append({
            "article_id": row["article_id"], "publisher": row["publisher"], "url": row["url"],
            "date": row["date"].isoformat() if row["date"] else None, "sentence": row["sentence"],
            "sentence_text": row["sentence_text"], "confidence": row["confidence"],
            "trigger": {
                "text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"],
            },
        })  # fmt: skip
    return grouped
