"""Peak memory of coding one very long article, and how it grows with the article's length.

    .venv/bin/python benchmarks/long_article.py [--small-mb 5] [--large-mb 20]

Generates an article of news paragraphs (written for this benchmark, repeated with a running
number) of each size, codes it in a fresh process with the default pipeline, and prints the
peak resident memory, the time, the events found and the ratio of the two peaks. The article
is parsed and coded in pieces of at most 100,000 characters, so its parse never sits in memory
whole; what still grows with the text is the coded result itself (sentences, mentions, events).
A baseline of one short article shows what the model and knowledge alone take.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

PARAGRAPHS = (
    "Riot police dispersed hundreds of students who marched on the parliament in Dhaka on Monday.",
    "The foreign ministers of Brazil and Argentina signed an agreement on river trade in Montevideo.",
    '"We will not accept new sanctions," the Iranian foreign minister told reporters in Tehran.',
    "Israeli aircraft struck targets in southern Lebanon overnight, the army said.",
    "Germany pledged new aid to Ukraine after talks between the two leaders in Berlin.",
)


def article_text(megabytes: float) -> str:
    """About ``megabytes`` million characters of numbered paragraphs."""
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    size = 0
    number = 0
    while size < target:
        paragraph = f"{PARAGRAPHS[number % len(PARAGRAPHS)]} (Dispatch {number}.)"
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        number += 1
    return "\n\n".join(paragraphs)


def code_and_measure(megabytes: float) -> str:
    """Code one article of that size in this process: 'peak_MiB seconds events warnings'."""
    from eventwire.pipeline import Pipeline  # noqa: PLC0415 - imported in the measured child only

    pipeline = Pipeline.from_config()
    text = article_text(megabytes) if megabytes > 0 else PARAGRAPHS[0]
    started = time.perf_counter()
    coded = pipeline.code_text(text, id="long")
    seconds = time.perf_counter() - started
    if coded.error is not None:
        raise RuntimeError(f"the article failed: {coded.error.message}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return f"{peak:.1f} {seconds:.1f} {len(coded.events)} {len(coded.extras.warnings)}"


def measure_in_child(megabytes: float) -> tuple[float, float, int]:
    command = [sys.executable, __file__, "--child", str(megabytes)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    peak, seconds, events, _ = result.stdout.split()
    return float(peak), float(seconds), int(events)


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--small-mb", type=float, default=5.0)
    parser.add_argument("--large-mb", type=float, default=20.0)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(code_and_measure(args.child))
        return
    base, _, _ = measure_in_child(0)
    print(f"baseline (one short article): peak RSS {base:.0f} MiB")
    peaks = []
    for megabytes in (args.small_mb, args.large_mb):
        peak, seconds, events = measure_in_child(megabytes)
        peaks.append(peak)
        print(f"{megabytes:g} MB article: peak RSS {peak:.0f} MiB (+{peak - base:.0f} over baseline), "
              f"{seconds:.0f} s, {events:,} events")  # fmt: skip
    growth = (peaks[1] - base) / (peaks[0] - base)
    sizes = f"{args.large_mb:g} MB / {args.small_mb:g} MB, x{args.large_mb / args.small_mb:g} text"
    print(f"ratio of peaks ({sizes}): {peaks[1] / peaks[0]:.2f}; of growth over the baseline: {growth:.2f}")


if __name__ == "__main__":
    main()
