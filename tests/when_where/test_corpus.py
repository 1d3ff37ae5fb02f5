"""Accuracy of event dates and places on the project's own corpus, against pinned floors.

The corpus (corpus/cases.yaml and corpus/heldout.yaml) holds sentences written for eventwire,
with a trigger each; the test builds the event by hand (the event coder is tested elsewhere),
runs the when-where stage and counts exact matches: (date, precision) for dates, (name, country) for places.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language

from eventwire.geo.names import fold
from eventwire.metadata.stage import MetadataStage
from eventwire.nlp.parsed import parse_articles
from eventwire.records import Article, Event, Span
from eventwire.when_where.stage import WhenWhereStage
from tests.conftest import shared_knowledge

CORPUS = Path(__file__).parent / "corpus"
FLOOR = 0.90


def load_cases() -> list[dict[str, Any]]:
    """The development cases and the held-out ones (written later, scored before tuning)."""
    cases: list[dict[str, Any]] = []
    for name in ("cases.yaml", "heldout.yaml"):
        cases += yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))["cases"]
    return cases


def code_case(nlp: Language, case: dict[str, Any]) -> Event:
    published = case["published"]
    article = Article(text=case["text"], date=published if isinstance(published, dt.date) else None)
    parsed = MetadataStage()(next(parse_articles(nlp, [article])))
    found = re.search(rf"\b{re.escape(case['trigger'])}\b", case["text"])
    assert found is not None, f"trigger {case['trigger']!r} not in {case['text']!r}"
    token = next(t for t in parsed.doc if t.idx == found.start())
    event = Event(
        plover=case.get("plover", "CONSULT"),
        cameo="0",
        sentence=parsed.sentence_index(token),
        trigger=Span(found.group(0), found.start(), found.end()),
        modality=case.get("modality", "asserted"),
    )
    return WhenWhereStage(shared_knowledge())(parsed.with_(events=(event,))).events[0]


def place_matches(event: Event, expected: list[str | None] | None) -> bool:
    if expected is None:
        return event.location is None
    if event.location is None:
        return False
    name, country = expected
    return fold(event.location.name) == fold(str(name)) and event.location.country == country


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[tuple[dict[str, Any], Event]]:
    return [(case, code_case(nlp, case)) for case in load_cases()]


def test_corpus_is_large_enough() -> None:
    assert len(load_cases()) >= 45


def test_baseline_floors_are_not_lowered() -> None:
    baseline = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["dates"] >= FLOOR and baseline["places"] >= FLOOR


def test_date_accuracy(results: list[tuple[dict[str, Any], Event]]) -> None:
    misses = [
        (case["text"], (event.date, event.date_precision), (case["date"], case["precision"]))
        for case, event in results
        if (event.date, event.date_precision) != (case["date"], case["precision"])
    ]
    accuracy = 1 - len(misses) / len(results)
    floor = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["dates"]
    assert accuracy >= floor, f"date accuracy {accuracy:.3f} < {floor}; misses: {misses}"


def test_place_accuracy(results: list[tuple[dict[str, Any], Event]]) -> None:
    misses = [
        (case["text"], event.location, case["place"])
        for case, event in results
        if not place_matches(event, case["place"])
    ]
    accuracy = 1 - len(misses) / len(results)
    floor = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["places"]
    assert accuracy >= floor, f"place accuracy {accuracy:.3f} < {floor}; misses: {misses}"
