"""Whole tables as JSONL, CSV or Parquet, written by DuckDB itself (types kept in Parquet).

The events and event_mentions tables are copied with the rules every export keeps: denied,
hypothetical and conditional events only on request, and no date the text does not give
(a publication date that stood in for matching is written as an empty ``event_date``; the
publication date itself is ``first_seen``). CSV has no list type, so list columns are JSON.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.exports.layouts import asserted_sql
from eventwire.store.store import TABLES, EventStore

# DuckDB COPY options of each plain format; JSON is newline-delimited (one row a line).
COPY_OPTIONS = {"jsonl": "FORMAT JSON", "csv": "FORMAT CSV, HEADER", "parquet": "FORMAT PARQUET"}
_ORDER = {"events": "event_id", "event_mentions": "event_id, mention_id", "articles": "id"}
# Dates kept only when the text gave them: column -> the condition that it did.
_STATED_DATES = {
    "events": {"event_date": "date_source = 'text'", "date_precision": "date_source = 'text'"},
    "event_mentions": {c: "date_source = 'text'" for c in ("date", "date_precision", "event_day")},
}


def export_table(
    store: EventStore, fmt: str, output: Path, table: str = "events", include_modal: bool = False
) -> int:
    """Copy one table to ``output``; returns the number of rows written."""
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    select = _select(store, table, fmt, include_modal)
    path = str(output).replace("'", "''")
    store.con.execute(f"COPY ({select}) TO '{path}' ({COPY_OPTIONS[fmt]})")
    found = store.con.execute(f"SELECT count(*) FROM ({select})").fetchall()
    return int(found[0][0])


def _select(store: EventStore, table: str, fmt: str, include_modal: bool) -> str:
    replaced = {
        column: f"CASE WHEN {condition} THEN {column} END"
        for column, condition in _STATED_DATES.get(table, {}).items()
    }
    if fmt == "csv":
        replaced |= {column: f"to_json({column})" for column in _list_columns(store, table)}
    star = "*"
    if replaced:
        star += " REPLACE (" + ", ".join(f"{sql} AS {column}" for column, sql in replaced.items()) + ")"
    modal = table in ("events", "event_mentions") and not include_modal
    where = asserted_sql() if modal else "TRUE"
    return f"SELECT {star} FROM {table} WHERE {where} ORDER BY {_ORDER.get(table, 'ALL')}"


def _list_columns(store: EventStore, table: str) -> list[str]:
    found = store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type LIKE '%[]'",
        [table],
    ).fetchall()
    return [name for (name,) in found]
