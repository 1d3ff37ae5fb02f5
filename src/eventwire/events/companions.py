"""Protests reported beside the force used on them: two events in one sentence.

"Police fired tear gas at *protesters* in Dhaka", "troops dispersed *a protest by* farmers",
"police shot dead two people *during demonstrations* against taxes": the sentence's main event
is the state's act, but it also reports that a protest took place, and event datasets (ICEWS,
ACLED, the project's blind gold) code both. The selector keeps one main event a sentence, so
the protest is added here as a companion of a kept act of force or repression: a protest
verb in a relative clause on the people acted on (its own clause and actors), else a protest
participant the act names ("protesters", "strikers", "demonstrators") is the source of a
generic PROTEST event (CAMEO 141) whose target the ``events.conventions`` stage completes
(the state concerned).

Only asserted, affirmed acts bring a companion: "police did not disperse the crowd of
protesters" reports no force, and "may detain protesters" no protest.

Measured and not kept: also turning an unselected protest *noun* of the sentence into an
event ("dispersed a protest", "during demonstrations") raised recall on the blind conflict
batch but cost more precision than it gained everywhere ("a planned rally", "ahead of a
demonstration", the month "March"): dyad F1 fell on every gold set.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.events.select import Ranked, has_own_actor
from eventwire.records import Event, Mention

# Acts of force or repression whose object may be a protest.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
# Role words that name people protesting (singular lemmas).
PARTICIPANT_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "striker", "marcher", "rioter", "picketer"}
)
PROTEST_CAMEO = "141"  # demonstrate or rally
# A relative clause, full ("students *who had gathered*") or reduced to a participle
# ("students *protesting* against fees", "crowds *gathered* outside parliament").
RELATIVE_DEPS = frozenset({"relcl", "acl"})
# "banned *a planned* rally": a protest still to come has not taken place.
NOT_YET_WORDS = frozenset({"planned", "proposed", "scheduled", "upcoming", "announced", "intended", "future"})


def participant_mention(events: Sequence[Event], mentions: Sequence[Mention]) -> Mention | None:
    """The first protest participant among the actors of the sentence's affirmed acts of force."""
    force = [e for e in events if e.plover in FORCE_TYPES and not e.negated and e.modality == "asserted"]
    if not force or any(e.plover == "PROTEST" for e in events):
        return None
    for mention in mentions:
        words = mention.text.lower().replace("-", " ").split()
        if words and _singular(words[-1]) in PARTICIPANT_WORDS and mention.actor is not None:
            return mention
    return None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _object_of(noun: Token, verbs: set[int]) -> bool:
    """``noun`` is what one of ``verbs`` acts on, directly ("dispersed *a rally*", "fired at *a
    march*") or through its purpose clause ("used tear gas to break up *a march*"); a noun
    deeper in the sentence ("in the current *uprising*") is only mentioned."""
    head = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if head is None:
        return False
    return head.i in verbs or (head.dep_ in ("xcomp", "advcl") and head.head.i in verbs)


def _took_place(noun: Token) -> bool:
    """A protest noun that names its protesters and is not announced as still to come."""
    ahead = any(c.dep_ == "amod" and c.lower_ in NOT_YET_WORDS for c in noun.children)
    # the parser hangs "a march *by* supporters" on the verb that acts on the march
    misplaced_by = noun.dep_ == "dobj" and any(c.dep_ == "agent" for c in noun.head.children)
    return (has_own_actor(noun) or misplaced_by) and not ahead


def relative_protest(kept: Sequence[Ranked], pool: Sequence[Ranked], doc: Doc) -> Ranked | None:
    """A protest told in a relative clause on the people the force was used on: "police detained
    students *who had gathered outside the ministry to demand lower fees*", "fired tear gas at
    farmers *protesting* against land seizures" — its own clause, its own actors, so its own event.
    So is a protest noun the force acted on that names its own protesters ("dispersed *a march
    by* opposition supporters"); a bare one ("a planned rally") may never have happened."""
    force = [r for r in kept if r.candidate.match.plover in FORCE_TYPES]
    if not force or any(r.candidate.match.plover == "PROTEST" for r in kept):
        return None
    acted_on = {t.i for r in force for c in doc[r.candidate.match.token].children for t in c.subtree}
    force_verbs = {r.candidate.match.token for r in force}
    for item in pool:
        token = doc[item.candidate.match.token]
        if item.candidate.match.plover != "PROTEST":
            continue
        if token.dep_ in RELATIVE_DEPS and token.head.i in acted_on:
            return item
        if item.candidate.match.nominal and _object_of(token, force_verbs) and _took_place(token):
            return item  # "broke up *a march by* opposition supporters": the marchers are named
    return None
