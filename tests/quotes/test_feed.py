"""Quotes feed events: first-person or missing sources become the speaker; reported_by is filled."""

from __future__ import annotations

import pytest

from eventwire.quotes.feed import feed_events, from_quote, innermost_quote, same_actor
from eventwire.records import Actor, Event, Quote, Span
from tests.conftest import shared_knowledge

RAO = Actor(text="Anil Rao", name="Anil Rao", country="IND", sector="GOV", kind="person")
INDIA = Actor(text="India", country="IND", kind="state")
NEPAL = Actor(text="Nepal", country="NPL", kind="state")
WE = Actor(text="We")
PTI = Actor(text="PTI", name="Press Trust of India", country="IND", sector="MED")


def _event(start: int, source: tuple[Actor, ...] = (), sentence: int = 0) -> Event:
    return Event(
        plover="AID", cameo="070", sentence=sentence, trigger=Span("send", start, start + 4), source=source
    )


QUOTE = Quote("We will send aid to Nepal", 10, 35, speaker=RAO, cue="said", reported_by=(PTI,), sentence=0)

CASES = [
    # (event source, expected source, expected reported_by)
    ((WE,), (RAO,), (PTI,)),
    ((), (RAO,), (PTI,)),
    ((INDIA,), (INDIA,), (PTI, RAO)),
    ((WE, INDIA), (RAO, INDIA), (PTI,)),
    ((RAO,), (RAO,), (PTI,)),
    ((PTI,), (RAO,), (PTI,)),  # the outlet that relayed the words did not act
]


@pytest.mark.parametrize(("source", "expected_source", "expected_chain"), CASES)
def test_event_inside_quote(
    source: tuple[Actor, ...], expected_source: tuple[Actor, ...], expected_chain: tuple[Actor, ...]
) -> None:
    event = from_quote(_event(18, source), QUOTE, shared_knowledge().quote_cues)
    assert event.source == expected_source
    assert event.reported_by == expected_chain


def test_quote_without_speaker_only_passes_its_reporters() -> None:
    quote = Quote("x", 0, 50, speaker=None, reported_by=(PTI,))
    event = from_quote(_event(5, (NEPAL,)), quote, shared_knowledge().quote_cues)
    assert event.source == (NEPAL,) and event.reported_by == (PTI,)


def test_feed_uses_sentence_reporters_outside_quotes_and_leaves_the_rest() -> None:
    inside, outside, untouched = (
        _event(18, (WE,)),
        _event(60, (INDIA,), sentence=1),
        _event(90, (NEPAL,), sentence=2),
    )
    fed = feed_events([inside, outside, untouched], [QUOTE], {1: (PTI,)}, shared_knowledge().quote_cues)
    assert fed[0].source == (RAO,)
    assert fed[1].source == (INDIA,) and fed[1].reported_by == (PTI,)
    assert fed[2] == untouched


def test_innermost_quote_is_the_shortest_holding_the_trigger() -> None:
    outer = Quote("outer", 0, 100)
    inner = Quote("inner", 10, 30)
    assert innermost_quote(_event(12), [outer, inner]) is inner
    assert innermost_quote(_event(50), [outer, inner]) is outer
    assert innermost_quote(_event(200), [outer, inner]) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (RAO, Actor(text="Rao", name="Anil Rao", country="IND", sector="GOV", kind="person"), True),
        (Actor(text="the envoy"), Actor(text="The Envoy"), True),
        (Actor(text="the envoy"), Actor(text="the mayor"), False),
        (RAO, INDIA, False),
    ],
)
def test_same_actor(a: Actor, b: Actor, same: bool) -> None:
    assert same_actor(a, b) is same
