"""Suppositions, refuted reports and standing states are no events (issue 11, failure class
3: hypothetical and negated records code nothing, background clauses add no event).

Sentences written for these tests. A possibility under a condition ("may ... if"), a
counterfactual ("would have ..."), someone else's forecast ("analysts expect X to ..."), a
question and a bare possibility are dropped; the same acts told plainly, promised or
threatened stay events. ``keep_hypothetical`` brings the suppositions back, flagged.
"""

from __future__ import annotations

import pytest

from eventwire.api import coder
from eventwire.pipeline import Pipeline

SUPPOSED = [
    # a possibility modal with a condition: neither promised nor threatened
    "If the vote is rigged, Brussels might freeze aid to Tbilisi, a diplomat suggested.",
    "Lithuania could expel the Belarusian consul if the border stays shut, commentators said.",
    "Oil officials said a ban on fuel exports may be imposed if prices keep rising.",
    # counterfactual, with and without an inverted condition
    "Had the ceasefire failed, the militia would have attacked the airport, a mediator said.",
    "Without the deal, Kenya would have closed its border with Somalia.",
    # someone else's forecast of what an actor will do
    "Bankers expect Zambia to ask the World Bank for a new loan in the spring.",
    "Observers predict that the junta will expel the French ambassador.",
    # bare possibilities and questions
    "The coalition might suspend talks with the rebels next year.",
    "Will Ecuador sever relations with Mexico?",
    "Officials are debating whether to recall the envoy from Havana.",
    # a purpose someone ascribes to an act: the act is the event, the purpose is not
    "Rights groups said the curfew was meant to intimidate opposition voters.",
    "The opposition said the decree was designed to intimidate voters.",
]

REAL = [
    ("Brussels froze aid to Tbilisi after the vote.", "SANCTION"),
    ("Lithuania expelled the Belarusian consul on Monday.", "SANCTION"),
    # a conditional threat and a promise are events: the speaker committed to something
    ("The militia threatened to attack the airport unless the siege was lifted.", "THREATEN"),
    ("Kenya will close its border with Somalia if the raids continue, the minister warned.", "THREATEN"),
    ("Zambia asked the World Bank for a new loan.", "REQUEST"),
    ("Zambia expects to sign the loan agreement with the World Bank in June.", "AGREE"),
]


# Refuted reports, absent evidence, statements and standing states (same rule: no claim)
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

# ... and beside them, the plain or doubly negated event that must still be coded
CLAIMED = [
    ("The navy fired on a fishing boat off Palawan.", "ASSAULT"),
    ("The army did not deny reports that it had fired on a fishing boat off Palawan.", "ASSAULT"),
    ("Kampala insisted that Kinshasa hand over the suspects.", "REQUEST"),
    ("Police have detained 60 protesters since Friday.", "COERCE"),
    ("Thousands of teachers marched in Santiago in November.", "PROTEST"),
]


def _claims(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.plover, e.trigger.text) for e in pipeline.code_text(text).events if not e.negated]


@pytest.mark.parametrize("text", SUPPOSED + NO_CLAIM)
def test_a_supposition_or_a_refuted_report_codes_no_event(pipeline: Pipeline, text: str) -> None:
    assert _claims(pipeline, text) == []


@pytest.mark.parametrize(("text", "plover"), REAL + CLAIMED)
def test_the_act_told_plainly_or_promised_is_kept(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in {p for p, _ in _claims(pipeline, text)}, _claims(pipeline, text)


def test_keep_hypothetical_codes_the_supposition_flagged() -> None:
    with coder(options={"events.rules": {"keep_hypothetical": True}}) as flagged:
        events = flagged.code("Will Ecuador sever relations with Mexico?").events
    assert [(e.plover, e.modality) for e in events] == [("SANCTION", "hypothetical")]
