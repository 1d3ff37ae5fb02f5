"""The store gives back exactly the contract line the pipeline produced for an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_builders import meeting

from eventwire.errors import StoreError
from eventwire.ingest import iter_articles
from eventwire.pipeline import Pipeline
from eventwire.records import Article, ArticleError, CodedArticle
from eventwire.store import EventStore
from eventwire.store.read import article_record

SAMPLES = Path(__file__).parents[2] / "samples" / "news.jsonl"


def test_hand_built_article_round_trips(store: EventStore) -> None:
    coded = meeting("a1", 'Envoys met in Geneva. "We listened," one said.', "2024-03-12", "Wire One")
    store.add(coded)
    assert article_record(store, "a1") == coded.to_contract_dict()


def test_failed_article_round_trips_its_error(store: EventStore) -> None:
    failed = CodedArticle(Article(text="", id="bad"), error=ArticleError("ArticleInputError", "no text"))
    store.add(failed)
    assert article_record(store, "bad") == failed.to_contract_dict()


def test_unknown_article_is_an_error(store: EventStore) -> None:
    with pytest.raises(StoreError, match="no article"):
        article_record(store, "nowhere")


def test_samples_round_trip_through_the_real_pipeline(pipeline: Pipeline, store: EventStore) -> None:
    coded = list(pipeline.run(iter_articles([SAMPLES])))
    store.add_many(coded)
    assert any(c.events for c in coded)
    for article in coded:
        assert article_record(store, article.article.id) == article.to_contract_dict()
