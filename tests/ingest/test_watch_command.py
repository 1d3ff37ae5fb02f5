"""`eventwire ingest --watch` codes files that arrive after it started, and only those."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb


def test_watch_codes_a_file_that_arrives_later(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "old.txt").write_text("This file was here before the watch began.", "utf-8")
    db = tmp_path / "events.duckdb"
    watcher = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "ingest", "--watch", str(inbox), "--db", str(db),
         "--poll-seconds", "0.2", "--max-polls", "40", "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert watcher.stderr is not None
    # Files present when the watch begins are old news: write only once it has started.
    for line in watcher.stderr:  # ends at EOF too, should the watcher die first
        if "watching" in line:
            break
    time.sleep(0.5)
    record = {"id": "late-1", "text": "Kenyan police arrested six protesters in Nairobi."}
    (inbox / "late.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    _out, err = watcher.communicate(timeout=120)
    assert watcher.returncode == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [row[0] for row in con.execute("SELECT id FROM articles").fetchall()]
    assert ids == ["late-1"]


def test_ingest_needs_an_input_or_a_folder_to_watch(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", "--db", str(tmp_path / "x.duckdb")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--watch" in result.stderr
