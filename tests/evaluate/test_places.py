"""Place scoring: pairing by type and sentence order, the shares, and the gold format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.places import (
    GoldPlace,
    PlaceClaim,
    PlaceRecord,
    pair_events,
    pair_leftovers,
    read_place_gold,
    score_places,
)
from eventwire.records import Article, CodedArticle, Event, Location, Span

QUITO = GoldPlace("Quito", "ECU", -0.22, -78.51, "town")
GUAYAQUIL = GoldPlace("Guayaquil", "ECU", -2.19, -79.89, "town")


def event(plover: str, sentence: int, start: int, where: Location | None, negated: bool = False) -> Event:
    trigger = Span("x", start, start + 1)
    return Event(plover=plover, cameo="", sentence=sentence, trigger=trigger, location=where, negated=negated)


def coded(record_id: str, *events: Event) -> CodedArticle:
    return CodedArticle(article=Article(text="t", id=record_id), events=events)


def test_pairs_by_type_then_sentence_order() -> None:
    claims = [PlaceClaim("PROTEST", QUITO), PlaceClaim("COERCE", QUITO), PlaceClaim("PROTEST", GUAYAQUIL)]
    late, early = event("PROTEST", 2, 0, None), event("PROTEST", 0, 5, None)
    arrest = event("COERCE", 1, 0, None)
    assert pair_events(claims, [late, arrest, early]) == [early, arrest, late]


def test_negated_and_surplus_events_are_not_paired() -> None:
    claims = [PlaceClaim("ASSAULT", QUITO), PlaceClaim("ASSAULT", GUAYAQUIL)]
    denied = event("ASSAULT", 0, 0, None, negated=True)
    real = event("ASSAULT", 1, 0, None)
    assert pair_events(claims, [denied, real]) == [real, None]


def test_leftover_events_of_another_type_pair_by_place_only() -> None:
    claims = [PlaceClaim("PROTEST", QUITO), PlaceClaim("ASSAULT", GUAYAQUIL), PlaceClaim("AID", QUITO)]
    dispersal = event("COERCE", 0, 3, None)
    attack = event("ASSAULT", 1, 0, None)
    paired = pair_events(claims, [attack, dispersal])
    assert paired == [None, attack, None]
    assert pair_leftovers(paired, [attack, dispersal]) == [dispersal, None, None]


def test_any_type_figures_sit_beside_the_typed_ones() -> None:
    quito = Location("Quito", "ECU", -0.22, -78.5)
    gold = [PlaceRecord("a", "t", (PlaceClaim("PROTEST", QUITO), PlaceClaim("AID", GUAYAQUIL)))]
    system = {"a": coded("a", event("COERCE", 0, 0, quito))}  # the protest coded as its dispersal
    figures = score_places(gold, system).figures()
    assert figures["country_accuracy"] == 0.0 and figures["within_50km"] == 0.0
    assert figures["country_any_type"] == 0.5 and figures["within_50km_any_type"] == 0.5


def test_shares_are_over_all_gold_events() -> None:
    near_quito = Location("Quito", "ECU", -0.25, -78.55)
    wrong_country = Location("Guayaquil", "USA", 40.0, -100.0)
    gold = [
        PlaceRecord("a", "t", (PlaceClaim("PROTEST", QUITO), PlaceClaim("COERCE", GUAYAQUIL))),
        PlaceRecord("b", "t", (PlaceClaim("ASSAULT", GUAYAQUIL),)),
        PlaceRecord("c", "t", (PlaceClaim("AID", QUITO),)),
    ]
    system = {
        "a": coded("a", event("PROTEST", 0, 0, near_quito), event("COERCE", 0, 9, wrong_country)),
        "b": coded("b", event("ASSAULT", 0, 0, Location("Ecuador", "ECU"))),  # no coordinates
    }
    figures = score_places(gold, system).figures()
    assert figures["paired"] == 0.75
    assert figures["located"] == 0.5
    assert figures["country_accuracy"] == 0.5  # Quito right, the coordinate-less Ecuador too
    assert figures["within_50km"] == 0.25
    assert figures["country_of_paired"] == round(2 / 3, 3)
    assert figures["median_km"] > 1000  # median of ~6 km and several thousand km


def test_reads_place_gold_and_rejects_a_bad_precision(tmp_path: Path) -> None:
    place = {"name": "Quito", "country": "ECU", "lat": -0.22, "lon": -78.51, "precision": "town"}
    good = {"id": "p1", "text": "Police in Quito arrested two men.", "events": [
        {"plover": "COERCE", "source": ["ECU"], "target": [], "place": place}]}  # fmt: skip
    bad = json.loads(json.dumps(good))
    bad["id"], bad["events"][0]["place"]["precision"] = "p2", "street"
    path = tmp_path / "places.jsonl"
    path.write_text(json.dumps(good) + "\n", "utf-8")
    assert read_place_gold(path)[0].events[0].place == QUITO
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", "utf-8")
    with pytest.raises(InputError, match="line 2: place precision"):
        read_place_gold(path)
