"""How long loading the gazetteer takes at start-up (the budget is 1 s).

    .venv/bin/python benchmarks/gazetteer_load.py [--repeat N]

Prints the import time of the gazetteer module, the load time of each fresh ``Gazetteer.load()``
and the time of a first batch of lookups, in seconds.
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
    from eventwire.when_where.gazetteer import Gazetteer  # noqa: PLC0415

    print(f"import: {time.perf_counter() - started:.3f} s")
    loads = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        gazetteer = Gazetteer.load()
        loads.append(time.perf_counter() - started)
    print(f"load: median {statistics.median(loads):.3f} s, max {max(loads):.3f} s over {args.repeat} runs")
    started = time.perf_counter()
    for name in NAMES:
        gazetteer.resolve(name)
    print(f"first {len(NAMES)} lookups: {time.perf_counter() - started:.4f} s")


if __name__ == "__main__":
    main()
