"""Promises that are no threats: restraint and joint action under a verb of agreeing.

The AGREE and OFFER frames code a promised conflictual act as a threat (CAMEO 13x): "vowed to
expel the diplomats" threatens. Two kinds of promise carry a conflictual verb and threaten
nobody, and the CAMEO manual codes them as intent to cooperate (03x):

- restraint, the act promised *not* to happen: "promised that nobody would be evicted by
  force", "pledged not to attack the convoy" (035, intent to yield; 0356 for military acts);
- joint action agreed between the parties themselves: "Colombia and Ecuador agreed to step
  up joint patrols" (031, intent to cooperate materially; 0312 for military acts).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from eventwire.events.ontology import Ontology
from eventwire.events.triggers import TriggerMatch

PROMISE_FRAMES = frozenset({"AGREE", "OFFER"})
THREAT_ROOT = "13"
MILITARY_ROOTS = frozenset({"15", "18", "19", "20"})
RESTRAINT, MILITARY_RESTRAINT = "035", "0356"
JOINT, MILITARY_JOINT = "031", "0312"
NO_ONE = frozenset({"nobody", "none", "noone", "no-one", "nothing"})


def promise_without_threat(
    doc: Doc, promise: TriggerMatch, content: TriggerMatch, ontology: Ontology
) -> TriggerMatch | None:
    """The promise frame ``promise`` (recoded from its ``content``) as restraint or joint
    action when it is one (module doc), else None."""
    if promise.cameo[:2] != THREAT_ROOT:
        return None
    military = content.cameo[:2] in MILITARY_ROOTS
    if _denied(doc[content.token]):
        code = MILITARY_RESTRAINT if military else RESTRAINT
    elif _joint(doc[promise.token], doc[content.token]):
        code = MILITARY_JOINT if military else JOINT
    else:
        return None
    record = ontology.cameo(code)
    return dataclasses.replace(promise, cameo=code, plover=record.plover or "AGREE", mode=record.mode)


def _denied(act: Token) -> bool:
    """ "not to attack", "would never expel", "nobody would be evicted"."""
    for child in act.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in NO_ONE or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            return True
    return False


def _joint(promise: Token, act: Token) -> bool:
    """The parties promise it to each other: coordinated subjects of the promise, or an act
    its object calls joint ("joint patrols") or done "together"."""
    subjects = [c for c in promise.children if c.dep_ == "nsubj"]
    if any(any(g.dep_ == "conj" for g in s.children) for s in subjects):
        return True
    objects = [c for c in act.children if c.dep_ in ("dobj", "advmod")]
    return any(o.lower_ == "together" or any(m.lower_ == "joint" for m in o.children) for o in objects)
