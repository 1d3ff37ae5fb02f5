"""Peak memory of coding one very long article, and how it grows with the article's length.

    nice .venv/bin/python benchmarks/long_article.py [--sizes 1 4] [--modes extract ingest library]

Generates an article of news paragraphs (the varied sentences of ``corpus.py``) of each size
and codes it in a fresh process, printing the peak resident memory, the wall and CPU time
(on a machine shared with other jobs, only the CPU time says what the coding costs) and
the events found. Per mode, a baseline (one short article: what the model, the
knowledge and that command take alone) comes first, and the ratio of the peaks and the MiB
each further MB of text adds come last. The modes:

- ``extract``: ``eventwire extract article.txt --output out.jsonl`` (the line written while
  the pieces are coded: memory holds one piece's parse and records);
- ``ingest``: ``eventwire ingest article.txt --db`` a new store (each piece stored and
  committed as it is coded, the article marked incomplete until its last piece is in);
- ``library``: ``Pipeline.code_text``, which returns the whole ``CodedArticle`` and so holds
  every record of the article (about 43 MiB per MB of this event-dense text).

The article is parsed in pieces of at most 100,000 characters in every mode.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import generate

WORDS_PER_MB = 160_000  # about 6.3 characters a word in the corpus templates


def article_text(megabytes: float) -> str:
    """About ``megabytes`` million characters of wire copy: the varied sentences of
    ``corpus.py`` (its templates filled with actors, places and days), one dateline."""
    words = max(int(megabytes * WORDS_PER_MB), 1)
    return next(generate(1, seed=16, words=words))["text"]


def code_and_measure(mode: str, megabytes: float) -> str:
    """Code one article of that size in this process: 'peak_MiB seconds events'.

    The peak is read before the events are counted: reading the output back is not coding.
    """
    with tempfile.TemporaryDirectory() as folder:
        text = article_text(megabytes) if megabytes > 0 else "Riot police dispersed students in Dhaka."
        source = Path(folder, "article.txt")
        source.write_text(text, encoding="utf-8")
        del text
        started = time.perf_counter()
        count_events = CODERS[mode](source, Path(folder))
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = usage.ru_utime + usage.ru_stime  # on a shared machine, the wall clock measures the others
        return f"{usage.ru_maxrss / 1024:.1f} {seconds:.1f} {cpu:.1f} {count_events()}"


def _extract(source: Path, folder: Path) -> Callable[[], int]:
    from eventwire.cli import main  # noqa: PLC0415 - imported in the measured child only

    output = folder / "out.jsonl"
    main(["extract", str(source), "--output", str(output), "--no-progress"])

    def count() -> int:
        (line,) = output.read_text(encoding="utf-8").splitlines()
        coded = json.loads(line)
        if coded["error"] is not None:
            raise RuntimeError(f"the article failed: {coded['error']['message']}")
        return len(coded["events"])

    return count


def _ingest(source: Path, folder: Path) -> Callable[[], int]:
    from eventwire.cli import main  # noqa: PLC0415
    from eventwire.store import EventStore  # noqa: PLC0415

    main(["ingest", str(source), "--db", str(folder / "events.duckdb"), "--no-progress"])

    def count() -> int:  # one event mention per coded event (two for a reciprocal one)
        with EventStore.open(folder / "events.duckdb") as store:
            return store.counts()["event_mentions"]

    return count


def _library(source: Path, folder: Path) -> Callable[[], int]:
    from eventwire.pipeline import Pipeline  # noqa: PLC0415

    coded = Pipeline.from_config().code_text(source.read_text(encoding="utf-8"), id="long")
    if coded.error is not None:
        raise RuntimeError(f"the article failed: {coded.error.message}")
    return lambda: len(coded.events)


CODERS: dict[str, Callable[[Path, Path], Callable[[], int]]] = {
    "extract": _extract,
    "ingest": _ingest,
    "library": _library,
}


def measure_in_child(mode: str, megabytes: float) -> tuple[float, float, float, int]:
    """(peak MiB, wall seconds, CPU seconds, events) of one coding in a fresh process."""
    command = [sys.executable, __file__, "--child", mode, str(megabytes)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    peak, seconds, cpu, events = result.stdout.split()[-4:]
    return float(peak), float(seconds), float(cpu), int(events)


def report_mode(mode: str, sizes: list[float]) -> None:
    base, _, base_cpu, _ = measure_in_child(mode, 0)
    print(f"{mode} baseline (one short article): peak RSS {base:.0f} MiB, {base_cpu:.0f} s CPU", flush=True)
    peaks = []
    for megabytes in sizes:
        peak, seconds, cpu, events = measure_in_child(mode, megabytes)
        peaks.append(peak)
        per_mb = (cpu - base_cpu) / megabytes
        words = megabytes * WORDS_PER_MB / max(cpu - base_cpu, 0.1)
        print(f"{mode} {megabytes:g} MB article: peak RSS {peak:.0f} MiB (+{peak - base:.0f} over baseline), "
              f"{seconds:.0f} s wall, {cpu:.0f} s CPU ({per_mb:.0f} s CPU per MB beyond the baseline, "
              f"~{words:,.0f} words/s), {events:,} events", flush=True)  # fmt: skip
    small, large = sizes[0], sizes[-1]
    growth = (peaks[-1] - base) / max(peaks[0] - base, 1.0)
    per_mb = (peaks[-1] - peaks[0]) / (large - small)
    print(f"{mode}: ratio of peaks ({large:g} MB / {small:g} MB, x{large / small:g} text): "
          f"{peaks[-1] / peaks[0]:.2f}; of growth over the baseline: {growth:.2f}; "
          f"{per_mb:.1f} MiB per further MB of text", flush=True)  # fmt: skip


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0], metavar="MB")
    parser.add_argument(
        "--modes", nargs="+", choices=sorted(CODERS), default=["extract", "ingest", "library"]
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(code_and_measure(args.child[0], float(args.child[1])))
        return
    for mode in args.modes:
        report_mode(mode, sorted(args.sizes))


if __name__ == "__main__":
    main()
