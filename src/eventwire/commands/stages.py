"""``eventwire stages``: list the stage components this installation can run."""

from __future__ import annotations

import argparse

from eventwire.config import Settings
from eventwire.registry import available_stages


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stages",
        help="list the stage components that can be named in settings",
        description="List stage components (built-in and plugins).\n\nexample: eventwire stages",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    default = Settings.load().stages
    for name, target in sorted(available_stages().items()):
        marker = "*" if name in default else " "
        print(f"{marker} {name:<22} {target}")
    print("* = in the default pipeline")
    return 0
