"""Failure classes of unseen news (issue 11), each as (text, expected) tables in our own words:
adjuncts that must not steal a frame's content, and senses decided by the trigger's arguments."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

ADJUNCTS = [
    # a temporal or causal adjunct is background, never what a frame governs
    ("Armenia and Azerbaijan agreed to a truce after a week of shelling.", "AGREE"),
    ("The rebels agreed to talks despite renewed fighting in the hills.", "AGREE"),
    ("Both parties promised to cooperate before the elections.", "AGREE"),
]

SENSES = [
    # what is mobilised decides: armed forces are a show of force, supporters a protest
    ("The defence ministry mobilized thousands of reservists on Sunday.", "MOBILIZE"),
    ("Union leaders mobilized dock workers against the privatisation plan.", "PROTEST"),
    # a particle decides: "kicked out" expels, "kicked" is a beating
    ("Soldiers kicked a detained teenager at the checkpoint.", "ASSAULT"),
    ("The military government kicked out the French ambassador.", "SANCTION"),
    # a date is no argument: "on Monday" does not make a protest "on" something
    ("The navy mobilized its reserve fleet on Monday.", "MOBILIZE"),
]


@pytest.mark.parametrize(("text", "plover"), ADJUNCTS + SENSES)
def test_main_event_type(pipeline: Pipeline, text: str, plover: str) -> None:
    events = [e for e in pipeline.code_text(text).events if not e.negated]
    assert events and events[0].plover == plover, [(e.plover, e.cameo, e.trigger.text) for e in events]


DYADS = [
    # (text, type, source countries, target countries)
    (
        "Japan voiced alarm about the build-up of Chinese warships along the border with Vietnam.",
        "MOBILIZE",
        ["CHN"],
        ["VNM"],
    ),
    ("Azerbaijani troops massed on the border with Armenia.", "MOBILIZE", ["AZE"], ["ARM"]),
    # the border hangs on the clause's verb, not on the nominal trigger
    ("Kenyan units were kept on alert for a week along the Somali frontier.", "MOBILIZE", ["KEN"], ["SOM"]),
    ("Seoul wants a stable relationship with Tokyo, the foreign minister said.", "AGREE", ["KOR"], ["JPN"]),
]


@pytest.mark.parametrize(("text", "plover", "sources", "targets"), DYADS)
def test_dyad_of_build_ups_and_wished_relations(
    pipeline: Pipeline, text: str, plover: str, sources: list[str], targets: list[str]
) -> None:
    (event,) = [e for e in pipeline.code_text(text).events if e.plover == plover]
    assert [a.country for a in event.source] == sources
    assert [a.country for a in event.target] == targets
