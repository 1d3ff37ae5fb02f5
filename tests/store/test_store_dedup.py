"""The merge rule: which reports are one real-world event (articles written for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from store_builders import CHN, GENEVA, IND, LAUSANNE, MOMBASA, NAIROBI, RUS, USA, coded_article, meeting

from eventwire.config import Settings
from eventwire.records import Actor, CodedArticle, Location
from eventwire.store import EventStore, MergeRule
from eventwire.store.dedup import day_range, distance_km

THREE_REPORTS = (
    ("r1", "The American and Russian envoys met in Geneva on Tuesday.", "2024-03-12", "Wire One"),
    ("r2", "Diplomats from Washington and Moscow held a meeting in Geneva.", "2024-03-13", "Daily Two"),
    ("r3", "Envoys met behind closed doors in Geneva, a spokesman said.", "2024-03-12", "Radio Three"),
)


def _events(store: EventStore) -> list[tuple[int, int, int, int]]:
    return store.con.execute(
        "SELECT event_id, num_mentions, num_sources, num_articles FROM events ORDER BY event_id"
    ).fetchall()


def test_three_reports_of_one_meeting_are_one_event(store: EventStore) -> None:
    for article_id, text, date, publisher in THREE_REPORTS:
        store.add(meeting(article_id, text, date, publisher))
    assert _events(store) == [(1, 3, 3, 3)]
    linked = store.con.execute(
        "SELECT article_id, sentence FROM event_mentions ORDER BY article_id"
    ).fetchall()
    assert linked == [("r1", 0), ("r2", 0), ("r3", 0)]


def test_same_pair_a_month_apart_stays_two_events(store: EventStore) -> None:
    store.add(meeting("m1", "The envoys met in Geneva in March.", "2024-03-12", "Wire One"))
    store.add(meeting("m2", "The envoys met again in Geneva in April.", "2024-04-12", "Wire One"))
    assert _events(store) == [(1, 1, 1, 1), (2, 1, 1, 1)]


def test_first_and_last_seen_span_the_reports(store: EventStore) -> None:
    for article_id, text, date, publisher in THREE_REPORTS:
        store.add(meeting(article_id, text, date, publisher))
    seen = store.con.execute("SELECT first_seen, last_seen FROM events").fetchall()
    assert seen == [(dt.date(2024, 3, 12), dt.date(2024, 3, 13))]


def test_one_publisher_twice_is_one_source(store: EventStore) -> None:
    store.add(meeting("p1", "Envoys met in Geneva on Tuesday morning.", "2024-03-12", "Wire One"))
    store.add(meeting("p2", "An update: the envoys met in Geneva for six hours.", "2024-03-12", "wire one"))
    assert _events(store) == [(1, 2, 1, 2)]


@pytest.mark.parametrize(
    ("second_place", "merged"),
    [
        (GENEVA, True),
        (LAUSANNE, True),  # about 50 km away: within the default 100 km
        (None, True),  # a report without a place does not contradict one with a place
        (NAIROBI, False),  # another country
        (Location("Zurich", "CHE", 47.3769, 8.5417), False),  # same country, 220 km away
    ],
)
def test_places_must_be_compatible(store: EventStore, second_place: Location | None, merged: bool) -> None:
    store.add(meeting("g1", "Envoys met in Geneva on Tuesday.", "2024-03-12", "Wire One"))
    store.add(
        meeting("g2", "Envoys met on Tuesday, officials said.", "2024-03-12", "Daily Two", second_place)
    )
    assert len(_events(store)) == (1 if merged else 2)


def test_different_type_or_dyad_or_polarity_are_different_events(store: EventStore) -> None:
    text = "India and China held talks and traded accusations."
    variants: tuple[tuple[str, dict[str, Any]], ...] = (
        ("ACCUSE", {"source": (IND,), "target": (CHN,)}),
        ("ACCUSE", {"source": (CHN,), "target": (IND,)}),  # accusing has a direction
        ("CONSULT", {"source": (IND,), "target": (CHN,)}),
        ("ACCUSE", {"source": (IND,), "target": (CHN,), "negated": True}),
    )
    for number, variant in enumerate(variants):
        store.add(coded_article(f"t{number}", text + " " * number, date="2024-05-01", events=(variant,)))
    assert len(_events(store)) == 4


KISHIDA = Actor("Prime Minister Fumio Kishida", "Fumio Kishida", "JPN", "GOV", "person")
YOON = Actor("President Yoon Suk Yeol", "Yoon Suk Yeol", "KOR", "GOV", "person")
HAN = Actor("Prime Minister Han Duck-soo", "Han Duck-soo", "KOR", "GOV", "person")


def _summit(article_id: str, source: Actor, target: Actor) -> CodedArticle:
    text = f"{source.text} met {target.text} in Jakarta on Tuesday ({article_id})."
    sides = {"source": (source,), "target": (target,), "date": "2023-09-05"}
    coded: CodedArticle = coded_article(
        article_id, text, date="2023-09-05", publisher=article_id, events=(("CONSULT", sides),)
    )
    return coded


def test_a_meeting_told_from_either_side_is_one_event(store: EventStore) -> None:
    store.add(_summit("k1", KISHIDA, YOON))
    store.add(_summit("k2", YOON, KISHIDA))
    store.add(_summit("k3", KISHIDA, YOON))
    assert _events(store) == [(1, 3, 3, 3)]
    names = store.con.execute("SELECT source_names, target_names FROM events").fetchall()
    assert names == [(["Fumio Kishida"], ["Yoon Suk Yeol"])]  # the swapped report kept its sides apart


def test_a_reversed_meeting_with_another_person_is_another_event(store: EventStore) -> None:
    store.add(_summit("k1", KISHIDA, YOON))
    store.add(_summit("k2", HAN, KISHIDA))
    assert len(_events(store)) == 2


def test_symmetric_types_are_configurable() -> None:
    with EventStore.open(":memory:", rule=MergeRule(symmetric_types=frozenset())) as store:
        store.add(_summit("k1", KISHIDA, YOON))
        store.add(_summit("k2", YOON, KISHIDA))
        assert len(_events(store)) == 2


def test_different_named_actors_of_one_country_are_different_events(store: EventStore) -> None:
    minister = Actor("the foreign minister", "Ana Ortiz", "USA", "GOV", "person")
    general = Actor("the general", "Bo Lindqvist", "USA", "MIL", "person")
    for article_id, speaker in (("n1", minister), ("n2", general)):
        text = f"{speaker.name} met Russian officials in Geneva."
        events = (
            ("CONSULT", {"source": (speaker,), "target": (RUS,), "date": "2024-03-12", "place": GENEVA}),
        )
        store.add(coded_article(article_id, text, date="2024-03-12", events=events))
    assert len(_events(store)) == 2


def test_undated_reports_merge_only_within_their_article(store: EventStore) -> None:
    text = "Kenyan police met the protest leaders. The police met them again."
    events = (("CONSULT", {"source": (USA,), "target": (RUS,), "sentence": 0}),) * 2
    store.add(coded_article("u1", text, publisher="A", events=events))
    store.add(coded_article("u2", text + " Later.", publisher="B", events=events))
    assert _events(store) == [(1, 2, 1, 1), (2, 2, 1, 1)]


def test_events_without_any_actor_merge_only_within_their_article(store: EventStore) -> None:
    nobody = {"source": (), "target": (), "date": "2024-03-12", "place": GENEVA}
    for article_id in ("x1", "x2"):
        text = f"Talks were held in Geneva ({article_id}). Talks were held again."
        store.add(coded_article(article_id, text, date="2024-03-12", events=(("CONSULT", nobody),) * 2))
    assert _events(store) == [(1, 2, 1, 1), (2, 2, 1, 1)]


def test_window_is_configurable() -> None:
    settings = Settings.load().replace(dedup_window_days=40)
    with EventStore.open(":memory:", settings=settings) as store:
        store.add(meeting("w1", "The envoys met in Geneva in March.", "2024-03-12", "Wire One"))
        store.add(meeting("w2", "The envoys met again in Geneva in April.", "2024-04-12", "Wire One"))
        assert len(_events(store)) == 1


def test_disabled_rule_keeps_every_mention_apart() -> None:
    with EventStore.open(":memory:", rule=MergeRule(enabled=False)) as store:
        for article_id, text, date, publisher in THREE_REPORTS:
            store.add(meeting(article_id, text, date, publisher))
        assert len(_events(store)) == 3


def test_month_precise_report_merges_with_a_day_in_that_month(store: EventStore) -> None:
    store.add(meeting("d1", "The envoys met in Geneva on March 12.", "2024-03-12", "Wire One"))
    month = coded_article(
        "d2",
        "The envoys met in Geneva in March, a later report said.",
        date="2024-04-20",
        events=(("CONSULT", {"source": (USA,), "target": (RUS,), "date": "2024-03", "precision": "month"}),),
    )
    store.add(month)
    assert _events(store) == [(1, 2, 2, 2)]


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2024-03-12", "day", (dt.date(2024, 3, 12), dt.date(2024, 3, 12))),
        ("2024-02", "month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2024-02-01", "month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2023", "year", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("not a date", "day", None),
        (None, None, None),
    ],
)
def test_day_range(date: str | None, precision: str | None, expected: object) -> None:
    assert day_range(date, precision) == expected


def test_distance_between_two_kenyan_cities() -> None:
    assert 430 < distance_km(NAIROBI, MOMBASA) < 460
