"""Reading gold files: good lines become records, bad lines are named in the error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.gold import countries, predicted_claims, read_gold
from eventwire.records import Actor


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_reads_records(tmp_path: Path) -> None:
    row = {
        "id": "g1",
        "text": "Chile recalled its envoy.",
        "date": "2020-02-03",
        "events": [{"plover": "sanction", "source": ["chl"], "target": []}],
    }
    (record,) = read_gold(write(tmp_path, json.dumps(row), ""))
    assert (record.id, record.date, record.note) == ("g1", "2020-02-03", None)
    assert record.events[0].plover == "SANCTION"
    assert record.events[0].source == frozenset({"CHL"})


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2"),
        ('{"id": "x", "events": []}', "'text'"),
        ('{"id": "x", "text": "t"}', "'events'"),
        ('{"text": "t", "events": []}', "'id'"),
        ('{"id": "ok", "text": "t", "events": []}', "duplicate id"),
        ("[1, 2]", "line 2"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: str, message: str) -> None:
    first = json.dumps({"id": "ok", "text": "t", "events": []})
    with pytest.raises(InputError, match=message):
        read_gold(write(tmp_path, first, line))


def test_missing_file() -> None:
    with pytest.raises(InputError, match="cannot read gold file"):
        read_gold("/nonexistent/gold.jsonl")


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        (["USA", "gbr"], {"USA", "GBR"}),
        ([{"country": "USAGOV"}, {"country": None}], {"USA"}),
        ([Actor(text="Kyiv", country="UKR"), Actor(text="someone")], {"UKR"}),
        (None, set()),
    ],
)
def test_countries(side: list[object] | None, expected: set[str]) -> None:
    assert countries(side) == expected


def test_predicted_claims_drop_negated_and_handle_missing() -> None:
    line = {"events": [{"plover": "AID", "negated": True}, {"plover": "aid", "cameo": "073"}]}
    (claim,) = predicted_claims(line)
    assert (claim.plover, claim.root) == ("AID", "07")
    assert predicted_claims(None) == ()
    assert predicted_claims({"error": {"type": "x", "message": "y"}, "events": None}) == ()
