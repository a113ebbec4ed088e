"""Benchmark ``hinges check`` against a bare front-matter parser, side by side in one run.

    python benchmarks/bench_check.py [--records 10000] [--chain-records 3000] [--repeat 5]

Targets (issue 2):

* ``hinges check`` over a generated registry of 10,000 records takes at most 2x the time of
  a bare script, run the same way, that reads the same files and parses their front matter
  with ``yaml.CSafeLoader``;
* the peak memory (max RSS) of that ``hinges check`` process stays under 200 MB;
* a 3,000-record supersedes chain checks in under 10 s.

Both sides run as fresh subprocesses of the same interpreter, so both pay for interpreter
start-up and imports; their runs alternate, so load from other processes on the machine
falls on both. Each child is reaped with ``os.wait4``, which reports the resources of that
child alone. Results go to ``benchmarks/out/results.json``; the exit status is 1 when a
target is missed (unless ``--no-fail``), 2 when ``hinges check`` reports errors on the
generated registries (the benchmark would then not measure a clean check).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# benchmarks/ is a folder of scripts, not a package: import the sibling generator by path.
from _bench import compile_package
from generate import generate_registry

OUT = Path(__file__).resolve().parent / "out"
MAX_RATIO = 2.0
MAX_PEAK_MB = 200.0
MAX_CHAIN_SECONDS = 10.0

# The baseline: the least a validator must do. Read each record, cut at the fences, parse
# the front matter with libyaml's safe loader.
BARE_PARSER = """
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
parsed = 0
for folder in ("decisions", "tenets"):
    for path in sorted((root / folder).glob("*.md")):
        _, front, _body = path.read_text(encoding="utf-8").split("---\\n", 2)
        parsed += isinstance(yaml.load(front, Loader=yaml.CSafeLoader), dict)
