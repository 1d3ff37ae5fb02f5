"""Role nouns that name no one in particular, and the objects of participial adjuncts.

"Addressing reporters, the minister said ..." : the reporters are the audience of an
adjunct, not a party to the reported events; bare, they are no actor at all. "The heads
of diplomatic departments met": a bare plural of an institution noun names institutions
of several states, so the article's salient country is no evidence for it (the
resolver only lets a state the sentence itself names supply one). Applying that to every
bare plural ("protesters", "troops") measured much worse (dev dyad F1 0.788 -> 0.763,
project gold 0.797 -> 0.756): those are usually the article's own people.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.candidates import Candidate
from eventwire.actors.parse import Parse
from eventwire.nlp.vocabulary import PARTICIPLE_TAGS, SUBJECT_DEPS_WITH_CLAUSES

# Left dependents that make a nominal specific: a determiner, a possessor, a number.
SPECIFIC_DEPS = frozenset({"det", "poss", "nummod", "predet"})


def is_bare(parse: Parse, c: Candidate) -> bool:
    """A role nominal with nothing that pins it down: no determiner, possessor, number,
    nationality, owner, deploying subject or place."""
    head = parse.doc[c.head]
    if any(ch.dep_ in SPECIFIC_DEPS for ch in head.lefts):
        return False
    evidence = (c.owner, c.agent, c.place_country)
    return c.label == "ROLE" and not c.nationalities and all(e is None for e in evidence)


def _participle_opening(head: Token) -> Token | None:
    """The sentence-initial participle that ``head`` is the object of, if any: "Addressing
    reporters, ..." parsed as a clause, or (a frequent small-model error) as an adjective."""
    verb = head.head
    opening = head.dep_ == "dobj" and verb.tag_ in PARTICIPLE_TAGS and verb.dep_ == "advcl"
    if opening and not any(ch.dep_ in SUBJECT_DEPS_WITH_CLAUSES for ch in verb.children):
        return verb
    first = head.sent[0]
    misparsed = first.dep_ == "amod" and first.head.i == head.i and first.tag_ == "VBG"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if misparsed and after is not None and after.text == ",":
        return first
    return None


def drop_adjunct_objects(parse: Parse, found: dict[int, Candidate]) -> None:
    """Remove bare objects of an opening participle; trim the participle off the others."""
    for head in list(found):
        c = found[head]
        verb = _participle_opening(parse.doc[head]) if c.label == "ROLE" else None
        if verb is None:
            continue
        if is_bare(parse, c):
            del found[head]
        elif c.start <= verb.i:
            c.start = verb.i + 1


def mark_generic(parse: Parse, found: dict[int, Candidate]) -> None:
    """Bare plurals of institution nouns ("ministries", "diplomatic departments")."""
    for c in found.values():
        kind = c.role[1] if c.role else None
        if c.plural and kind == "organization" and is_bare(parse, c):
            c.generic = True
