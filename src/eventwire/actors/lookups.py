"""One article's view of the knowledge base, gazetteer, grammar and gender words, with per-article caches.

An article repeats its names ("Blinken" ten times); the caches make each distinct string
cost one KB look-up. They live on this object, which lives only as long as the article.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventwire.actors.candidates import EntryLike, KnowledgeBase, PlaceFinder
from eventwire.actors.gender import GenderWords
from eventwire.actors.grammar import Grammar
from eventwire.records import NON_STATE_CODES

# Country codes for actors that are not states: they never count as "the article's country".
NON_STATE = NON_STATE_CODES  # one definition, in records


@dataclass
class Lookups:
    """KB, gazetteer, grammar and gender words for one article, dated so office holders resolve."""

    kb: KnowledgeBase
    grammar: Grammar
    gender: GenderWords
    date: dt.date | None = None
    places: PlaceFinder | None = None
    # Sector given to a state named as an actor (actors.kb option state_sector); None: none.
    state_sector: str | None = "GOV"
    # Country code of international NGOs (actors.kb option ngo_country): "IGO" or "NGO".
    ngo_country: str = "IGO"
    _names: dict[str, EntryLike | None] = field(default_factory=dict)
    _roles: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    _adjectives: dict[str, str | None] = field(default_factory=dict)
    _places: dict[str, str | None] = field(default_factory=dict)

    def lookup(self, text: str) -> EntryLike | None:
        if text not in self._names:
            self._names[text] = self.kb.lookup(text, on=self.date) if text.strip() else None
        return self._names[text]

    def role(self, phrase: str) -> tuple[str, str] | None:
        if phrase not in self._roles:
            self._roles[phrase] = self.kb.role(phrase) if phrase.strip() else None
        return self._roles[phrase]

    def org_type(self, name: str) -> tuple[str, str] | None:
        """(sector, kind) an unknown organisation's name states by its head ("Cairo University")."""
        return self.kb.org_type(name) if name.strip() else None

    def national_body(self, country: str, short: str) -> tuple[str, str] | None:
        """(full name, sector) of "India's CBI": a short name read with the country named."""
        return self.kb.national_body(country, short) if short.strip() else None

    def nationality(self, word: str) -> str | None:
        """ISO3 for "Russian"/"Russians"; None for any other word."""
        if word not in self._adjectives:
            found = self.kb.country_for_adjective(word) if word[:1].isalpha() else None
            self._adjectives[word] = found or self._misspelt(word)
        return self._adjectives[word]

    def _misspelt(self, word: str) -> str | None:
        """A capitalised word that names nothing known but is a near miss of a country or
        demonym ("Phillipine"); a known place or name is never a misspelling ("Indiana")."""
        if not (word[:1].isupper() and word.isalpha()) or self.lookup(word) is not None:
            return None
        if self.places is not None and self.places.country_of(word) is not None:
            return None
        return self.kb.misspelt_country(word)

    def place_country(self, name: str) -> str | None:
        """Country of a toponym: the KB's countries first, then the gazetteer."""
        if name not in self._places:
            entry = self.lookup(name)
            placed = entry is not None and entry.key.startswith(("country:", "region:", "metonym:"))
            country = entry.country if entry is not None and placed else None
            if country is None and self.places is not None:
                country = self.places.country_of(name)
            self._places[name] = country
        return self._places[name]

    def kb_country(self, text: str) -> str | None:
        """Country of a KB country, region or capital name ("Baghdad"); None for other words."""
        entry = self.lookup(text)
        if entry is None or not entry.key.startswith(("country:", "region:", "metonym:")):
            return None
        return entry.country

    def office_holder(self, country: str, office: str) -> EntryLike | None:
        if self.date is None:
            return None  # without a date the KB cannot say who held the office
        return self.kb.office_holder(country, office, self.date)

    def country_entry(self, code: str) -> EntryLike | None:
        """The KB's entry for a country code, to name "Russian" as "Russia"."""
        entry = self.lookup(code)
        return entry if entry is not None and entry.kind == "state" and entry.country == code else None
