"""FastAPI application: code articles over HTTP and explore the event store in a browser.

    >>> import eventwire
    >>> from eventwire.serve import create_app
    >>> app = create_app(db="events.duckdb")     # uvicorn.run(app) or `eventwire serve --db …`
    >>> app = create_app(eventwire.coder(actor_files=("mine.yaml",)), db="events.duckdb")

Coding: ``POST /extract``, ``/extract/sentences``, ``POST /articles`` (with ``allow_ingest``).
Store (read-only): ``/events``, ``/events/export``, ``/events/{id}``, ``/articles/{id}``,
``/actors``, ``/actors/{id}``, ``/dyads/{a}/{b}/timeseries``, ``/network``, ``/places``.
Also ``/health``, ``/stages``, the OpenAPI schema at ``/openapi.json`` and the explorer at ``/``.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import Response

import eventwire
from eventwire import __version__
from eventwire.serve import extract_api, store_api
from eventwire.serve.guards import BodyLimit, ServeOptions, add_error_handlers
from eventwire.store import EventStore

# The explorer's files, by the only names a request may ask for (no path comes from a request).
STATIC_FILES = {
    "explorer.js": "text/javascript; charset=utf-8",
    "explorer.css": "text/css; charset=utf-8",
    "world.json": "application/json",
}


def open_store(db: str | Path, writable: bool = False) -> EventStore:
    """The store for the server: read-only unless ingest is allowed, and never touching other files."""
    store = EventStore.open(db, read_only=not writable)
    # No query can read or write other files (read_csv, COPY … TO, ATTACH), nor undo this. A
    # second server on the same file in one process shares DuckDB's database, already locked.
    for setting, value in (("enable_external_access", "false"), ("lock_configuration", "true")):
        current = store.con.execute(f"SELECT current_setting('{setting}')::VARCHAR").fetchall()[0][0]
        if current != value:
            store.con.execute(f"SET {setting} = {value}")
    return store


def create_app(
    coder: eventwire.Coder | None = None, db: str | Path | None = None, options: ServeOptions | None = None
) -> FastAPI:
    """The API and explorer; ``coder`` (one model, loaded once for every request) defaults to
    ``eventwire.coder()`` with the packaged settings, ``db`` to no store."""
    options = options or ServeOptions()
    # No /docs or /redoc: their pages load scripts from a CDN, and the explorer works offline.
    app = FastAPI(
        title="eventwire", version=__version__, description="News in, political event data out.",
        docs_url=None, redoc_url=None,
    )  # fmt: skip
    app.state.options = options
    app.state.coder = coder or eventwire.coder()
    app.state.store = open_store(db, writable=options.allow_ingest) if db is not None else None
    app.state.write_lock = threading.Lock()
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    add_error_handlers(app)
    app.include_router(extract_api.router)
    app.include_router(store_api.router)
    _add_site(app)
    return app


def _add_site(app: FastAPI) -> None:
    @app.get("/health", tags=["server"], summary="Version, model, and whether a store is served")
    def health(request: Request) -> dict[str, Any]:
        store: EventStore | None = request.app.state.store
        return {
            "status": "ok", "version": __version__, "model": request.app.state.coder.settings.model,
            "store": store.path if store else None, "ingest": request.app.state.options.allow_ingest,
        }  # fmt: skip

    @app.get("/stages", tags=["server"], summary="The pipeline's stages, in order")
    def stages(request: Request) -> dict[str, list[str]]:
        return {"stages": list(request.app.state.coder.stages)}

    @app.get("/", include_in_schema=False)
    def explorer() -> Response:
        return Response(_static("index.html"), media_type="text/html; charset=utf-8")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC_FILES:
            raise HTTPException(status_code=404, detail=f"no file {name!r}")
        return Response(_static(name), media_type=STATIC_FILES[name])


def _static(name: str) -> bytes:
    page = resources.files("eventwire.serve").joinpath("static", name)
    if not page.is_file():
        raise HTTPException(status_code=404, detail=f"the explorer file {name} is not installed")
    return page.read_bytes()