print(parsed)
"""


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    peak_mb: float
    exit_code: int
    output: str


def run_child(command: list[str]) -> Sample:
    """Run one command to completion; time it and read its own peak memory from wait4."""
    with tempfile.TemporaryFile() as captured:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=captured, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        captured.seek(0)
        output = captured.read().decode("utf-8", "replace")
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Sample(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / divisor, process.returncode, output
    )


def hinges_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "hinges", "check", "--root", str(root), "--format", "json"]


def bare_command(root: Path) -> list[str]:
    return [sys.executable, "-c", BARE_PARSER, str(root)]


def ensure_registry(name: str, decisions: int, tenets: int, seed: int, chain: bool) -> Path:
    """A generated registry under benchmarks/out, reused when it is already there."""
    root = OUT / f"{name}-d{decisions}-t{tenets}-s{seed}"
    marker = root / ".complete"
    if not marker.exists():
        if root.exists():  # left over from an interrupted run
            shutil.rmtree(root)
        generate_registry(root, decisions, tenets, seed=seed, chain=chain)
        marker.write_text("generated\n", encoding="utf-8")
    return root


def summary_of(sample: Sample) -> dict[str, Any]:
    """The summary of a JSON report, or a description of what came out instead."""
    try:
        report = json.loads(sample.output)
        return dict(report["summary"])
    except (ValueError, KeyError, TypeError):
        return {"unparsed_output": sample.output[-2000:]}


def measure_pair(root: Path, repeat: int) -> tuple[list[Sample], list[Sample]]:
    """Alternate hinges and bare runs (after one untimed warm-up of each, for the file cache)."""
    run_child(hinges_command(root))
    run_child(bare_command(root))
    hinges_runs: list[Sample] = []
    bare_runs: list[Sample] = []
    for index in range(repeat):
        order = (hinges_runs, bare_runs) if index % 2 == 0 else (bare_runs, hinges_runs)
        for runs in order:
            command = hinges_command(root) if runs is hinges_runs else bare_command(root)
            runs.append(run_child(command))
    return hinges_runs, bare_runs


def median(samples: list[Sample], attribute: str) -> float:
    return statistics.median(getattr(sample, attribute) for sample in samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="decisions to generate")
    parser.add_argument("--tenets", type=int, default=8, help="tenets to generate")
    parser.add_argument("--chain-records", type=int, default=3_000, help="length of the chain")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each side")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-fail", action="store_true", help="report only; always exit 0")
    args = parser.parse_args(argv)
    compile_package()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    OUT.mkdir(parents=True, exist_ok=True)
    registry = ensure_registry("registry", args.records, args.tenets, args.seed, chain=False)
    chain = ensure_registry("chain", args.chain_records, args.tenets, args.seed, chain=True)

    hinges_runs, bare_runs = measure_pair(registry, args.repeat)
    run_child(hinges_command(chain))  # warm-up
    chain_runs = [run_child(hinges_command(chain)) for _ in range(args.repeat)]

    ratio = median(hinges_runs, "wall") / median(bare_runs, "wall")
    cpu_ratio = median(hinges_runs, "cpu") / median(bare_runs, "cpu")
    peak = max(sample.peak_mb for sample in hinges_runs)
    chain_seconds = median(chain_runs, "wall")
    targets = {
        "ratio": {"measured": round(ratio, 3), "target": MAX_RATIO, "met": ratio <= MAX_RATIO},
        "peak_mb": {"measured": round(peak, 1), "target": MAX_PEAK_MB, "met": peak < MAX_PEAK_MB},
        "chain_seconds": {
            "measured": round(chain_seconds, 3),
            "target": MAX_CHAIN_SECONDS,
            "met": chain_seconds < MAX_CHAIN_SECONDS,
        },
    }
    checks = {"registry": summary_of(hinges_runs[-1]), "chain": summary_of(chain_runs[-1])}
    clean = all(run.get("errors") == 0 for run in checks.values())
    results = {
        "python": sys.version.split()[0],
        "records": args.records + args.tenets,
        "chain_records": args.chain_records + args.tenets,
        "repeat": args.repeat,
        "median_seconds": {
            "hinges": round(median(hinges_runs, "wall"), 3),
            "bare": round(median(bare_runs, "wall"), 3),
            "chain": round(chain_seconds, 3),
        },
        "median_cpu_seconds": {
            "hinges": round(median(hinges_runs, "cpu"), 3),
            "bare": round(median(bare_runs, "cpu"), 3),
        },
        "cpu_ratio": round(cpu_ratio, 3),
        "targets": targets,
        "check_summaries": checks,
        "runs": {
            "hinges": [asdict(s) | {"output": ""} for s in hinges_runs],
            "bare": [asdict(s) | {"output": ""} for s in bare_runs],
            "chain": [asdict(s) | {"output": ""} for s in chain_runs],
        },
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    records, chain_records = results["records"], results["chain_records"]
    chain_label = f"chain of {chain_records} records (s)"
    rows = [
        (f"hinges check, {records} records (s)", median(hinges_runs, "wall"), "", None),
        (f"bare CSafeLoader, {records} records (s)", median(bare_runs, "wall"), "", None),
        ("ratio (wall clock)", ratio, f"<= {MAX_RATIO}", targets["ratio"]["met"]),
        ("ratio (cpu time)", cpu_ratio, "", None),
        ("peak memory of hinges (MB)", peak, f"< {MAX_PEAK_MB:.0f}", targets["peak_mb"]["met"]),
        (chain_label, chain_seconds, f"< {MAX_CHAIN_SECONDS}", targets["chain_seconds"]["met"]),
    ]
    print(f"{'measure':<38}{'median':>9}{'target':>10}  met")
    for label, value, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "NO")
        print(f"{label:<38}{value:>9.3f}{target:>10}  {verdict}")
    print(f"findings: registry {checks['registry']}, chain {checks['chain']}")
    print(f"results written to {OUT / 'results.json'}")
    if not clean:
        print("hinges check reported errors on a generated registry", file=sys.stderr)
    if args.no_fail:
        return 0
    if not clean:
        return 2
    return 0 if all(target["met"] for target in targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
