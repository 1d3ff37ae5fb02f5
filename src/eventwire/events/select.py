"""Event selection and confidence: which candidates of a sentence become events.

A news sentence usually reports one main event ("Israeli tanks shelled Rafah, killing
three, witnesses said") and mentions others in passing (the killing, the background
"after the talks collapsed"). Every extra event of a wrong type costs precision, so the
selector ranks the candidates of each sentence by

    score = strength - DEPTH_PENALTY * clause depth

where *strength* is the specificity of the lexicon pattern and *clause depth* counts how
far below the main clause the trigger sits (reporting verbs, "began to"-style verbs and
light verbs cost nothing; a subordinate or relative clause costs 1; a prepositional
phrase 0.5), and keeps the best ``max_per_sentence`` (default 1) of them.

Confidence (``Event.confidence``, thresholded by ``Settings.min_confidence``) is

    0.40 * strength + 0.25 * argument completeness + 0.20 * prominence + 0.15 * modality

with prominence = 1 - depth / 3 (floored at 0) and modality 1.0 for asserted events,
0.7 future, 0.5 conditional, 0.4 hypothetical. An asserted main-clause event from a
specific pattern with both actors found scores about 0.9; a bare noun in a subordinate
clause with no actors about 0.3. A threshold of 0.5 keeps most main events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

from eventwire.events.frames import BACKGROUND_PREPS, Candidate, governed
from eventwire.events.lexicon import Frames
from eventwire.events.triggers import TriggerMatch, governor_of, word_forms
from eventwire.nlp.vocabulary import ARGUMENT_PHRASE_DEPS, OWNER_MODIFIER_DEPS
from eventwire.records import Modality

DEPTH_PENALTY = 0.25
FRAME_BONUS = 0.05  # a frame with a governed event checked more of the parse
# An agentless passive ("2 soldiers were killed") reports an outcome, not who acted: beside an
# active clause of the same sentence ("militants attacked an outpost; 2 soldiers were killed")
# the active clause is the event. Less than one subordinate step (0.25), so a main-clause
# passive still beats an act in an after-clause ("were arrested after they attacked police").
OUTCOME_PENALTY = 0.15
SUBORDINATE_COST = 1.0
PHRASE_COST = 0.5
CONJUNCT_COST = 0.25
MODALITY_WEIGHT: Mapping[str, float] = MappingProxyType(
    {"asserted": 1.0, "future": 0.7, "conditional": 0.5, "hypothetical": 0.4}
)
FREE_DEPS = frozenset({"ROOT", "parataxis"})
# Conjunctions that make a clause background: "..., a day *after* jets shot down a helicopter".
BACKGROUND_MARKS = frozenset(
    {
        "after",
        "before",
        "since",
        "when",
        "as",
        "while",
        "because",
        "until",
        "once",
        "although",
        "though",
        "if",
        "unless",
    }
)
# Verbal reactions whose object can be an event that is reported as having happened:
# "condemned *the arrest of*", "expressed concern about *the build-up of* troops".
REACTION_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT", "SUPPORT"})
# Nominal events that, named as a definite thing, happened: acts of force and repression.
# Proposals ("rejected *the ultimatum*", "opposed *the mediation*") did not happen by being named.
REPORTED_TYPES = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})
DEFINITE_DETS = frozenset({"the", "this", "these", "that", "those"})


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate with the figures the selector and the confidence formula use."""

    candidate: Candidate
    depth: float
    score: float
    reported: Ranked | None = None  # a nominal event the kept reaction is about (see ``reported_events``)


def anchor_token(doc: Doc, candidate: Candidate, frames: Frames) -> Token:
    """Where the event sits in the clause: a light or occurrence verb stands for its noun."""
    token = doc[candidate.anchor]
    if candidate.match.nominal and candidate.anchor == candidate.match.token:
        governor = governor_of(token)
        words = frames.light_verbs | frames.occurrence_verbs
        if governor is not None and not words.isdisjoint(word_forms(governor)):
            return governor
    return token


def _is_free_step(token: Token, frames: Frames) -> bool:
    """Steps that keep an event in the main clause: reported speech, "began to", documents."""
    head_lemma, dep = token.head.lemma_.lower(), token.dep_
    if dep in ("ccomp", "xcomp", "advcl") and head_lemma in frames.reporting:
        return True  # "..., officials said": what is reported is the main event
    if dep == "xcomp" and head_lemma in frames.transparent:
        return True
    return dep == "acl" and head_lemma in frames.document_nouns  # "a resolution urging ..."


def _step_cost(token: Token, frames: Frames) -> float:
    dep = token.dep_
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in token.children):
        return SUBORDINATE_COST
    if _is_free_step(token, frames):
        return 0.0
    if dep in ("conj", "cc"):
        return CONJUNCT_COST
    return PHRASE_COST if dep in ARGUMENT_PHRASE_DEPS else SUBORDINATE_COST


def clause_depth(token: Token, frames: Frames) -> float:
    """How far below the sentence's main clause ``token`` sits (see module doc)."""
    depth = 0.0
    for _ in range(40):  # a parse is a tree; the bound only guards against a broken one
        if token.head.i == token.i or token.dep_ in FREE_DEPS:
            break
        depth += _step_cost(token, frames)
        token = token.head
    return depth


