"""Whole tables as JSONL, CSV or Parquet, written by DuckDB itself (types kept in Parquet)."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.store import TABLES, EventStore

# DuckDB COPY options of each plain format; JSON is newline-delimited (one row a line).
COPY_OPTIONS = {"jsonl": "FORMAT JSON", "csv": "FORMAT CSV, HEADER", "parquet": "FORMAT PARQUET"}


def export_table(store: EventStore, fmt: str, output: Path, table: str = "events") -> int:
    """Copy one table to ``output``; returns the number of rows written."""
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    order = {"events": "event_id", "event_mentions": "event_id, mention_id", "articles": "id"}.get(
        table, "ALL"
    )
    path = str(output).replace("'", "''")
    store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{path}' ({COPY_OPTIONS[fmt]})")
    found = store.con.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(found[0][0])
