"""Resumable ingest: stored articles are skipped before coding; a SIGKILL loses no article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from store_builders import FakeCoder, corpus

from eventwire.records import Article, RejectedInput
from eventwire.store import EventStore
from eventwire.store.ingest import ingest

HERE = Path(__file__).parent


def test_second_ingest_codes_nothing_and_adds_nothing(db_path: str) -> None:
    with EventStore.open(db_path) as store:
        first = ingest(store, corpus(9), FakeCoder(), source_name="corpus.jsonl")
        counts = store.counts()
        coder = FakeCoder()
        second = ingest(store, corpus(9), coder, source_name="corpus.jsonl")
        assert store.counts() == counts
    assert (first.read, first.new, first.failed, first.new_events, first.merged_mentions) == (10, 9, 1, 3, 6)
    assert (second.read, second.skipped, second.new) == (10, 10, 0)
    assert coder.seen == []  # skipped before the coder, not after


def _with_copy() -> list[Article | RejectedInput]:
    items = corpus(2)[:2]
    assert isinstance(items[0], Article)
    return [*items, Article(text=items[0].text, id="syndicated-copy")]


def test_a_text_already_stored_is_not_coded_again(store: EventStore) -> None:
    coder = FakeCoder()
    summary = ingest(store, _with_copy(), coder, commit_every=1)
    assert (summary.new, summary.duplicates) == (2, 1)
    assert coder.seen == ["story-0", "story-1"]


def test_a_copy_in_the_same_batch_is_still_a_duplicate(store: EventStore) -> None:
    summary = ingest(store, _with_copy(), FakeCoder(), commit_every=10)
    assert (summary.new, summary.duplicates) == (2, 1)
    # story-0 and story-1 report the same talks; the copy of story-0 adds no third report.
    assert store.con.execute("SELECT num_articles FROM events").fetchall() == [(2,)]


def test_an_id_reused_for_another_text_is_skipped_and_counted(store: EventStore) -> None:
    ingest(store, corpus(2), FakeCoder())
    reused = Article(text="Report 9: officials held talks on day 3 of the month.", id="story-0")
    summary = ingest(store, [reused], FakeCoder())
    assert (summary.skipped, summary.id_conflicts) == (1, 1)
    assert "1 id(s) already stored with another text" in summary.text()


def test_listener_hears_every_article(store: EventStore) -> None:
    heard: list[str] = []
    ingest(store, corpus(4), FakeCoder(), listener=lambda result: heard.append(result.status))
    assert sorted(heard) == ["coded"] * 4 + ["error"]


KILLED_INGEST = """
import sys
sys.path.insert(0, sys.argv[2])
from store_builders import FakeCoder, corpus
from eventwire.store import EventStore
from eventwire.store.ingest import ingest

with EventStore.open(sys.argv[1]) as store:
    report = lambda r: print(r.article_id, flush=True)
    ingest(store, corpus(40), FakeCoder(delay=0.02), commit_every=4, listener=report)
"""


def test_sigkill_in_the_middle_then_rerun_stores_every_article_once(db_path: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, db_path, str(HERE)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    stored_before_kill = [process.stdout.readline() for _ in range(12)]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert all(stored_before_kill)
    with EventStore.open(db_path) as store:
        stored_ids, _ = store.known_articles()
        stored_first = set(stored_ids)
        coder = FakeCoder()
        ingest(store, corpus(40), coder)
        repeated = store.con.execute("SELECT id FROM articles GROUP BY id HAVING count(*) > 1").fetchall()
        counts = store.counts()
        consistent = store.con.execute(
            "SELECT count(*) FROM events e WHERE num_mentions != "
            "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.event_id)"
        ).fetchall()
    assert 12 <= len(stored_first) < 41
    every_story = {f"story-{n}" for n in range(40)}
    assert sorted(coder.seen) == sorted(every_story - stored_first)  # the rerun codes only the rest
    assert repeated == []
    assert counts["articles"] == 41
    assert counts["event_mentions"] == 40
    assert consistent == [(0,)]
