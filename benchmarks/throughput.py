"""Throughput against the bare parse, on several cores and on Dask; cold start; peak memory.

    .venv/bin/python benchmarks/throughput.py                       # 300 articles, 3 rounds
    .venv/bin/python benchmarks/throughput.py --articles 100 --rounds 1 --rss 300 3000

The corpus is written by ``benchmarks/corpus.py`` (300-800 words an article, the project's own
templates). In one process and interleaved round by round, so that a busy machine disturbs
every mode alike, it times:

  (a) parse     plain ``nlp.pipe`` with the pipeline's own model, components and batch size,
                consuming every doc;
  (b) pipeline  eventwire's full pipeline, contract JSONL written to a file;
  (c) store     the full pipeline into a fresh DuckDB event store (``eventwire ingest``);
  (d) workers2  (b) with a 2-process ``WorkerPool`` (``--workers 2``);
  (e) dask2     ``code_corpus`` on a 2-worker Dask LocalCluster (``eventwire batch``).

The ratios are of coding speed, words/s once running; start-up is left out of every mode
alike and printed apart: (b) and (c) reuse one loaded pipeline, (d)'s pool and (e)'s cluster
are started before the first round, every worker building its pipeline and coding a warm-up
sentence, the workers side by side (``WorkerPool.warm_up``, ``eventwire.scale.cluster``).
(a)-(d) code articles held in memory; (e) does what ``eventwire batch`` does, so each worker
also reads its partition of a JSONL file, screens its language and writes Parquet beside the
JSONL (a few per cent more work, which counts against it). Cold start is measured alone, in a
fresh interpreter: import, model, knowledge and the first article (wall-clock, and the CPU
seconds beside it, which a busy machine does not inflate). Peak RSS is measured in fresh
processes that stream ``--rss`` articles through the pipeline (``--rss-only`` runs just that:
the 10,000-article run takes over half an hour of CPU). Words/s is the best round of each
mode. Nothing is asserted: the last line, ``RESULT ...``, carries the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from corpus import generate

from eventwire.config import Settings
from eventwire.ingest.jsonl import article_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import Article, CodedArticle
from eventwire.scale.dask_runner import code_corpus
from eventwire.scale.workers import WorkerPool
from eventwire.store import EventStore
from eventwire.store.ingest import ingest

MODES = ("parse", "pipeline", "store", "workers2", "dask2")
# Partitions of 1/16 of the corpus, eight a worker: what a user of a two-worker cluster should
# ask for (``--partition-size``), so that when one worker takes its last partition the other
# is never left idle for long; fewer, larger ones leave a worker idle at the end.
DASK_PARTITIONS = 16
COLD_START = "import sys; from eventwire import Pipeline; Pipeline.from_config().code_text(sys.argv[1])"


def _write_jsonl(path: Path, coded: Iterator[CodedArticle]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in coded:
            out.write(json.dumps(article.to_contract_dict(), ensure_ascii=False) + "\n")


class Bench:
    """The five ways of coding one corpus, each a function of no arguments."""

    def __init__(self, settings: Settings, articles: list[Article], work: Path, stack: ExitStack) -> None:
        self.settings, self.articles, self.work = settings, articles, work
        self.corpus = work / "corpus.jsonl"
        self.corpus.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in articles), "utf-8")
        self.pipeline = Pipeline.from_config(settings)
        self.startup: dict[str, float] = {}
        self._stack = stack
        self.pool = stack.enter_context(self._timed_start("workers2", self._pool))
        self.client = stack.enter_context(self._timed_start("dask2", self._dask))
        self.runs = 0

    def _timed_start(self, name: str, start: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        value = start()
        self.startup[name] = time.perf_counter() - began
        return value

    def _pool(self) -> WorkerPool:
        pool = WorkerPool(self.settings, workers=2, factory=Pipeline.from_config)
        pool.warm_up()
        return pool

    def _dask(self) -> Any:
        from distributed import Client  # noqa: PLC0415

        from eventwire.scale.cluster import local_cluster, start_coders  # noqa: PLC0415

        cluster = self._stack.enter_context(local_cluster(2))  # what ``eventwire batch`` starts
        client = Client(cluster)
        start_coders(client, self.settings)  # both workers load model and knowledge, side by side
        return client

    def parse(self) -> None:
        texts = (a.text for a in self.articles)
        for doc in self.pipeline.nlp.pipe(texts, batch_size=self.settings.batch_size):
            len(doc)

    def full(self) -> None:
        _write_jsonl(self.work / "pipeline.jsonl", self.pipeline.run(self.articles))

    def store(self) -> None:
        self.runs += 1
        with EventStore.open(str(self.work / f"store-{self.runs}.duckdb"), settings=self.settings) as db:
            ingest(db, self.articles, self.pipeline.run)

    def workers2(self) -> None:
        _write_jsonl(self.work / "workers.jsonl", self.pool.run(self.articles))

    def dask2(self) -> None:
        self.runs += 1
        size = max(1, len(self.articles) // DASK_PARTITIONS)
        code_corpus(
            [str(self.corpus)], self.work / f"dask-{self.runs}", self.settings, size, scheduler=self.client
        )

    def modes(self) -> dict[str, Callable[[], None]]:
        return {
            "parse": self.parse,
            "pipeline": self.full,
            "store": self.store,
            "workers2": self.workers2,
            "dask2": self.dask2,
        }


def interleaved(bench: Bench, rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall-clock and CPU seconds per mode per round, the modes taking turns within each round.

    CPU seconds are this process's: they say what a mode costs even on a busy machine, but only
    for the modes that code in this process (not workers2 or dask2).
    """
    wall: dict[str, list[float]] = {mode: [] for mode in MODES}
    cpu: dict[str, list[float]] = {mode: [] for mode in MODES}
    for number in range(rounds):
        for mode, run in bench.modes().items():
            began, began_cpu = time.perf_counter(), time.process_time()
            run()
            wall[mode].append(time.perf_counter() - began)
            cpu[mode].append(time.process_time() - began_cpu)
            print(
                f"  round {number + 1} {mode:<9} {wall[mode][-1]:7.1f} s ({cpu[mode][-1]:.1f} CPU-s)",
                flush=True,
            )
    return wall, cpu


