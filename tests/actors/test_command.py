"""``eventwire actors``: chains, reasons and places of an article, printed for a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import main

ARTICLE = (
    "Russian Foreign Minister Sergei Lavrov met reporters in Geneva on Friday. "
    "Lavrov said Moscow would answer any new sanctions."
)


def test_actors_command_lists_chains_with_reasons_and_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["actors", str(article), "--date", "2021-06-04"]) == 0
    out = capsys.readouterr().out
    assert "Sergei Lavrov" in out and "RUS GOV person" in out
    assert "kb person:" in out  # why: the KB entry that resolved the chain
    assert "Lavrov (name; same KB entry)" in out
    assert "places (not actors): Geneva (CHE)" in out


def test_actors_command_rejects_a_malformed_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["actors", str(article), "--date", "last Friday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
