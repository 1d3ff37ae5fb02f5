"""``eventwire serve``: the REST API and the web explorer over an event store."""

from __future__ import annotations

import argparse
import os

import eventwire
from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.serve.guards import ServeOptions

_DEFAULTS = ServeOptions()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the REST API and web explorer",
        description=(
            "Serve the event store read-only over HTTP (events, articles, actors, dyads, network,\n"
            "places, exports; OpenAPI at /openapi.json), POST /extract, and the explorer at /.\n\n"
            "example: eventwire serve --db out/eventwire.duckdb --port 8000   # then open http://127.0.0.1:8000/"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH", help="event store to explore (default: none, coding only)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--token", default=os.environ.get("EVENTWIRE_TOKEN"),
        help="require 'Authorization: Bearer TOKEN' on every POST (default: $EVENTWIRE_TOKEN)",
    )  # fmt: skip
    parser.add_argument(
        "--allow-ingest", action="store_true", help="let POST /articles store articles (needs --token)"
    )
    parser.add_argument(
        "--max-body-bytes", type=int, default=_DEFAULTS.max_body_bytes, help="larger bodies: 413"
    )
    parser.add_argument("--max-page", type=int, default=_DEFAULTS.max_page, help="largest page of a listing")
    parser.add_argument(
        "--max-article-chars", type=int, default=_DEFAULTS.max_article_chars,
        help="longer articles get an error line instead of being coded",
    )  # fmt: skip
    parser.add_argument(
        "--extract-seconds", type=float, default=_DEFAULTS.extract_seconds,
        help="time budget of one coding request; articles not started by then get an error line",
    )  # fmt: skip
    add_pipeline_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only this command needs the server

    from eventwire.serve.app import create_app  # noqa: PLC0415

    options = ServeOptions(
        max_body_bytes=args.max_body_bytes, max_page=args.max_page, extract_seconds=args.extract_seconds,
        max_article_chars=args.max_article_chars,
        token=args.token or None, allow_ingest=args.allow_ingest,
    )  # fmt: skip
    app = create_app(eventwire.coder(settings_from_args(args)), db=args.db, options=options)
    uvicorn.run(app, host=args.host, port=args.port)
    return 0
