"""CPU time of each step of the pipeline beside the bare parse, on the benchmark corpus.

    .venv/bin/python benchmarks/stage_costs.py --articles 100
    .venv/bin/python benchmarks/stage_costs.py --articles 100 --profile 40   # + cProfile top 40

CPU seconds of this process (``time.process_time``), which a busy machine distorts far less
than wall-clock: the parse (``nlp.pipe`` with the pipeline's model and batch size), each
configured stage, the contract JSON of the output, and the store writes (``ingest`` into a
fresh DuckDB file, minus its own parse and stages). Each step is printed as a share of the
parse, so that ``1 / (1 + sum of the shares)`` is roughly the CPU parse ratio of
``throughput.py``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from corpus import generate

from eventwire.ingest.jsonl import article_from_record
from eventwire.nlp.parsed import ParsedArticle, parse_articles
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.store import EventStore
from eventwire.store.ingest import ingest


def _parsed(pipeline: Pipeline, articles: list[Article]) -> list[ParsedArticle]:
    parsed = list(parse_articles(pipeline.nlp, articles, pipeline.settings.batch_size))
    return [p for p in parsed if isinstance(p, ParsedArticle)]


def _timed(costs: dict[str, float], name: str, run: Callable[[], object]) -> object:
    began = time.process_time()
    value = run()
    costs[name] += time.process_time() - began
    return value


def stage_costs(pipeline: Pipeline, articles: list[Article], costs: dict[str, float]) -> list[CodedArticle]:
    """Add the CPU seconds of the parse, each stage and the JSON to ``costs``; the coded output."""
    parsed = _timed(costs, "parse", lambda: _parsed(pipeline, articles))
    assert isinstance(parsed, list)
    coded: list[CodedArticle] = []
    for first in parsed:
        state = first
        for stage in pipeline.stages:
            began = time.process_time()
            state = stage(state)
            costs[stage.name] += time.process_time() - began
        coded.append(state.to_coded())
    _timed(costs, "json", lambda: [json.dumps(c.to_contract_dict(), ensure_ascii=False) for c in coded])
    return coded


def store_cost(pipeline: Pipeline, articles: list[Article], work: Path, runs: int) -> float:
    """CPU seconds of writing already-coded articles into a fresh store."""
    coded = list(pipeline.run(articles))

    def replay(items: object) -> Iterator[CodedArticle]:
        return iter(coded)

    with EventStore.open(str(work / f"store-{runs}.duckdb"), settings=pipeline.settings) as db:
        began = time.process_time()
        ingest(db, articles, replay)
        return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", type=int, default=0, help="print the cProfile top N of the stages")
    args = parser.parse_args()
    articles = [article_from_record(r) for r in generate(args.articles)]
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline.from_config()
    list(pipeline.run(articles[:5]))  # lazily loaded tables load here, untimed
    costs: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(args.rounds):
            stage_costs(pipeline, articles, costs)
            costs["store"] += store_cost(pipeline, articles, Path(tmp), number)
    parse = costs["parse"]
    print(f"{len(articles)} articles, {words} words, {args.rounds} rounds; CPU seconds, share of the parse")
    for name, seconds in costs.items():
        print(f"  {name:<22} {seconds:7.2f} s  {seconds / parse:6.1%}")
    stages = sum(v for k, v in costs.items() if k not in ("parse", "store"))
    with_store = parse / (parse + stages + costs["store"])
    print(f"pipeline CPU ratio ~ {parse / (parse + stages):.2f}; with store ~ {with_store:.2f}")
    if args.profile:
        _profile(pipeline, articles, args.profile)


def _profile(pipeline: Pipeline, articles: list[Article], top: int) -> None:
    parsed = _parsed(pipeline, articles)
    profiler = cProfile.Profile()
    profiler.enable()
    for first in parsed:
        state = first
        for stage in pipeline.stages:
            state = stage(state)
        json.dumps(state.to_coded().to_contract_dict())
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    main()
