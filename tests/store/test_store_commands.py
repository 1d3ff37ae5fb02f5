"""The store's CLI commands: ingest, query, sql, export (coder stubbed except in one test)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rich.progress import TimeRemainingColumn
from store_builders import FakeCoder

from eventwire.api import Coder
from eventwire.cli import main
from eventwire.commands import ingest as ingest_command
from eventwire.commands._progress import ArticleProgress, expected_articles
from eventwire.store import EventStore
from eventwire.store.exports.layouts import asserted_sql

SAMPLES = Path(__file__).parents[2] / "samples" / "news.jsonl"


class _FakeCoder:
    """Stands in for the ``eventwire.Coder`` that ``ingest`` gets from its options."""

    def __init__(self) -> None:
        self.code_many = FakeCoder()
        self.code_streamed = self.code_many  # what ingest calls: long articles come as they are coded


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """Four reports of Indian-Chinese talks (three on one day) and one malformed line."""
    lines = [
        json.dumps(
            {"id": f"talks-{n}", "text": f"Report {n}: Indian and Chinese officials held talks on day 4."}
        )
        for n in range(3)
    ]
    lines.append(
        json.dumps({"id": "talks-later", "text": "Indian and Chinese officials held talks on day 25."})
    )
    lines.append('{"id": "broken", "text": ')
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> _FakeCoder:
    fake = _FakeCoder()
    monkeypatch.setattr(ingest_command, "coder_from_args", lambda args, pools: fake)
    return fake


def test_ingest_twice_prints_summaries_and_adds_nothing(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(news), "--db", db_path, "--no-progress"]) == 0
    first = capsys.readouterr().out
    assert "5 article(s) read: 4 new, 0 already stored, 0 duplicate text, 1 failed" in first
    assert "2 new event(s), 2 mention(s) merged" in first
    assert main(["ingest", str(news), "--db", db_path, "--no-progress"]) == 0
    assert "0 new, 5 already stored" in capsys.readouterr().out
    assert len(fake_coder.code_many.seen) == 4
    with EventStore.open(db_path, read_only=True) as store:
        assert store.con.execute("SELECT id, status FROM articles WHERE status = 'error'").fetchall() == [
            ("news.jsonl:5", "error")
        ]
        assert store.con.execute("SELECT num_articles FROM events ORDER BY event_id").fetchall() == [
            (3,),
            (1,),
        ]


def test_retry_failed_codes_failed_articles_again(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    news.write_text(news.read_text("utf-8").replace('"text": \n', '"text": "Fixed on day 9."}\n'), "utf-8")
    main(["ingest", str(news), "--db", db_path, "--no-progress", "--retry-failed"])
    assert "1 new, 4 already stored, 0 duplicate text, 0 failed" in capsys.readouterr().out


def test_query_dyad_sql_and_export(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    capsys.readouterr()
    assert main(["query", "dyad", "IND", "CHN", "--by", "month", "--db", db_path, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "period,events,mentions,mean_goldstein",
        "2024-06,2,4,1.0",
    ]
    assert main(["sql", "SELECT count(*) AS n FROM event_mentions", "--db", db_path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 4}
    out = tmp_path / "events.gdelt.tsv"
    assert main(["export", "--db", db_path, "--format", "gdelt", "--output", str(out)]) == 0
    assert [len(line.split("\t")) for line in out.read_text("utf-8").splitlines()] == [61, 61]


@pytest.mark.parametrize(
    "question",
    [
        ["events", "--actor", "IND", "--since", "2024-06-01"],
        ["counts", "--by", "week", "--group", "plover"],
        ["top-actors", "-n", "3"],
        ["timeline", "CHN", "--by", "day"],
        ["search", "officials", "talks"],
    ],
)
def test_every_question_answers(
    question: list[str],
    news: Path,
    db_path: str,
    fake_coder: _FakeCoder,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    capsys.readouterr()
    assert main(["query", *question, "--db", db_path]) == 0
    out = capsys.readouterr().out
    assert out.strip() and "(no rows)" not in out


def test_sql_cannot_write_the_store_or_files(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    assert main(["sql", "DELETE FROM articles", "--db", db_path]) == 1
    assert main(["sql", f"COPY articles TO '{tmp_path / 'leak.csv'}'", "--db", db_path]) == 1
    assert not (tmp_path / "leak.csv").exists()
    assert "statements are refused" in capsys.readouterr().err


def test_query_without_a_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "dyad", "USA", "RUS", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "eventwire ingest" in capsys.readouterr().err


def test_samples_through_the_real_pipeline_export_as_gdelt(
    coder: Coder, monkeypatch: pytest.MonkeyPatch, db_path: str, tmp_path: Path
) -> None:
    monkeypatch.setattr(ingest_command, "coder_from_args", lambda args, pools: coder)
    assert main(["ingest", str(SAMPLES), "--db", db_path, "--no-progress"]) == 0
    with EventStore.open(db_path, read_only=True) as store:
        stored = store.counts()
        asserted = store.con.execute(f"SELECT count(*) FROM events WHERE {asserted_sql()}").fetchall()[0][0]
    out = tmp_path / "samples.gdelt.tsv"
    main(["export", "--db", db_path, "--format", "gdelt", "--output", str(out)])
    table = pd.read_csv(out, sep="\t", header=None)
    assert 0 < asserted < stored["events"]  # the samples deny or suppose at least one event
    assert table.shape == (asserted, 61)
    assert stored["articles"] == sum(1 for line in SAMPLES.read_text("utf-8").splitlines() if line.strip())


def test_progress_expects_one_article_per_jsonl_line_and_text_file(news: Path, tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("A single article.", encoding="utf-8")
    assert expected_articles([str(news), str(text)]) == 6
    assert expected_articles([str(tmp_path)]) is None  # a folder: unknown until read


def test_ingest_progress_counts_articles_and_failures_with_an_eta(
    news: Path, db_path: str, fake_coder: _FakeCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    bars: list[ArticleProgress] = []

    def recorded(*args: Any) -> ArticleProgress:
        bars.append(ArticleProgress(*args))
        return bars[-1]

    monkeypatch.setattr(ingest_command, "ArticleProgress", recorded)
    assert main(["ingest", str(news), "--db", db_path]) == 0
    (bar,) = bars
    assert (bar.label, bar.done, bar.failed) == ("ingest", 5, 1)  # the broken line is the failure
    assert bar.progress.tasks[0].total == 5  # one article per JSONL line: the bar has an ETA
    assert any(isinstance(c, TimeRemainingColumn) for c in bar.progress.columns)


def test_bad_csv_column_option_is_a_usage_error(
    news: Path, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(news), "--db", db_path, "--csv-column", "body"]) == 2
    assert "FIELD=COLUMN" in capsys.readouterr().err


def test_json_output_prints_days_not_timestamps(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    capsys.readouterr()
    main(["query", "events", "--db", db_path, "--format", "json", "--limit", "1"])
    row = json.loads(capsys.readouterr().out)
    assert (row["event_date"], row["num_articles"]) == ("2024-06-25", 1)


def test_query_article_prints_its_contract_line(
    news: Path, db_path: str, fake_coder: _FakeCoder, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ingest", str(news), "--db", db_path, "--no-progress"])
    capsys.readouterr()
    assert main(["query", "article", "talks-1", "--db", db_path]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["id"], [e["plover"] for e in line["events"]], line["error"]) == (
        "talks-1",
        ["CONSULT"],
        None,
    )
    assert main(["query", "article", "missing", "--db", db_path]) == 1
