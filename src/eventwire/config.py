"""Settings: one frozen object, built from packaged defaults, a user file and overrides.

There is no module-level mutable state: every stage receives the ``Settings`` it was
built with, so two pipelines with different settings can live in one process.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

DEFAULTS_RESOURCE = "defaults.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of a pipeline run. Defaults live in ``eventwire/data/defaults.toml``."""

    model: str = "en_core_web_sm"
    batch_size: int = 32
    stages: tuple[str, ...] = (
        "actors.kb",
        "events.rules",
        "events.intent",
        "quotes.rules",
        "when_where.default",
    )
    actor_files: tuple[str, ...] = ()
    min_confidence: float = 0.0
    db_path: str = "eventwire.duckdb"
    dedup_window_days: int = 2
    options: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Packaged defaults, then the TOML file at ``path``, then keyword overrides."""
        values = _read_packaged_defaults()
        if path is not None:
            values.update(_read_toml(Path(path)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Settings:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        coerced = dict(values)
        for name in ("stages", "actor_files"):
            if name in coerced:
                coerced[name] = tuple(coerced[name])
        return cls(**coerced)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def option(self, name: str, default: Any = None) -> Any:
        """A stage-specific option from the ``[options]`` table of the settings file."""
        return self.options.get(name, default)


def _read_packaged_defaults() -> dict[str, Any]:
    text = resources.files("eventwire.data").joinpath(DEFAULTS_RESOURCE).read_text("utf-8")
    return tomllib.loads(text)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from exc
