"""Quality floors: the figures a change may not push the coder below.

A baseline file is JSON: ``{"floors": {"type_f1": 0.5, ...}, "why": "..."}``. Figure names
are those of ``Evaluation.figures()``. Raising a floor records progress; lowering one is a
decision someone has to justify in the commit that does it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from eventwire.errors import ConfigError

# Figures where lower is better: for these the baseline value is a ceiling, not a floor.
CEILINGS = frozenset({"silent"})


def read_floors(path: str | Path) -> dict[str, float]:
    """The floors of a baseline file; a malformed file raises ``ConfigError``."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read baseline {path}: {exc}") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in floors.values()
    ):
        raise ConfigError(f"{path}: 'floors' must map figure names to numbers")
    return {str(k): float(v) for k, v in floors.items()}


def below_floor(figures: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One message per figure that fell below its floor (or rose above its ceiling)."""
    failures = []
    for name, bound in floors.items():
        if name not in figures:
            failures.append(f"{name}: no such figure (known: {', '.join(sorted(figures))})")
        elif name in CEILINGS and figures[name] > bound:
            failures.append(f"{name} = {figures[name]:.3f} is above its ceiling {bound:.3f}")
        elif name not in CEILINGS and figures[name] < bound:
            failures.append(f"{name} = {figures[name]:.3f} is below its floor {bound:.3f}")
    return failures
