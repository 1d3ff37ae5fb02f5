"""Crash safety of ``eventwire ingest``: SIGKILLs at random points lose and duplicate nothing,
one bad record never blocks a run, and a second writer gets a clear lock error."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import EventStore

EVENTWIRE = [sys.executable, "-m", "eventwire"]
PAIRS = [("Canada", "Russia"), ("Kenya", "Uganda"), ("Peru", "Chile"), ("Norway", "Iceland"),
         ("Ghana", "Togo"), ("Japan", "China"), ("Poland", "Belarus"), ("Egypt", "Sudan"),
         ("Mexico", "Guatemala"), ("Turkey", "Greece"), ("India", "Nepal"), ("Brazil", "Bolivia"),
         ("Spain", "Morocco"), ("Vietnam", "Cambodia"), ("Ireland", "Wales"), ("Chad", "Niger")]  # fmt: skip
BATCH = 2
TABLES = ("articles", "sentences", "actors", "mentions", "events", "event_mentions", "quotes")


def _corpus(path: Path) -> int:
    """Short reports written for this test, one bad record (a lone surrogate) among them."""
    lines = [
        json.dumps(
            {"id": f"r{n}", "text": f"{a} recalled its ambassador from {b} on Monday.", "date": "2024-03-06"}
        )
        for n, (a, b) in enumerate(PAIRS)
    ]
    lines.insert(5, '{"id": "bad", "text": "Talks \\ud800 stalled."}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    command = [
        *EVENTWIRE,
        "-v",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--no-progress",
        "--commit-every",
        str(BATCH),
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _kill_after_commits(process: subprocess.Popen[str], commits: int, delay: float) -> bool:
    """SIGKILL once ``commits`` batches are stored (0: at start-up), ``delay`` s later; True if it hit."""
    assert process.stderr is not None
    seen = 0
    while seen < commits:
        line = process.stderr.readline()
        if not line:
            break  # ended before: this run was not killed
        seen += "committed" in line
    time.sleep(delay)
    hit = process.poll() is None
    if hit:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return hit


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with EventStore.open(db) as store:
        return store.counts()["articles"]


def _orphans(store: EventStore) -> list[tuple[str, int]]:
    checks = {
        table: f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        for table in ("sentences", "mentions", "quotes", "event_mentions", "ingest_log")
    }
    checks["event_mentions without event"] = (
        "SELECT count(*) FROM event_mentions WHERE event_id NOT IN (SELECT event_id FROM events)"
    )
    checks["events without mention"] = (
        "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions)"
    )
    found = [(name, store.con.execute(sql).fetchall()[0][0]) for name, sql in checks.items()]
    return [(name, n) for name, n in found if n]


def test_sigkills_at_random_points_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    corpus, clean_db, killed_db = (
        tmp_path / "corpus.jsonl",
        tmp_path / "clean.duckdb",
        tmp_path / "killed.duckdb",
    )
    total = _corpus(corpus)
    clean = _ingest(corpus, clean_db)
    assert clean.wait() == 0, clean.stderr.read() if clean.stderr else ""
    rng = random.Random(16)
    batches = -(-total // BATCH)
    # start-up; three random points; near the end (one batch short of everything stored)
    plan = [(0, 0.3), *[(rng.randint(1, 2), rng.uniform(0, 0.5)) for _ in range(3)], (None, 0.0)]
    kills, stored_after = 0, []
    for planned, delay in plan:
        left = batches - -(-_stored(killed_db) // BATCH)
        commits = max(left - 1, 1) if planned is None else planned
        kills += _kill_after_commits(_ingest(corpus, killed_db), min(commits, max(left - 1, 0)), delay)
        stored_after.append(_stored(killed_db))
    final = _ingest(corpus, killed_db)
    assert final.wait() == 0
    assert kills >= 5, f"only {kills} runs were killed while running (stored after each: {stored_after})"
    assert stored_after[0] == 0 and max(stored_after) >= total - 2 * BATCH, stored_after
    with EventStore.open(clean_db) as a, EventStore.open(killed_db) as b:
        assert {t: b.counts()[t] for t in TABLES} == {t: a.counts()[t] for t in TABLES}
        assert b.con.execute("SELECT id FROM articles GROUP BY id HAVING count(*) > 1").fetchall() == []
        assert sorted(r[0] for r in b.con.execute("SELECT id FROM articles").fetchall()) == sorted(
            ["bad", *[f"r{n}" for n in range(len(PAIRS))]]
        )
        assert _orphans(b) == []
        status = b.con.execute("SELECT status, error FROM articles WHERE id = 'bad'").fetchall()
    assert status[0][0] == "error" and "lone surrogate" in status[0][1]


@pytest.fixture
def holder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An ``eventwire ingest --watch`` that holds the store open for writing."""
    (tmp_path / "incoming").mkdir()
    db = tmp_path / "held.duckdb"
    command = [*EVENTWIRE, "ingest", "--watch", str(tmp_path / "incoming"), "--db", str(db)]
    process = subprocess.Popen([*command, "--poll-seconds", "0.2", "--max-polls", "600"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)  # fmt: skip
    assert process.stderr is not None
    assert "watching" in process.stderr.readline()
    yield db
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


def test_a_second_ingest_gets_a_clear_lock_error(holder: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "more.jsonl"
    _corpus(corpus)
    second = subprocess.run(
        [*EVENTWIRE, "ingest", str(corpus), "--db", str(holder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert second.returncode == 1
    assert "is locked by another process (PID" in second.stderr and "Traceback" not in second.stderr
    reader = subprocess.run(
        [*EVENTWIRE, "sql", "SELECT 1", "--db", str(holder)], capture_output=True, text=True, check=False
    )
    assert reader.returncode == 1 and "is locked by another process" in reader.stderr
