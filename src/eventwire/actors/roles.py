"""Role nouns: common nouns that name actors by what they are ("troops", "foreign minister").

The KB knows role terms and their (sector, kind); this module finds the longest role phrase
a noun heads in the parse: "Russian Deputy Foreign Minister" -> "deputy foreign minister",
"the secretary of state" -> "secretary of state", "opposition politician".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.lookups import Lookups
from eventwire.nlp.vocabulary import NOUN_MODIFIER_DEPS

# A role word used as an adjective only heads a phrase in these positions ("secretary-general").
ADJ_HEAD_DEPS = frozenset({"appos", "nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "ROOT"})
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A noun that names an actor by role: the phrase that matched and its (sector, kind)."""

    title: str
    role: tuple[str, str] | None
    relational: str | None = None  # "counterpart": the role comes from the possessor
    plural: bool = False


def _eligible(token: Token) -> bool:
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.pos_ == "ADJ" and token.dep_ in ADJ_HEAD_DEPS


def _left_words(token: Token, look: Lookups, entity_of: dict[int, Span]) -> list[str]:
    """Modifier words before the noun that may belong to its role phrase, in text order."""
    picked: list[Token] = []
    for child in token.lefts:
        if child.dep_ not in NOUN_MODIFIER_DEPS:
            continue
        for word in child.subtree:
            if word.i in entity_of or word.dep_ in ("det", "poss", "case", "cc"):
                continue
            if (word.is_punct and word.text != "-") or look.nationality(word.text) is not None:
                continue
            picked.append(word)
    picked.sort(key=lambda w: w.i)
    return [w.lower_ for w in picked][-MAX_PHRASE_WORDS:]


def _of_phrase(token: Token, entity_of: dict[int, Span]) -> list[str]:
    """ "of state" in "secretary of state" (only when no actor name is inside)."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            words = [w for w in child.subtree if w.dep_ != "det"]
            if words and len(words) <= 4 and not any(w.i in entity_of for w in words):
                return [w.lower_ for w in words]
    return []


def _phrases(left: list[str], head: str, of_words: list[str]) -> list[tuple[str, int]]:
    """Candidate role phrases, longest first (with and without the "of" tail), each with
    how many of the left words it leaves out."""
    phrases: list[tuple[str, int]] = []
    for i in range(len(left) + 1):
        core = [*left[i:], head]
        if of_words:
            phrases.append((" ".join(core + of_words), i))
        phrases.append((" ".join(core), i))
    return phrases


def _sector_from_modifier(role: tuple[str, str], unmatched: list[str], look: Lookups) -> tuple[str, str]:
    """ "rebel leaders", "opposition officials": a role word before a generic government
    role ("leaders", "officials") that the phrase did not match gives the sector."""
    if role[0] != "GOV":
        return role
    for word in reversed(unmatched):
        found = look.role(word)
        if found is not None and found[0] != "GOV":
            return (found[0], role[1])
    return role


def _hyphen_prefixed(
    token: Token, phrase: str, found: tuple[str, str], look: Lookups
) -> tuple[str, tuple[str, str]]:
    """ "Ex-president": the small model splits the prefix off as a word of its own, so the
    modifier before a hyphen is read back here ("ex president" is an elite, ELI)."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_:
        return phrase, found
    prefixed = f"{doc[token.i - 2].lower_} {phrase}"
    role = look.role(prefixed)
    return (prefixed, role) if role is not None else (phrase, found)


def role_of(token: Token, look: Lookups, entity_of: dict[int, Span]) -> RoleNoun | None:
    """The role phrase ``token`` heads, if the KB knows one."""
    if not _eligible(token):
        return None
    plural = token.tag_ in ("NNS", "NNPS")
    relational = look.grammar.relational_nouns
    if token.lemma_.lower() in look.grammar.state_nouns:
        return RoleNoun(token.lemma_.lower(), ("", "state"), plural=plural)  # a state, no sector
    if token.lower_ in relational:
        return RoleNoun(token.lower_, None, relational=token.lower_, plural=plural)
    left = _left_words(token, look, entity_of)
    for phrase, dropped in _phrases(left, token.lower_, _of_phrase(token, entity_of)):
        found = look.role(phrase)
        if found is not None:
            whole = dropped == len(left)  # the phrase starts at the head: "ex-" may precede it
            title, found = _hyphen_prefixed(token, phrase, found, look) if whole else (phrase, found)
            return RoleNoun(title, _sector_from_modifier(found, left[:dropped], look), plural=plural)
    if token.lemma_.lower() != token.lower_:
        found = look.role(token.lemma_.lower())
        if found is not None:
            return RoleNoun(token.lemma_.lower(), found, plural=plural)
    return None


def role_nouns(doc: Doc, look: Lookups, entity_of: dict[int, Span], skip: set[int]) -> dict[int, RoleNoun]:
    """Every token outside names (``skip``: actors and places) that heads a role phrase."""
    found: dict[int, RoleNoun] = {}
    location_nouns = look.grammar.location_nouns
    for token in doc:
        if token.i in skip or token.lemma_.lower() in location_nouns:
            continue
        role = role_of(token, look, entity_of)
        if role is not None:
            found[token.i] = role
    return found
