"""``eventwire batch``: code a large corpus in partitions on a Dask cluster."""

from __future__ import annotations

import argparse
import sys

from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.commands._progress import ArticleProgress, add_progress_option, dask_counter, expected_articles
from eventwire.ingest.readers import check_readable
from eventwire.scale.dask_runner import code_corpus


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="code a large corpus in partitions with Dask (resumable)",
        description=(
            "Code a corpus in partitions on a Dask scheduler; writes OUTDIR/part-NNNNN.jsonl in input\n"
            "order and skips partitions already written, so an interrupted run resumes.\n\n"
            "example: eventwire batch corpus.jsonl --output-dir coded/ --partition-size 500\n"
            "example: eventwire batch corpus.jsonl --output-dir coded/ --scheduler tcp://10.0.0.5:8786"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--output-dir", required=True, metavar="OUTDIR")
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument(
        "--scheduler",
        default="processes",
        help="processes (default), threads, synchronous, or the address of a dask.distributed scheduler",
    )
    add_pipeline_options(parser)
    add_progress_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_readable(args.inputs)
    scheduler: object = args.scheduler
    if "://" in args.scheduler:
        from distributed import Client  # noqa: PLC0415 - only a cluster run needs distributed

        scheduler = Client(args.scheduler)  # type: ignore[no-untyped-call]
    with ArticleProgress("batch", expected_articles(args.inputs), args.no_progress) as bar, dask_counter(bar):
        result = code_corpus(
            args.inputs, args.output_dir, settings_from_args(args), args.partition_size, scheduler=scheduler
        )
    bar.done, bar.failed = result.articles, result.failed  # the run's own count also covers a cluster
    print(
        bar.summary(
            f"{result.partitions} partition(s) ({result.skipped} already done) -> {result.output_dir}"
        ),
        file=sys.stderr,
    )
    return 0
