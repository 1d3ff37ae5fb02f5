"""Peak memory of coding a corpus, and how it grows with corpus size.

    .venv/bin/python benchmarks/memory.py [--articles 50] [--factor 10]

Codes the bundled sample news repeated to N and to N x factor articles, each in a fresh
process, and prints peak resident memory for both and their ratio. The pipeline streams, so
the ratio should stay near 1.0: a ratio that grows with the factor means something keeps
every article in memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from itertools import cycle, islice
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "news.jsonl"


def code_and_measure(n_articles: int) -> float:
    """Peak RSS in MiB of this process after coding ``n_articles`` (run in a child process)."""
    from eventwire.pipeline import Pipeline  # noqa: PLC0415 - imported in the measured child only
    from eventwire.records import Article  # noqa: PLC0415

    stories = [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines()]
    articles = (
        Article(text=s["text"], id=f"{s['id']}-{i}") for i, s in enumerate(islice(cycle(stories), n_articles))
    )
    pipeline = Pipeline.from_config()
    for _ in pipeline.run(articles):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_in_child(n_articles: int) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(n_articles)], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(code_and_measure(args.child))
        return
    small = measure_in_child(args.articles)
    large = measure_in_child(args.articles * args.factor)
    print(f"peak RSS, {args.articles} articles: {small:.0f} MiB")
    print(f"peak RSS, {args.articles * args.factor} articles: {large:.0f} MiB")
    print(f"ratio (x{args.factor} articles): {large / small:.2f}")


if __name__ == "__main__":
    main()
