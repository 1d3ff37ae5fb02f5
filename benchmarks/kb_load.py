"""How long loading the actor knowledge base takes, against its 0.3 s budget.

    .venv/bin/python benchmarks/kb_load.py [--repeat N]

Prints the CPU and wall time of ``ActorKB.load()`` (packaged files) and the ratio of the median
CPU time to the budget: below 1.0 is within budget. CPU time is reported because it does not grow
when other processes share the cores, as wall time does.
"""

from __future__ import annotations

import argparse
import statistics
import time

BUDGET_SECONDS = 0.3


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from eventwire.actors.kb import ActorKB  # noqa: PLC0415 - imported after argument parsing

    kb = ActorKB.load()  # warm the file cache and pycountry's own tables
    cpu, wall = [], []
    for _ in range(args.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        kb = ActorKB.load()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median_cpu = statistics.median(cpu)
    print(f"entries: {len(kb)}")
    print(f"load CPU time: median {median_cpu:.3f} s; wall time: median {statistics.median(wall):.3f} s")
    print(f"ratio to the {BUDGET_SECONDS} s budget: {median_cpu / BUDGET_SECONDS:.2f}")


if __name__ == "__main__":
    main()
