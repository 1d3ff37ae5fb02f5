"""``eventwire serve``: the REST API and the web explorer."""

from __future__ import annotations

import argparse

from eventwire.commands._common import add_pipeline_options, pipeline_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the REST API and web explorer",
        description=(
            "Serve POST /extract (contract records in, coded lines out) and an explorer page at /.\n\n"
            "example: eventwire serve --port 8000   # then open http://127.0.0.1:8000/"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    add_pipeline_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only this command needs the server

    from eventwire.serve.app import create_app  # noqa: PLC0415

    uvicorn.run(create_app(pipeline_from_args(args)), host=args.host, port=args.port)
    return 0
