"""How long loading the gazetteer takes at start-up (the budget is 1 s).

    .venv/bin/python benchmarks/gazetteer_load.py [--repeat N]

Prints the import time of the gazetteer module, the wall-clock and CPU time of a fresh
``Gazetteer.load()`` and the time of a first batch of lookups, in seconds.
"""

from __future__ import annotations

import argparse
import statistics
import time

NAMES = ("Reykjavik", "Switzerland", "Gaza Strip", "Kyiv", "Paris, Texas", "Washington", "Unknownville")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    # imported here so that the import itself is timed
    from eventwire.geo.gazetteer import Gazetteer  # noqa: PLC0415

    print(f"import: {time.perf_counter() - started:.3f} s")
    loads, cpu = [], []
    for _ in range(args.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        gazetteer = Gazetteer.load()
        loads.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(f"load: median {statistics.median(loads):.3f} s, max {max(loads):.3f} s over {args.repeat} runs")
    # CPU time does not grow when other processes share the cores; wall time does.
    print(f"load CPU time: median {statistics.median(cpu):.3f} s")
    started = time.perf_counter()
    for name in NAMES:
        gazetteer.resolve(name)
    print(f"first {len(NAMES)} lookups: {time.perf_counter() - started:.4f} s")


if __name__ == "__main__":
    main()
