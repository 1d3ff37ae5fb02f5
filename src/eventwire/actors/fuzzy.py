"""Misspelt country names and demonyms ("Phillipines", "Columbian") matched within a small
edit distance of the KB's spellings.

Only long words are tried, and only within one or two edits: short names are too close to
one another ("Mali", "Bali") for a guess to be safe. Callers decide which words may be
misspellings at all (``Lookups`` never asks for a known place or name: "Indiana" is a
state, not a misspelt "Indian").
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 7  # shorter words are never guessed
TWO_EDITS_FROM = 10  # words this long may be two edits away ("Phillipine")
# Answers kept across articles (news repeats its unknown names); bounded so a long run's
# memory stays flat: the memo is emptied when it holds this many words.
MEMO_SIZE = 50_000


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class SpellingIndex:
    """Country spellings (names, adjectives, demonyms) by first letter, for near matches."""

    def __init__(self, spellings: Iterable[tuple[str, str]]) -> None:
        self._by_initial: dict[str, list[tuple[str, str]]] = {}
        for word, country in spellings:
            key = word.lower()
            if len(key) >= MIN_LENGTH - 2 and key.isalpha():
                self._by_initial.setdefault(key[0], []).append((key, country))
        self._memo: dict[str, str | None] = {}

    def country(self, word: str) -> str | None:
        """The one country whose spelling is nearest ``word`` within the allowed edits; None
        when none is, or when two countries are equally near."""
        key = word.lower()
        if len(key) < MIN_LENGTH or not key.isalpha():
            return None
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._nearest(key)
        return self._memo[key]

    def _nearest(self, key: str) -> str | None:
        limit = 2 if len(key) >= TWO_EDITS_FROM else 1
        best: dict[str, int] = {}
        for spelling, country in self._by_initial.get(key[0], []):
            distance = edit_distance(key, spelling, limit)
            if distance <= limit:
                best[country] = min(distance, best.get(country, limit))
        if not best:
            return None
        nearest = min(best.values())
        found = [c for c, d in best.items() if d == nearest]
        return found[0] if len(found) == 1 else None
