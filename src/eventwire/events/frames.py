"""Frames: triggers that govern another event and decide what it is.

"Serbia *rejected* an ultimatum to hand over the guard", "the rebels *agreed to* lay down
their arms", "Washington *demanded* that Hamas renounce violence", "Iraq *must* cooperate":
the reported act is the refusal, the promise, the demand, and the governed action only
refines its CAMEO code (a refusal to release prisoners is 1243, a demand for aid 103).
This module turns raw trigger matches into *candidates*: frames absorb every trigger in
their complement, and what is left stands alone.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Frames, LexEntry, Lexicon
from eventwire.events.ontology import Ontology, by_cameo_prefix
from eventwire.events.promises import PROMISE_FRAMES, promise_without_threat
from eventwire.events.triggers import TriggerMatch, governor_of, is_complement_clause

# Dependencies along which a frame reaches the event it governs: infinitive and clausal
# complements, objects and their prepositional or clausal modifiers.
COMPLEMENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl", "attr", "oprd", "acomp", "conj", "nsubjpass"}
)
MAX_FRAME_DEPTH = 4
# Prepositions of temporal and causal adjuncts: what they name is background, never what a
# frame governs ("agreed to a ceasefire *after two days of fighting*" agrees to no fighting).
BACKGROUND_PREPS = frozenset({"after", "before", "since", "until", "following", "despite", "amid", "during"})
# Finite verb tags: a past or present tense is never the gerund it is parsed as coordinated with.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SECOND_ACT_HEADS = FINITE_TAGS | {"VBG"}
CAUSE_PREPS = frozenset({"in", "during", "amid"})
KEEP = "keep"
RALLY_OPPOSITION = "113"
COOPERATION_ENDS = "09"  # CAMEO roots 01-08 are cooperative: AGREE ... RETREAT
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger after frames were applied: what the selector ranks and the stage codes."""

    match: TriggerMatch
    anchor: int  # token whose place in the clause decides how central the event is
    content: TriggerMatch | None = None  # the governed event a frame absorbed
    negation_absorbed: bool = False  # "did not allow" was recoded, so it is not negated
    asserted: bool = False  # the frame itself (a demand) was made, whatever its content


def recode(table: Mapping[str, str], cameo: str) -> str | None:
    """The code ``table`` gives an event with CAMEO ``cameo``: longest matching prefix, else default."""
    code = by_cameo_prefix(table, cameo)
    return code if code is not None else table.get("default")


def governed(token: Token, by_token: Mapping[int, TriggerMatch]) -> list[TriggerMatch]:
    """Triggers in the complement of ``token``, nearest first (breadth-first over the parse)."""
    found: list[TriggerMatch] = []
    queue: deque[tuple[Token, int]] = deque((c, 1) for c in token.children if _leads_to_content(c))
    while queue:
        node, depth = queue.popleft()
        if node.i in by_token:
            found.append(by_token[node.i])
        if depth < MAX_FRAME_DEPTH:
            queue.extend((c, depth + 1) for c in node.children if _leads_to_content(c))
    return found


def _leads_to_content(token: Token) -> bool:
    if token.dep_ == "prep" and token.lower_ in BACKGROUND_PREPS:
        return False
    if token.dep_ == "conj" and token.tag_ in FINITE_TAGS and token.head.tag_ in SECOND_ACT_HEADS:
        # "accused X (of shooting …) and *recalled* its envoy": a finite verb coordinated with
        # the frame, or misparsed onto a gerund, is a second act, not what the frame governs
        return False
    return token.dep_ in COMPLEMENT_DEPS or is_complement_clause(token)


def tree_depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


