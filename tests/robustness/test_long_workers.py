"""With worker processes, a very long article is coded in the parent, streamed piece by piece
(a worker would hold all its records and send them back at once), in its place in the order."""

from __future__ import annotations

import json
from functools import partial

import pytest

from eventwire import Coder
from eventwire.config import Settings
from eventwire.nlp.parsed import parse_articles
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.scale.workers import WorkerPool
from tests.robustness.test_long_article import PIECE_CHARS, long_text
from tests.robustness.test_long_streamed import line_of


def test_a_pool_leaves_long_articles_to_the_parent_and_keeps_the_order(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("eventwire.nlp.chunks.CHUNK_CHARS", PIECE_CHARS)
    monkeypatch.setattr("eventwire.pipeline.parse_articles", partial(parse_articles, max_chars=PIECE_CHARS))
    short = [
        Article(text=f"Kenya and Uganda signed trade agreement number {n}.", id=f"s{n}") for n in range(3)
    ]
    long = Article(text=long_text(2), id="long")
    with Coder(WorkerPool(Settings.load(), workers=1, factory=Pipeline.from_config)) as wire:
        coded = list(wire.code_streamed([short[0], long, short[1], long, short[2]]))
    assert [type(c) for c in coded] == [CodedArticle, CodedPieces, CodedArticle, CodedPieces, CodedArticle]
    assert [c.article.id for c in coded] == ["s0", "long", "s1", "long", "s2"]
    pieces = coded[1]
    assert isinstance(pieces, CodedPieces)
    whole = next(pipeline.run([long]))
    assert line_of(pieces)[0] == json.dumps(whole.to_contract_dict(), ensure_ascii=False) + "\n"
    expected = list(pipeline.run(short))
    assert [c.events for c in coded[::2]] == [e.events for e in expected]
