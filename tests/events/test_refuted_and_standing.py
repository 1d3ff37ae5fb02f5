"""Refuted reports, missing evidence, statements and standing states code no event (issue
11, failure class 3). Sentences written for these tests: each false alarm class beside the
plain sentence that must still be coded."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

NO_CLAIM = [
    # a report the actor refutes, and evidence that is absent
    "The navy denied reports that it had fired on a fishing boat off Palawan.",
    "The police chief denied allegations that officers had beaten the detainees.",
    "The border was calm on Sunday, with no reports of shelling.",
    # a demand verb used to state something
    "Kampala has not deported any Congolese traders, the interior ministry insisted.",
    # a state that has lasted, told in the background
    "The peacekeepers have been stationed in the buffer zone since 1974.",
    "Fuel prices in Kenya went up in March.",
    "The parliament reconvenes in March.",
]

CLAIMED = [
    ("The navy fired on a fishing boat off Palawan.", "ASSAULT"),
    ("The army did not deny reports that it had fired on a fishing boat off Palawan.", "ASSAULT"),
    ("Kampala insisted that Kinshasa hand over the suspects.", "REQUEST"),
    ("Police have detained 60 protesters since Friday.", "COERCE"),
    ("Thousands of teachers marched in Santiago in November.", "PROTEST"),
]


def _claims(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.plover, e.trigger.text) for e in pipeline.code_text(text).events if not e.negated]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_refuted_absent_or_standing_codes_no_event(pipeline: Pipeline, text: str) -> None:
    assert _claims(pipeline, text) == []


@pytest.mark.parametrize(("text", "plover"), CLAIMED)
def test_the_plain_or_doubly_negated_event_is_kept(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in {p for p, _ in _claims(pipeline, text)}, _claims(pipeline, text)
