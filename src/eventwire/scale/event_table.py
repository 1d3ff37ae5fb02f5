"""Coded events as a flat table, written to Parquet partitioned by event date.

One row per event: the article it came from, the PLOVER/CAMEO coding, the dyad as ISO3 codes
(and the full actors as JSON, for nothing to be lost), date, place and confidence. Analysts
read the folder as one dataset (``pandas.read_parquet("out/events")``, DuckDB
``read_parquet('out/events/*/*.parquet', hive_partitioning=true)``), and a filter on ``date``
opens only the days it needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.records import Actor, CodedArticle, Event

UNKNOWN_DATE = "unknown"
# Declared, not inferred: a partition whose events all lack a mode must still say "string".
_COLUMN_TYPES = {
    "article_id": "string",
    "event": "int32",
    "plover": "string",
    "mode": "string",
    "cameo": "string",
    "goldstein": "float64",
    "quad": "int8",
    "source_countries": "string",
    "target_countries": "string",
    "negated": "bool",
    "modality": "string",
    "sentence": "int32",
    "trigger": "string",
    "date": "string",
    "date_precision": "string",
    "location": "string",
    "location_country": "string",
    "lat": "float64",
    "lon": "float64",
    "confidence": "float64",
    "publisher": "string",
    "event_json": "string",
}


def event_rows(coded: Iterable[CodedArticle], first_event: int = 0) -> list[dict[str, Any]]:
    """One flat row per event of every article (failed articles have none); ``first_event``:
    the number of the first event, for a piece of a very long article."""
    return [
        _row(article, number, event)
        for article in coded
        for number, event in enumerate(article.events, first_event)
    ]


def _row(article: CodedArticle, number: int, event: Event) -> dict[str, Any]:
    place = event.location
    return {
        "article_id": article.article.id,
        "event": number,
        "plover": event.plover,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad": event.quad,
        "source_countries": _countries(event.source),
        "target_countries": _countries(event.target),
        "negated": event.negated,
        "modality": event.modality,
        "sentence": event.sentence,
        "trigger": event.trigger.text,
        "date": event.date or UNKNOWN_DATE,
        "date_precision": event.date_precision,
        "location": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "confidence": round(event.confidence, 3),
        "publisher": article.article.publisher,
        "event_json": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def _countries(actors: tuple[Actor, ...]) -> str:
    """ "USA;RUS": the dyad's countries in a column every Parquet reader can filter on."""
    return ";".join(a.country or "" for a in actors)


def write_event_rows(rows: list[dict[str, Any]], folder: Path, name: str) -> None:
    """Write event rows (``event_rows``) under ``folder/date=…/{name}-0.parquet``, replacing
    that partition's files."""
    import pyarrow as pa  # noqa: PLC0415 - pyarrow loads only where Parquet is written
    import pyarrow.parquet as pq  # noqa: PLC0415

    if not rows:
        return
    schema = pa.schema([(column, pa.type_for_alias(kind)) for column, kind in _COLUMN_TYPES.items()])
    pq.write_to_dataset(
        pa.Table.from_pylist(rows, schema=schema),
        str(folder),
        partition_cols=["date"],
        basename_template=name + "-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )
