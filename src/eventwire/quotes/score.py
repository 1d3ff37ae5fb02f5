"""Scoring quotations against a gold file: span overlap P/R/F1 and speaker accuracy.

Gold file: one JSON passage a line,

    {"id": "q01", "text": "...", "quotes": [
        {"text": "quoted words", "at": 0, "speaker": {"name": "Okafor", "country": "NGA"} | null,
         "direct": true, "reported_by": ["Reuters"]}]}

``text`` is located in the passage (its ``at``-th occurrence, 0 by default), so gold files
need no hand-counted offsets. A predicted quote matches a gold quote of the same
directness when their character spans overlap with a Dice coefficient of at least
``MIN_OVERLAP``; matching is one-to-one, best overlap first. Speakers are compared by
words because the actor stage may or may not know a speaker's canonical name: every
word of the gold name must appear in the actor's name or surface text, and a gold
country must equal the actor's country when the actor has one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.records import Actor, Article, CodedArticle, Quote

MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class GoldSpeaker:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    text: str
    start: int
    end: int
    speaker: GoldSpeaker | None
    direct: bool
    reported_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    def article(self) -> Article:
        return Article(text=self.text, id=self.id)


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Counts behind the scores, so that scores from several files can be added up."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    reported_by_correct: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes whose speaker is right (a missing quote counts against recall)."""
        return self.speaker_correct / self.matched if self.matched else 0.0

    @property
    def reported_by_accuracy(self) -> float:
        return self.reported_by_correct / self.matched if self.matched else 0.0

    def __add__(self, other: QuoteScores) -> QuoteScores:
        return QuoteScores(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
            self.speaker_correct + other.speaker_correct,
            self.reported_by_correct + other.reported_by_correct,
        )

    def to_dict(self) -> dict[str, float]:
        return {
            "span_precision": round(self.precision, 4),
            "span_recall": round(self.recall, 4),
            "span_f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "reported_by_accuracy": round(self.reported_by_accuracy, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }


def _locate(passage: str, text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = passage.find(text, start + 1)
        if start < 0:
            raise InputError(f"gold quote {text!r} is not in its passage (occurrence {occurrence})")
    return start


def _gold_quote(passage: str, raw: dict[str, Any]) -> GoldQuote:
    start = _locate(passage, raw["text"], int(raw.get("at", 0)))
    speaker = raw.get("speaker")
    return GoldQuote(
        text=raw["text"],
        start=start,
        end=start + len(raw["text"]),
        speaker=GoldSpeaker(speaker["name"], speaker.get("country")) if speaker else None,
        direct=bool(raw.get("direct", True)),
        reported_by=tuple(raw.get("reported_by", ())),
    )


def load_gold(path: str | Path) -> list[GoldPassage]:
    """Read a quote gold file; a quote whose text is not in its passage is an error."""
    passages = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            quotes = tuple(_gold_quote(raw["text"], q) for q in raw.get("quotes", ()))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: bad gold passage: {exc}") from exc
        passages.append(GoldPassage(str(raw.get("id", number)), raw["text"], quotes))
    return passages


def _words(text: str | None) -> set[str]:
    return set((text or "").lower().replace(",", " ").split())


def names_match(gold_name: str, actor: Actor | None) -> bool:
    """Every word of the gold name appears in the actor's canonical name or surface text."""
    if actor is None:
        return False
    return _words(gold_name) <= _words(actor.name) | _words(actor.text)


def speaker_matches(gold: GoldSpeaker | None, actor: Actor | None) -> bool:
    if gold is None:
        return actor is None
    if not names_match(gold.name, actor):
        return False
    return gold.country is None or actor is None or actor.country is None or actor.country == gold.country


def chain_matches(gold: Sequence[str], predicted: Sequence[Actor]) -> bool:
    return len(gold) == len(predicted) and all(
        names_match(g, a) for g, a in zip(gold, predicted, strict=True)
    )


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Dice coefficient of two character spans."""
    shared = max(0, min(a_end, b_end) - max(a_start, b_start))
    return 2 * shared / ((a_end - a_start) + (b_end - b_start) or 1)


def match_quotes(gold: Sequence[GoldQuote], predicted: Sequence[Quote]) -> list[tuple[GoldQuote, Quote]]:
    """One-to-one pairs of the same directness, best overlap first."""
    candidates = sorted(
        (
            (overlap(g.start, g.end, p.start, p.end), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if g.direct == p.direct
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for score, gi, pi in candidates:
        if score < MIN_OVERLAP or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def score_passage(passage: GoldPassage, predicted: Sequence[Quote]) -> QuoteScores:
    pairs = match_quotes(passage.quotes, predicted)
    return QuoteScores(
        gold=len(passage.quotes),
        predicted=len(predicted),
        matched=len(pairs),
        speaker_correct=sum(speaker_matches(g.speaker, p.speaker) for g, p in pairs),
        reported_by_correct=sum(chain_matches(g.reported_by, p.reported_by) for g, p in pairs),
    )


def score(passages: Iterable[GoldPassage], coded: Iterable[CodedArticle]) -> QuoteScores:
    """Scores of coded articles against the gold passages they were coded from (same order)."""
    total = QuoteScores()
    for passage, article in zip(passages, coded, strict=True):
        total = total + score_passage(passage, article.quotes)
    return total