class FrameResolver:
    """Applies lexical frames ("refused to"), demand auxiliaries ("must") and negation recodes."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology) -> None:
        self.lexicon = lexicon
        self.frames: Frames = lexicon.frames
        self.ontology = ontology

    def resolve(self, doc: Doc, matches: Iterable[TriggerMatch]) -> list[Candidate]:
        by_token = {m.token: m for m in matches}
        framing = [m for m in by_token.values() if self._entry(m).frame]
        framing.sort(key=lambda m: (tree_depth(doc[m.token]), m.token))
        absorbed: set[int] = set()
        candidates: list[Candidate] = []
        for frame in framing:
            if frame.token in absorbed:
                continue
            inside = governed(doc[frame.token], by_token) + self._clause_of_carrier(doc, frame, by_token)
            absorbed |= {m.token for m in inside}
            if inside or not _states_a_fact(doc[frame.token], self.frames):
                candidate = self._apply_frame(frame, inside)
                if self._entry(frame).frame in PROMISE_FRAMES:
                    candidate = self._without_threat(doc, candidate)
                candidates.append(self._with_aux_frame(doc, candidate))
        for match in by_token.values():
            if match.token not in absorbed and not self._entry(match).frame:
                cause = self._outcome_cause(doc, match, by_token)
                candidates.append(
                    self._standalone(doc, match) if cause is None else Candidate(cause, match.token)
                )
        return sorted(candidates, key=lambda c: c.match.token)

    def _clause_of_carrier(
        self, doc: Doc, frame: TriggerMatch, by_token: Mapping[int, TriggerMatch]
    ) -> list[TriggerMatch]:
        """A nominal frame's clause is often parsed on its verb: "renewed its demand *that X*"."""
        carrier = governor_of(doc[frame.token]) if frame.nominal else None
        if carrier is None or carrier.i in by_token:
            return []
        found: list[TriggerMatch] = []
        for clause in (c for c in carrier.children if c.dep_ == "ccomp"):
            if clause.i in by_token:
                found.append(by_token[clause.i])
            found += governed(clause, by_token)
        return found

    def _outcome_cause(
        self, doc: Doc, match: TriggerMatch, by_token: Mapping[int, TriggerMatch]
    ) -> TriggerMatch | None:
        """The event behind agentless casualties: "two were killed *in riots*" -> the riots."""
        token = doc[match.token]
        if token.lemma_.lower() not in self.frames.outcome_verbs:
            return None
        deps = {c.dep_ for c in token.children}
        if "agent" in deps or not (deps & {"nsubjpass", "auxpass"} or token.lemma_.lower() == "die"):
            return None
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in by_token:
                    return by_token[obj.i]
        return None

    def _entry(self, match: TriggerMatch) -> LexEntry:
        return self.lexicon.entry(match.pattern)

    def _apply_frame(self, frame: TriggerMatch, inside: list[TriggerMatch]) -> Candidate:
        content = next((m for m in inside if not self._entry(m).frame), None)
        kind = self._entry(frame).frame or frame.plover
        if content is None:
            return Candidate(match=frame, anchor=frame.token)
        recoded = self._recoded(frame, kind, content)
        return Candidate(match=recoded, anchor=frame.token, content=content)

    def _recoded(self, frame: TriggerMatch, kind: str, content: TriggerMatch) -> TriggerMatch:
        table = self.frames.frame_cameo.get(kind, {})
        code = recode(table, content.cameo) if table else None
        if code == RALLY_OPPOSITION and content.plover == "SANCTION" and not content.nominal:
            # "called for sanctions against X" rallies opposition to X; "demanded that
            # Washington cancel the sale" asks Washington itself to act
            code = table.get("default")
        if code == KEEP:
            return dataclasses.replace(frame, cameo=content.cameo, plover=content.plover, mode=content.mode)
        if code is None:
            return frame
        record = self.ontology.cameo(code)
        return dataclasses.replace(
            frame,
            cameo=code,
            plover=record.plover or kind,
            mode=record.mode,
            pattern=f"{frame.pattern}+{content.pattern}",
            target_preps=tuple(dict.fromkeys(frame.target_preps + content.target_preps)),
        )

    def _without_threat(self, doc: Doc, candidate: Candidate) -> Candidate:
        """A promise of restraint or of joint action is no threat (events.promises)."""
        content = candidate.content
        recoded = (
            None if content is None else promise_without_threat(doc, candidate.match, content, self.ontology)
        )
        # the negation of a promised restraint belongs to the act, not to the promise
        return (
            candidate
            if recoded is None
            else dataclasses.replace(candidate, match=recoded, negation_absorbed=True)
        )

    def _standalone(self, doc: Doc, match: TriggerMatch) -> Candidate:
        entry = self._entry(match)
        token = doc[match.token]
        if entry.negated_cameo and _is_negated(token):
            record = self.ontology.cameo(entry.negated_cameo)
            recoded = dataclasses.replace(
                match, cameo=record.code, plover=record.plover or match.plover, mode=record.mode
            )
            return self._with_aux_frame(doc, Candidate(recoded, match.token, negation_absorbed=True))
        if _refuses_in_future(token) and match.cameo[:2] < COOPERATION_ENDS:
            # "would not negotiate", "will not withdraw": announcing that one will not
            # cooperate or yield is a refusal made now, not a negated future action
            refusal = self._recoded(match, "REJECT", match)
            return Candidate(refusal, match.token, content=match, negation_absorbed=True, asserted=True)
        return self._with_aux_frame(doc, Candidate(match, match.token))

    def _with_aux_frame(self, doc: Doc, candidate: Candidate) -> Candidate:
        """Recode an action under "must"/"should" as a demand that someone take it."""
        clause, aux = _clause_aux(doc[candidate.match.token], self.frames)
        if aux is None:
            return candidate
        kind = self.frames.aux[aux.lemma_.lower()]
        recoded = self._recoded(candidate.match, kind, candidate.match)
        speaker = _speech_verb(clause)
        head = speaker.i if speaker is not None else recoded.token
        recoded = dataclasses.replace(
            recoded,
            token=head,
            tokens=tuple(sorted({aux.i, *candidate.match.tokens})),
            pattern=f"aux.{aux.lemma_.lower()}+{candidate.match.pattern}",
        )
        return dataclasses.replace(
            candidate, match=recoded, anchor=head, content=candidate.match, asserted=True
        )


