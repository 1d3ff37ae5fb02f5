"""Actor phrase scoring: the carrier sentence, which mention is read back, and the accuracies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.actor_phrases import (
    ActorCase,
    carrier_article,
    phrase_actor,
    read_actor_gold,
    score_actor_cases,
)
from eventwire.records import Actor, Article, CodedArticle, Mention

POLICE = Actor(text="police", country="KEN", sector="COP", kind="group")
EMBASSY = Actor(text="the Turkish embassy", country="TUR", sector="GOV", kind="organization")


def mention(text: str, start: int, actor: Actor | None) -> Mention:
    return Mention(text, start, start + len(text), 0, 0, 1, "nominal", actor)


def test_carrier_capitalises_the_phrase_and_carries_the_date() -> None:
    case = ActorCase("a1", "the Sejm", dt.date(2023, 11, 13), "POL", "LEG")
    article = carrier_article(case)
    assert article.text == "The Sejm said on Tuesday."
    assert (article.id, article.date) == ("a1", dt.date(2023, 11, 13))


def test_the_mention_that_begins_the_phrase_is_read_not_a_later_owner() -> None:
    text = "Police outside the Turkish embassy said on Tuesday."
    coded = CodedArticle(
        article=Article(text=text, id="a"),
        mentions=(mention("the Turkish embassy", 15, EMBASSY), mention("Police", 0, POLICE),
                  mention("Tuesday", 43, None)),
    )  # fmt: skip
    assert phrase_actor(coded, len("Police outside the Turkish embassy")) == (True, POLICE)


def test_longest_mention_wins_when_two_start_together() -> None:
    whole = Actor(text="Kenyan police", country="KEN", sector="COP")
    coded = CodedArticle(
        article=Article(text="Kenyan police said on Tuesday.", id="a"),
        mentions=(
            mention("Kenyan", 0, Actor(text="Kenyan", country="KEN")),
            mention("Kenyan police", 0, whole),
        ),
    )
    assert phrase_actor(coded, 13) == (True, whole)


def test_accuracies_count_missing_actors_as_wrong() -> None:
    cases = [
        ActorCase("a", "Kenyan police", None, "KEN", "COP", "group", group="police"),
        ActorCase("b", "the Storting", None, "NOR", "LEG", name="Storting", group="parliaments"),
        ActorCase("c", "the DEA", None, "USA", "COP", group="police"),
    ]
    coded = {
        "a": CodedArticle(article=Article(text="x", id="a"), mentions=(mention("Kenyan police", 0, POLICE),)),
        "b": CodedArticle(
            article=Article(text="x", id="b"),
            mentions=(mention("The Storting", 0, Actor(text="Storting", name="storting", country="NOR")),),
        ),
        "c": CodedArticle(article=Article(text="x", id="c")),
    }
    evaluation = score_actor_cases(cases, coded)
    figures = evaluation.figures()
    assert figures["mentioned"] == round(2 / 3, 3)
    assert figures["country_accuracy"] == round(2 / 3, 3)
    assert figures["sector_accuracy"] == round(1 / 3, 3)
    assert figures["name_accuracy"] == 1.0  # only phrases with an expected name; case is ignored
    assert evaluation.per_class()["police"] == {"phrases": 2, "country": 0.5, "sector": 0.5}


def test_reads_actor_gold_and_names_a_bad_line(tmp_path: Path) -> None:
    row = {"id": "x1", "phrase": "Peru's mining minister Ana Quispe", "date": "2023-04-12",
           "expected": {"country": "PER", "sector": "GOV", "kind": "person", "name": "Ana Quispe"},
           "class": "unknown names"}  # fmt: skip
    path = tmp_path / "actors.jsonl"
    path.write_text(json.dumps(row) + "\n", "utf-8")
    case = read_actor_gold(path)[0]
    assert (case.country, case.sector, case.date) == ("PER", "GOV", dt.date(2023, 4, 12))
    assert case.group == "unknown names"
    path.write_text(json.dumps(row) + "\n" + json.dumps({"id": "x2", "phrase": "NATO"}) + "\n", "utf-8")
    with pytest.raises(InputError, match="line 2: actor record needs 'expected'"):
        read_actor_gold(path)
