"""``eventwire export``: the event store as JSONL, CSV, Parquet or another dataset's layout."""

from __future__ import annotations

import argparse
import sys

from eventwire.store import EventStore
from eventwire.store.exports import export, format_names
from eventwire.store.store import TABLES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the event store as jsonl, csv, parquet, gdelt, gdelt-mentions, icews, polecat or plover",
        description=(
            "Write the event store to a file. jsonl/csv/parquet copy a table (--table, default events);\n"
            "gdelt (61 columns) and gdelt-mentions follow GDELT 2.0; icews (20 columns), polecat and\n"
            "plover (PLOVER JSON, one event a line) follow those datasets. Denied, hypothetical and\n"
            "conditional events are left out unless --include-modal; an unknown date is left empty.\n\n"
            "example: eventwire export --db events.duckdb --format gdelt --output events.gdelt.tsv\n"
            "example: eventwire export --db events.duckdb --format icews --include-modal -o all.tsv"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", metavar="PATH", help="event store (default: db_path setting, eventwire.duckdb)"
    )
    parser.add_argument("--format", choices=format_names(), required=True)
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="file to write")
    parser.add_argument("--table", choices=TABLES, default="events", help="table for jsonl/csv/parquet")
    parser.add_argument(
        "--include-modal",
        action="store_true",
        help="also export denied, hypothetical and conditional events, with their modality "
        "(left out by default; not possible in the gdelt events layout)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with EventStore.open(args.db, read_only=True) as store:
        written = export(store, args.format, args.output, args.table, args.include_modal)
    print(f"eventwire: wrote {written} row(s) as {args.format} to {args.output}", file=sys.stderr)
    return 0
