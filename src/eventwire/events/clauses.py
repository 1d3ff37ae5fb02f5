"""Multi-event reports: one event per main clause, not one per sentence.

News sentences join separate events as coordinated main clauses: "thousands marched in the
capital; police detained 150 of them", "the president met opposition leaders and promised to
lift the ban", "police fired tear gas and detained 20". Each main clause reports an event of
its own, with its own actors, so the selector keeps the best candidate of every main clause.
A main clause is the sentence's root or a verb coordinated with it (``conj``, ``parataxis``,
recursively); subordinate, relative and adjunct clauses stay inside the clause they hang on,
so background ("after talks collapsed") still competes with, and loses to, its main clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Frames
from eventwire.events.select import Ranked, anchor_token, clause_depth

COORDINATION_DEPS = frozenset({"conj", "parataxis"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# How far below its own main clause a candidate may sit and still be that clause's event:
# a complement or an object noun ("promised *to lift*", "imposed *a curfew*"), not a
# subordinate clause of it (cost 1 each, see events.select).
MAX_DEPTH_IN_CLAUSE = 0.75
MAX_STEPS = 40  # a parse is a tree; the bound only guards against a broken one


def is_main_clause(verb: Token) -> bool:
    """The sentence root, or a verb coordinated with a main clause."""
    for _ in range(MAX_STEPS):
        if verb.head.i == verb.i:
            return True
        coordinated = verb.dep_ in COORDINATION_DEPS or _across_semicolon(verb)
        if not coordinated or verb.pos_ not in VERBAL_POS:
            return False
        verb = verb.head
    return False


def _across_semicolon(clause: Token) -> bool:
    """ "Workers marched; police detained 150": the parser may hang the first clause on the
    second as a complement, but a semicolon between them makes them two main clauses."""
    if clause.dep_ != "ccomp":
        return False
    low, high = sorted((clause.i, clause.head.i))
    return any(t.text == ";" for t in clause.doc[low:high])


def main_clause_of(token: Token) -> Token:
    """The main clause ``token`` belongs to: the nearest main-clause verb above it (or itself)."""
    for _ in range(MAX_STEPS):
        if is_main_clause(token):
            return token
        token = token.head
    return token


def per_main_clause(doc: Doc, ranked: list[Ranked], kept: list[Ranked], frames: Frames) -> list[Ranked]:
    """``kept`` plus the best candidate of every other main clause (``ranked`` is best first).

    A candidate joins only when it sits near the top of its clause and shares no token with
    an event already kept; its clause must be another than those of the kept events.
    """
    clauses = {main_clause_of(anchor_token(doc, r.candidate, frames)).i for r in kept}
    covered = {t for r in kept for t in (*r.candidate.match.tokens, r.candidate.match.token)}
    added: list[Ranked] = []
    for item in ranked:
        anchor = anchor_token(doc, item.candidate, frames)
        clause = main_clause_of(anchor)
        if clause.i in clauses or item.candidate.match.token in covered:
            continue
        if item.depth - clause_depth(clause, frames) > MAX_DEPTH_IN_CLAUSE:
            continue
        clauses.add(clause.i)
        covered |= {*item.candidate.match.tokens, item.candidate.match.token}
        added.append(item)
    return kept + added
