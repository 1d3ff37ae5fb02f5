"""The quote scorer: gold loading, span matching, speaker and chain comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.quotes.score import (
    GoldPassage,
    GoldQuote,
    GoldSpeaker,
    QuoteScores,
    load_gold,
    match_quotes,
    overlap,
    score_passage,
    speaker_matches,
)
from eventwire.records import Actor, Quote


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_load_gold_locates_quotes_by_occurrence(tmp_path: Path) -> None:
    text = '"No," she said. Later: "No," he said.'
    path = _write(tmp_path, [{"id": "a", "text": text, "quotes": [{"text": "No"}, {"text": "No", "at": 1}]}])
    [passage] = load_gold(path)
    assert [(q.start, q.end) for q in passage.quotes] == [(1, 3), (24, 26)]
    assert passage.quotes[0].direct and passage.quotes[0].speaker is None


def test_load_gold_rejects_a_quote_missing_from_its_passage(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"id": "a", "text": "Nothing quoted.", "quotes": [{"text": "absent"}]}])
    with pytest.raises(InputError, match="absent"):
        load_gold(path)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 10), (0, 10), 1.0), ((0, 10), (5, 15), 0.5), ((0, 10), (20, 30), 0.0), ((0, 4), (0, 12), 0.5)],
)
def test_overlap_is_dice(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert overlap(*a, *b) == pytest.approx(expected)


OKAFOR = Actor(text="Foreign Minister Maria Okafor", country="NGA")


@pytest.mark.parametrize(
    ("gold", "actor", "ok"),
    [
        (GoldSpeaker("Maria Okafor"), OKAFOR, True),
        (GoldSpeaker("Okafor", "NGA"), OKAFOR, True),
        (GoldSpeaker("Okafor", "GHA"), OKAFOR, False),
        (GoldSpeaker("Okafor"), Actor(text="she", name="Maria Okafor"), True),
        (GoldSpeaker("Okafor"), Actor(text="the minister"), False),
        (GoldSpeaker("Okafor"), None, False),
        (None, None, True),
        (None, OKAFOR, False),
    ],
)
def test_speaker_matches(gold: GoldSpeaker | None, actor: Actor | None, ok: bool) -> None:
    assert speaker_matches(gold, actor) is ok


def test_matching_is_one_to_one_and_respects_directness() -> None:
    gold = [GoldQuote("a", 0, 10, None, True), GoldQuote("b", 0, 30, None, False)]
    predicted = [
        Quote("x", 0, 10, direct=True),
        Quote("y", 1, 10, direct=True),
        Quote("z", 0, 28, direct=False),
    ]
    pairs = match_quotes(gold, predicted)
    assert [(g.text, p.text) for g, p in pairs] == [("a", "x"), ("b", "z")]  # best overlap first


def test_scores_add_up_and_give_f1() -> None:
    gold = (GoldQuote("a", 0, 10, GoldSpeaker("Okafor"), True, ("Reuters",)),)
    passage = GoldPassage("p", "x" * 40, gold)
    right = Quote("a", 0, 10, speaker=OKAFOR, reported_by=(Actor(text="Reuters"),))
    wrong = Quote("b", 20, 30, speaker=None)
    scores = score_passage(passage, [right, wrong]) + QuoteScores(gold=1)
    assert (scores.gold, scores.predicted, scores.matched) == (2, 2, 1)
    assert scores.precision == 0.5 and scores.recall == 0.5 and scores.f1 == 0.5
    assert scores.speaker_accuracy == 1.0 and scores.reported_by_accuracy == 1.0
