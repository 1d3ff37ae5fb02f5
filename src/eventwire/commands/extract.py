"""``eventwire extract``: code articles into the contract's JSONL."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TextIO

from eventwire.commands._common import add_pipeline_options, add_workers_option, coder_from_args
from eventwire.digest import print_digest
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.ingest.tabular import mapping_from_cli
from eventwire.records import CodedArticle


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="code articles into events, actors and quotes (JSONL)",
        description=(
            "Code articles into events, actors and quotes, one JSON line per article.\n\n"
            "example: eventwire extract news.jsonl --output events.jsonl\n"
            "example: eventwire extract story.txt --format pretty\n"
            "example: eventwire extract wires.csv --csv-column text=body --output events.jsonl\n"
            "example: eventwire extract big.jsonl --workers 2 --output events.jsonl  # both cores"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".jsonl, .txt, .csv/.tsv, .html, RSS/Atom file or URL, a folder, or - for JSONL on stdin",
    )
    parser.add_argument(
        "--csv-column",
        action="append",
        metavar="FIELD=COLUMN",
        help="CSV column holding an article field, e.g. text=body (repeatable)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="output JSONL file (default: stdout)")
    parser.add_argument(
        "--format",
        choices=("jsonl", "pretty"),
        default="jsonl",
        help="pretty also prints a readable digest of each article to stdout",
    )
    add_pipeline_options(parser)
    add_workers_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_readable(args.inputs)
    mapping = mapping_from_cli(args.csv_column)  # a malformed --csv-column fails before the model loads
    failed = total = 0
    with ExitStack() as stack:
        code = coder_from_args(args, stack)
        out: TextIO = (
            stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        )
        pretty = args.format == "pretty"
        # A digest on stdout and JSON on stdout would mix: pretty without --output prints only the digest.
        write_json = bool(args.output) or not pretty
        articles = read_inputs(args.inputs, mapping)
        for coded in _coded(code(articles), pretty):
            total += 1
            failed += coded.error is not None
            if write_json:
                out.write(json.dumps(coded.to_contract_dict(), ensure_ascii=False) + "\n")
    print(f"eventwire: {total} article(s) read, {total - failed} coded, {failed} failed", file=sys.stderr)
    return 0


def _coded(articles: Iterator[CodedArticle], pretty: bool) -> Iterator[CodedArticle]:
    if not pretty:
        yield from articles
        return
    for coded in articles:
        print_digest(coded)
        yield coded
