"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack

from eventwire.config import Settings
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle, RejectedInput
from eventwire.scale.workers import WorkerPool

# A very long article comes as CodedPieces, coded while it is written (bounded memory).
Coder = Callable[[Iterable[Article | RejectedInput]], Iterator[CodedArticle | CodedPieces]]


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """--config, --model and --actors, understood by every command that codes articles."""
    parser.add_argument("--config", metavar="FILE", help="settings file (TOML) over the packaged defaults")
    parser.add_argument("--model", help="spaCy pipeline to parse with (default: en_core_web_sm)")
    parser.add_argument(
        "--actors",
        metavar="FILE",
        action="append",
        default=None,
        help="extra actor dictionary (YAML); may be given more than once",
    )
    parser.add_argument(
        "--min-confidence", type=float, default=None, help="drop events below this confidence"
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings the shared options describe."""
    settings = Settings.load(args.config, model=args.model, min_confidence=args.min_confidence)
    if args.actors:
        settings = settings.replace(actor_files=settings.actor_files + tuple(args.actors))
    return settings


def pipeline_from_args(args: argparse.Namespace) -> Pipeline:
    """The pipeline the shared options describe."""
    return Pipeline.from_config(settings_from_args(args))


def positive_int(text: str) -> int:
    """An argparse type for counts and limits: a whole number of at least 1, else a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    """--workers N: code in N processes, each loading the model once."""
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="code in N processes, one model each; output order is kept (default 1)",
    )


def coder_from_args(args: argparse.Namespace, stack: ExitStack) -> Coder:
    """``Pipeline.run`` of the pipeline the options describe, on ``--workers`` processes.

    A pool lives as long as ``stack``: an ingest of several files or a --watch loop starts
    its workers (and loads the model in each) once.
    """
    workers = getattr(args, "workers", 1)
    if workers > 1:
        return stack.enter_context(WorkerPool(settings_from_args(args), workers, Pipeline.from_config)).run
    return pipeline_from_args(args).run_streamed