def cold_start(text: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a fresh interpreter that imports, loads and codes one article."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD_START, text], check=True, capture_output=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def peak_rss_mb(n_articles: int) -> float:
    """Peak RSS (MiB) of a fresh process streaming ``n_articles`` generated articles through the pipeline."""
    command = [sys.executable, __file__, "--rss-child", str(n_articles)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def _peak_rss(sizes: tuple[int, int]) -> tuple[float, float]:
    small, large = peak_rss_mb(sizes[0]), peak_rss_mb(sizes[1])
    print(f"peak RSS: {small:.0f} MiB for {sizes[0]} articles, {large:.0f} MiB for {sizes[1]}", flush=True)
    return small, large


def _rss_child(n_articles: int) -> None:
    pipeline = Pipeline.from_config()
    stream = (article_from_record(record) for record in generate(n_articles))
    for _ in pipeline.run(stream):
        pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def report(seconds: dict[str, list[float]], words: int, startup: dict[str, float]) -> dict[str, float]:
    """Print words/s per mode (best round, median beside it) and return the best rates."""
    rates = {mode: words / min(times) for mode, times in seconds.items()}
    for mode, times in seconds.items():
        median = words / statistics.median(times)
        started = f"  (start-up {startup[mode]:.1f} s, not timed)" if mode in startup else ""
        print(f"{mode:<9} {rates[mode]:8.0f} words/s best, {median:8.0f} median{started}")
    for label, (top, bottom) in _RATIOS.items():
        print(f"{label:<15} {rates[top] / rates[bottom]:.2f}  ({top}/{bottom})")
    return rates


_RATIOS = {
    "parse_ratio": ("pipeline", "parse"),
    "store_ratio": ("store", "parse"),
    "workers2_ratio": ("workers2", "pipeline"),
    "dask2_ratio": ("dask2", "pipeline"),
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--rss", type=int, nargs=2, default=(1000, 10000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--no-rss", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--rss-only", action="store_true", help="only the peak-memory runs")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child is not None:
        _rss_child(args.rss_child)
        return
    if args.rss_only:
        small, large = _peak_rss(args.rss)
        print(f"RESULT rss_10k_mb={large:.0f} rss_1k_mb={small:.0f} rss_ratio={large / small:.2f}")
        return
    articles = [article_from_record(record) for record in generate(args.articles)]
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} generated articles, {words} words; {_machine()}", flush=True)
    cold, cold_cpu = cold_start(articles[0].text)
    print(
        f"cold start: {cold:.2f} s, {cold_cpu:.2f} CPU-s (import, model, knowledge, first article)",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        bench = Bench(Settings.load(), articles, Path(tmp), stack)
        bench.full()  # warm-up: lazily loaded tables and lexicons load here
        seconds, cpu = interleaved(bench, args.rounds)
    rates = report(seconds, words, bench.startup)
    in_process = {mode: words / min(cpu[mode]) for mode in ("parse", "pipeline", "store")}
    print(
        "by CPU time of this process: "
        + ", ".join(f"{mode} {rate:.0f} words/CPU-s" for mode, rate in in_process.items())
        + f"; parse_ratio {in_process['pipeline'] / in_process['parse']:.2f}"
        + f", store_ratio {in_process['store'] / in_process['parse']:.2f}"
    )
    small, large = (0.0, 0.0) if args.no_rss else _peak_rss(args.rss)
    ratios = " ".join(f"{label}={rates[top] / rates[bottom]:.2f}" for label, (top, bottom) in _RATIOS.items())
    print(f"RESULT {ratios} cold_start_s={cold:.2f} rss_10k_mb={large:.0f} rss_1k_mb={small:.0f}")


def _machine() -> str:
    import os  # noqa: PLC0415
    import platform  # noqa: PLC0415

    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
