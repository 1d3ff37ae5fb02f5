"""``eventwire batch``: code a large corpus in partitions on a Dask cluster."""

from __future__ import annotations

import argparse
import logging
import sys

from eventwire.commands._common import add_pipeline_options, settings_from_args
from eventwire.commands._progress import ArticleProgress, add_progress_option, dask_counter, expected_articles
from eventwire.ingest.readers import check_readable
from eventwire.scale.dask_runner import code_corpus


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="code a large corpus (JSONL or Parquet) in partitions with Dask (resumable)",
        description=(
            "Code a corpus in partitions on a Dask cluster. Writes OUTDIR/jsonl/part-NNNNN.jsonl in\n"
            "input order and OUTDIR/events/date=YYYY-MM-DD/*.parquet, and skips partitions already\n"
            "done, so an interrupted run resumes. Without --scheduler a LocalCluster uses every core.\n\n"
            "example: eventwire batch corpus.jsonl --output-dir coded/ --partition-size 500\n"
            "example: eventwire batch corpus.parquet --output-dir coded/ --scheduler tcp://10.0.0.5:8786"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl or .parquet files")
    parser.add_argument("--output-dir", required=True, metavar="OUTDIR")
    parser.add_argument(
        "--partition-size",
        type=int,
        default=1000,
        help="articles per partition (default 1000); give every worker several: corpus / (8 x workers)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        help="address of a dask.distributed scheduler (tcp://host:8786), or processes, threads, "
        "synchronous; default: a LocalCluster on this machine",
    )
    parser.add_argument("--workers", type=int, default=None, help="LocalCluster workers (default: cores)")
    add_pipeline_options(parser)
    add_progress_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_readable(args.inputs)
    import distributed  # noqa: F401, PLC0415 - it sets its loggers' levels on import; ours come after

    logging.getLogger("distributed").setLevel(logging.WARNING)  # cluster start/stop chatter is not news
    with ArticleProgress("batch", expected_articles(args.inputs), args.no_progress) as bar, dask_counter(bar):
        result = code_corpus(
            args.inputs,
            args.output_dir,
            settings_from_args(args),
            args.partition_size,
            scheduler=args.scheduler,
            workers=args.workers,
        )
    bar.done, bar.failed = result.articles, result.failed  # the run's own count also covers a cluster
    print(
        bar.summary(
            f"{result.partitions} partition(s) ({result.skipped} already done) -> {result.output_dir}"
        ),
        file=sys.stderr,
    )
    return 0
