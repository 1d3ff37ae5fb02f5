"""The project's quote gold file: its shape, and floors the pipeline must stay above."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.quotes.score import QuoteScores, load_gold, score

GOLD = Path(__file__).parents[1] / "gold" / "quotes.jsonl"
BASELINE = Path(__file__).parents[1] / "gold" / "quotes_baseline.json"

# Every pattern the quote issue names must have passages in the gold file.
REQUIRED_PATTERNS = {
    "straight",
    "typographic",
    "guillemets",
    "multi-sentence",
    "multi-paragraph",
    "floating",
    "partial-in-indirect",
    "indirect",
    "pronoun",
    "according-to-person",
    "according-to-media",
    "reported-citing",
    "outer-reported",
    "document-source",
    "press-release",
    "quoted-as-saying",
    "unbalanced",
    "odd-marks",
    "no-marks",
    "no-quote",
}


def _raw() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def test_gold_file_is_big_enough_and_covers_every_pattern() -> None:
    rows = _raw()
    assert len(rows) >= 45
    seen = {p for row in rows for p in row["patterns"]}  # type: ignore[union-attr]
    missing = REQUIRED_PATTERNS - seen
    assert not missing, missing
    assert len({row["id"] for row in rows}) == len(rows)


def test_every_gold_quote_is_found_in_its_passage() -> None:
    passages = load_gold(GOLD)
    for passage in passages:
        for quote in passage.quotes:
            assert passage.text[quote.start : quote.end] == quote.text


@pytest.fixture(scope="module")
def scores(pipeline: Pipeline) -> QuoteScores:
    passages = load_gold(GOLD)
    return score(passages, pipeline.run(p.article() for p in passages))


@pytest.mark.parametrize("metric", ["span_f1", "speaker_accuracy", "reported_by_accuracy"])
def test_pipeline_stays_above_the_pinned_floor(scores: QuoteScores, metric: str) -> None:
    floors = json.loads(BASELINE.read_text("utf-8"))["floors"]
    measured = scores.to_dict()[metric]
    assert measured >= floors[metric], f"{metric} fell to {measured} (floor {floors[metric]})"
