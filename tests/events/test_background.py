"""Background adjuncts (issue 11, failure class 1), in our own words: an event noun in an
after/amid/despite/during/ahead-of phrase, a response-to phrase or an as-clause, with no actors
of its own, sets the scene and is coded as no event; and whom an attribution addresses is
no party to the event it reports."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

NO_EVENT = [
    "The ferry service between the islands resumed after two days of talks.",
    "Grain prices rose sharply amid reports of shelling near the port.",
    "The airport reopened on Friday despite protests.",
    "Schools stayed closed during a week of heavy fighting.",
    "Bond yields climbed in response to the arrest of the central bank governor.",
    "The currency weakened ahead of a summit on regional security.",
    "Fuel queues grew longer as fighting continued in the north.",
]

OWN_ACTORS = [
    # an adjunct that names who acted is an event of its own
    ("Markets slumped after Russia's attack on the port.", "ASSAULT"),
    ("Trading was halted following strikes by rebel drones on the refinery.", "ASSAULT"),
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_actorless_background_codes_no_event(pipeline: Pipeline, text: str) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events == [], [(e.plover, e.trigger.text) for e in events]


@pytest.mark.parametrize(("text", "plover"), OWN_ACTORS)
def test_background_with_its_own_actors_is_kept(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in {e.plover for e in pipeline.code_text(text).events}


@pytest.mark.parametrize(
    "text",
    [
        "Chad expelled two Sudanese diplomats, a government spokesman told reporters.",
        "Chad expelled two Sudanese diplomats in retaliation for the killing of a police officer.",
    ],
)
def test_attribution_and_response_phrases_do_not_change_the_target(pipeline: Pipeline, text: str) -> None:
    events = pipeline.code_text(text).events
    assert events and {a.country for a in events[0].target} == {"SDN"}, [
        (e.plover, [a.text for a in e.target]) for e in events
    ]
