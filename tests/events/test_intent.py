"""Promised and threatened actions become AGREE and THREATEN events (CAMEO 03 and 13)."""

from __future__ import annotations

import pytest

from eventwire.events.intent import as_statement_of_intent, intent_code
from eventwire.records import Event, Span
from tests.conftest import shared_knowledge

TRIGGER = Span("send", 0, 4)


def event(cameo: str, plover: str, modality: str = "future", negated: bool = False) -> Event:
    return Event(plover=plover, cameo=cameo, sentence=0, trigger=TRIGGER, modality=modality, negated=negated)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cameo", "plover", "modality", "expected_plover", "expected_cameo"),
    [
        ("0733", "AID", "future", "AGREE", "0333"),  # will send humanitarian aid -> promise of aid
        ("073", "AID", "future", "AGREE", "0333"),
        ("036", "AGREE", "future", "AGREE", "036"),  # already a statement of intent: unchanged
        ("042", "CONSULT", "future", "AGREE", "036"),  # will visit -> intent to meet
        ("1661", "SANCTION", "conditional", "THREATEN", "136"),  # will withdraw peacekeepers unless...
        ("163", "COERCE", "future", "THREATEN", "1312"),  # plans to impose sanctions
        ("190", "ASSAULT", "future", "THREATEN", "138"),  # vowed it would strike
        ("145", "PROTEST", "conditional", "THREATEN", "133"),  # will strike if...
        ("190", "ASSAULT", "asserted", "ASSAULT", "190"),  # a real attack stays an attack
        ("042", "CONSULT", "hypothetical", "CONSULT", "042"),  # "may be held": neither promise nor threat
        ("112", "ACCUSE", "future", "ACCUSE", "112"),  # verbal conflict has no threat form here
    ],
)
def test_recoding_table(
    cameo: str, plover: str, modality: str, expected_plover: str, expected_cameo: str
) -> None:
    recoded = as_statement_of_intent(event(cameo, plover, modality), shared_knowledge().ontology)
    assert (recoded.plover, recoded.cameo) == (expected_plover, expected_cameo)


def test_recoded_event_takes_goldstein_and_quad_of_the_intent() -> None:
    recoded = as_statement_of_intent(event("190", "ASSAULT"), shared_knowledge().ontology)
    assert (recoded.goldstein, recoded.quad, recoded.modality) == (-7.0, 3, "asserted")


def test_negated_future_action_is_left_alone() -> None:
    original = event("190", "ASSAULT", negated=True)
    assert as_statement_of_intent(original, shared_knowledge().ontology) == original


def test_every_intent_code_exists_in_the_ontology() -> None:
    ontology = shared_knowledge().ontology
    for code in ("04", "061", "0874", "162", "1661", "2031"):
        target = intent_code(code)
        assert target is not None
        assert ontology.cameo(target).plover in {"AGREE", "THREATEN"}


def test_codes_without_an_intent_form() -> None:
    assert intent_code("01") is None
    assert intent_code("112") is None
