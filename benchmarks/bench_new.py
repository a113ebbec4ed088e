"""Benchmark ``hinges new --no-input`` in a 10,000-record registry against importing click and yaml.

    python benchmarks/bench_new.py [--records 10000] [--repeat 21] [--no-fail]

Target (issue 6): creating a record takes at most 1.5x the time of
``python -c "import click, yaml"``, measured side by side in the same run. Creating a
record must therefore not read or parse the other records: only their file names count.

The registry also has the ``hinges.toml`` that ``hinges init`` writes, as every registry
made with it does, so reading the configuration (tomllib) is counted.

Both sides run as fresh subprocesses of the same interpreter and alternate, so load from
other processes falls on both; the medians are compared. The record each run creates is
deleted before the next, so every run sees the same 10,000 files and takes the same number.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench import compile_package, hinges_command, timed
from generate import generate_registry  # sibling scripts, not a package
from hinges.authoring.init import config_text

MAX_RATIO = 1.5
BASELINE = [sys.executable, "-c", "import click, yaml"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="decisions in the registry")
    parser.add_argument("--repeat", type=int, default=21, help="runs of each side")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 when the target is missed")
    args = parser.parse_args(argv)
    compile_package()
    new = [*hinges_command(), "new", "--no-input", "--door", "two-way", "--owner", "@x", "T"]
    with tempfile.TemporaryDirectory(prefix="hinges-bench-new-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        generate_registry(root, args.records, 8)
        (root / "hinges.toml").write_text(config_text(), encoding="utf-8")
        print(f"generated {args.records} records in {time.perf_counter() - started:.1f} s")
        timed(BASELINE, root)  # warm the interpreter's files in the page cache
        names: set[str] = set()
        hinges_times: list[float] = []
        baseline_times: list[float] = []
        for _ in range(args.repeat):
            elapsed, created = timed(new, root)
            hinges_times.append(elapsed)
            names.add(created)
            os.unlink(root / created)
            baseline_times.append(timed(BASELINE, root)[0])
    hinges_ms = statistics.median(hinges_times) * 1000
    baseline_ms = statistics.median(baseline_times) * 1000
    ratio = hinges_ms / baseline_ms
    print(f"each of {args.repeat} runs created {', '.join(sorted(names))}")
    print(f"hinges new --no-input      median {hinges_ms:7.1f} ms")
    print(f'python -c "import click, yaml"  median {baseline_ms:7.1f} ms')
    verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
    print(f"ratio {ratio:.2f}x (target <= {MAX_RATIO}x): {verdict}")
    return 0 if ratio <= MAX_RATIO or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
