"""Arguments that point back past their sentence: "condemned *the move*", "*the two sides* agreed".

Arguments are read inside one sentence (``argument_actors.within_sentence``), but wire copy
often names a party only in an earlier sentence and refers to it by what it did or by a
count:

- **An act referred to by a definite noun is that act's doer.** "Sweden expelled a
  Russian diplomat. The embassy called *the decision* unfounded": the decision is
  Sweden's, so Sweden is the target. A reply ("promised *a response*") is aimed at whoever
  acted before. The doer is the subject of the nearest earlier sentence (at most
  ``LOOK_BACK`` back) that names an actor not of the source's own country.
- **A pair referred to by a count is the last two parties named.** "Japan's prime minister
  met President Marcos, and *the two sides* agreed", "*the two countries'* security
  chiefs spoke": the two nearest earlier actors of different countries.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from eventwire.events.argument_actors import kids, resolve
from eventwire.nlp.parsed import ParsedArticle
from eventwire.nlp.vocabulary import ACTIVE_SUBJECT_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS
from eventwire.records import NON_STATE_CODES, Actor

# How many sentences back an act's doer is looked for: further back, a referring noun
# more often means the story's background than the last thing reported.
LOOK_BACK = 2
# Nouns that refer back to an act when definite ("the move", "this decision").
ACT_NOUNS = frozenset(
    {
        "move", "decision", "step", "action", "measure", "measures", "crackdown", "accord",
        "deal", "agreement", "vote", "law", "ruling", "verdict", "sentence", "sentencing",
        "expulsion", "expulsions", "attack", "attacks", "strike", "strikes", "incursion",
        "seizure", "arrest", "arrests", "detention", "execution", "executions", "ban",
        "sanctions", "annexation", "deployment", "raid", "test", "launch", "killing",
    }
)  # fmt: skip
# Nouns that answer an earlier act whatever their determiner ("promised a response").
REPLY_NOUNS = frozenset({"response", "retaliation", "reprisal", "reprisals", "reply", "countermeasures"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
# Nouns a count turns into a reference to two parties ("the two sides", "both governments").
PAIR_NOUNS = frozenset(
    {"side", "sides", "country", "countries", "nation", "nations", "government", "governments",
     "leader", "leaders", "neighbour", "neighbours", "neighbor", "neighbors", "capitals"}
)  # fmt: skip


def refers_to_act(noun: Token) -> bool:
    """ "the move", "this decision", "a response": a noun standing for an earlier act."""
    lemma = noun.lemma_.lower()
    if noun.lower_ in REPLY_NOUNS or lemma in REPLY_NOUNS:
        return True
    if noun.lower_ not in ACT_NOUNS and lemma not in ACT_NOUNS:
        return False
    # "the move by Caracas" names its doer itself; "the law on elections" its content
    if kids(noun, ("poss", "prep", "compound", "amod", "acl", "relcl")):
        return False
    return any(d.lower_ in DEFINITE for d in kids(noun, ("det",)))


def act_objects(verb: Token) -> list[Token]:
    """The verb's objects (and its coordinated verbs' ones) that stand for an earlier act."""
    return [o for o in kids(verb, OBJECT_DEPS) if refers_to_act(o)]


def earlier_doer(parsed: ParsedArticle, token: Token, avoid: Collection[str]) -> tuple[Actor, ...]:
    """Actors of the subject of the nearest earlier sentence that names one of another country."""
    sentences = list(parsed.doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    for sent in reversed(sentences[max(0, here - LOOK_BACK) : here]):
        subjects = kids(sent.root, ACTIVE_SUBJECT_DEPS)
        found = resolve(parsed, subjects, parsed.mentions_starting_in(sent.start, sent.end))
        actors = tuple(m.actor for m in found if m.actor and m.actor.country and m.actor.country not in avoid)
        if actors:
            return actors
    return ()


def pair_head(subjects: Sequence[Token]) -> Token | None:
    """ "the two sides", "both countries", "the two countries' chiefs": the counted noun."""
    for subject in subjects:
        for noun in [subject, *kids(subject, ("poss",))]:
            counted = any(c.lower_ in ("two", "both") for c in kids(noun, ("nummod", "det", "predet")))
            if counted and noun.lower_ in PAIR_NOUNS:
                return noun
    return None


def earlier_pair(parsed: ParsedArticle, noun: Token) -> tuple[Actor, ...]:
    """The two nearest actors of different states named before ``noun`` (in its sentence or
    the ``LOOK_BACK`` before it)."""
    sentences = list(parsed.doc.sents)
    here = next(i for i, s in enumerate(sentences) if s.start <= noun.i < s.end)
    start = sentences[max(0, here - LOOK_BACK)].start
    pair: dict[str, Actor] = {}
    for mention in reversed(parsed.mentions_starting_in(start, noun.left_edge.i)):
        actor = mention.actor
        if actor is not None and actor.country and actor.country not in NON_STATE_CODES:
            pair.setdefault(actor.country, actor)
        if len(pair) == 2:
            return tuple(reversed(pair.values()))
    return ()


def subjects_of(verb: Token) -> list[Token]:
    """The verb's own subject, or the one it shares as a coordinated verb."""
    own = kids(verb, ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if own or verb.dep_ != "conj":
        return own
    return subjects_of(verb.head)
