"""The ranker stage: its decisions on hand-built scores, its effect on coded text, its place."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.events.ranker import Decision, RankerOptions, decide
from eventwire.events.ranker_model import BUCKETS, RankerModel, buckets
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Pipeline
from eventwire.registry import available_stages, check_order, load_stage_spec
from tests.conftest import shared_knowledge

TYPES = ("ASSAULT", "PROTEST", "RETREAT", "CONCEDE")
OPTIONS = RankerOptions(switch_ratio=4.0, switch_min=0.3, veto_below=0.01, veto_confidence=0.8)


def probs(**given: float) -> dict[str, float]:
    return {name: given.get(name, 0.0) for name in TYPES}


@pytest.mark.parametrize(
    ("rule", "scores", "senses", "alone", "expected"),
    [
        # another sense of the trigger is far more likely: recode
        ("ASSAULT", probs(ASSAULT=0.1, PROTEST=0.8), {"PROTEST"}, True, Decision("switch", "PROTEST")),
        # likely, but not by the ratio asked for
        ("ASSAULT", probs(ASSAULT=0.3, PROTEST=0.6), {"PROTEST"}, True, Decision("keep")),
        # ratio met, but the alternative itself is improbable
        ("ASSAULT", probs(ASSAULT=0.01, PROTEST=0.2, CONCEDE=0.79), {"PROTEST"}, False, Decision("keep")),
        # the likely type is no sense of this trigger: never invented, but the lone event is vetoed
        ("ASSAULT", probs(ASSAULT=0.005, RETREAT=0.95), {"PROTEST"}, True, Decision("veto")),
        # the same scores with a second event in the sentence: a sentence score cannot pick one
        ("ASSAULT", probs(ASSAULT=0.005, RETREAT=0.95), {"PROTEST"}, False, Decision("keep")),
        # a low own score without a confident rival is no veto
        ("ASSAULT", probs(ASSAULT=0.005, RETREAT=0.5, CONCEDE=0.495), set(), True, Decision("keep")),
    ],
)
def test_decisions_on_hand_built_scores(
    rule: str, scores: dict[str, float], senses: set[str], alone: bool, expected: Decision
) -> None:
    assert decide(rule, scores, senses, OPTIONS, alone) == expected


def test_veto_off_when_the_threshold_is_zero() -> None:
    options = dataclasses.replace(OPTIONS, veto_below=0.0)
    assert decide("ASSAULT", probs(RETREAT=1.0), set(), options, True) == Decision("keep")


def model_favouring(feature: str, plover: str, classes: tuple[str, ...]) -> RankerModel:
    """A model that scores every sentence evenly except those with ``feature``."""
    weights = np.zeros((BUCKETS, len(classes)), dtype=np.float32)
    weights[buckets([feature]), classes.index(plover)] = 20.0
    return RankerModel(classes, weights, np.zeros(len(classes), dtype=np.float32))


def ranker_pipeline(model: RankerModel, **options: float) -> Pipeline:
    stages = list(Settings().stages)
    stages.insert(stages.index("events.rules") + 1, "events.ranker")
    knowledge: Knowledge = shared_knowledge().with_(ranker=model)
    settings = Settings(stages=tuple(stages), options={"events.ranker": options})
    return Pipeline.from_config(settings, knowledge=knowledge)


def test_the_classifier_chooses_between_senses_that_fit_the_trigger() -> None:
    # "struck" fits both a work stoppage (PROTEST) and an attack (ASSAULT) in the lexicon
    text = "Dock workers in Kenya struck on Monday over unpaid wages."
    classes = shared_knowledge().ontology.plover_types()
    rules = Pipeline.from_config(knowledge=shared_knowledge()).code_text(text).events
    assert [e.plover for e in rules] == ["PROTEST"]
    ranked = ranker_pipeline(model_favouring("w=wage", "ASSAULT", classes)).code_text(text).events
    assert [e.plover for e in ranked] == ["ASSAULT"]
    assert ranked[0].trigger == rules[0].trigger and ranked[0].cameo.startswith("19")
    assert ranker_pipeline(model_favouring("w=wage", "PROTEST", classes)).code_text(text).events == rules


def test_a_sense_whose_conditions_fail_is_never_chosen() -> None:
    # the noun "strike" is an attack only with "on"/"against" or an air/missile modifier
    text = "Dock workers in Kenya began a strike over unpaid wages on Monday."
    classes = shared_knowledge().ontology.plover_types()
    rules = Pipeline.from_config(knowledge=shared_knowledge()).code_text(text).events
    assert [e.plover for e in rules] == ["PROTEST"]
    assert ranker_pipeline(model_favouring("w=wage", "ASSAULT", classes)).code_text(text).events == rules


def test_a_lone_event_the_classifier_rejects_is_vetoed() -> None:
    text = "Police in Peru arrested three journalists in Lima on Friday."
    classes = shared_knowledge().ontology.plover_types()
    rules = Pipeline.from_config(knowledge=shared_knowledge()).code_text(text).events
    assert [e.plover for e in rules] == ["COERCE"]
    veto = {"veto_below": 0.01, "veto_confidence": 0.8}
    assert (
        ranker_pipeline(model_favouring("w=journalist", "AID", classes), **veto).code_text(text).events == ()
    )
    favouring_the_rules = model_favouring("w=journalist", "COERCE", classes)
    assert ranker_pipeline(favouring_the_rules, **veto).code_text(text).events == rules
    # the default options never veto
    assert ranker_pipeline(model_favouring("w=journalist", "AID", classes)).code_text(text).events == rules


def test_the_stage_is_registered_and_ordered_after_the_rules() -> None:
    assert "events.ranker" in available_stages()
    spec = load_stage_spec("events.ranker")
    assert spec.requires == frozenset({"events"}) and spec.rewrites == frozenset({"events"})
    assert spec.options is RankerOptions
    with pytest.raises(ConfigError, match=r"events\.ranker"):
        check_order([load_stage_spec(n) for n in ("metadata.dateline", "actors.kb")] + [spec])
    rules = [load_stage_spec(n) for n in ("metadata.dateline", "actors.kb", "events.rules")]
    check_order([*rules, spec, load_stage_spec("events.intent")])


def test_the_rule_path_stays_the_default() -> None:
    # the ranker was measured and not shipped (docs/evaluation.md, "The learned ranker")
    assert "events.ranker" not in Settings().stages
    assert "events.rules" in Settings().stages


def test_unknown_ranker_options_are_refused() -> None:
    settings = Settings(options={"events.ranker": {"veto_below": 0.1, "veto": True}})
    with pytest.raises(ConfigError, match="veto"):
        settings.options_for("events.ranker", RankerOptions)
