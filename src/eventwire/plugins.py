"""The catalogue of extension points: one place that finds built-ins and plugins alike.

    >>> available("eventwire.exports")          # {"gdelt": "eventwire.store.exports...", ...}
    >>> exporter = load("eventwire.exports", "my-layout")

Each extension point is an entry-point group. A package adds to it in its ``pyproject.toml``::

    [project.entry-points."eventwire.stages"]
    "events.mine" = "my_package.coder:my_coder"          # a StageSpec (@stage_factory)

    [project.entry-points."eventwire.readers"]
    gdelt-gkg = "my_package.readers:gkg_reader"           # an InputReader

    [project.entry-points."eventwire.exports"]
    acled = "my_package.exports:acled_layout"             # a function (store, path) -> rows

    [project.entry-points."eventwire.actor_dictionaries"]
    sahel = "my_package.actors:sahel_actors"              # a function () -> path of a YAML file

The product's own components are listed in ``BUILTINS`` under the same groups and are
loaded by the same function, so a plugin is used exactly as a built-in is (datasette's
rule). A built-in name wins over a plugin of the same name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from eventwire.records import Article, RejectedInput

STAGES = "eventwire.stages"
READERS = "eventwire.readers"
EXPORTS = "eventwire.exports"
ACTOR_DICTIONARIES = "eventwire.actor_dictionaries"
GROUPS: Mapping[str, str] = MappingProxyType(
    {
        STAGES: "pipeline stages: StageSpec objects made with @stage_factory",
        READERS: "input formats: InputReader objects (file suffixes and a read function)",
        EXPORTS: "export layouts: functions (EventStore, Path) -> number of rows written",
        ACTOR_DICTIONARIES: "actor dictionaries: functions () -> path of an actor YAML file",
    }
)

# name -> "module:attribute", imported only when asked for.
BUILTINS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        STAGES: MappingProxyType(
            {
                "metadata.dateline": "eventwire.metadata.stage:metadata_stage",
                "actors.kb": "eventwire.actors.stage:actor_stage",
                "events.rules": "eventwire.events.stage:rule_coder",
                "events.intent": "eventwire.events.intent:intent_stage",
                "events.ranker": "eventwire.events.ranker:ranker_stage",
                "quotes.rules": "eventwire.quotes.stage:quote_stage",
                "when_where.default": "eventwire.when_where.stage:when_where_stage",
                "events.conventions": "eventwire.events.conventions:convention_stage",
            }
        ),
        READERS: MappingProxyType({}),
        EXPORTS: MappingProxyType(
            {
                "gdelt": "eventwire.store.exports.gdelt:export_events",
                "gdelt-mentions": "eventwire.store.exports.gdelt:export_mentions",
                "icews": "eventwire.store.exports.icews:export",
                "polecat": "eventwire.store.exports.polecat:export",
                "plover": "eventwire.store.exports.plover:export",
            }
        ),
        ACTOR_DICTIONARIES: MappingProxyType({}),
    }
)


@dataclass(frozen=True)
class InputReader:
    """A plugin input format: the file suffixes it claims and how to read one file."""

    suffixes: tuple[str, ...]
    read: Callable[[Path], Iterator[Article | RejectedInput]]


def available(group: str) -> dict[str, str]:
    """Every name known in ``group`` (built-ins first), with where it lives."""
    _check_group(group)
    found = dict(BUILTINS[group])
    for ep in entry_points(group=group):
        found.setdefault(ep.name, ep.value)
    return found


def load(group: str, name: str) -> Any:
    """The object registered as ``name`` in ``group``; ``ConfigError`` when unknown or broken."""
    _check_group(group)
    # A built-in wins over an entry point of the same name (``available``), so it needs no scan
    # of the installed packages' entry points (7 ms each, once per stage of a pipeline).
    target = BUILTINS[group].get(name) or available(group).get(name)
    if target is None:
        known = ", ".join(sorted(available(group))) or "none"
        raise ConfigError(f"no {_kind(group)} named {name!r}; known: {known}")
    module_name, _, attr = target.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(
            f"{_kind(group)} {name!r} points at {target!r}, which cannot be loaded: {exc}"
        ) from exc


def plugin_readers() -> dict[str, InputReader]:
    """Suffix -> reader for every installed reader plugin (built-in formats are not listed)."""
    readers: dict[str, InputReader] = {}
    for name in available(READERS):
        reader = load(READERS, name)
        if not isinstance(reader, InputReader):
            raise ConfigError(f"reader {name!r} is not an eventwire.plugins.InputReader")
        for suffix in reader.suffixes:
            readers.setdefault(suffix.lower(), reader)
    return readers


def plugin_actor_files() -> tuple[str, ...]:
    """The YAML files that installed actor-dictionary plugins provide, in name order."""
    return tuple(str(load(ACTOR_DICTIONARIES, name)()) for name in sorted(available(ACTOR_DICTIONARIES)))


def _check_group(group: str) -> None:
    if group not in GROUPS:
        raise ConfigError(f"no extension point {group!r}; known: {', '.join(GROUPS)}")


_KINDS = MappingProxyType(
    {STAGES: "stage", READERS: "reader", EXPORTS: "export layout", ACTOR_DICTIONARIES: "actor dictionary"}
)


def _kind(group: str) -> str:
    return _KINDS[group]
