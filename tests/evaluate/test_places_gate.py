"""The place gate: the default pipeline on the place batch must not fall below the floors in
tests/gold/blind/places_baseline.json (located, country, within 50 km, and the same over the
events the coder found with the right type)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.api import Coder
from eventwire.evaluate.baseline import read_floors
from eventwire.evaluate.places import evaluate_places_file
from tests.evaluate.gates import assert_gate

BLIND = Path(__file__).resolve().parents[1] / "gold" / "blind"
GOLD = BLIND / "places-b1.jsonl"
BASELINE = BLIND / "places_baseline.json"


def test_places_stay_above_the_floors(coder: Coder) -> None:
    evaluation, coded = evaluate_places_file(coder, GOLD)
    assert_gate("places b1", evaluation.figures(), read_floors(BASELINE), coded)


def test_place_baseline_says_why_and_covers_the_headline_figures() -> None:
    baseline = json.loads(BASELINE.read_text("utf-8"))
    assert {"located", "country_accuracy", "within_50km"} <= set(baseline["floors"])
    assert "decision" in baseline["why"]
    measured = baseline["measured"]["figures"]
    assert all(measured[name] - floor <= 0.05 for name, floor in baseline["floors"].items())
