"""Read-only questions the explorer asks of the store: pages of events, one event or article
with its evidence, actors, dyad series, the network of who acts on whom, and places.

    >>> with EventStore.open("events.duckdb", read_only=True) as store:
    ...     page = page_events(store, EventQuery(base=EventFilter(actor="USA")), limit=50)

Every value from a caller reaches DuckDB as a bound parameter; column names and sort orders
come only from the fixed tables below, so no request can change the SQL around them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import NotFoundError, StoreError
from eventwire.store.analytics import EventFilter, Period, _period_sql
from eventwire.store.exports.layouts import Record, records
from eventwire.store.read import article_record
from eventwire.store.search import query_terms
from eventwire.store.store import EventStore

DAY = "coalesce(e.event_date, e.first_seen)"
# Sort keys a client may name -> the SQL they mean; '-key' sorts descending.
SORTS = {
    "date": DAY,
    "goldstein": "e.goldstein",
    "quad": "e.quad",
    "type": "e.plover",
    "mentions": "e.num_mentions",
    "articles": "e.num_articles",
    "id": "e.event_id",
}
MODALITIES = ("asserted", "future", "hypothetical", "conditional")
_TRUNC = {"day": "day", "week": "week", "month": "month", "year": "year"}
# The last day of the period that starts on START (weeks are ISO weeks, Monday to Sunday).
_PERIOD_END = {
    "day": "START",
    "week": "(START + 6)",
    "month": "last_day(START)",
    "year": "(START + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE",
}
_PAGE_COLUMNS = f"""e.event_id, {DAY} AS day, e.date_precision, e.plover, e.mode, e.cameo, e.goldstein,
    e.quad,     e.negated, e.modality, e.source_countries, e.source_names, e.target_countries, e.target_names,
    e.source_json, e.target_json, e.location_name, e.location_country, e.lat, e.lon, e.num_mentions,
    e.num_sources, e.num_articles, e.root_article_id, e.root_sentence"""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The explorer's filters: those of ``eventwire query`` (``base``) and a few more."""

    base: EventFilter = field(default_factory=EventFilter)
    quads: tuple[int, ...] = ()
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    text: str | None = None  # every word in one of the event's sentences
    modality: str | None = None
    negated: bool | None = None
    min_confidence: float | None = None  # at least one report this confident
    # Denied, hypothetical and conditional events are left out, as in every default query and
    # export, unless asked for here or by a modality/negation filter of their own.
    include_modal: bool = False

    @property
    def modal_wanted(self) -> bool:
        return self.include_modal or self.negated is True or self.modality not in (None, "asserted")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on ``events`` (aliased ``e``), and its parameters in order."""
        # EventFilter writes bare column names; they resolve to e.* since only events is in scope.
        base, params = dataclasses.replace(self.base, include_modal=self.modal_wanted).where()
        clauses = [f"({base})"]
        for condition, values in self._clauses():
            clauses.append(condition)
            params.extend(values)
        return " AND ".join(clauses), params

    def _clauses(self) -> list[tuple[str, list[Any]]]:
        found: list[tuple[str, list[Any]]] = []
        if self.quads:
            found.append(("list_contains(?, e.quad)", [list(self.quads)]))
        for condition, value in (
            ("e.goldstein >= ?", self.goldstein_min),
            ("e.goldstein <= ?", self.goldstein_max),
            ("e.modality = ?", self.modality),
            ("e.negated = ?", self.negated),
        ):
            if value is not None:
                found.append((condition, [value]))
        if self.min_confidence is not None:
            found.append((_EXISTS_MENTION + " AND em.confidence >= ?)", [self.min_confidence]))
        terms = query_terms(self.text or "")
        if terms:
            found.append((_TEXT_MATCH, [terms, len(terms)]))
        return found


_EXISTS_MENTION = "EXISTS (SELECT 1 FROM event_mentions em WHERE em.event_id = e.event_id"
_TEXT_MATCH = """e.event_id IN (SELECT em.event_id FROM event_mentions em JOIN (
        SELECT article_id, sentence FROM sentence_terms WHERE list_contains(?, term)
        GROUP BY article_id, sentence HAVING count(DISTINCT term) = ?) hit USING (article_id, sentence))"""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing and how many rows the whole listing has."""

    total: int
    limit: int
    offset: int
    items: list[Record]


def order_by(sort: str) -> str:
    """SQL ORDER BY for a client's sort key (``date``, ``-goldstein``…); unknown keys are refused."""
    key = sort.removeprefix("-")
    if key not in SORTS:
        raise StoreError(f"unknown sort {sort!r}: choose one of {', '.join(SORTS)} (prefix - for descending)")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{SORTS[key]} {direction} NULLS LAST, e.event_id {direction}"


