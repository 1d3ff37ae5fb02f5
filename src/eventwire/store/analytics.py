"""Questions analysts ask of the store, each answered as a pandas DataFrame.

    >>> from eventwire.store import EventStore
    >>> from eventwire.store.analytics import dyad_counts
    >>> with EventStore.open("events.duckdb", read_only=True) as store:
    ...     table = dyad_counts(store, "USA", "RUS", by="month")

Everything counts *events* (deduplicated real-world events, see ``dedup``); ``mentions`` columns
add up how often they were reported. An event's day is its coded date, else its publication
date; an event with neither is counted in no period (the ingest day is never used).
An actor is given as an ISO3 country code (``USA``) or a canonical name (``Antony Blinken``).
Denied, hypothetical and conditional events are left out unless a filter sets ``include_modal``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from eventwire.errors import StoreError
from eventwire.store.exports.layouts import actor_label, asserted_sql
from eventwire.store.store import EventStore

Period = Literal["day", "week", "month", "year"]
Grouping = Literal["quad", "plover", "dyad"]
Role = Literal["source", "target", "any"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "year")
GROUPINGS: tuple[Grouping, ...] = ("quad", "plover", "dyad")
# ISO weeks (2024-W11) so that a week never straddles two labels at the turn of a year.
_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
_DAY = "coalesce(event_date, first_seen)"
_GROUP_SQL = {
    "quad": "quad::VARCHAR",
    "plover": "plover",
    "dyad": "array_to_string(source_countries, '+') || '>' || array_to_string(target_countries, '+')",
}
# event_date is only a date the text gives; first_seen is the (earliest) publication date.
_EVENT_COLUMNS = (
    "event_id, CASE WHEN date_source = 'text' THEN event_date END AS event_date, "
    "CASE WHEN date_source = 'text' THEN date_precision END AS date_precision, first_seen, last_seen, "
    "plover, mode, cameo, goldstein, quad, negated, modality, source_json, source_countries, "
    "target_json, target_countries, location_name, location_country, lat, lon, "
    "num_mentions, num_sources, num_articles"
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep; every field left as None keeps all."""

    actor: str | None = None  # on either side
    country: str | None = None  # on either side, or where it happened
    dyad: tuple[str, str] | None = None  # (source, target), in that direction
    plover: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None  # place name, case-insensitive
    include_modal: bool = False  # keep denied, hypothetical and conditional events too

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on the ``events`` table, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append(f"({side_matches('source')} OR {side_matches('target')})")
            params += actor_params(self.actor) * 2
        if self.country:
            code = self.country.upper()
            clauses.append(
                "(list_contains(source_countries, ?) OR list_contains(target_countries, ?) "
                "OR location_country = ?)"
            )
            params += [code, code, code]
        if self.dyad:
            clauses.append(f"{side_matches('source')} AND {side_matches('target')}")
            params += actor_params(self.dyad[0]) + actor_params(self.dyad[1])
        clauses, params = self._simple(clauses, params)
        if not self.include_modal:
            clauses.append(asserted_sql())
        return (" AND ".join(clauses) or "TRUE"), params

    def _simple(self, clauses: list[str], params: list[Any]) -> tuple[list[str], list[Any]]:
        for condition, value in (
            ("plover = ?", self.plover.upper() if self.plover else None),
            (f"{_DAY} >= ?", self.start),
            (f"{_DAY} <= ?", self.end),
            ("lower(location_name) = ?", self.place.lower() if self.place else None),
        ):
            if value is not None:
                clauses.append(condition)
                params.append(value)
        return clauses, params


def side_matches(side: str) -> str:
    """SQL: one side of an event includes the actor (country code or canonical name)."""
    names = f"list_transform({side}_names, lambda n: lower(n))"
    return f"(list_contains({side}_countries, ?) OR list_contains({names}, ?))"


def actor_params(actor: str) -> list[Any]:
    return [actor.upper(), actor.lower()]


def events(store: EventStore, filters: EventFilter | None = None, limit: int | None = None) -> pd.DataFrame:
    """The deduplicated events that pass ``filters``, most recent first.

    ``source`` and ``target`` name each side's actors as every export does (``actor_label``).
    """
    where, params = (filters or EventFilter()).where()
    sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} ORDER BY {_DAY} DESC NULLS LAST, event_id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    table = store.con.execute(sql, params).df()
    for side in ("source", "target"):
        table.insert(
            table.columns.get_loc(f"{side}_json"), side, [_labels(text) for text in table.pop(f"{side}_json")]
        )
    return table


