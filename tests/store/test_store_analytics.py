"""Analytics on a small store of written reports: filters, counts per period, actors, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from store_builders import CHN, GENEVA, IND, KENYA_POLICE, NAIROBI, RUS, USA, coded_article, meeting

from eventwire.errors import StoreError
from eventwire.records import Actor
from eventwire.store import EventStore
from eventwire.store.analytics import EventFilter, actor_timeline, counts, dyad_counts, events, top_actors
from eventwire.store.search import query_terms, search_sentences

PROTESTERS = Actor("protesters", None, "KEN", "CVL", "group")


@pytest.fixture(scope="module")
def filled() -> Iterator[EventStore]:
    """Two US-Russia meetings in March (one reported twice), one in May; a Russian accusation;
    India-China talks; Kenyan police arresting protesters in Nairobi."""
    with EventStore.open(":memory:") as store:  # the tests only read it: build it once
        store.add(
            meeting("m1", "American and Russian envoys met in Geneva on Monday.", "2024-03-11", "Wire One")
        )
        store.add(
            meeting("m2", "Envoys from Washington and Moscow met in Geneva.", "2024-03-12", "Daily Two")
        )
        store.add(
            meeting("m3", "The envoys met once more in Geneva, late in March.", "2024-03-28", "Wire One")
        )
        store.add(
            meeting(
                "m4", "In May the two envoys met in Vienna for new talks.", "2024-05-06", "Daily Two", None
            )
        )
        accusation = {"source": (RUS,), "target": (USA,), "date": "2024-03-20", "goldstein": -2.0, "quad": 3}
        store.add(
            coded_article(
                "c1", "Moscow accused Washington of stalling the talks.", events=(("ACCUSE", accusation),)
            )
        )
        talks = {"source": (IND,), "target": (CHN,), "date": "2024-04-02"}
        store.add(
            coded_article(
                "c2", "Indian and Chinese generals held border talks.", events=(("CONSULT", talks),)
            )
        )
        arrest = {"source": (KENYA_POLICE,), "target": (PROTESTERS,), "date": "2024-04-10", "place": NAIROBI,
                  "goldstein": -5.0, "quad": 4}  # fmt: skip
        store.add(
            coded_article("c3", "Kenyan police arrested protesters in Nairobi.", events=(("ARREST", arrest),))
        )
        yield store


def test_dyad_by_month_counts_events_not_reports(filled: EventStore) -> None:
    table = dyad_counts(filled, "USA", "RUS", by="month")
    assert table.to_dict("records") == [
        {"period": "2024-03", "events": 2, "mentions": 3, "mean_goldstein": 1.0},
        {"period": "2024-05", "events": 1, "mentions": 1, "mean_goldstein": 1.0},
    ]


def test_dyad_in_both_directions_includes_the_reverse(filled: EventStore) -> None:
    table = dyad_counts(filled, "usa", "rus", by="year", both_directions=True)
    assert table.to_dict("records") == [
        {"period": "2024", "events": 4, "mentions": 5, "mean_goldstein": 0.25}
    ]


@pytest.mark.parametrize(
    ("by", "periods"),
    [("day", ["2024-03-11", "2024-03-28", "2024-05-06"]), ("week", ["2024-W11", "2024-W13", "2024-W19"])],
)
def test_dyad_periods(filled: EventStore, by: str, periods: list[str]) -> None:
    assert list(dyad_counts(filled, "USA", "RUS", by=by)["period"]) == periods  # type: ignore[arg-type]


def test_unknown_period_is_an_error(filled: EventStore) -> None:
    with pytest.raises(StoreError, match="unknown period"):
        dyad_counts(filled, "USA", "RUS", by="fortnight")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected_ids"),
    [
        (EventFilter(actor="RUS"), [3, 2, 4, 1]),
        (EventFilter(actor="Russia"), [3, 2, 4, 1]),
        (EventFilter(country="KEN"), [6]),
        (EventFilter(dyad=("RUS", "USA")), [4]),
        (EventFilter(plover="consult", start=dt.date(2024, 4, 1)), [3, 5]),
        (EventFilter(end=dt.date(2024, 3, 15)), [1]),
        (EventFilter(place="nairobi"), [6]),
    ],
)
def test_event_filters(filled: EventStore, filters: EventFilter, expected_ids: list[int]) -> None:
    assert list(events(filled, filters)["event_id"]) == expected_ids


def test_counts_by_quad_class_and_type(filled: EventStore) -> None:
    by_quad = counts(filled, by="year", group="quad")
    assert by_quad[["quad", "events"]].to_dict("records") == [
        {"quad": "1", "events": 4},
        {"quad": "3", "events": 1},
        {"quad": "4", "events": 1},
    ]
    by_type = counts(filled, by="month", group="plover")
    assert by_type[by_type.period == "2024-04"][["plover", "events"]].to_dict("records") == [
        {"plover": "ARREST", "events": 1},
        {"plover": "CONSULT", "events": 1},
    ]


def test_top_actors_counts_each_event_once(filled: EventStore) -> None:
    table = top_actors(filled, n=2)
    assert table[["country", "events", "mentions"]].to_dict("records") == [
        {"country": "RUS", "events": 4, "mentions": 5},
        {"country": "USA", "events": 4, "mentions": 5},
    ]
    as_source = top_actors(filled, n=10, role="source")
    assert "CHN" not in set(as_source["country"])


def test_actor_timeline_separates_roles(filled: EventStore) -> None:
    table = actor_timeline(filled, "RUS", by="month")
    assert table[["period", "role", "plover", "events"]].to_dict("records") == [
        {"period": "2024-03", "role": "source", "plover": "ACCUSE", "events": 1},
        {"period": "2024-03", "role": "target", "plover": "CONSULT", "events": 2},
        {"period": "2024-05", "role": "target", "plover": "CONSULT", "events": 1},
    ]


def test_search_needs_every_word_and_shows_the_events(filled: EventStore) -> None:
    found = search_sentences(filled, "Geneva envoys met")
    assert list(found["article_id"]) == ["m1", "m2", "m3"]
    assert list(found.iloc[0]["events"]) == ["CONSULT"]
    assert search_sentences(filled, "Geneva protesters").empty
    assert search_sentences(filled, "  ,, ").empty


def test_rarer_words_rank_higher(store: EventStore) -> None:
    store.add(coded_article("s1", "Talks, talks and more talks in the capital."))
    store.add(coded_article("s2", "Border talks resumed in the capital."))
    store.add(coded_article("s3", "The capital was quiet."))
    assert list(search_sentences(store, "border capital")["article_id"]) == ["s2"]
    assert list(search_sentences(store, "talks")["article_id"]) == ["s1", "s2"]


@pytest.mark.parametrize(
    ("query", "terms"),
    [("Geneva talks", ["geneva", "talks"]), ("Zürich, Zürich!", ["zürich"]), ("U.S.-led", ["u", "s", "led"])],
)
def test_query_terms(query: str, terms: list[str]) -> None:
    assert query_terms(query) == terms


def test_geneva_is_where_the_march_meetings_were(filled: EventStore) -> None:
    table = events(filled, EventFilter(place=GENEVA.name, dyad=("USA", "RUS")))
    assert list(table["num_articles"]) == [1, 2]
