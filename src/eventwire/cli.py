"""The ``eventwire`` command: arguments in, one library call, output out.

Each subcommand lives in its own module of ``eventwire.commands`` and exposes
``register(subparsers)``; library errors become messages here, at the edge, and nowhere else.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

import eventwire.commands
from eventwire import __version__
from eventwire.errors import ConfigError, EventwireError, InputError

EXIT_FAILURE = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn news reports into political event data: who did what to whom, when, where.",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_info in sorted(pkgutil.iter_modules(eventwire.commands.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("_"):
            module = importlib.import_module(f"eventwire.commands.{module_info.name}")
            module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="eventwire: %(levelname)s: %(message)s",
    )
    try:
        status: int = args.handler(args)
    except (InputError, ConfigError) as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
