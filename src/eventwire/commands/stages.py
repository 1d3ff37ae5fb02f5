"""``eventwire stages``: the stage components this installation can run, with their contracts."""

from __future__ import annotations

import argparse

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.registry import available_stages, load_stage_spec


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stages",
        help="list the stage components that can be named in settings",
        description=(
            "List stage components (built-in and plugins) with what each requires and provides.\n\n"
            "example: eventwire stages"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    default = Settings.load().stages
    for name, target in sorted(available_stages().items()):
        marker = "*" if name in default else " "
        print(f"{marker} {name:<22} {target}")
        print("    " + _contract(name))
    print("* = in the default pipeline")
    return 0


def _contract(name: str) -> str:
    try:
        spec = load_stage_spec(name)
    except ConfigError as exc:
        return f"cannot be loaded: {exc}"
    parts = [spec.description] if spec.description else []
    for label, names in (
        ("requires", spec.requires),
        ("provides", spec.provides),
        ("rewrites", spec.rewrites),
    ):
        if names:
            parts.append(f"{label}: {', '.join(sorted(names))}")
    return "; ".join(parts)
