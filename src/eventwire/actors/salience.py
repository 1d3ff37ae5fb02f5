"""The article's salient country: where a nominal without nationality most likely belongs.

"Police fired on protesters" says nothing about the country; the sentence and the article
around it usually do. A country's weight is its mentions in the sentence (twice) plus its
mentions in the whole article, counting actors and places alike; ties go to the country
named first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from eventwire.actors.lookups import NON_STATE

SENTENCE_WEIGHT = 2.0


@dataclass
class Salience:
    """Country mentions per sentence and in the whole article."""

    by_sentence: dict[int, dict[str, float]] = field(default_factory=dict)
    article: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    place_weight: float = 1.0
    places: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, position, country)
    first_seen: dict[str, int] = field(default_factory=dict)
    states: dict[int, dict[str, float]] = field(default_factory=dict)  # states named, by sentence

    def add(
        self, country: str | None, sentence: int, position: int, place: bool = False, state: bool = False
    ) -> None:
        if not country or country in NON_STATE:
            return
        if state:
            named = self.states.setdefault(sentence, defaultdict(float))
            named[country] += 1.0
        weight = self.place_weight if place else 1.0
        if place:
            self.places.append((sentence, position, country))
        local = self.by_sentence.setdefault(sentence, defaultdict(float))
        local[country] += weight
        self.article[country] += weight
        self.first_seen[country] = min(self.first_seen.get(country, position), position)

    def place_before(self, sentence: int, position: int) -> str | None:
        """Country of the place named last before ``position`` in its sentence (else first after)."""
        here = [(p, c) for s, p, c in self.places if s == sentence]
        before = [pc for pc in here if pc[0] < position]
        if before:
            return max(before)[1]
        return min(here)[1] if here else None

    def country(self, sentence: int) -> str | None:
        """The most salient country for a mention in ``sentence``, or None in a country-less text."""
        local = self.by_sentence.get(sentence, {})

        def weight(code: str) -> tuple[float, int]:
            return (SENTENCE_WEIGHT * local.get(code, 0.0) + self.article[code], -self.first_seen[code])

        return max(self.article, key=weight, default=None)

    def local_country(self, sentence: int) -> str | None:
        """The most salient state the sentence itself names, if any: a venue ("met in
        Geneva") says where, not whose, and a person's country says whose the person is."""
        named = self.states.get(sentence, {})
        return max(
            named, key=lambda code: (named[code], self.article[code], -self.first_seen[code]), default=None
        )
