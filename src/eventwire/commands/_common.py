"""Options shared by several subcommands, and the coder they describe.

Commands code only through the public API (``eventwire.coder``); ``tests/test_layering.py``
checks that no command imports the pipeline or the worker pool itself.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack

import eventwire
from eventwire.config import Settings


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


def coder_from_args(args: argparse.Namespace, stack: ExitStack) -> eventwire.Coder:
    """The coder the shared options describe, on ``--workers`` processes when the command has it.

    Its processes live as long as ``stack``: an ingest of several files or a --watch loop
    starts its workers (and loads the model in each) once.
    """
    workers = getattr(args, "workers", 1)
    return stack.enter_context(eventwire.coder(settings_from_args(args), workers=workers))


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
        type=positive_int,
        default=1,
        metavar="N",
        help="code in N processes, one model each; output order is kept (default 1)",
    )
