"""``eventwire sql``: read-only SQL over the event store, for power users."""

from __future__ import annotations

import argparse

import duckdb

from eventwire.commands.query import add_output_options, print_table
from eventwire.errors import StoreError
from eventwire.store import EventStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a read-only SQL query on the event store",
        description=(
            "Run one read-only SQL query (DuckDB dialect) on the event store. Tables: articles,\n"
            "sentences, actors, mentions, events, event_mentions, quotes, ingest_log, sentence_terms.\n\n"
            'example: eventwire sql "SELECT plover, count(*) FROM events GROUP BY 1" --db events.duckdb'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="SQL", help="the query")
    add_output_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with EventStore.open(args.db, read_only=True) as store:
        # Read-only file, and no reading or writing of other files (COPY TO, read_csv, ATTACH).
        store.con.execute("SET enable_external_access = false")
        store.con.execute("SET lock_configuration = true")
        try:
            table = store.con.execute(args.query).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        print_table(table, args.format)
    return 0
