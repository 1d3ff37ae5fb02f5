"""Run a coder over a gold file and score what it coded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventwire.api import Coder
from eventwire.evaluate.gold import read_gold
from eventwire.evaluate.scoring import Evaluation, score
from eventwire.ingest.readers import read_path
from eventwire.records import CodedArticle

# Sees the coded articles go by and passes them on (``ArticleProgress.track``: a progress bar).
Tracker = Callable[[Iterator[CodedArticle]], Iterable[CodedArticle]]


def evaluate_file(
    coder: Coder,
    gold_path: str | Path,
    misses: int = 10,
    track: Tracker | None = None,
) -> tuple[Evaluation, list[CodedArticle]]:
    """Code every gold record's text with ``coder`` and score the result.

    The articles are read with the ordinary input reader, so a gold file is coded exactly
    as ``eventwire extract`` would code it (same ids, same publication dates).
    """
    gold = read_gold(gold_path)
    stream = coder.code_many(read_path(Path(gold_path)))
    coded = list(track(stream) if track else stream)
    by_id = {c.article.id: c for c in coded}
    return score(gold, by_id, misses=misses), coded
