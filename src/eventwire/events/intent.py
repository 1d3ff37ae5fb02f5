"""Statements of intent: a promised or threatened action is coded as the promise or the threat.

News reports intentions as often as deeds: "Nigeria will withdraw its peacekeepers unless…",
"the Union is ready to send food aid", "Palestinian leaders said they would boycott all contact".
In CAMEO and PLOVER the event in such a sentence is the statement of intent itself: an offer or
promise of cooperation is AGREE (CAMEO 03, "express intent to…") and an announced conflictual
action is THREATEN (CAMEO 13, "threaten to…"). The rule coder finds the embedded action ("withdraw",
"send aid") with modality ``future`` or ``conditional``; this stage turns it into the act the
speaker performed. Hypothetical events ("the summit may be held") and negated ones are left alone:
they are neither promised nor threatened.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from eventwire.events.ontology import Ontology, by_cameo_prefix
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Event
from eventwire.registry import StageContext, stage_factory

# CAMEO code prefix of the announced action -> CAMEO code of the statement of intent.
# Longest prefix wins, so "0331" (humanitarian aid) can differ from "07" (aid in general).
COOPERATIVE_INTENT: Mapping[str, str] = MappingProxyType(
    {
        "04": "036",  # consult -> intent to meet or negotiate
        "05": "032",  # diplomatic cooperation -> intent to provide policy support
        "06": "031",  # material cooperation
        "061": "0311",
        "062": "0312",
        "063": "0313",
        "064": "0314",
        "07": "033",  # provide aid
        "071": "0331",
        "072": "0332",
        "073": "0333",
        "074": "0334",
        "08": "035",  # yield (returns, releases, withdrawals: 084-087)
        "084": "0353",
        "085": "0354",
        "086": "0355",
        "087": "0356",
    }
)
CONFLICTUAL_THREAT: Mapping[str, str] = MappingProxyType(
    {
        "14": "133",  # protest -> threaten with political dissent
        "15": "138",  # show of force -> threaten with military force
        "16": "131",  # reduce relations
        "161": "1313",
        "162": "1311",
        "163": "1312",
        "164": "134",
        "165": "135",
        "166": "136",
        "17": "137",  # coerce -> threaten with repression
        "172": "132",
        "18": "138",
        "19": "138",
        "20": "138",
    }
)
INTENT_MODALITIES = frozenset({"future", "conditional"})
# A political concession announced ("the ban on rallies will be lifted from Monday", "promised
# to scrap the price rise") is the concession: the government yields by announcing it, and
# event data coders code it CONCEDE (CAMEO 08x), not as intent to cooperate.
ANNOUNCED_CONCESSIONS = frozenset({"CONCEDE"})


def intent_code(cameo: str) -> str | None:
    """The CAMEO code of promising or threatening the action ``cameo``, if it has one."""
    for table in (COOPERATIVE_INTENT, CONFLICTUAL_THREAT):
        code = by_cameo_prefix(table, cameo)
        if code is not None:
            return code
    return None


def as_statement_of_intent(event: Event, ontology: Ontology) -> Event:
    """``event`` recoded as the promise or threat it is, or unchanged if it is not one."""
    if event.negated or event.modality not in INTENT_MODALITIES:
        return event
    if event.plover in ANNOUNCED_CONCESSIONS:
        return dataclasses.replace(event, modality="asserted")
    code = intent_code(event.cameo)
    if code is None:
        return event
    intent = ontology.cameo(code)
    return dataclasses.replace(
        event,
        plover=intent.plover or event.plover,
        cameo=intent.code,
        mode=intent.mode,
        context=intent.context or event.context,
        goldstein=intent.goldstein,
        quad=intent.quad,
        # The promise or threat was made: it is asserted, whatever becomes of the action.
        modality="asserted",
    )


class IntentStage:
    """Pipeline stage ``events.intent``: runs after the event coder."""

    name = "events.intent"

    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        events = tuple(as_statement_of_intent(e, self.ontology) for e in parsed.events)
        return parsed.with_(events=events)


@stage_factory("events.intent", requires=("events",), rewrites=("events",))
def intent_stage(context: StageContext) -> IntentStage:
    """Promised or threatened actions become AGREE/THREATEN statements of intent (CAMEO 03/13)."""
    return IntentStage(context.knowledge.ontology)
