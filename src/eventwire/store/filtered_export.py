"""Exports of the events that pass a filter, as bytes for a download, in every format of ``export``.

    >>> data = export_events(store, EventQuery(base=EventFilter(actor="USA")), "gdelt")

The layouts read the tables ``events`` and ``event_mentions``; here they read temporary tables
of the same names on a cursor of their own, holding only the filtered events and their
mentions, so each layout's code is reused as it is. Temporary tables live in memory, so this
works on a read-only store, and the cursor is closed (its tables dropped) at the end.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd

from eventwire import plugins
from eventwire.errors import StoreError
from eventwire.store.browse import EventQuery
from eventwire.store.exports import Exporter, format_names, layout_names
from eventwire.store.store import EventStore

# Media type and file suffix of each download.
MEDIA = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "gdelt": ("text/tab-separated-values", "gdelt.tsv"),
    "gdelt-mentions": ("text/tab-separated-values", "gdelt-mentions.tsv"),
    "icews": ("text/tab-separated-values", "icews.tsv"),
    "polecat": ("text/tab-separated-values", "polecat.tsv"),
    "plover": ("application/x-ndjson", "plover.jsonl"),
}


def media_of(fmt: str) -> tuple[str, str]:
    """Media type and file suffix of a download; a plugin layout is sent as plain bytes."""
    return MEDIA.get(fmt, ("application/octet-stream", f"{fmt}.txt"))


def export_events(store: EventStore, query: EventQuery, fmt: str) -> bytes:
    """The filtered events in format ``fmt`` (a plain table or a dataset layout)."""
    if fmt not in format_names():
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(format_names())}")
    cursor = store.con.cursor()
    try:
        where, params = query.where()
        cursor.execute(f"CREATE TEMP TABLE events AS SELECT e.* FROM main.events e WHERE {where}", params)
        cursor.execute(
            "CREATE TEMP TABLE event_mentions AS SELECT * FROM main.event_mentions "
            "WHERE event_id IN (SELECT event_id FROM temp.events)"
        )
        view = EventStore(cursor, store.path, store.rule)
        return _layout(view, fmt, query.modal_wanted) if fmt in layout_names() else _plain(view, fmt)
    finally:
        cursor.close()


def _plain(view: EventStore, fmt: str) -> bytes:
    # Written by pandas, not DuckDB's COPY: the query connection has no file access at all.
    table = view.con.execute("SELECT * FROM temp.events ORDER BY event_id").df()
    buffer = io.BytesIO()
    if fmt == "parquet":
        table.to_parquet(buffer, index=False)
    elif fmt == "csv":
        buffer.write(table.to_csv(index=False).encode("utf-8"))
    else:
        buffer.write(_jsonl(table).encode("utf-8"))
    return buffer.getvalue()


def _jsonl(table: pd.DataFrame) -> str:
    return (
        table.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
        if len(table)
        else ""
    )


def _layout(view: EventStore, fmt: str, include_modal: bool) -> bytes:
    # The layouts write a file: give them one in a private temporary folder, never a caller's path.
    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as folder:
        path = Path(folder) / f"events.{media_of(fmt)[1]}"
        exporter: Exporter = plugins.load(plugins.EXPORTS, fmt)
        exporter(view, path, include_modal)
        return path.read_bytes()
