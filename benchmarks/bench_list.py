"""Benchmark ``hinges list`` against ``hinges check`` over the same 10,000-record registry.

    python benchmarks/bench_list.py [--records 10000] [--repeat 5] [--no-fail]

Target (issue 6): listing is no slower than checking. Both load the whole registry the
same way (:func:`hinges.loader.load_registry`); listing then filters and formats instead
of running the rules, so it should be the faster of the two.

Both sides run as fresh subprocesses of the same interpreter and alternate, so load from
other processes on the machine falls on both; the medians are compared. ``hinges list``
is timed with each output format, and with a filter.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import compile_package, hinges_command, timed
from generate import generate_registry

MAX_RATIO = 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="decisions in the registry")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 when the target is missed")
    args = parser.parse_args(argv)
    compile_package()
    hinges = hinges_command()
    sides = {
        "hinges check": [*hinges, "check", "--format", "text"],
        "hinges list": [*hinges, "list"],
        "hinges list --format json": [*hinges, "list", "--format", "json"],
        "hinges list --format csv": [*hinges, "list", "--format", "csv"],
        "hinges list --status accepted": [*hinges, "list", "--status", "accepted"],
    }
    times: dict[str, list[float]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory(prefix="hinges-bench-list-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        generate_registry(root, args.records, 10)
        print(f"generated {args.records} records in {time.perf_counter() - started:.1f} s")
        timed(sides["hinges list"], root)  # warm the page cache
        for _ in range(args.repeat):
            for name, command in sides.items():
                # check exits 1 if the generated registry has errors; the timing still counts
                times[name].append(timed(command, root, allowed=(0, 1))[0])
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    width = max(len(name) for name in medians)
    for name, median in medians.items():
        print(f"{name:<{width}}  median {median:8.1f} ms")
    check_ms = medians["hinges check"]
    worst = max(median for name, median in medians.items() if name != "hinges check")
    ratio = worst / check_ms
    verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
    print(f"slowest list / check = {ratio:.2f}x (target <= {MAX_RATIO}x): {verdict}")
    return 0 if ratio <= MAX_RATIO or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
