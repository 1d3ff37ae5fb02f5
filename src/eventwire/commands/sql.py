"""``eventwire sql``: read-only SQL over the event store, for power users."""

from __future__ import annotations

import argparse

import duckdb

from eventwire.commands.query import add_output_options, print_table
from eventwire.errors import StoreError
from eventwire.store import EventStore
from eventwire.store.sql_guard import check_query


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a read-only SQL query on the event store",
        description=(
            "Run one read-only SQL query (DuckDB dialect) on the event store. Tables: articles,\n"
            "sentences, actors, mentions, events, event_mentions, quotes, ingest_log, sentence_terms.\n\n"
            "The store is opened read-only; statements other than SELECT, and functions that read\n"
            "or write files (read_csv, read_text, COPY ... TO, ATTACH, INSTALL, LOAD), are refused\n"
            "unless --unsafe.\n\n"
            'example: eventwire sql "SELECT plover, count(*) FROM events GROUP BY 1" --db events.duckdb'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="SQL", help="the query")
    parser.add_argument(
        "--unsafe",
        action="store_true",
        help="allow functions that read or write files (read_csv, COPY ... TO); the store stays read-only",
    )
    add_output_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.unsafe:
        check_query(args.query)  # refused before the store is even opened
    with EventStore.open(args.db, read_only=True) as store:
        if not args.unsafe:
            # Belt and braces: even a query the check missed cannot read or write other files.
            store.con.execute("SET enable_external_access = false")
            store.con.execute("SET lock_configuration = true")
        try:
            table = store.con.execute(args.query).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        print_table(table, args.format)
    return 0