def page_events(
    store: EventStore, query: EventQuery, sort: str = "-date", limit: int = 50, offset: int = 0
) -> Page:
    """A page of events that pass ``query``, with each event's first sentence and best confidence."""
    where, params = query.where()
    total = records(store, f"SELECT count(*) AS n FROM events e WHERE {where}", params)[0]["n"]
    sql = f"""
        WITH page AS (SELECT {_PAGE_COLUMNS}, row_number() OVER (ORDER BY {order_by(sort)}) AS position
            FROM events e WHERE {where} ORDER BY position LIMIT ? OFFSET ?)
        SELECT page.*, s.text AS sentence_text,
            (SELECT round(max(em.confidence), 3) FROM event_mentions em
             WHERE em.event_id = page.event_id) AS confidence
        FROM page LEFT JOIN sentences s
            ON s.article_id = page.root_article_id AND s.sentence = page.root_sentence"""
    items = records(store, sql + " ORDER BY page.position", [*params, limit, offset])
    return Page(int(total), limit, offset, items)


def event_detail(store: EventStore, event_id: int) -> Record:
    """One event with every report of it: article, sentence text, trigger, confidence, who reported it."""
    found = records(
        store, f"SELECT {_PAGE_COLUMNS}, e.context FROM events e WHERE e.event_id = ?", [event_id]
    )
    if not found:
        raise NotFoundError(f"no event {event_id} in the store")
    event = found[0]
    event["mentions"] = records(
        store,
        """SELECT em.mention_id, em.article_id, a.title, a.publisher, a.date AS published, em.sentence,
            s.text AS sentence_text, s.start_char AS sentence_start, em.trigger_text, em.trigger_start,
            em.trigger_end, em.modality, em.negated, round(em.confidence, 3) AS confidence,
            em.reported_by_json, em.date, em.location_name
        FROM event_mentions em JOIN articles a ON a.id = em.article_id
        LEFT JOIN sentences s ON s.article_id = em.article_id AND s.sentence = em.sentence
        WHERE em.event_id = ? ORDER BY a.date NULLS LAST, em.article_id, em.event_index""",
        [event_id],
    )
    return event


def article_view(store: EventStore, article_id: str) -> Record:
    """An article's text with every actor mention, event trigger and quote as character spans."""
    found = records(
        store,
        "SELECT id, title, publisher, date, url, status, error_type, error, duplicate_of, text "
        "FROM articles WHERE id = ?",
        [article_id],
    )
    if not found:
        raise NotFoundError(f"no article {article_id!r} in the store")
    article = found[0]
    coded = article_record(store, article_id)
    # A reciprocal event is stored as its directed halves (A->B, B->A), one event each, and
    # comes back from the record as one event: it links to every half, the first as event_id.
    ids = records(
        store,
        "SELECT list(event_id ORDER BY length(mention_id), mention_id) AS ids FROM event_mentions "
        "WHERE article_id = ? GROUP BY event_index ORDER BY event_index",
        [article_id],
    )
    article["events"] = [
        {**ev, "event_id": row["ids"][0], "event_ids": row["ids"]}
        for ev, row in zip(coded["events"], ids, strict=True)
    ]
    article["quotes"], article["actors"] = coded["quotes"], coded["actors"]
    article["sentences"] = records(
        store,
        'SELECT sentence, start_char AS start, end_char AS "end" FROM sentences '
        "WHERE article_id = ? ORDER BY sentence",
        [article_id],
    )
    article["mentions"] = records(
        store,
        'SELECT m.start_char AS start, m.end_char AS "end", m.text, m.sentence, a.actor_id, a.name, '
        "a.country, "
        "a.sector, a.kind FROM mentions m LEFT JOIN actors a USING (actor_id) "
        "WHERE m.article_id = ? ORDER BY m.start_char",
        [article_id],
    )
    return article


