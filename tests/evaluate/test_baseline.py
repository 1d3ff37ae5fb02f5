"""Baseline floors: reading them and telling which figure fell below which floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.evaluate.baseline import below_floor, read_floors


@pytest.mark.parametrize(
    ("figures", "floors", "expected"),
    [
        ({"type_f1": 0.6}, {"type_f1": 0.5}, []),
        ({"type_f1": 0.5}, {"type_f1": 0.5}, []),
        ({"type_f1": 0.49}, {"type_f1": 0.5}, ["type_f1 = 0.490 is below its floor 0.500"]),
        ({"silent": 0.3}, {"silent": 0.2}, ["silent = 0.300 is above its ceiling 0.200"]),
        ({"silent": 0.1}, {"silent": 0.2}, []),
    ],
)
def test_below_floor(figures: dict[str, float], floors: dict[str, float], expected: list[str]) -> None:
    assert below_floor(figures, floors) == expected


def test_unknown_figure_is_a_failure() -> None:
    (message,) = below_floor({"type_f1": 1.0}, {"typo_f1": 0.1})
    assert message.startswith("typo_f1: no such figure")


def test_read_floors(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"type_f1": 0.4, "dyad_f1": 1}, "why": "..."}), "utf-8")
    assert read_floors(path) == {"type_f1": 0.4, "dyad_f1": 1.0}


@pytest.mark.parametrize("content", ["{", '{"floors": [0.1]}', '{"floors": {"type_f1": "high"}}', "[]"])
def test_malformed_baseline(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError):
        read_floors(path)