def _states_a_fact(token: Token, frames: Frames) -> bool:
    """ "Both sides agreed *that the talks were useful*": a verb of assent with a that-clause
    and no promise in it (no modal, no infinitive) reports an opinion, not a commitment."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("agree", "concur", "accept", "acknowledge"):
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in ("xcomp", "dobj") for c in token.children):
        return False
    modals = frames.aux.keys() | {"will", "would", "shall", "could", "can", "may", "might"}
    return not any(a.dep_ == "aux" and a.lemma_.lower() in modals for c in clauses for a in c.children)


def _speech_verb(clause: Token) -> Token | None:
    """The verb that reports a "must" clause: "said (that) X must", "issued a reminder that X must"."""
    if clause.dep_ not in ("ccomp", "acl"):
        return None
    head = clause.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "pobj"):
        head = head.head if head.dep_ != "pobj" else head.head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != clause.i else None


def _refuses_in_future(token: Token) -> bool:
    """ "will not", "would never", "won't": negated with a future auxiliary on the verb itself."""
    children = list(token.children)
    negated = any(c.dep_ == "neg" for c in children)
    return negated and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children)


def _is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _clause_aux(token: Token, frames: Frames) -> tuple[Token, Token | None]:
    """The verb whose auxiliaries govern ``token`` (through "to" complements and conjuncts)."""
    clause = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass") else token
    for _ in range(4):
        aux = next((c for c in clause.children if c.dep_ == "aux" and c.lemma_.lower() in frames.aux), None)
        if aux is not None:
            return clause, aux
        if clause.dep_ not in ("xcomp", "conj", "acomp") or clause.head.i == clause.i:
            break
        clause = clause.head
    return clause, None
