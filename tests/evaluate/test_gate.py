"""The quality gate: the default pipeline on the project's own gold file must not fall
below the floors in tests/gold/baseline.json.

The gold file is ours (written for the project, never copied from measuring data), so the
gate can run in CI on every change. When a figure drops, the message prints every figure
and the floors, so the regression is visible in the CI log without re-running anything.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from eventwire.api import Coder
from eventwire.evaluate.baseline import read_floors
from eventwire.evaluate.gold import read_gold
from eventwire.evaluate.run import evaluate_file
from eventwire.events.ontology import PLOVER_TYPES
from tests.evaluate.gates import assert_gate

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
GOLD = GOLD_DIR / "events.jsonl"
BASELINE = GOLD_DIR / "baseline.json"
NON_STATE = {"IGO", "NGO", "MNC", "IMG"}


def test_default_pipeline_stays_above_the_floors(coder: Coder) -> None:
    evaluation, coded = evaluate_file(coder, GOLD, misses=0)
    assert_gate("project gold", evaluation.figures(), read_floors(BASELINE), coded)


def test_baseline_says_why() -> None:
    baseline = json.loads(BASELINE.read_text("utf-8"))
    assert {"type_f1", "dyad_f1"} <= set(baseline["floors"])
    assert "decision" in baseline["why"]


# The gold file itself: big enough, every type covered, codes real. These guard against an
# edit that quietly shrinks or breaks the yardstick the gate measures with.
RECORDS = read_gold(GOLD)
ROWS = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def test_gold_size_and_coverage() -> None:
    per_type = Counter(e.plover for r in RECORDS for e in r.events)
    assert len(RECORDS) >= 170
    assert {t: per_type[t] for t in PLOVER_TYPES if per_type[t] < 8} == {}
    assert set(per_type) <= set(PLOVER_TYPES)
    assert sum(not r.events for r in RECORDS) >= 25
    assert sum(r.note == "negated" for r in RECORDS) >= 10
    assert all(not r.events for r in RECORDS if r.note == "negated")


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_gold_row_is_well_formed(row: dict[str, object]) -> None:
    assert isinstance(row["text"], str) and row["text"].strip()
    assert isinstance(row["date"], str) and len(row["date"]) == 10
    events = row["events"]
    assert isinstance(events, list)
    for event in events:
        for code in event["source"] + event["target"]:
            assert code in NON_STATE or pycountry.countries.get(alpha_3=code), code
