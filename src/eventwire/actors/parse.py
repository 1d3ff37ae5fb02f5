"""One article's parse as the mention finder sees it: entity, role and nationality tokens.

The finder (``detect``) builds a ``Parse`` once per article; the evidence and specificity
rules (``evidence``, ``specific``) read it. It lives apart from all three so that they
depend on it and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.lookups import Lookups
from eventwire.actors.roles import RoleNoun
from eventwire.nlp.vocabulary import NAME_LABELS, NOUN_MODIFIER_DEPS, NOUN_POS

# Positions where a NORP word is a noun phrase of its own ("*Palestinians* protested").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


@dataclass
class Parse:
    """The doc with the lookups the finder made once: entity, role and nationality tokens."""

    doc: Doc
    look: Lookups
    sentence_of: list[int]
    entity_of: dict[int, Span] = field(default_factory=dict)
    roles: dict[int, RoleNoun] = field(default_factory=dict)
    nationals: dict[int, str] = field(default_factory=dict)  # token -> ISO3 it names
    patrons: set[int] = field(default_factory=set)  # "Syrian" in "Syrian-backed"
    proxies: dict[int, int] = field(default_factory=dict)  # thing head -> role noun speaking for it
    place_words: dict[int, str] = field(default_factory=dict)  # "Thai" in "the Thai border"
    ethnic: set[int] = field(default_factory=set)  # "Albanians" in "ethnic Albanians"
    _phrase_countries: dict[int, set[str]] | None = None

    def climb(self, token: Token) -> Token:
        """The head of the noun phrase a modifier belongs to ("US" -> "Blinken")."""
        while token.head.i != token.i and (
            token.dep_ in NOUN_MODIFIER_DEPS
            or (token.dep_ == "conj" and token.head.dep_ in NOUN_MODIFIER_DEPS)
        ):
            head = token.head
            if head.pos_ in ("VERB", "AUX") and head.dep_ not in NOUN_MODIFIER_DEPS:
                break  # "npadvmod" of a clause verb: not inside a noun phrase
            token = head
        return token

    def is_actor_head(self, token: Token) -> bool:
        """Can this token head a phrase that names an actor (name, role noun or people noun)?"""
        span = self.entity_of.get(token.i)
        if span is not None:
            return span.root.i == token.i and (span.label_ in NAME_LABELS or people_noun(token, span))
        return token.i in self.roles

    def holder(self, token: Token) -> int | None:
        """Head of the actor phrase ``token`` belongs to (itself if it heads one), if any.

        In "Russian state media reports" the phrase is about reports, a thing; the role
        noun "media" then speaks for the phrase and takes its nationality.
        """
        top = self.climb(token)
        if self.is_actor_head(top):
            return top.i
        return self.proxies.get(top.i, self._named_apposition(top))

    def _named_apposition(self, top: Token) -> int | None:
        """ "the Indian conglomerate Adani Group", "the Brazilian planemaker Embraer": a noun
        that is no role word, in apposition with a name, describes that name's actor."""
        if top.pos_ != "NOUN":
            return None
        for child in top.rights:
            if child.dep_ == "appos" and child.i in self.entity_of and self.is_actor_head(child):
                return child.i
        return None

    def phrase_countries(self) -> dict[int, set[str]]:
        """Countries named inside each actor phrase, by phrase head (computed once)."""
        if self._phrase_countries is None:
            self._phrase_countries = {}
            for i, country in self.nationals.items():
                holder = self.actor_head_of(self.doc[i])
                if holder is not None:
                    self._phrase_countries.setdefault(holder, set()).add(country)
        return self._phrase_countries

    def actor_head_of(self, token: Token) -> int | None:
        """The actor phrase a modifier qualifies ("US" -> "Blinken"); None for free words."""
        holder = self.holder(token)
        return holder if holder != token.i else None


def people_noun(token: Token, span: Span) -> bool:
    """ "Palestinians", "Iraqi Kurds", "thousands of Sudanese": a NORP used as a noun (a plural,
    or the head of an argument) names a group of people."""
    if span.label_ != "NORP":
        return False
    plural = token.pos_ in NOUN_POS and token.tag_ in ("NNS", "NNPS")
    return plural or token.dep_ in ARGUMENT_DEPS
