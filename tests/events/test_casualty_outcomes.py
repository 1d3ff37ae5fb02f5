"""Casualties told beside the attack that caused them are that attack (issue 11, CAMEO
fidelity): "militants raided a checkpoint; four police officers were killed" is one assault,
coded with the code of the raid, not a raid plus a killing (CAMEO 1823). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline

ONE_ATTACK = [
    # passive casualties after a semicolon, a comma-less headline participle, the next sentence
    ("Gunmen raided a police checkpoint near Zinder; four officers were killed.", "raided"),
    ("Separatists ambushed an army truck outside Bamenda; two soldiers killed.", "ambushed"),
    ("Troops clashed with cattle raiders in Turkana on Monday; six raiders were shot dead.", "clashed"),
    ("Militants stormed a school in Kaduna state. Three teachers were wounded, police said.", "stormed"),
]

CASUALTIES_ALONE = [
    # with no attack told, the casualties are the event
    "Five miners were killed in an ambush in Ituri province on Friday.",
    "Two aid workers were shot dead in Darfur, the United Nations said.",
]


def _assaults(pipeline: Pipeline, text: str) -> list[str]:
    events = pipeline.code_text(text).events
    return [e.trigger.text for e in events if e.plover == "ASSAULT" and not e.negated]


@pytest.mark.parametrize(("text", "trigger"), ONE_ATTACK)
def test_casualties_beside_an_attack_are_that_attack(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert _assaults(pipeline, text) == [trigger]


@pytest.mark.parametrize("text", CASUALTIES_ALONE)
def test_casualties_alone_are_an_assault(pipeline: Pipeline, text: str) -> None:
    assert len(_assaults(pipeline, text)) == 1, _assaults(pipeline, text)


def test_a_claim_of_an_attack_already_told_names_its_author(pipeline: Pipeline) -> None:
    text = "A bomb exploded at a bus station in Maiduguri on Friday. Boko Haram claimed the attack."
    events = [e for e in pipeline.code_text(text).events if e.plover == "ASSAULT"]
    assert [e.trigger.text for e in events] == ["exploded"], [(e.trigger.text, e.cameo) for e in events]
    assert [a.text for a in events[0].source] == ["Boko Haram"]


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram claimed an attack on a bus station in Maiduguri.",
        "Boko Haram claimed the attack on a bus station in Maiduguri.",
    ],
)
def test_a_claim_alone_reports_the_attack(pipeline: Pipeline, text: str) -> None:
    assert len(_assaults(pipeline, text)) == 1