def _labels(actors_json: str | None) -> str:
    return "; ".join(dict.fromkeys(actor_label(a) for a in json.loads(actors_json or "[]")))


def dyad_counts(
    store: EventStore,
    source: str,
    target: str,
    by: Period = "month",
    both_directions: bool = False,
    *,
    include_modal: bool = False,
) -> pd.DataFrame:
    """Events of ``source`` towards ``target`` per period: count, mentions, mean Goldstein."""
    where, params = EventFilter(dyad=(source, target), include_modal=include_modal).where()
    if both_directions:
        reverse, reverse_params = EventFilter(dyad=(target, source), include_modal=include_modal).where()
        where, params = f"({where}) OR ({reverse})", params + reverse_params
    return _per_period(store, by, where, params, group=None)


def counts(
    store: EventStore, by: Period = "month", group: Grouping | None = None, filters: EventFilter | None = None
) -> pd.DataFrame:
    """Events per period, optionally per QuadClass, PLOVER type or country dyad."""
    where, params = (filters or EventFilter()).where()
    return _per_period(store, by, where, params, group)


def _per_period(
    store: EventStore, by: Period, where: str, params: list[Any], group: Grouping | None
) -> pd.DataFrame:
    period = _period_sql(by)
    group_select = f"{_GROUP_SQL[group]} AS {group}, " if group else ""
    group_by = f", {group}" if group else ""
    sql = (
        f"SELECT {period} AS period, {group_select}count(*) AS events, "
        "sum(num_mentions)::BIGINT AS mentions, "
        f"round(avg(goldstein), 2) AS mean_goldstein FROM events WHERE ({where}) AND {_DAY} IS NOT NULL "
        f"GROUP BY period{group_by} ORDER BY period{group_by}"
    )
    return store.con.execute(sql, params).df()


def _period_sql(by: str) -> str:
    if by not in _PERIOD_FORMAT:
        raise StoreError(f"unknown period {by!r}: choose one of {', '.join(PERIODS)}")
    return f"strftime({_DAY}, '{_PERIOD_FORMAT[by]}')"


def top_actors(
    store: EventStore, n: int = 10, role: Role = "any", filters: EventFilter | None = None
) -> pd.DataFrame:
    """The canonical actors in most events (as source, target or either)."""
    sides = {"source": "em.source_actor_ids", "target": "em.target_actor_ids"}
    ids = sides.get(role, "list_concat(em.source_actor_ids, em.target_actor_ids)")
    where, params = (filters or EventFilter()).where()
    sql = f"""
        WITH links AS (SELECT DISTINCT em.event_id, unnest({ids}) AS actor_id FROM event_mentions em)
        SELECT a.actor_id, a.name, a.country, a.sector, a.kind, count(*) AS events,
            sum(e.num_mentions)::BIGINT AS mentions, round(avg(e.goldstein), 2) AS mean_goldstein
        FROM links JOIN actors a USING (actor_id) JOIN (SELECT * FROM events WHERE {where}) e USING (event_id)
        GROUP BY ALL ORDER BY events DESC, mentions DESC, a.name NULLS LAST, a.actor_id LIMIT {int(n)}"""
    table = store.con.execute(sql, params).df()
    # The name every export writes: the canonical one, else country and sector ("Chile: Civilians").
    known = table[["name", "country", "sector"]].astype(object)
    known = known.where(known.notna(), None)
    table["name"] = [actor_label(row) for row in known.to_dict("records")]
    return table


def actor_timeline(
    store: EventStore, actor: str, by: Period = "month", include_modal: bool = False
) -> pd.DataFrame:
    """What an actor did and had done to it, per period and PLOVER type."""
    sql = f"""
        SELECT {_period_sql(by)} AS period,
            CASE WHEN {side_matches("source")} THEN 'source' ELSE 'target' END AS role,
            plover, count(*) AS events, sum(num_mentions)::BIGINT AS mentions,
            round(avg(goldstein), 2) AS mean_goldstein
        FROM events WHERE ({side_matches("source")} OR {side_matches("target")}) AND {_DAY} IS NOT NULL
            AND ({"TRUE" if include_modal else asserted_sql()})
        GROUP BY ALL ORDER BY period, role, plover"""
    return store.con.execute(sql, actor_params(actor) * 3).df()
