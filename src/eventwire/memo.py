"""A bounded memo for answers that repeat across a stream of articles.

Gazetteer lookups and fuzzy country spellings ask the same questions article after article, so
their answers are kept; a run over millions of articles must not grow the kept answers without
end, so the memo forgets them all at once when it is full (cheaper per call than an LRU, and
the common questions come back within a few articles)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Answer = TypeVar("Answer")


class BoundedMemo(Generic[Key, Answer]):
    """Answers by question, at most ``size`` of them; forgotten all at once when full."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._answers: dict[Key, Answer] = {}

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: Key, answer: Callable[[], Answer]) -> Answer:
        """The kept answer to ``key``, else ``answer()``, kept."""
        if key not in self._answers:
            if len(self._answers) >= self.size:
                self._answers.clear()
            self._answers[key] = answer()
        return self._answers[key]
