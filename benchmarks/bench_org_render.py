"""Benchmark the organisation catalog: ``hinges render`` of many sources against one registry.

    python benchmarks/bench_org_render.py [--sources 200] [--per-source 50] [--repeat 3]

Target (issue 14): rendering the catalog of 200 sources of 50 records each (10,000 records)
takes at most 1.25x rendering one registry of 10,000 records.

The organisation is what the issue describes: local bare git repositories, synced once
(untimed) into the catalog registry's cache by ``hinges sources sync``. Source ``org``
holds the organisation's 8 tenets and 42 decisions; each of the other 199 holds 50
decisions (made by benchmarks/generate.py, one seed per source) that cite the
organisation's tenets by qualified id (``org:T-003``) and supersede their own decisions.
The catalog registry holds only ``hinges.toml``. The baseline is one generated registry of
the same 9,992 decisions and 8 tenets (generated in one piece, as bench_render.py makes
its registry). Both sides render into an emptied folder, as fresh subprocesses, alternating
after one untimed warm-up each. Results go to ``benchmarks/out/org-render-results.json``;
exit status 1 when the target is missed (unless ``--no-fail``).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# benchmarks/ is a folder of scripts, not a package: import the siblings by path.
from _bench import compile_package
from bench_check import OUT, ensure_registry
from bench_render import BUILD_DATE, alternate, hinges, median, target
from generate import generate_files

MAX_RATIO = 1.25
TENETS = 8
_TENETS_LINE = re.compile(r"^tenets: \[(.*)\]$", re.M)


def _git(*args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    subprocess.run(["git", *identity, *args], check=True, capture_output=True)


def bare_repository(bare: Path, files: dict[str, str], work: Path) -> None:
    """A bare repository at ``bare`` whose one commit holds ``files``."""
    shutil.rmtree(work, ignore_errors=True)
    for relpath, text in files.items():
        path = work / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    _git("init", "-q", "--bare", "-b", "main", str(bare))
    tree = ["--git-dir", str(bare), "--work-tree", str(work)]
    _git(*tree, "add", "-A")
    _git(*tree, "commit", "-q", "-m", "registry")
    shutil.rmtree(work)


def source_files(index: int, per_source: int) -> dict[str, str]:
    """Source 0 (``org``): the tenets and the rest of its records as decisions. The others:
    ``per_source`` decisions citing the organisation's tenets by qualified id."""
    if index == 0:
        return generate_files(per_source - TENETS, TENETS, seed=0)
    files = generate_files(per_source, TENETS, seed=index)
    return {
        path: _TENETS_LINE.sub(
            lambda m: "tenets: [" + ", ".join(f"org:{t.strip()}" for t in m[1].split(",")) + "]",
            text,
            count=1,
        )
        for path, text in files.items()
        if path.startswith("decisions/")
    }


def source_name(index: int) -> str:
    return "org" if index == 0 else f"team-{index:03d}"


def ensure_organisation(sources: int, per_source: int) -> tuple[Path, float]:
    """The catalog registry (synced), reused when complete; and the sync's seconds (0 if reused)."""
    base = OUT / f"org-{sources}x{per_source}"
    catalog = base / "catalog"
    marker = base / ".complete"
    if marker.exists():
        return catalog, 0.0
    shutil.rmtree(base, ignore_errors=True)
    entries = []
    for index in range(sources):
        name = source_name(index)
        bare_repository(base / "repos" / f"{name}.git", source_files(index, per_source), base / "w")
        entries.append(f'[[sources]]\nname = "{name}"\ngit = "../repos/{name}.git"\n')
    catalog.mkdir(parents=True)
    # No age limit: a cache made once is reused across runs without turning stale.
    config = "sources_max_age_hours = 0\n\n" + "\n".join(entries)
    (catalog / "hinges.toml").write_text(config, encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(hinges("sources", "sync", "--root", str(catalog)), capture_output=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"hinges sources sync failed:\n{done.stdout.decode()[-4000:]}")
    marker.write_text("synced\n", encoding="utf-8")
    return catalog, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--per-source", type=int, default=50, help="records in each source")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side")
    parser.add_argument("--no-fail", action="store_true", help="report only; always exit 0")
    args = parser.parse_args(argv)
    if args.sources < 1 or args.per_source <= TENETS:
        parser.error(f"--sources must be 1 or more and --per-source more than {TENETS}")
    compile_package()
    OUT.mkdir(parents=True, exist_ok=True)
    catalog, sync_seconds = ensure_organisation(args.sources, args.per_source)
    decisions = args.sources * args.per_source - TENETS
    single = ensure_registry("registry", decisions, TENETS, 0, chain=False)
    outs = {"organisation": OUT / "org-render-out", "one registry": OUT / "one-render-out"}
    roots = {"organisation": catalog, "one registry": single}
    sides = {
        name: (
            hinges("render", "--root", str(roots[name]), "--out", str(out), "--as-of", BUILD_DATE),
            lambda out=out: shutil.rmtree(out, ignore_errors=True),
        )
        for name, out in outs.items()
    }
    runs = alternate(sides, args.repeat)
    ratio = median(runs["organisation"]) / median(runs["one registry"])
    files = {name: sum(1 for p in out.rglob("*") if p.is_file()) for name, out in outs.items()}
    results: dict[str, Any] = {
        "python": sys.version.split()[0],
        "sources": args.sources,
        "records": args.sources * args.per_source,
        "repeat": args.repeat,
        "first_sync_seconds": round(sync_seconds, 3) if sync_seconds else "reused",
        "files_written": files,
        "median_seconds": {name: round(median(samples), 3) for name, samples in runs.items()},
        # CPU time (user + system) is steadier than wall time on a machine whose disk is
        # shared: the target is judged on wall time, this shows how much of a gap is I/O.
        "median_cpu_seconds": {
            name: round(statistics.median(sample.cpu for sample in samples), 3)
            for name, samples in runs.items()
        },
        "peak_mb": {
            name: round(max(sample.peak_mb for sample in samples), 1)
            for name, samples in runs.items()
        },
        "targets": {"organisation_vs_one_registry": target(ratio, MAX_RATIO)},
    }
    (OUT / "org-render-results.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))
    met = all(entry["met"] for entry in results["targets"].values())
    return 0 if met or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
