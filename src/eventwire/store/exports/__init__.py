"""Exports of the event store, one function per format: ``export(store, fmt, output)``.

Plain formats (jsonl, csv, parquet) copy a table as it is; the layouts (gdelt,
gdelt-mentions, icews, polecat, plover) rewrite events in another dataset's conventions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire import plugins
from eventwire.errors import StoreError
from eventwire.store.exports.tabular import COPY_OPTIONS, export_table
from eventwire.store.store import EventStore

# A layout writes the events of ``store`` to a file and returns the rows written; with
# ``include_modal`` it also writes denied/hypothetical/conditional events (docs/store.md).
Exporter = Callable[[EventStore, Path, bool], int]


def layout_names() -> tuple[str, ...]:
    """Every export layout: the built-in ones and those of installed plugins (``eventwire.exports``)."""
    return tuple(plugins.available(plugins.EXPORTS))


def format_names() -> tuple[str, ...]:
    """Plain table formats first, then the layouts."""
    return (*COPY_OPTIONS, *layout_names())


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
    if fmt in layout_names():
        exporter: Exporter = plugins.load(plugins.EXPORTS, fmt)
        return exporter(store, path, include_modal)
    raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(format_names())}")
