"""``eventwire ingest``: code articles and store them, skipping those already stored."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import chain

from eventwire import CodedPieces
from eventwire.commands._common import (
    add_pipeline_options,
    add_workers_option,
    coder_from_args,
    positive_int,
    settings_from_args,
)
from eventwire.commands._progress import ArticleProgress, expected_articles
from eventwire.errors import InputError
from eventwire.ingest import CsvMapping
from eventwire.ingest.language import screen_languages
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.ingest.tabular import mapping_from_cli
from eventwire.ingest.watch import watch_folder
from eventwire.records import Article, CodedArticle, RejectedInput
from eventwire.store import EventStore
from eventwire.store.ingest import COMMIT_EVERY, IngestSummary, ingest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="code articles into the event store (DuckDB), skipping stored ones",
        description=(
            "Code articles and store them in the event store, merging reports of one event.\n"
            "Articles already stored are skipped before parsing, so an interrupted ingest resumes.\n\n"
            "INPUT: .jsonl, .txt, .csv/.tsv, .html, .rss/.atom/.xml, a folder, a feed URL, or - (stdin).\n\n"
            "example: eventwire ingest news.jsonl more-news.jsonl --db events.duckdb\n"
            "example: eventwire ingest --watch incoming/ --db events.duckdb  # codes files as they arrive\n"
            "example: eventwire ingest big.jsonl --db events.duckdb --workers 2  # one writer, two coders"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="file, folder, feed URL, or - for JSONL on stdin"
    )
    parser.add_argument(
        "--watch", metavar="FOLDER", help="after the inputs, keep coding new files that arrive in FOLDER"
    )
    parser.add_argument("--poll-seconds", type=float, default=2.0, help="how often --watch looks (default 2)")
    parser.add_argument("--max-polls", type=int, default=None, help=argparse.SUPPRESS)  # bounded runs, tests
    parser.add_argument(
        "--db", metavar="PATH", help="event store (default: db_path setting, eventwire.duckdb)"
    )
    parser.add_argument(
        "--retry-failed", action="store_true", help="code again the articles that failed before"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument(
        "--commit-every",
        type=positive_int,
        default=COMMIT_EVERY,
        metavar="N",
        help="articles per transaction (default 32)",
    )
    parser.add_argument(
        "--csv-column",
        action="append",
        metavar="FIELD=COLUMN",
        help="CSV column of an article field, e.g. text=body",
    )
    parser.add_argument(
        "--any-language",
        action="store_true",
        help="code articles detected as not English as if they were English (default: store them as failed)",
    )
    add_pipeline_options(parser)
    add_workers_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.inputs and not args.watch:
        raise InputError("give at least one INPUT, or --watch FOLDER")
    check_readable(args.inputs)
    settings = settings_from_args(args)
    total = IngestSummary()
    mapping = mapping_from_cli(args.csv_column)
    with EventStore.open(args.db, settings=settings) as store, ExitStack() as pools:
        if args.retry_failed:
            print(
                f"eventwire: {store.forget_failed()} failed article(s) will be coded again", file=sys.stderr
            )
        with ArticleProgress("ingest", expected_articles(args.inputs), args.no_progress) as bar:
            coder = _LazyCoder(args, on_ready=bar.restart_clock, pools=pools)
            for name in args.inputs:
                items = read_inputs([name], mapping, any_language=args.any_language)
                summary = ingest(
                    store,
                    items,
                    coder,
                    source_name=name,
                    listener=lambda result: bar.advance(failed=result.status == "error"),
                    commit_every=args.commit_every,
                )
                _add(total, summary)
            if args.watch:
                _add(total, _watch(args, store, coder, mapping))
        counts = store.counts()
    print(total.text())
    print(
        f"store {store.path}: {counts['articles']} articles, {counts['events']} events, "
        f"{counts['event_mentions']} event mentions"
    )
    return 0


class _LazyCoder:
    """Loads the spaCy pipeline only when an article needs coding: a rerun with nothing new is quick."""

    def __init__(self, args: argparse.Namespace, on_ready: Callable[[], None], pools: ExitStack) -> None:
        self.args = args
        self.on_ready = on_ready
        self.pools = pools  # --workers processes live until the ingest ends
        self.code: (
            Callable[[Iterable[Article | RejectedInput]], Iterator[CodedArticle | CodedPieces]] | None
        ) = None

    def __call__(self, items: Iterable[Article | RejectedInput]) -> Iterator[CodedArticle | CodedPieces]:
        articles = iter(items)
        first = next(articles, None)
        if first is None:
            return
        if self.code is None:
            self.code = coder_from_args(self.args, self.pools).code_streamed
            self.on_ready()
        yield from self.code(chain([first], articles))


def _watch(
    args: argparse.Namespace, store: EventStore, coder: _LazyCoder, mapping: CsvMapping | None
) -> IngestSummary:
    """Code each new file in ``args.watch`` as it settles, until interrupted (Ctrl-C)."""
    summary = IngestSummary()
    print(f"eventwire: watching {args.watch} for new files (Ctrl-C to stop)", file=sys.stderr)

    def code_one(item: Article | RejectedInput) -> None:
        screened = screen_languages([item], args.any_language)
        _add(summary, ingest(store, screened, coder, source_name=args.watch, commit_every=1))

    try:
        watch_folder(args.watch, code_one, args.poll_seconds, max_polls=args.max_polls, csv_mapping=mapping)
    except KeyboardInterrupt:
        print("eventwire: stopped watching", file=sys.stderr)
    return summary


def _add(total: IngestSummary, part: IngestSummary) -> None:
    for field in IngestSummary.__slots__:
        setattr(total, field, getattr(total, field) + getattr(part, field))
