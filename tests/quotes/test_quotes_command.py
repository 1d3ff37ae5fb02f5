"""``eventwire quotes`` end to end, and odd quotation marks through the whole pipeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.records import CodedArticle


def test_lists_who_said_what(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"The bridge will reopen in May," Mayor Lucia Ferro said on Friday.\n', "utf-8")
    assert main(["quotes", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Lucia Ferro" in out and '"The bridge will reopen in May"' in out and "[said, direct]" in out


def test_scores_a_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    row = {
        "id": "g",
        "text": '"We will vote no," Senator Ruth Abernathy said.',
        "quotes": [{"text": "We will vote no", "speaker": {"name": "Ruth Abernathy"}}],
    }
    gold.write_text(json.dumps(row) + "\n", "utf-8")
    assert main(["quotes", "--gold", str(gold)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["gold"] == 1 and report["span_f1"] == 1.0 and report["speaker_accuracy"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        'The minister said "the plan is dead. Nobody objected.',
        'Three " marks " in " one line.',
        "An article without a single quotation mark, about a vote in parliament.",
        "“Unclosed\n“Still unclosed\nThe end.",
    ],
)
def test_odd_marks_are_coded_without_error(code: Callable[[str], CodedArticle], text: str) -> None:
    coded = code(text)
    assert coded.error is None
    assert all(text[q.start : q.end] == q.text for q in coded.quotes)
