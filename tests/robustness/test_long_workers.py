"""With worker processes, a very long article is coded in the parent, streamed piece by piece
(a worker would hold all its records and send them back at once), in its place in the order;
the Dask runner writes it piece by piece too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from eventwire import Coder
from eventwire.config import Settings
from eventwire.contract_line import write_pieced_line
from eventwire.nlp.parsed import parse_articles
from eventwire.nlp.pieces import CodedPieces
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.scale.dask_runner import code_corpus
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
    assert [c.events for c in coded[::2] if isinstance(c, CodedArticle)] == [e.events for e in expected]


def test_the_dask_runner_writes_a_long_article_piece_by_piece_as_the_merged_one(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("eventwire.pipeline.parse_articles", partial(parse_articles, max_chars=PIECE_CHARS))
    spied: list[str] = []

    def spy(coded: CodedPieces, write: Callable[[str], object]) -> bool:
        spied.append(coded.article.id)
        return write_pieced_line(coded, write)

    monkeypatch.setattr("eventwire.scale.dask_runner.write_pieced_line", spy)
    long = Article(text=long_text(2), id="long", date=dt.date(2024, 3, 6), language="en")  # as read
    records = [
        {"id": "short", "text": "Chile recalled its envoy."},
        {"id": "long", "text": long.text, "date": "2024-03-06"},
    ]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = code_corpus([str(corpus)], tmp_path / "out", Settings.load(), 10, scheduler="synchronous")
    assert (run.articles, run.failed, spied) == (2, 0, ["long"])
    lines = (tmp_path / "out" / "jsonl" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    whole = next(pipeline.run([long]))
    assert lines[1] == json.dumps(whole.to_contract_dict(), ensure_ascii=False)
    table = pd.read_parquet(tmp_path / "out" / "events")
    rows = table[table["article_id"] == "long"].sort_values("event")
    assert list(zip(rows["event"], rows["plover"], rows["trigger"], strict=True)) == [
        (number, e.plover, e.trigger.text) for number, e in enumerate(whole.events)
    ]
