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

from eventwire.events.frames import BACKGROUND_PREPS, FINITE_TAGS
from eventwire.events.lexicon import Frames
from eventwire.events.select import BACKGROUND_MARKS, Ranked, anchor_token, clause_depth, has_own_actor
from eventwire.nlp.vocabulary import VERB_POS

COORDINATION_DEPS = frozenset({"conj", "parataxis"})
# How far below its own main clause a candidate may sit and still be that clause's event:
# a complement or an object noun ("promised *to lift*", "imposed *a curfew*"), not a
# subordinate clause of it (cost 1 each, see events.select).
MAX_DEPTH_IN_CLAUSE = 0.75
MAX_STEPS = 40
# An accusation or criticism voiced in a participial adjunct ("Iran demanded the tanker's
# release, *calling* the seizure piracy") is said by the main subject in its own words: a
# speech act of its own, unlike a purpose or manner adjunct ("..., *demanding* protection").
SPEECH_ADJUNCT_TYPES = frozenset({"ACCUSE"})
# Role words that are political actors by themselves.
ACTOR_NOUNS = frozenset(
    {"protester", "demonstrator", "police", "troop", "soldier", "rebel", "militant", "gunman", "army"}
    | {"government", "minister", "president", "envoy", "official", "insurgent", "fighter", "militia"}
    | {"resident", "villager", "student", "worker", "farmer", "crowd", "striker", "activist", "supporter"}
)  # a parse is a tree; the bound only guards against a broken one


def is_main_clause(verb: Token) -> bool:
    """The sentence root, or a verb coordinated with a main clause."""
    for _ in range(MAX_STEPS):
        if verb.head.i == verb.i:
            return True
        lifted = _finite_after_gerund(verb)
        if lifted is not None:
            verb = lifted
            continue
        coordinated = verb.dep_ in COORDINATION_DEPS or _across_semicolon(verb) or _adjunct_with_actors(verb)
        if not coordinated or verb.pos_ not in VERB_POS:
            return False
        verb = verb.head
    return False


def _finite_after_gerund(verb: Token) -> Token | None:
    """ "accused Algeria *of shooting* down a drone *and recalled* its envoy": a finite verb the
    parser coordinates with a gerund in a prepositional argument belongs to the clause above
    the preposition (the gerund cannot take a past tense); that clause's verb, else None."""
    gerund = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or gerund.tag_ != "VBG" or gerund.dep_ != "pcomp":
        return None
    prep = gerund.head
    if prep.lower_ in BACKGROUND_PREPS or prep.head.pos_ not in VERB_POS:
        return None
    return prep.head


def _adjunct_with_actors(clause: Token) -> bool:
    """ "Belarus freed 18 prisoners, hours *after a U.S. envoy met* Lukashenko": an adverbial
    clause whose own named subject acts reports a separate event (the conventions' rule
    for adjuncts with actors of their own); one with no subject or a pronoun is background."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return any(_names_an_actor(s) for s in subjects)


def _names_an_actor(subject: Token) -> bool:
    """A named or political subject ("a U.S. envoy", "Norway's minister", "protesters"), not
    a bystander ("after *the driver* refused to pay")."""
    if subject.pos_ == "PROPN" or subject.lemma_.lower() in ACTOR_NOUNS:
        return True
    return subject.pos_ == "NOUN" and has_own_actor(subject)


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
        clause = _own_clause(item, anchor)
        if clause.i in clauses or item.candidate.match.token in covered:
            continue
        if item.depth - clause_depth(clause, frames) > MAX_DEPTH_IN_CLAUSE:
            continue
        clauses.add(clause.i)
        covered |= {*item.candidate.match.tokens, item.candidate.match.token}
        added.append(item)
    return kept + added


def _own_clause(item: Ranked, anchor: Token) -> Token:
    """The clause whose event ``item`` may be: its main clause, or a participial adjunct that
    is a speech act of its own ("refused to meet him, *accusing* Paris of bias")."""
    if item.candidate.match.plover in SPEECH_ADJUNCT_TYPES:
        adjunct = participial_adjunct(anchor)
        if adjunct is not None:
            return adjunct
    return main_clause_of(anchor)


def participial_adjunct(token: Token) -> Token | None:
    """The subjectless "-ing" adjunct ``token`` heads or sits on ("..., *calling* the seizure
    piracy", "..., *accusing* Kigali of ..."), if any: its actor is the main clause's subject."""
    for _ in range(MAX_STEPS):
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
            return token if subjectless else None
        if token.head.i == token.i or token.pos_ in VERB_POS:
            return None
        token = token.head
    return None


def in_bystander_clause(token: Token) -> bool:
    """``token`` sits in a background clause ("after ...", "as ...") whose subject is no
    actor: "fares rose after *the driver refused* to work" reports no political event."""
    clause = token
    for _ in range(MAX_STEPS):
        if clause.pos_ in VERB_POS and clause.dep_ == "advcl":
            break
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    else:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(_names_an_actor(s) for s in subjects)


def is_casualty_outcome(verb: Token) -> bool:
    """ "12 civilians were killed", "two guards wounded": a casualty told without an agent,
    as a passive or a headline's bare participle. Beside an attack the same report tells,
    it is what the attack did, not an event of its own."""
    if verb.pos_ not in VERB_POS or verb.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps:
        return False
    return "auxpass" in deps or ("nsubj" in deps and not deps & {"aux", "auxpass"})


def is_standing_state(token: Token) -> bool:
    """ "The mission *has been deployed* in the country *since 2014*", "had been held since
    2019": a passive perfect with a "since" phrase tells a state that has lasted, background
    to the report. An active one counts acts up to now ("police have detained 40 people
    since Monday") and stays an event. A noun is read on the verb it is subject of."""
    verb = token.head if token.pos_ not in VERB_POS and token.dep_ in ("nsubj", "nsubjpass") else token
    deps = {(c.dep_, c.lemma_.lower()) for c in verb.children}
    passive_perfect = ("aux", "have") in deps and any(dep == "auxpass" for dep, _ in deps)
    return passive_perfect and ("prep", "since") in deps