def rank(doc: Doc, candidates: Iterable[Candidate], frames: Frames) -> list[Ranked]:
    """Candidates with depth and score, best first (ties: earlier in the sentence)."""
    ranked = []
    for candidate in candidates:
        depth = clause_depth(anchor_token(doc, candidate, frames), frames)
        bonus = FRAME_BONUS if candidate.content is not None else 0.0
        bonus -= OUTCOME_PENALTY if is_agentless_passive(doc[candidate.match.token]) else 0.0
        ranked.append(Ranked(candidate, depth, candidate.match.strength + bonus - DEPTH_PENALTY * depth))
    return sorted(ranked, key=lambda r: (-r.score, r.candidate.match.token))


def is_agentless_passive(verb: Token) -> bool:
    """ "were killed", "was injured" with no "by" agent: only verbs count, nouns are not passive."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


# A noun names its own actors through a possessor, a "by" agent or an owner modifier
# (vocabulary.OWNER_MODIFIER_DEPS) that is an entity or a side: "Russia's attack", "the
# attack *by* rebels", "Israeli strikes", "opposition protests".
ACTOR_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# "Opposition", "union" and the like name a side even when the parser gives them no entity.
SIDE_WORDS = frozenset(
    {"opposition", "rebel", "government", "police", "army", "military", "union", "student"}
)


# Heads of two-word prepositions that introduce background: "*ahead of* a summit", "*prior
# to* the vote", "*because of* the fighting".
COMPLEX_BACKGROUND = frozenset({"ahead", "prior", "because"})


def has_own_actor(noun: Token) -> bool:
    """The noun names who takes part: a possessor, a "by" agent, a nationality or a side."""
    for child in noun.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
        if child.dep_ in OWNER_MODIFIER_DEPS and (
            child.ent_type_ in ACTOR_ENTITIES or child.lemma_.lower() in SIDE_WORDS
        ):
            return True
    return False


def is_background(noun: Token, framing_nouns: frozenset[str]) -> bool:
    """``noun`` (a nominal trigger) names an event in a background adjunct with no actors of
    its own: "agreed *after two days of talks*", "withdrew *in response to the arrest* of a
    leader", "met *as fighting continued*". Such nouns set the scene; the conventions code
    no event for them."""
    if has_own_actor(noun):
        return False
    token = noun
    for _ in range(12):  # up to the clause that holds the noun; a parse is a tree
        head = token.head
        if token.dep_ == "prep" and (token.lower_ in BACKGROUND_PREPS or head.lower_ in COMPLEX_BACKGROUND):
            return True
        if token.dep_ == "pobj" and token.lemma_.lower() in framing_nouns:
            return True
        if head.i == token.i or (token.pos_ in ("VERB", "AUX") and token is not noun):
            return token.dep_ == "advcl" and _marked_background(token)
        token = head
    return False


def _marked_background(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in clause.children)


def select(ranked: list[Ranked], max_per_sentence: int = 1) -> list[Ranked]:
    """The best candidates of one sentence; a trigger inside a kept trigger's phrase is dropped."""
    kept: list[Ranked] = []
    covered: set[int] = set()
    for item in ranked:
        if len(kept) >= max_per_sentence:
            break
        match = item.candidate.match
        if match.token in covered:
            continue
        kept.append(item)
        covered |= set(match.tokens) | {match.token}
    return kept


def confidence(strength: float, completeness: float, depth: float, modality: Modality) -> float:
    """Event confidence in [0, 1] (formula in the module doc)."""
    prominence = max(0.0, 1.0 - depth / 3.0)
    value = 0.40 * strength + 0.25 * completeness + 0.20 * prominence + 0.15 * MODALITY_WEIGHT[modality]
    return round(min(1.0, max(0.0, value)), 3)


def is_definite(noun: Token) -> bool:
    """ "*the* build-up", "*Russia's* massing": a definite noun presupposes that the event exists;
    a bare plural ("complained about raids") may be generic or habitual."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETS) for c in noun.children)


def _is_reportable(match: TriggerMatch, doc: Doc) -> bool:
    return match.nominal and match.plover in REPORTED_TYPES and is_definite(doc[match.token])


def _reported_of(item: Ranked, ranked: list[Ranked], doc: Doc) -> Ranked | None:
    """The nominal event in the object of a reaction: the one it absorbed, else the nearest governed."""
    candidate = item.candidate
    if candidate.match.plover not in REACTION_TYPES:
        return None
    content = candidate.content
    if content is not None:
        if not _is_reportable(content, doc):
            return None
        return Ranked(Candidate(content, content.token), item.depth, item.score)
    nominal = {r.candidate.match.token: r for r in ranked if _is_reportable(r.candidate.match, doc)}
    nominal.pop(candidate.match.token, None)
    inside = governed(doc[candidate.match.token], {i: r.candidate.match for i, r in nominal.items()})
    return nominal[inside[0].token] if inside else None


def reported_events(kept: list[Ranked], ranked: list[Ranked], doc: Doc) -> list[Ranked]:
    """Kept reactions, each with the nominal event it is about attached as ``reported``.

    "The minister condemned *the massing of* Syrian troops": the massing is
    reported as having happened, so it is coded too, on top of ``max_per_sentence``:
    it rides with its reaction rather than competing with it. Whether its actors make
    it a separate event is decided where the actors are known (the stage).
    """
    taken = {r.candidate.match.token for r in kept}
    attached = []
    for item in kept:
        reported = _reported_of(item, ranked, doc)
        # an event already kept in its own right is not reported a second time
        if reported is None or reported.candidate.match.token in taken:
            attached.append(item)
        else:
            attached.append(dataclasses.replace(item, reported=reported))
    return attached
