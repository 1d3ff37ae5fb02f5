"""Toponyms used as places, not actors: "met in Reykjavik", "the town of Samarra".

A country or city named as where something happened is not a party to it. The test is
syntactic: the toponym is the object of a locative preposition ("in", "at", "near"), or
names a location noun ("the capital Kabul", "the Kabul airport", "the town of Samarra").
"Sanctions on Iran", "talks with Russia" and "troops sent to Bosnia" keep their actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.entities import STATE_KEY_PREFIXES, name_text
from eventwire.actors.grammar import Grammar
from eventwire.actors.lookups import Lookups


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A toponym the article uses as a location, with the country it lies in (when known)."""

    span: Span
    country: str | None


def is_place_like(span: Span, look: Lookups) -> bool:
    """Could this entity be a location at all? (A person or an IGO never is.)"""
    entry = look.lookup(name_text(span))
    if entry is not None and entry.kind == "person" and len(name_text(span).split()) == 1:
        # "a rally in Lagos": in a locative position a lone surname the gazetteer knows as
        # a town is the town (callers only ask about locative positions)
        return look.place_country(name_text(span)) is not None
    if entry is not None:
        return entry.key.startswith(STATE_KEY_PREFIXES)
    if span.label_ in ("GPE", "LOC", "FAC"):
        return True
    return look.place_country(name_text(span)) is not None


def _names_location_noun(token: Token, grammar: Grammar) -> bool:
    """ "the capital Kabul", "the Kabul airport", "the town of Samarra"."""
    nouns = grammar.location_nouns
    if token.dep_ in ("compound", "appos", "nmod") and token.head.lemma_.lower() in nouns:
        return True
    if any(ch.dep_ in ("compound", "nmod", "appos") and ch.lemma_.lower() in nouns for ch in token.children):
        return True  # "the regional capital Juba", parsed with "capital" hanging on the name
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "of":
        return False
    holder = preposition.head  # "the town of X"; "in a residential sector of X"
    located = holder.dep_ == "pobj" and holder.head.lower_ in grammar.locative_prepositions
    return holder.lemma_.lower() in nouns or located


def is_locative(token: Token, grammar: Grammar) -> bool:
    """Is the phrase headed by ``token`` a location in its sentence?"""
    if _names_location_noun(token, grammar):
        return True
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head  # "in Bam, Iran", "in Gaza and the West Bank"
        if _names_location_noun(token, grammar):
            return True
    return token.dep_ == "pobj" and token.head.lower_ in grammar.locative_prepositions


def is_dateline(span: Span) -> bool:
    """ "KABUL (Reuters) -", "MOSCOW, March 3 (AP) -": the place a report was filed from."""
    doc = span.doc
    starts_line = span.start == 0 or doc[span.start].is_sent_start or "\n" in doc[span.start - 1].whitespace_
    if not starts_line or span.end >= len(doc) or doc[span.end].text not in ("(", ","):
        return False
    following = doc[span.end : span.end + 8]
    return span.text.isupper() or any(t.text == "(" for t in following)


def find_places(doc: Doc, spans: list[Span], look: Lookups) -> list[PlaceSpan]:
    """The entity spans that name places where things happened, with their countries."""
    places: list[PlaceSpan] = []
    for span in spans:
        locative = is_locative(doc[span.root.i], look.grammar) or is_dateline(span)
        if span.label_ == "NORP" or not locative:
            continue
        if is_place_like(span, look):
            places.append(PlaceSpan(span, _country(span, look)))
    return places


# Words after a toponym that say what kind of unit it is ("Puno region"): the longer name is
# looked up first, so that a region is not read as a similar-sounding town elsewhere.
ADMIN_WORDS = frozenset(
    {"region", "province", "state", "district", "county", "department", "governorate", "oblast",
     "prefecture", "division", "municipality"}
)  # fmt: skip


def _country(span: Span, look: Lookups) -> str | None:
    """ "Cameroon's North-West region" lies in Cameroon whatever else the gazetteer knows by
    that name (a South African province); otherwise the name with its unit, then alone."""
    owned = _owner_country(span, look)
    if owned is not None:
        return owned
    name = name_text(span)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in ADMIN_WORDS and after.is_lower:
        found = look.place_country(f"{name} {after.text}")
        if found is not None:
            return found
    return look.place_country(name)


def _owner_country(span: Span, look: Lookups) -> str | None:
    """The country a possessive names for a place: "*Cameroon's* North-West region"."""
    holders = [span.root]
    if span.root.dep_ == "compound" and span.root.head.lower_ in ADMIN_WORDS:
        holders.append(span.root.head)
    owners = [c for h in holders for c in h.children if c.dep_ == "poss"]
    return next((c for o in owners if (c := look.kb_country(o.text)) is not None), None)
