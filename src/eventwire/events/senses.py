"""Senses a trigger takes from its arguments' own clauses, beyond what a lexicon entry checks.

Freeing captives is a release (RETREAT, CAMEO 0841) when the captor lets them go, but a rescue
(AID, CAMEO 073) when troops or police free people someone else was holding: "police freed 11
hostages *held by a gang*", "troops freed 20 *abducted* farmers". The object's own participle
or adjective says who held them; a holder other than the subject makes the act a rescue.
"Iran freed a tourist *held for three years*" names no other holder and stays a release.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from eventwire.events.triggers import TriggerMatch

RESCUE_CAMEO = "073"
# Participles and adjectives that say the captives were taken by someone: "abducted farmers",
# "hostages held by a gang", "sailors kidnapped by pirates".
CAPTURED_WORDS = frozenset({"abduct", "kidnap", "hold", "capture", "seize", "take", "snatch", "trap"})
ABDUCTED_ADJECTIVES = frozenset({"abducted", "kidnapped", "kidnaped", "captive", "trapped"})


def _held_by_others(captive: Token) -> bool:
    for child in captive.children:
        if child.dep_ == "amod" and child.lower_ in ABDUCTED_ADJECTIVES:
            return True
        captured = child.dep_ == "acl" and child.lemma_.lower() in CAPTURED_WORDS
        if captured and any(g.dep_ == "agent" for g in child.children):
            return True
    return False


def with_rescue_sense(doc: Doc, match: TriggerMatch) -> TriggerMatch:
    """A release of people someone else held, recoded as a rescue (module doc)."""
    if match.plover != "RETREAT" or match.mode != "release" or match.nominal:
        return match
    captives = [c for c in doc[match.token].children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(_held_by_others(c) for c in captives):
        return match
    return dataclasses.replace(match, cameo=RESCUE_CAMEO, plover="AID", mode=None)


# A joint military action is two events: the partners cooperate with each other (CAMEO 062)
# and act together against a third party ("Mozambican and Rwandan troops launched *a joint
# operation against* insurgents", "police and AU troops launched *a joint raid on* a hideout").
JOINT_ACTIONS = frozenset({"operation", "raid", "offensive", "assault", "attack", "strike", "crackdown"})
JOINT_COOPERATION_CAMEO = "062"
JOINT_FORCE_CAMEO = "190"


def joint_counterpart(doc: Doc, match: TriggerMatch) -> TriggerMatch | None:
    """The other half of a joint military action: its force against the target when the
    coded half is the cooperation, the partners' cooperation when it is the force."""
    noun = doc[match.token]
    if not match.nominal or noun.lemma_.lower() not in JOINT_ACTIONS:
        return None
    if not any(c.dep_ == "amod" and c.lower_ == "joint" for c in noun.children):
        return None
    if match.plover == "COOPERATE":
        aimed = any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in noun.children)
        if not aimed:
            return None
        return dataclasses.replace(
            match,
            plover="ASSAULT",
            cameo=JOINT_FORCE_CAMEO,
            mode=None,
            reciprocal=False,
            target_preps=("against", "on"),
        )
    if match.plover == "ASSAULT":
        return dataclasses.replace(
            match,
            plover="COOPERATE",
            cameo=JOINT_COOPERATION_CAMEO,
            mode=None,
            reciprocal=True,
            target_preps=("with",),
        )
    return None
