"""Misspelt country names and demonyms ("Phillipines", "Columbian") matched within a small
edit distance of the KB's spellings.

Only long words are tried, and only within one or two edits (a swap of two neighbouring letters
is one edit: "Isreali"): short names are too close to one another ("Mali", "Bali") for a guess
to be safe. Two kinds of slip are safe at any length from five letters: a doubled or undoubled
letter ("Morrocan", "Phillipino" -> "Philipino") and two swapped letters that keep the word's
first letter and its letters ("Isreal", "Lybia"). Callers decide which words may be
misspellings at all (``Lookups`` never asks for a known place or name: "Indiana" is a
state, not a misspelt "Indian").
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.memo import BoundedMemo

MIN_LENGTH = 7  # shorter words are never guessed by edit distance
TWO_EDITS_FROM = 10  # words this long may be two edits away ("Phillipine")
SLIP_MIN_LENGTH = 5  # doubled letters and swaps are tried from this length
# Answers kept across articles (news repeats its unknown names); bounded so a long run's
# memory stays flat: the memo is emptied when it holds this many words.
MEMO_SIZE = 50_000


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b`` counting a swap of neighbouring letters as one edit
    (optimal string alignment), or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            current.append(best)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def squeezed(word: str) -> str:
    """The word with doubled letters written once: "phillipines" -> "philipines"."""
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def doubled(word: str, spelling: str) -> bool:
    """A letter doubled or moved between doublings ("morrocan", "phillipines"); never a letter
    dropped, which turns a spelling into a word of its own ("finish" for "finnish")."""
    return len(word) >= len(spelling) and squeezed(word) == squeezed(spelling)


def swapped(a: str, b: str) -> bool:
    """Same length, first letter and letters, two near places swapped: "isreal", "lybia"
    (never "tango" for "tonga": the swap is too far apart to be a slip)."""
    if len(a) != len(b) or a[0] != b[0] or sorted(a) != sorted(b):
        return False
    places = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(places) == 2 and places[1] - places[0] <= 2


class SpellingIndex:
    """Country spellings (names, adjectives, demonyms) by first letter, for near matches."""

    def __init__(self, spellings: Iterable[tuple[str, str]]) -> None:
        self._by_initial: dict[str, list[tuple[str, str]]] = {}
        for word, country in spellings:
            key = word.lower()
            if len(key) >= MIN_LENGTH - 2 and key.isalpha():
                self._by_initial.setdefault(key[0], []).append((key, country))
        self._memo: BoundedMemo[str, str | None] = BoundedMemo(MEMO_SIZE)

    def country(self, word: str) -> str | None:
        """The one country whose spelling is nearest ``word``: a slip (doubled letter, swap),
        else within the allowed edits; None when none is, or when two countries are equally near."""
        key = word.lower()
        if len(key) < SLIP_MIN_LENGTH or not key.isalpha():
            return None
        return self._memo.get(key, lambda: self._answer(key))

    def _answer(self, key: str) -> str | None:
        candidates = self._by_initial.get(key[0], [])
        slips = {c for s, c in candidates if doubled(key, s) or swapped(key, s)}
        if slips:
            return slips.pop() if len(slips) == 1 else None
        return _nearest(key, candidates) if len(key) >= MIN_LENGTH else None


def _nearest(key: str, candidates: list[tuple[str, str]]) -> str | None:
    """The one country with a spelling within one edit (two for long words) of ``key``."""
    limit = 2 if len(key) >= TWO_EDITS_FROM else 1
    best: dict[str, int] = {}
    for spelling, country in candidates:
        distance = edit_distance(key, spelling, limit)
        if distance <= limit:
            best[country] = min(distance, best.get(country, limit))
    if not best:
        return None
    nearest = min(best.values())
    found = [c for c, d in best.items() if d == nearest]
    return found[0] if len(found) == 1 else None
