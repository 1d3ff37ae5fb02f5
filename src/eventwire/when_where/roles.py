"""Syntactic roles that make a name a place: the object of a locative preposition, of "of"
or of a verb such as "shelled", a name before a unit word, a name owning a noun, and what
stays inside a locative phrase. Read by ``places.EventPlacer``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.geo.locatives import Locatives
from eventwire.geo.names import UNIT_WORDS

# Nouns that call a name a settlement ("the town of X", "X, a village ...").
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "settlement", "port", "hamlet", "capital"})
# Dependencies through which a toponym still belongs to the locative phrase:
# "at a hotel in Reykjavik", "in the Icelandic capital, Reykjavik", "in northern Syria".
_PHRASE_DEPS = frozenset({"pobj", "prep", "appos", "compound", "amod", "nmod", "conj", "cc", "det", "punct"})


def with_unit_before(span: Span, name: str) -> str:
    """ "the State of Mexico", "the northern state of Zacatecas" -> "Mexico state": the unit
    word the text puts before the name, when none follows it."""
    doc, start = span.doc, span.start
    if start < 2 or name.rsplit(maxsplit=1)[-1].lower() in UNIT_WORDS or doc[start - 1].lower_ != "of":
        return name
    unit = doc[start - 2]
    return f"{name} {unit.lower_}" if unit.lower_ in UNIT_WORDS else name


def before_unit_word(token: Token) -> bool:
    following = token.i + 1
    return following < len(token.doc) and token.doc[following].lower_ in UNIT_WORDS


def called_a_town(span: Span) -> bool:
    """ "Sake, a town ...", "the town of Mocimboa da Praia": the text says it is a settlement."""
    root = span.root
    apposed = any(c.dep_ == "appos" and c.lemma_ in SETTLEMENT_NOUNS for c in root.children)
    of_town = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in SETTLEMENT_NOUNS
    return apposed or of_town


def place_role(token: Token, lexicon: Locatives) -> bool:
    """The object of a locative preposition or of "of", the object of a verb such as "shelled",
    a name before a unit word, or a conjunct or apposition of one of those."""
    while token.dep_ in ("conj", "appos") and token.head != token:
        token = token.head  # a loop, not recursion: lists in a text can be very long
    if token.dep_ == "pobj":
        word = token.head
        return word.lower_ == "of" or lexicon.is_locative(word.lower_, attached_to(word))
    if token.dep_ == "dobj":
        return token.head.lemma_ in lexicon.place_object_verbs
    if any(c.i < token.i and c.lower_ in lexicon.prepositions for c in token.children):
        return True  # a misparse that hangs the preposition under its object ("around Bakhmut")
    return token.dep_ == "compound" and token.head.lower_ in UNIT_WORDS


def owns_a_noun(token: Token) -> bool:
    """A name owning a common noun: "Kharkiv's mayor said ...", "Sucre's police chief": a town
    or province whose officials report an event is where it happened when the sentence names
    no other place (countries never count at the sentence step: "Kenya's police" is an actor)."""
    return token.dep_ == "poss" and token.head.pos_ == "NOUN"


def is_locative(token: Token, lexicon: Locatives) -> bool:
    return token.dep_ == "prep" and lexicon.is_locative(token.lower_, attached_to(token))


def attached_to(preposition: Token) -> str:
    """The lemma of the word a preposition hangs on; for "on" under a verb, its object's when
    the parser hung "on" too high ("intensified their assault on Pokrovsk")."""
    head = preposition.head
    if preposition.lower_ == "on" and head.pos_ == "VERB":
        return next((c.lemma_ for c in head.children if c.dep_ == "dobj"), head.lemma_)
    return head.lemma_


def inside_phrase(token: Token, phrase: Token, locative: frozenset[str], *, possessed: bool = False) -> bool:
    """True when ``token`` is part of the place the phrase names; with ``possessed``, also
    when it owns a word of the phrase ("Lusaka" in "in Lusaka's Kamwala market").

    A nested prepositional phrase keeps us inside only when it is locative itself ("at a hotel
    in Reykjavik") or an "of" right on the phrase's noun ("the outskirts of Goma"); any other
    ("concern about the increase in troops on the border with Ukraine") leads elsewhere.
    """
    current = token
    while current != phrase:
        if current.dep_ not in _PHRASE_DEPS and not (possessed and current.dep_ == "poss"):
            return False
        if current.dep_ == "prep" and current.lower_ not in locative:
            on_phrase_noun = phrase in (current.head, current.head.head)
            if current.lower_ != "of" or not on_phrase_noun:
                return False
        current = current.head
    return True


def proper_noun(token: Token) -> Span:
    """The token with the proper-noun compounds before it ("Nur-Sultan", "Abu Dhabi")."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head == token:
        start -= 1
    return token.doc[start : token.i + 1]
