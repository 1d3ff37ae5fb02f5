"""EventStore.add: every table filled, idempotent, duplicates and errors kept, all or nothing."""

from __future__ import annotations

import json

import duckdb
import pytest
from store_builders import GENEVA, RUS, USA, coded_article, meeting

from eventwire.errors import StoreError
from eventwire.records import Article, ArticleError, CodedArticle
from eventwire.store import EventStore

TEXT = 'The American envoy met Russian officials in Geneva. "We listened," he said.'


def test_an_article_fills_every_table(store: EventStore) -> None:
    result = store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"), source_name="news.jsonl")
    assert (result.status, result.new_events, result.merged_mentions) == ("coded", 1, 0)
    counts = store.counts()
    assert {k: counts[k] for k in ("articles", "sentences", "events", "event_mentions", "quotes")} == {
        "articles": 1,
        "sentences": 1,
        "events": 1,
        "event_mentions": 1,
        "quotes": 1,
    }
    assert counts["actors"] == 2  # the United States and Russia, each once
    row = store.con.execute("SELECT status, source_name, num_events, publisher FROM articles").fetchall()
    assert row == [("coded", "news.jsonl", 1, "Wire One")]


def test_event_mention_keeps_every_contract_field(store: EventStore) -> None:
    coded = meeting("a1", TEXT, "2024-03-12", "Wire One")
    store.add(coded)
    stored = store.con.execute(
        "SELECT plover, cameo, goldstein, quad, negated, modality, sentence, trigger_text, trigger_start, "
        "date, date_precision, location_name, lat, confidence, source_json, target_countries "
        "FROM event_mentions"
    ).fetchall()[0]
    event = coded.events[0]
    assert stored[:12] == (
        "CONSULT", "040", 1.0, 1, False, "asserted", 0, "met", TEXT.index("met"),
        "2024-03-12", "day", "Geneva",
    )  # fmt: skip
    assert stored[12] == pytest.approx(GENEVA.lat)
    assert stored[13] == pytest.approx(event.confidence)
    assert json.loads(stored[14]) == [USA.to_dict()]
    assert stored[15] == ["RUS"]


def test_adding_the_same_article_twice_adds_nothing(store: EventStore) -> None:
    store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"))
    before = store.counts()
    assert store.add(meeting("a1", TEXT, "2024-03-12", "Wire One")).status == "skipped"
    assert store.counts() == before


def test_same_text_under_another_id_is_a_duplicate_not_a_new_report(store: EventStore) -> None:
    store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"))
    result = store.add(meeting("copy-of-a1", TEXT, "2024-03-12", "Reprinter"))
    assert result.status == "duplicate"
    rows = store.con.execute("SELECT status, duplicate_of FROM articles WHERE id = 'copy-of-a1'").fetchall()
    assert rows == [("duplicate", "a1")]
    assert store.con.execute("SELECT num_mentions FROM events").fetchall() == [(1,)]


def test_a_failed_article_is_stored_with_its_error_and_logged(store: EventStore) -> None:
    failed = CodedArticle(
        Article(text="", id="broken:3"), error=ArticleError("ArticleInputError", "not valid JSON")
    )
    assert store.add(failed).status == "error"
    assert store.con.execute("SELECT status, error_type, error FROM articles").fetchall() == [
        ("error", "ArticleInputError", "not valid JSON")
    ]
    assert store.con.execute("SELECT article_id, action, error FROM ingest_log").fetchall() == [
        ("broken:3", "error", "not valid JSON")
    ]
    assert store.forget_failed() == 1
    assert store.counts()["articles"] == 0


def test_a_write_that_fails_leaves_nothing_of_the_article(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"))
    before = store.counts()

    def explode() -> None:
        # By now the article's rows are written inside the transaction; the crash must undo them.
        assert store.con.execute("SELECT count(*) FROM articles").fetchall() == [(2,)]
        raise duckdb.ConversionException("disk trouble")

    monkeypatch.setattr(store.index, "write_refinements", explode)
    with pytest.raises(StoreError, match="disk trouble"):
        store.add(meeting("a2", "Envoys met again in Geneva.", "2024-03-13", "Daily Two"))
    assert store.counts() == before
    monkeypatch.undo()
    assert (
        store.add(meeting("a2", "Envoys met again in Geneva.", "2024-03-13", "Daily Two")).merged_mentions
        == 1
    )
    assert store.con.execute("SELECT max(event_id) FROM events").fetchall() == [(1,)]


def test_event_ids_continue_after_reopening(db_path: str) -> None:
    with EventStore.open(db_path) as store:
        store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"))
    with EventStore.open(db_path) as store:
        store.add(meeting("a2", "Envoys met in Geneva in the spring.", "2024-05-20", "Wire One"))
        assert store.con.execute("SELECT event_id FROM events ORDER BY 1").fetchall() == [(1,), (2,)]


def test_actors_are_stored_once_across_articles(store: EventStore) -> None:
    store.add(meeting("a1", TEXT, "2024-03-12", "Wire One"))
    store.add(
        coded_article(
            "a2", "Washington rebuked Moscow.", events=(("ACCUSE", {"source": (USA,), "target": (RUS,)}),)
        )
    )
    assert store.con.execute("SELECT country FROM actors ORDER BY 1").fetchall() == [("RUS",), ("USA",)]