def actors_page(store: EventStore, search: str | None, limit: int = 50, offset: int = 0) -> Page:
    """Canonical actors with how many events they take part in, most active first."""
    condition, params = "TRUE", []
    if search:
        condition = "(lower(a.name) LIKE ? OR a.country = ? OR a.actor_id = ?)"
        params = [f"%{search.lower()}%", search.upper(), search]
    links = _ACTOR_LINKS
    total = records(store, f"SELECT count(*) AS n FROM actors a WHERE {condition}", params)[0]["n"]
    items = records(
        store,
        f"""WITH links AS ({links}) SELECT a.actor_id, a.name, a.country, a.sector, a.kind, a.wikidata,
            count(DISTINCT links.event_id) AS events FROM actors a LEFT JOIN links USING (actor_id)
        WHERE {condition} GROUP BY ALL
        ORDER BY events DESC, a.name NULLS LAST, a.actor_id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return Page(int(total), limit, offset, items)


_ACTOR_LINKS = """SELECT DISTINCT em.event_id, unnest(list_concat(em.source_actor_ids, em.target_actor_ids))
    AS actor_id FROM event_mentions em"""


def actor_detail(store: EventStore, actor_id: str, by: Period = "month") -> Record:
    """One canonical actor and its timeline: events per period, role and PLOVER type."""
    found = records(store, "SELECT * FROM actors WHERE actor_id = ?", [actor_id])
    if not found:
        raise NotFoundError(f"no actor {actor_id!r} in the store")
    actor = found[0]
    actor["timeline"] = records(
        store,
        f"""WITH roles AS (
            SELECT DISTINCT event_id, CASE WHEN list_contains(source_actor_ids, ?) THEN 'source'
                ELSE 'target' END AS role FROM event_mentions
            WHERE list_contains(source_actor_ids, ?) OR list_contains(target_actor_ids, ?))
        SELECT {_period_sql(by)} AS period, role, plover, count(*) AS events,
            round(avg(goldstein), 2) AS mean_goldstein
        FROM roles JOIN events USING (event_id) WHERE coalesce(event_date, first_seen) IS NOT NULL
        GROUP BY ALL ORDER BY period, role, plover""",
        [actor_id] * 3,
    )
    return actor


def dyad_series(
    store: EventStore, source: str, target: str, by: Period = "month", both: bool = False
) -> list[Record]:
    """Per period: events by QuadClass, mentions and mean Goldstein, with the period's first and last day."""
    query = EventQuery(base=EventFilter(dyad=(source, target)))
    where, params = query.where()
    if both:
        reverse, reverse_params = EventQuery(base=EventFilter(dyad=(target, source))).where()
        where, params = f"(({where}) OR ({reverse}))", params + reverse_params
    _period_sql(by)  # refuses an unknown period with a clear error
    start = f"date_trunc('{_TRUNC[by]}', {DAY})::DATE"
    end = _PERIOD_END[by].replace("START", start)
    return records(
        store,
        f"""SELECT {start} AS start, {end}::DATE AS "end", count(*) AS events,
            count(*) FILTER (WHERE e.quad = 1) AS quad1, count(*) FILTER (WHERE e.quad = 2) AS quad2,
            count(*) FILTER (WHERE e.quad = 3) AS quad3, count(*) FILTER (WHERE e.quad = 4) AS quad4,
            sum(e.num_mentions)::BIGINT AS mentions, round(avg(e.goldstein), 2) AS mean_goldstein
        FROM events e WHERE {where} AND {DAY} IS NOT NULL GROUP BY ALL ORDER BY start""",
        params,
    )


def network(store: EventStore, query: EventQuery, level: str = "country", limit: int = 200) -> list[Record]:
    """Directed edges source -> target with counts of cooperation (QuadClass 1-2) and conflict (3-4).

    An edge from an actor to itself (police and protesters of one country) is kept: domestic events
    are a large part of what analysts look at.
    """
    sides = {"country": ("source_countries", "target_countries"), "actor": ("source_names", "target_names")}
    if level not in sides:
        raise StoreError(f"unknown network level {level!r}: choose country or actor")
    source, target = sides[level]
    where, params = query.where()
    return records(
        store,
        f"""SELECT s AS source, t AS target, count(DISTINCT e.event_id) AS events,
            count(DISTINCT e.event_id) FILTER (WHERE e.quad IN (1, 2)) AS cooperation,
            count(DISTINCT e.event_id) FILTER (WHERE e.quad IN (3, 4)) AS conflict,
            round(avg(e.goldstein), 2) AS mean_goldstein
        FROM events e, unnest(e.{source}) AS u(s), unnest(e.{target}) AS v(t)
        WHERE {where} AND s IS NOT NULL AND t IS NOT NULL
        GROUP BY s, t ORDER BY events DESC, s, t LIMIT ?""",
        [*params, limit],
    )


def places(store: EventStore, query: EventQuery, limit: int = 1000) -> dict[str, list[Record]]:
    """Events per located place (with coordinates) and per country where they happened."""
    where, params = query.where()
    points = records(
        store,
        f"""SELECT e.location_name AS name, e.location_country AS country, round(avg(e.lat), 3) AS lat,
            round(avg(e.lon), 3) AS lon, count(*) AS events, round(avg(e.goldstein), 2) AS mean_goldstein
        FROM events e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
        GROUP BY e.location_name, e.location_country ORDER BY events DESC, name LIMIT ?""",
        [*params, limit],
    )
    countries = records(
        store,
        f"""SELECT e.location_country AS country, count(*) AS events FROM events e
        WHERE {where} AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY events DESC, country""",
        params,
    )
    return {"places": points, "countries": countries}


def parse_day(text: str | None) -> dt.date | None:
    """An ISO date from a query string, or a StoreError that says which value is wrong."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise StoreError(f"not a date (YYYY-MM-DD): {text!r}") from exc
