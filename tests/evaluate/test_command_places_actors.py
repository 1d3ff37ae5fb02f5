"""``eventwire evaluate --places`` and ``--actor-phrases`` end to end on tiny gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

NAIROBI = {"name": "Nairobi", "country": "KEN", "lat": -1.29, "lon": 36.82, "precision": "town"}
PLACES = [
    {"id": "p1", "text": "Riot police detained forty students in Nairobi on Monday.", "date": "2023-03-20",
     "events": [{"plover": "COERCE", "source": ["KEN"], "target": ["KEN"],
                 "place": NAIROBI}]},
]  # fmt: skip
ACTORS = [
    {"id": "a1", "phrase": "the Kenyan foreign minister", "date": "2023-03-20",
     "expected": {"country": "KEN", "sector": "GOV", "kind": "person"}, "class": "titles"},
    {"id": "a2", "phrase": "Ghanaian farmers", "date": "2023-03-20",
     "expected": {"country": "GHA", "sector": "AGR", "kind": "group"}, "class": "civilians"},
]  # fmt: skip


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def test_places_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write(tmp_path / "places.jsonl", PLACES)
    out = tmp_path / "coded.jsonl"
    assert main(["evaluate", str(gold), "--places", "--json", "--output", str(out)]) == 0
    printed = capsys.readouterr()
    report = json.loads(printed.out)
    assert (report["records"], report["events"]) == (1, 1)
    assert "eventwire: evaluate: 1 article(s), 1 coded, 0 failed in" in printed.err  # the summary line
    assert {"located", "country_accuracy", "within_50km", "median_km"} <= set(report)
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == ["p1"]


def test_actor_phrases_report_and_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write(tmp_path / "actors.jsonl", ACTORS)
    assert main(["evaluate", str(gold), "--actor-phrases"]) == 0
    printed, summary = capsys.readouterr()
    assert "country_accuracy" in printed and "per class" in printed
    assert "eventwire: evaluate: 2 article(s), 2 coded, 0 failed in" in summary
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"floors": {"sector_accuracy": 1.01}, "why": "test"}), "utf-8")
    assert main(["evaluate", str(gold), "--actor-phrases", "--json", "--baseline", str(baseline)]) == 1
    assert json.loads(capsys.readouterr().out)["phrases"] == 2


def test_places_and_actor_phrases_exclude_each_other(tmp_path: Path) -> None:
    gold = write(tmp_path / "places.jsonl", PLACES)
    with pytest.raises(SystemExit):
        main(["evaluate", str(gold), "--places", "--actor-phrases"])
