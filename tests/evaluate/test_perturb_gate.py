"""The perturbation probe (issue 11): codings right on a simple sentence must survive the
adjuncts, attributions and fronted dates that news copy wraps around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import Coder
from eventwire.evaluate.perturb import PERTURBATIONS, evaluate_perturbations
from tests.evaluate.gates import assert_gate

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
PROBE = GOLD_DIR / "perturb-simple.jsonl"
BASELINE = json.loads((GOLD_DIR / "perturb_baseline.json").read_text("utf-8"))
ADDED_CEILING = 0.03  # share of variants that may gain an event the simple form lacks


def test_probe_keeps_codings_and_adds_few_events(coder: Coder) -> None:
    evaluation, coded = evaluate_perturbations(coder, PROBE)
    figures = evaluation.figures()
    assert_gate("perturbation probe", figures, BASELINE["floors"], coded)
    assert figures["added"] <= ADDED_CEILING, evaluation.to_dict(misses=20)


def test_floors_sit_below_the_measured_figures() -> None:
    assert "decision" in BASELINE["why"]
    for name, floor in BASELINE["floors"].items():
        assert floor <= BASELINE["measured"][name], name


def test_probe_covers_every_type_five_times() -> None:
    rows = [json.loads(line) for line in PROBE.read_text("utf-8").splitlines() if line.strip()]
    per_type: dict[str, int] = {}
    for row in rows:
        for event in row["events"]:
            per_type[event["plover"]] = per_type.get(event["plover"], 0) + 1
    assert len(per_type) == 16 and min(per_type.values()) >= 5
    assert len(rows) >= 80


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("after_talks", "The army shelled the port after two days of talks."),
        ("reuters_reported", "The army shelled the port, Reuters reported."),
        ("officials_said", "Officials said on Monday that the army shelled the port."),
        ("fronted_date", "On 3 May, the army shelled the port."),
    ],
)
def test_rewrites_keep_the_clause_and_lower_only_common_first_words(name: str, expected: str) -> None:
    assert PERTURBATIONS[name]("The army shelled the port.") == expected


def test_a_name_keeps_its_capital_behind_a_prefix() -> None:
    assert PERTURBATIONS["fronted_date"]("Kenya closed the border.") == "On 3 May, Kenya closed the border."
