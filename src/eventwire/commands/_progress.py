"""Progress on long commands: a bar with articles/s and ETA on a terminal, then one summary line.

    with ArticleProgress("extract", expected_articles(args.inputs), disabled=args.no_progress) as bar:
        for coded in bar.track(pipeline.run(articles)):
            ...
    print(bar.summary(), file=sys.stderr)
    # "eventwire: extract: 120 article(s), 118 coded, 2 failed in 41.0 s (2.9 articles/s)"

The bar goes to stderr and only when stderr is a terminal (so a pipe or a log file gets no
control characters) and ``--no-progress`` was not given; the command always writes the summary
line, because it is what a script or a log reads back.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from eventwire.records import ArticleError


class _Outcome(Protocol):
    """A coded article, or a long one coded while it is written (``CodedPieces``)."""

    @property
    def error(self) -> ArticleError | None: ...


Tracked = TypeVar("Tracked", bound=_Outcome)
COUNTED_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    """``--no-progress``, for the commands that show a bar."""
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def expected_articles(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (JSONL lines, text files).

    None for anything else (stdin, folders, feeds, CSV): the bar then shows a count and a rate
    without a total or an ETA.
    """
    total = 0
    for name in inputs:
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix in COUNTED_SUFFIXES and path.is_file():
            with path.open(encoding="utf-8", errors="replace") as handle:
                total += sum(1 for line in handle if line.strip())
        elif suffix == ".txt" and path.is_file():
            total += 1
        else:
            return None
    return total


class ArticleProgress:
    """Counts coded articles and failures; shows a rich bar when stderr is a terminal."""

    def __init__(self, label: str, expected: int | None = None, disabled: bool = False) -> None:
        self.label = label
        self.console = Console(stderr=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            disable=disabled or not self.console.is_terminal,
        )
        self.task = self.progress.add_task(label, total=expected, rate="")
        self.done = self.failed = 0
        self.started = time.monotonic()

    def restart_clock(self) -> None:
        """Articles/s count from here: loading the model is not coding articles."""
        self.started = time.monotonic()
        self.progress.reset(self.task, completed=self.done)

    def advance(self, articles: int = 1, failed: int = 0) -> None:
        self.done += articles
        self.failed += failed
        self.progress.update(self.task, advance=articles, rate=f"{self.rate:.1f} articles/s")

    def track(self, coded: Iterable[Tracked]) -> Iterator[Tracked]:
        """Pass the articles through, counting each one (and its error) once it is written:
        a very long article (``CodedPieces``) knows its error only then."""
        for article in coded:
            yield article
            self.advance(failed=article.error is not None)

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-6)

    @property
    def rate(self) -> float:
        return self.done / self.elapsed

    def summary(self, detail: str = "") -> str:
        """The closing line: counts, time and rate, plus what the command adds."""
        coded = self.done - self.failed
        line = (
            f"eventwire: {self.label}: {self.done} article(s), {coded} coded, {self.failed} failed "
            f"in {self.elapsed:.1f} s ({self.rate:.1f} articles/s)"
        )
        return f"{line}; {detail}" if detail else line

    def __enter__(self) -> ArticleProgress:
        self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.progress.stop()


def dask_counter(bar: ArticleProgress) -> Any:
    """A Dask callback (a context manager) that advances ``bar`` as each partition finishes.

    It counts the ``(articles, failed)`` pair that ``scale.dask_runner.code_partition``
    returns. Local schedulers (processes, threads, synchronous) call it; a distributed
    cluster does not, and the bar then shows only the elapsed time until the summary.
    """
    from dask.callbacks import Callback  # noqa: PLC0415 - dask loads only for batch
    from dask.utils import key_split  # noqa: PLC0415

    def finished(key: Any, result: Any, *_: Any) -> None:
        if key_split(key) == "code_partition":
            articles, failed = result
            bar.advance(articles, failed)

    return Callback(posttask=finished)  # type: ignore[no-untyped-call]
