"""Questions analysts ask of the store, each answered as a pandas DataFrame.

    >>> from eventwire.store import EventStore
    >>> from eventwire.store.analytics import dyad_counts
    >>> with EventStore.open("events.duckdb", read_only=True) as store:
    ...     table = dyad_counts(store, "USA", "RUS", by="month")

Everything counts *events* (deduplicated real-world events, see ``dedup``); ``mentions`` columns
add up how often they were reported. An event's day is its coded date, else when first seen.
An actor is given as an ISO3 country code (``USA``) or a canonical name (``Antony Blinken``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from eventwire.errors import StoreError
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
_EVENT_COLUMNS = (
    "event_id, event_date, date_precision, plover, mode, cameo, goldstein, quad, negated, modality, "
    "source_countries, source_names, target_countries, target_names, location_name, location_country, "
    "lat, lon, num_mentions, num_sources, num_articles, first_seen, last_seen"
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
    """The deduplicated events that pass ``filters``, most recent first."""
    where, params = (filters or EventFilter()).where()
    sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} ORDER BY {_DAY} DESC NULLS LAST, event_id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.con.execute(sql, params).df()


def dyad_counts(
    store: EventStore, source: str, target: str, by: Period = "month", both_directions: bool = False
) -> pd.DataFrame:
    """Events of ``source`` towards ``target`` per period: count, mentions, mean Goldstein."""
    where, params = EventFilter(dyad=(source, target)).where()
    if both_directions:
        reverse, reverse_params = EventFilter(dyad=(target, source)).where()
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
        GROUP BY ALL ORDER BY events DESC, mentions DESC, a.name NULLS LAST LIMIT {int(n)}"""
    return store.con.execute(sql, params).df()


def actor_timeline(store: EventStore, actor: str, by: Period = "month") -> pd.DataFrame:
    """What an actor did and had done to it, per period and PLOVER type."""
    sql = f"""
        SELECT {_period_sql(by)} AS period,
            CASE WHEN {side_matches("source")} THEN 'source' ELSE 'target' END AS role,
            plover, count(*) AS events, sum(num_mentions)::BIGINT AS mentions,
            round(avg(goldstein), 2) AS mean_goldstein
        FROM events WHERE ({side_matches("source")} OR {side_matches("target")}) AND {_DAY} IS NOT NULL
        GROUP BY ALL ORDER BY period, role, plover"""
    return store.con.execute(sql, actor_params(actor) * 3).df()
