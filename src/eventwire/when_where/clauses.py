"""What the parse says about an event's clause: its verb, its tense, what attaches to it.

An event's trigger may be a verb ("met") or a noun ("the summit may be held"); dates and
places attach to the clause's verb either way, so both are read from the *clause head*: the
trigger itself when it is a verb, else the nearest verb above it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.dates import Tense
from eventwire.nlp.vocabulary import PAST_TAGS
from eventwire.records import Event

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_POSSIBLE_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
_PLAN_VERBS = frozenset(
    {"plan", "expect", "schedule", "set", "agree", "intend", "hope", "want", "aim", "prepare", "due"}
)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The syntactic head of the event's trigger span, or None if offsets do not align."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def clause_head(token: Token) -> Token:
    """The verb that heads the clause ``token`` is in (itself if it is a verb)."""
    current = token
    # Token objects are views made on access: compare positions, never identity.
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    if current.pos_ == "AUX" and current.dep_ in {"aux", "auxpass"}:
        return current.head
    return current


def same_clause(head: Token, other: Token) -> bool:
    """``other`` is ``head`` or an open complement under it: in "talks are expected to continue
    in Geneva" the place and time of "continue" are those of the talks."""
    current = other
    while current != head:
        if current.dep_ != "xcomp" or current.head == current:
            return False
        current = current.head
    return True


def governs(upper: Token, lower: Token) -> bool:
    """True when ``upper`` is ``lower`` or one of its syntactic ancestors."""
    return upper == lower or upper in lower.ancestors


def tense_of(verb: Token) -> Tense:
    """Past, present or future, from the clause verb's tag and auxiliaries.

    Modal possibility ("may be held") and infinitives under planning verbs ("plans to meet")
    count as future: they speak of something not yet done.
    """
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lowered = {a.lower_ for a in auxes}
    if _is_future(verb, lowered):
        return "future"
    if verb.tag_ == "VBN" and lowered & _PRESENT_AUX:
        return "present"  # "the vote is scheduled for Sunday"
    perfect = verb.tag_ == "VBN" and ({"has", "have", "had"} & lowered or not auxes)
    if perfect or verb.tag_ == "VBD" or any(a.tag_ in PAST_TAGS for a in auxes):
        return "past"
    return "present" if verb.tag_ in {"VBZ", "VBP", "VBG", "VB"} else "past"


def _is_future(verb: Token, auxiliaries: set[str]) -> bool:
    if auxiliaries & (_FUTURE_AUX | _POSSIBLE_AUX) or _going_to(verb):
        return True
    if "to" in auxiliaries and verb.dep_ == "xcomp" and verb.head.lemma_ in _PLAN_VERBS:
        return True
    # "talks are expected to continue", "the army plans to withdraw"; but a plan verb in the
    # simple past is itself a past act: "agreed on Sunday to resume talks" dates the agreeing.
    planning = verb.lemma_ in _PLAN_VERBS and verb.tag_ != "VBD"
    return planning and any(c.dep_ == "xcomp" for c in verb.children)


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
