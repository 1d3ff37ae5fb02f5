"""Settings: one frozen object, built from code defaults, a user file and overrides.

    >>> settings = Settings.load("my.toml", min_confidence=0.5)
    >>> settings.options_for("events.rules", RuleCoderOptions).max_per_sentence

There is no module-level mutable state: every stage receives the ``Settings`` it was
built with, so two pipelines with different settings can live in one process.

Defaults live in one place, the field defaults of ``Settings`` and of each component's
options dataclass. ``eventwire/data/defaults.toml`` is the same defaults written out as a
template for users; a test checks that the two agree.

Options of one component sit in a table named after it::

    [options."events.rules"]
    max_per_sentence = 2

and are read into that component's frozen options dataclass by ``options_for``: an unknown
key or a value of the wrong type is a ``ConfigError`` that names the component and the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from eventwire.errors import ConfigError

DEFAULT_STAGES = (
    "metadata.dateline",
    "actors.kb",
    "events.rules",
    "events.intent",
    "quotes.rules",
    "when_where.default",
    "events.conventions",
)

OptionsT = TypeVar("OptionsT")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of a pipeline run; ``options`` holds each component's own table."""

    model: str = "en_core_web_sm"
    batch_size: int = 32
    stages: tuple[str, ...] = DEFAULT_STAGES
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    min_confidence: float = 0.0
    db_path: str = "eventwire.duckdb"
    dedup_window_days: int = 2
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Code defaults, then the TOML file at ``path``, then keyword overrides (None is ignored)."""
        values: dict[str, Any] = _read_toml(Path(path)) if path is not None else {}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Settings from a plain mapping (a parsed TOML file); unknown names are refused."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        coerced = dict(values)
        for name in ("stages", "actor_files", "lexicon_files"):
            if name in coerced:
                coerced[name] = _string_tuple(name, coerced[name])
        if "options" in coerced:
            coerced["options"] = _option_tables(coerced["options"])
        return cls(**coerced)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed, validated like a settings file."""
        return Settings.from_mapping({**self.as_mapping(), **changes})

    def as_mapping(self) -> dict[str, Any]:
        """The settings as plain values (what a TOML file would hold)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def options_for(self, component: str, options_type: type[OptionsT]) -> OptionsT:
        """The ``[options."<component>"]`` table read into ``options_type`` (a dataclass)."""
        return parse_options(options_type, self.options.get(component, {}), component)


def parse_options(options_type: type[OptionsT], raw: Mapping[str, Any], component: str) -> OptionsT:
    """``options_type(**raw)`` with every key and value checked against the dataclass fields."""
    if not dataclasses.is_dataclass(options_type):
        raise TypeError(f"options of {component} must be a dataclass, not {options_type!r}")
    hints = typing.get_type_hints(options_type)
    fields = {f.name for f in dataclasses.fields(options_type)}
    unknown = sorted(set(raw) - fields)
    if unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise ConfigError(f"unknown option(s) for {component}: {', '.join(unknown)}; known: {known}")
    values = {name: _coerce(component, name, hints[name], value) for name, value in raw.items()}
    return options_type(**values)


def _coerce(component: str, name: str, hint: Any, value: Any) -> Any:
    """``value`` checked against a field's type hint; lists become tuples, ints may be floats."""
    origin = typing.get_origin(hint)
    if origin in (tuple, frozenset) and isinstance(value, list | tuple | set | frozenset):
        (item_type, *_) = typing.get_args(hint) or (object,)
        items = [_coerce(component, name, item_type, item) for item in value]
        return origin(items)
    if origin in (types.UnionType, typing.Union):
        return _coerce_union(component, name, typing.get_args(hint), value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(hint, type) and hint is not object:
        if isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
            return value
        raise ConfigError(
            f"option {name!r} of {component} must be {hint.__name__}, not {type(value).__name__} ({value!r})"
        )
    return value


def _coerce_union(component: str, name: str, choices: tuple[Any, ...], value: Any) -> Any:
    if value is None and type(None) in choices:
        return None
    for choice in (c for c in choices if c is not type(None)):
        try:
            return _coerce(component, name, choice, value)
        except ConfigError:
            continue
    raise ConfigError(f"option {name!r} of {component} has a value of the wrong type: {value!r}")


def _string_tuple(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ConfigError(f"setting {name!r} must be a list of strings, not {value!r}")
    return tuple(str(item) for item in value)


def _option_tables(value: Any) -> dict[str, dict[str, Any]]:
    """The ``[options]`` table: one sub-table per component."""
    if not isinstance(value, Mapping):
        raise ConfigError("setting 'options' must be a table of per-component tables")
    tables: dict[str, dict[str, Any]] = {}
    for component, table in value.items():
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"options: {component!r} is not a table; write options per component, "
                f'e.g. [options."events.rules"] max_per_sentence = 2'
            )
        tables[str(component)] = dict(table)
    return tables


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from exc
