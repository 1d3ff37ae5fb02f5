"""Progress on long commands: counts, rate and summary; no bar when stderr is not a terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dask.base import compute
from dask.delayed import delayed

from eventwire.cli import main
from eventwire.commands._progress import ArticleProgress, dask_counter, expected_articles
from eventwire.records import Article, ArticleError, CodedArticle

SUMMARY = re.compile(
    r"eventwire: (\w+): (\d+) article\(s\), (\d+) coded, (\d+) failed in [\d.]+ s \([\d.]+ articles/s\)"
)


def _coded(n: int, failed: int) -> list[CodedArticle]:
    error = ArticleError("ArticleInputError", "bad")
    return [CodedArticle(Article(text=f"t{i}"), error=error if i < failed else None) for i in range(n)]


def test_track_counts_articles_and_failures_and_passes_them_through() -> None:
    with ArticleProgress("extract", expected=5) as bar:
        passed = list(bar.track(_coded(5, failed=2)))
    assert len(passed) == 5
    found = SUMMARY.fullmatch(bar.summary())
    assert found is not None and found.groups() == ("extract", "5", "3", "2")
    assert bar.summary("3 partition(s)").endswith("; 3 partition(s)")


def test_no_bar_when_stderr_is_not_a_terminal_or_when_disabled() -> None:
    # pytest captures stderr, so this is the piped case
    assert ArticleProgress("x").progress.disable
    assert ArticleProgress("x", disabled=True).progress.disable


def test_expected_articles_counts_jsonl_lines_and_gives_up_on_other_inputs(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text('{"text": "a"}\n\n{"text": "b"}\n', "utf-8")
    story = tmp_path / "story.txt"
    story.write_text("One story.", "utf-8")
    assert expected_articles([str(news), str(story)]) == 3
    assert expected_articles([str(news), "-"]) is None
    assert expected_articles([str(tmp_path)]) is None


def test_dask_counter_advances_by_the_articles_each_partition_reports() -> None:
    def code_partition(n: int) -> tuple[int, int]:  # named like the runner's task
        return n, 1

    def other_task(n: int) -> tuple[int, int]:
        return 100, 100

    with ArticleProgress("batch") as bar, dask_counter(bar):
        compute(
            delayed(code_partition)(3), delayed(code_partition)(4), delayed(other_task)(1), scheduler="sync"
        )
    assert (bar.done, bar.failed) == (7, 2)


def test_extract_to_a_file_ends_with_one_summary_line_and_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = tmp_path / "news.jsonl"
    lines = [{"id": "a", "text": "Japan sent aid to Turkey."}, {"id": "b", "text": ""}]
    news.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    assert main(["extract", str(news), "--output", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    found = SUMMARY.search(err)
    assert found is not None and found.groups() == ("extract", "2", "1", "1")
