"""The quality gate over the blind event batches (tests/gold/blind): after a batch's first
score is recorded it joins the gate, so work on later batches cannot quietly undo it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.api import Coder
from eventwire.evaluate.run import evaluate_file
from tests.evaluate.gates import assert_gate

BLIND = Path(__file__).resolve().parents[1] / "gold" / "blind"
BASELINE = json.loads((BLIND / "events_baseline.json").read_text("utf-8"))


@pytest.mark.parametrize("batch", sorted(BASELINE["batches"]))
def test_blind_batch_stays_above_its_floors(coder: Coder, batch: str) -> None:
    evaluation, coded = evaluate_file(coder, BLIND / batch, misses=0)
    assert_gate(batch, evaluation.figures(), BASELINE["batches"][batch]["floors"], coded)


def test_every_floor_sits_below_its_measured_figure_and_says_why() -> None:
    assert "decision" in BASELINE["why"]
    for batch, entry in BASELINE["batches"].items():
        assert (BLIND / batch).is_file(), batch
        for name, floor in entry["floors"].items():
            assert floor <= entry["measured"][name], (batch, name)
