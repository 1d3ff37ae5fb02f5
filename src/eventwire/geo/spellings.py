"""Other spellings of a town the tables hold, found inside the countries a story names.

Transliterations of one name differ in vowels, spacing and apostrophes far more than in their
consonants: news writes "Bulo Burde" and "Rufaa" where GeoNames writes "Buulobarde" and
"Rufa'a". ``Spellings`` compares a name the tables lack with the cities and small towns of the
story's countries by its letters alone (apostrophes, hyphens and spaces dropped), else by its
consonant skeleton (``names.skeleton``). Names are sorted by country and initial in one pass
the first time any is asked for, and each (country, initial) is indexed when first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from eventwire.geo.names import MIN_SKELETON, initial, letters, skeleton
from eventwire.geo.place import Place

Item = int | Place  # a gazetteer row (parsed on demand) or a small town's place


class Spellings:
    """Letters and skeleton indexes over the gazetteer's cities and small towns."""

    def __init__(
        self, names: Callable[[], Iterable[tuple[str, str, Item]]], place_of: Callable[[Item], Place]
    ) -> None:
        """``names`` yields (ISO3, main-name key, item) for every city and small town;
        ``place_of`` turns an item into its place."""
        self._names = names
        self._place_of = place_of
        self._by_initial: dict[tuple[str, str], list[tuple[str, Item]]] | None = None
        self._indexes: dict[tuple[str, str], dict[str, list[Place]]] = {}

    def matches(self, key: str, countries: Sequence[str]) -> list[Place]:
        """Places of ``countries`` spelt with the letters of ``key`` ("Rufaa" is "Rufa'a"),
        else with its consonants ("Bulo Burde" is "Buulobarde"); long skeletons only."""
        first = initial(key)
        indexes = [self._index(country, first) for country in dict.fromkeys(countries)]
        found = [p for index in indexes for p in index.get("=" + letters(key), ())]
        bones = skeleton(key)
        if found or len(bones) < MIN_SKELETON:
            return found
        return [p for index in indexes for p in index.get(bones, ())]

    def _index(self, country: str, first: str) -> dict[str, list[Place]]:
        """One country's names of one initial by their letters ("=" first) and skeletons."""
        if (country, first) not in self._indexes:
            index: dict[str, dict[Place, None]] = {}
            for key, item in self._sorted().get((country, first), ()):
                place = self._place_of(item)
                index.setdefault(skeleton(key), {})[place] = None
                index.setdefault("=" + letters(key), {})[place] = None
            self._indexes[country, first] = {bones: list(found) for bones, found in index.items()}
        return self._indexes[country, first]

    def _sorted(self) -> dict[tuple[str, str], list[tuple[str, Item]]]:
        if self._by_initial is None:
            self._by_initial = {}
            for country, key, item in self._names():
                self._by_initial.setdefault((country, initial(key)), []).append((key, item))
        return self._by_initial
