"""``eventwire evaluate`` end to end on a three-record gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

ROWS = [
    {"id": "c1", "text": "Police in Lima arrested twelve activists on Monday.", "date": "2022-03-01",
     "events": [{"plover": "COERCE", "source": ["PER"], "target": []}]},
    {"id": "c2", "text": "The weather in Oslo was mild.", "date": "2022-03-02", "events": []},
    {"id": "c3", "text": "", "events": []},
]  # fmt: skip


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), "utf-8")
    return path


def test_json_report_and_predictions(
    gold_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pred.jsonl"
    assert main(["evaluate", str(gold_file), "--json", "--output", str(out), "--misses", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["records"], report["eventless"], report["missing_records"]) == (3, 2, 0)
    assert set(report["type"]) == {"p", "r", "f1", "n_pred", "n_gold"}
    assert report["type"]["n_gold"] == 1
    assert len(report["misses"]) <= 2
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["c1", "c2", "c3"]
    assert lines[2]["error"] is not None  # empty text fails alone, the rest is scored


def test_table_report(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(gold_file)]) == 0
    printed = capsys.readouterr().out
    assert "3 gold records" in printed and "per PLOVER type" in printed


def test_unreadable_gold_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["evaluate", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.parametrize(("floor", "status"), [(0.0, 0), (1.01, 1)])
def test_baseline_sets_the_exit_status(gold_file: Path, tmp_path: Path, floor: float, status: int) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"floors": {"type_f1": floor}, "why": "test"}), "utf-8")
    assert main(["evaluate", str(gold_file), "--json", "--baseline", str(baseline)]) == status
