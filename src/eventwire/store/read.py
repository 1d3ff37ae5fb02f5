"""Stored articles read back as the contract's output line (CONTRACT.md), for APIs and checks.

    >>> article_record(store, "a1")
    {"id": "a1", "events": [...], "actors": [...], "quotes": [...], "error": None}

The line is rebuilt from ``event_mentions``, ``mentions``, ``actors`` and ``quotes``: what
``eventwire extract`` printed for the article is what the store gives back.
"""

from __future__ import annotations

import json
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.exports.layouts import Record, records
from eventwire.store.store import EventStore


def article_record(store: EventStore, article_id: str) -> dict[str, Any]:
    """The contract output line of one stored article."""
    found = records(store, "SELECT id, status, error_type, error FROM articles WHERE id = ?", [article_id])
    if not found:
        raise StoreError(f"no article {article_id!r} in the store {store.path}")
    article = found[0]
    error = {"type": article["error_type"], "message": article["error"]} if article["error_type"] else None
    return {
        "id": article_id,
        "events": _events(
            _rows(store, "event_mentions", "event_index, length(mention_id), mention_id", article_id)
        ),
        "actors": _actors(store, article_id),
        "quotes": [_quote(row) for row in _rows(store, "quotes", "quote_index", article_id)],
        "error": error,
    }


def _rows(store: EventStore, table: str, order: str, article_id: str) -> list[Record]:
    return records(store, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id])


def _events(found: list[Record]) -> list[dict[str, Any]]:
    """One contract event per coded event: the directed halves of a reciprocal one join again."""
    by_index: dict[int, list[Record]] = {}
    for row in found:
        by_index.setdefault(row["event_index"], []).append(row)
    events = []
    for halves in by_index.values():
        event = _event(halves[0])
        if len(halves) > 1:
            # Stored as A->B, B->A, ...: the coder's record had every actor on both sides.
            actors = [json.loads(row["source_json"])[0] for row in halves]
            event["source"] = event["target"] = list({json.dumps(a): a for a in actors}.values())
        events.append(event)
    return events


def _event(row: Record) -> dict[str, Any]:
    location = None
    if row["location_name"] is not None:
        location = {
            "name": row["location_name"], "country": row["location_country"], "lat": row["lat"],
            "lon": row["lon"], "source": row["location_source"], "precision": row["location_precision"],
            "geonames_id": row["location_geonames_id"], "admin1": row["location_admin1"],
            "feature_class": row["location_feature_class"],
        }  # fmt: skip
    return {
        "plover": row["plover"], "mode": row["mode"], "context": list(row["context"] or ()),
        "cameo": row["cameo"], "goldstein": row["goldstein"], "quad": row["quad"],
        "source": json.loads(row["source_json"]), "target": json.loads(row["target_json"]),
        "negated": row["negated"], "modality": row["modality"], "sentence": row["sentence"],
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "date": row["date"], "date_precision": row["date_precision"], "location": location,
        "location_precision": location["precision"] if location else None,
        "reported_by": json.loads(row["reported_by_json"]), "confidence": round(row["confidence"], 3),
    }  # fmt: skip


def _actors(store: EventStore, article_id: str) -> list[dict[str, Any]]:
    """Every distinct actor the article mentions, in order of first mention, with that surface text."""
    found = records(
        store,
        "SELECT m.text, a.name, a.country, a.sector, a.kind, a.wikidata FROM mentions m "
        "JOIN actors a USING (actor_id) WHERE m.article_id = ? "
        "QUALIFY row_number() OVER (PARTITION BY m.actor_id ORDER BY m.mention_index) = 1 "
        "ORDER BY m.mention_index",
        [article_id],
    )
    return [{k: row[k] for k in ("text", "name", "country", "sector", "kind", "wikidata")} for row in found]


def _quote(row: Record) -> dict[str, Any]:
    return {
        "text": row["text"], "start": row["start_char"], "end": row["end_char"],
        "speaker": json.loads(row["speaker_json"]) if row["speaker_json"] else None, "cue": row["cue"],
        "direct": row["direct"], "reported_by": json.loads(row["reported_by_json"]),
    }  # fmt: skip
