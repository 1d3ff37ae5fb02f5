"""Coding throughput: articles and sentences per second, and the ratio to a stored baseline.

    .venv/bin/python benchmarks/throughput.py [CORPUS.jsonl] [--articles 200] [--repeat 3]
    .venv/bin/python benchmarks/throughput.py --stages events.rules    # the event coder alone
    .venv/bin/python benchmarks/throughput.py --save-baseline          # store this machine's figure

Codes the corpus (default: the bundled sample news, cycled to ``--articles`` articles) with
the default pipeline, ``--repeat`` times, and reports the best run, so that a busy machine
disturbs the figure as little as possible. Model loading is not timed; parsing is, because
it is part of what a user waits for. The ratio line compares articles/s with
``benchmarks/baseline.json`` (key = the stages run): "speed does not drop by more than 10%"
means the ratio stays at or above 0.90.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import cycle, islice
from pathlib import Path

from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples" / "news.jsonl"
BASELINE = HERE / "baseline.json"


def load_articles(path: Path, n_articles: int) -> list[Article]:
    """``n_articles`` articles from a JSONL corpus, cycling it when it is shorter."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    picked = islice(cycle(rows), n_articles)
    return [Article(text=row["text"], id=f"{row.get('id', 'a')}-{i}") for i, row in enumerate(picked)]


def time_run(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    """Seconds to code ``articles`` and the number of sentences coded."""
    start = time.perf_counter()
    sentences = sum(len(coded.sentences) for coded in pipeline.run(articles))
    return time.perf_counter() - start, sentences


def baseline_for(key: str) -> float | None:
    if not BASELINE.exists():
        return None
    value = json.loads(BASELINE.read_text("utf-8")).get(key)
    return float(value) if value is not None else None


def save_baseline(key: str, articles_per_second: float) -> None:
    data = json.loads(BASELINE.read_text("utf-8")) if BASELINE.exists() else {}
    data[key] = round(articles_per_second, 2)
    BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=SAMPLES)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", nargs="*", help="stages to run (default: the packaged pipeline)")
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args()
    settings = Settings.load()
    if args.stages:
        settings = settings.replace(stages=tuple(args.stages))
    pipeline = Pipeline.from_config(settings)
    articles = load_articles(args.corpus, args.articles)
    time_run(pipeline, articles[:5])  # warm-up: lazy tables and lexicons load here
    seconds, sentences = min(time_run(pipeline, articles) for _ in range(max(1, args.repeat)))
    rate = len(articles) / seconds
    key = "+".join(settings.stages)
    print(f"corpus: {args.corpus} ({len(articles)} articles, {sentences} sentences)")
    print(f"stages: {', '.join(settings.stages)}")
    print(f"articles/s: {rate:.2f}")
    print(f"sentences/s: {sentences / seconds:.2f}")
    baseline = baseline_for(key)
    if args.save_baseline:
        save_baseline(key, rate)
        print(f"baseline saved: {rate:.2f} articles/s")
    elif baseline:
        print(f"ratio to baseline ({baseline:.2f} articles/s): {rate / baseline:.2f}")
    else:
        print("ratio to baseline: no baseline for these stages (run with --save-baseline)")


if __name__ == "__main__":
    main()
