"""Exports of the event store, one function per format: ``export(store, fmt, output)``.

Plain formats (jsonl, csv, parquet) copy a table as it is; the layouts (gdelt,
gdelt-mentions, icews, polecat, plover) rewrite events in another dataset's conventions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.exports import gdelt, icews, plover, polecat
from eventwire.store.exports.tabular import COPY_OPTIONS, export_table
from eventwire.store.store import EventStore

Exporter = Callable[[EventStore, Path, bool], int]
LAYOUTS: dict[str, Exporter] = {
    "gdelt": gdelt.export_events,
    "gdelt-mentions": gdelt.export_mentions,
    "icews": icews.export,
    "polecat": polecat.export,
    "plover": plover.export,
}
FORMATS = (*COPY_OPTIONS, *LAYOUTS)


def export(
    store: EventStore, fmt: str, output: str | Path, table: str = "events", include_modal: bool = False
) -> int:
    """Write the store in format ``fmt`` to ``output``; returns the number of rows written.

    ``table`` chooses the table of the plain formats (jsonl, csv, parquet); layouts are of events.
    Denied, hypothetical and conditional events are left out unless ``include_modal`` (then
    each layout says which they are, see docs/store.md).
    """
    path = Path(output)
    if fmt in COPY_OPTIONS:
        return export_table(store, fmt, path, table, include_modal)
    if fmt in LAYOUTS:
        return LAYOUTS[fmt](store, path, include_modal)
    raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
