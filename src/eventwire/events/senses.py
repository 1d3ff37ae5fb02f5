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
