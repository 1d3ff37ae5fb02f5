"""The store over HTTP: events, articles, actors, dyads, the network, places and exports.

Every route reads through its own cursor of one read-only connection (DuckDB cursors are
separate connections to the same database, safe across the server's threads); filters arrive
as typed query parameters, so a malformed one is a 422 before any SQL runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from eventwire.errors import NotFoundError, StoreError
from eventwire.store import EventStore, browse
from eventwire.store.analytics import EventFilter, Period
from eventwire.store.filtered_export import export_events, media_of
from eventwire.store.read import article_record

Quad = Annotated[int, Query(ge=1, le=4)]
Text = Annotated[str | None, Query(max_length=200)]
Modality = Literal["asserted", "future", "hypothetical", "conditional"]
ExportFormat = Literal["jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "icews", "polecat", "plover"]


def store_view(request: Request) -> Iterator[EventStore]:
    """A store over a fresh cursor for this request, closed when the request ends."""
    store: EventStore | None = request.app.state.store
    if store is None:
        raise NotFoundError("this server has no event store: start it with `eventwire serve --db PATH`")
    cursor = store.con.cursor()
    try:
        yield EventStore(cursor, store.path, store.rule)
    finally:
        cursor.close()


Store = Annotated[EventStore, Depends(store_view)]


def event_query(
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: Text = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
    source: Text = None,
    target: Text = None,
    plover: Annotated[
        str | None, Query(alias="type", pattern="^[A-Za-z_]{2,20}$", description="PLOVER event type")
    ] = None,
    quad: Annotated[list[Quad] | None, Query()] = None,
    goldstein_min: Annotated[float | None, Query(ge=-10, le=10)] = None,
    goldstein_max: Annotated[float | None, Query(ge=-10, le=10)] = None,
    place: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="words of the event's sentences")] = None,
    modality: Modality | None = None,
    negated: bool | None = None,
    include_modal: Annotated[
        bool, Query(description="also denied, hypothetical and conditional events (left out by default)")
    ] = False,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> browse.EventQuery:
    """The filters of ``eventwire query`` and the explorer, as query parameters."""
    if (source is None) != (target is None):
        raise StoreError("a dyad needs both source and target (use actor= for either side)")
    base = EventFilter(
        actor=actor, country=country, dyad=(source, target) if source and target else None,
        plover=plover, start=since, end=until, place=place,
    )  # fmt: skip
    return browse.EventQuery(
        base=base, quads=tuple(quad or ()), goldstein_min=goldstein_min, goldstein_max=goldstein_max,
        text=q, modality=modality, negated=negated, min_confidence=min_confidence,
        include_modal=include_modal,
    )  # fmt: skip


Filters = Annotated[browse.EventQuery, Depends(event_query)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def page_limit(request: Request, limit: Annotated[int, Query(ge=1)] = 50) -> int:
    """The page size asked for, refused above the server's ``max_page``."""
    largest: int = request.app.state.options.max_page
    if limit > largest:
        raise StoreError(f"limit {limit} is above this server's page limit of {largest}")
    return limit


Limit = Annotated[int, Depends(page_limit)]
router = APIRouter(tags=["store"])


def _page(page: browse.Page) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


@router.get("/events", summary="Events that pass the filters, one page at a time, with the total")
def list_events(store: Store, filters: Filters, limit: Limit, offset: Offset = 0, sort: str = "-date") -> Any:
    return _page(browse.page_events(store, filters, sort, limit, offset))


@router.get("/events/export", summary="The filtered events as a download, in any export format")
def export(store: Store, filters: Filters, format: ExportFormat = "jsonl") -> Response:
    media, suffix = media_of(format)
    headers = {"Content-Disposition": f'attachment; filename="eventwire-events.{suffix}"'}
    return Response(export_events(store, filters, format), media_type=media, headers=headers)


@router.get("/events/{event_id}", summary="One event with every report of it and its sentences")
def get_event(store: Store, event_id: int) -> Any:
    return browse.event_detail(store, event_id)


@router.get("/articles/{article_id}", summary="An article's text with mentions, triggers and quotes as spans")
def get_article(store: Store, article_id: str) -> Any:
    return browse.article_view(store, article_id)


@router.get("/articles/{article_id}/record", summary="A stored article as the contract's output line")
def get_article_record(store: Store, article_id: str) -> Any:
    return article_record(store, article_id)


@router.get("/actors", summary="Canonical actors, most active first; q searches names and countries")
def list_actors(store: Store, limit: Limit, q: Text = None, offset: Offset = 0) -> Any:
    return _page(browse.actors_page(store, q, limit, offset))


@router.get("/actors/{actor_id}", summary="One actor and its timeline by period, role and event type")
def get_actor(store: Store, actor_id: str, by: Period = "month") -> Any:
    return browse.actor_detail(store, actor_id, by)


@router.get(
    "/dyads/{source}/{target}/timeseries", summary="Events by QuadClass and mean Goldstein per period"
)
def dyad_timeseries(store: Store, source: str, target: str, by: Period = "month", both: bool = False) -> Any:
    return {
        "source": source,
        "target": target,
        "by": by,
        "periods": browse.dyad_series(store, source, target, by, both),
    }


@router.get("/network", summary="Who acts on whom: edges weighted by cooperation and conflict")
def get_network(
    store: Store, filters: Filters, limit: Limit, level: Literal["country", "actor"] = "country"
) -> Any:
    return {"level": level, "edges": browse.network(store, filters, level, limit)}


@router.get("/places", summary="Events per place with coordinates, and per country")
def get_places(store: Store, filters: Filters) -> Any:
    return browse.places(store, filters)
