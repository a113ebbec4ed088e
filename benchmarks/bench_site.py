"""Benchmark the catalog build against plain ``mkdocs build`` over the same record pages.

    python benchmarks/bench_site.py [--records 1000] [--scale 5] [--repeat 3] [--no-fail]

Targets (issue 3):

* at 1,000 generated records, ``mkdocs build`` with the ``hinges`` plugin (which loads and
  validates the registry and generates every catalog page) takes at most 1.25x a plain
  ``mkdocs build`` (material theme, one-entry navigation, search on) of a docs folder that
  already holds the same decision and tenet files as Markdown pages;
* the peak memory (max RSS) of that catalog build stays under 300 MB;
* at 5,000 records (``--scale`` times as many) the catalog build takes at most 6x the
  1,000-record catalog build (it grows about linearly).

Both sides run as fresh ``python -m mkdocs build`` subprocesses of this interpreter; their
runs alternate after one untimed warm-up each, and each child is reaped with ``os.wait4``
for its own CPU time and peak memory. ``--profile`` also runs the catalog build once
in-process under cProfile and prints where its time goes. Results go to
``benchmarks/out/site-results.json``; exit status 1 when a target is missed (unless
``--no-fail``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# benchmarks/ is a folder of scripts, not a package: import the siblings by path.
from _bench import compile_package
from bench_check import OUT, Sample, ensure_registry, run_child

MAX_RATIO = 1.25
MAX_PEAK_MB = 300.0
MAX_SCALE_FACTOR = 6.0
TENETS = 8
# Fixed, so every run validates and renders the same "due for review" state.
BUILD_DATE = "2026-01-01"
THEME = {"name": "material", "font": False}


def _write_config(folder: Path, config: dict[str, Any]) -> Path:
    import yaml

    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def catalog_project(registry: Path, folder: Path) -> Path:
    """Only docs/index.md; the plugin generates the whole catalog from ``registry``."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Registry\n\nSee the catalog.\n", "utf-8")
    plugin = {"root": str(registry), "build_date": BUILD_DATE}
    return _write_config(
        folder,
        {
            "site_name": "Catalog benchmark",
            "theme": THEME,
            "nav": [{"Home": "index.md"}, {"Catalog": "catalog/index.md"}],
            "plugins": ["search", {"hinges": plugin}],
        },
    )


def plain_project(registry: Path, folder: Path) -> tuple[Path, int]:
    """Every decision and tenet file, copied as it is into docs_dir, for plain MkDocs.

    This is the naive site the issue measured: the record files as pages (MkDocs reads
    their front matter as page metadata), at the paths the catalog gives them, with a
    one-entry navigation. The catalog renders the same bodies plus a metadata panel per
    record and its own pages (home, registers, owners, graph, JSON export), and loads
    and validates the registry; the ratio is the price of all of that.
    """
    docs = folder / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "catalog").mkdir(parents=True)
    (docs / "index.md").write_text("# Registry\n\nSee the records.\n", "utf-8")
    written = 0
    for kind in ("decisions", "tenets"):
        shutil.copytree(registry / kind, docs / "catalog" / kind)
        written += sum(1 for _ in (docs / "catalog" / kind).glob("*.md"))
    config = _write_config(
        folder,
        {
            "site_name": "Plain benchmark",
            "theme": THEME,
            "nav": [{"Home": "index.md"}],
            "plugins": ["search"],
            "validation": {"omitted_files": "info"},
        },
    )
    return config, written


def build_command(config: Path) -> list[str]:
    site = config.parent / "site"
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def checked(sample: Sample, what: str) -> Sample:
    if sample.exit_code != 0:
        raise SystemExit(f"{what} failed ({sample.exit_code}):\n{sample.output[-4000:]}")
    return sample


def alternate(commands: dict[str, list[str]], repeat: int) -> dict[str, list[Sample]]:
    """One untimed warm-up of each, then ``repeat`` rounds in alternating order."""
    for name, command in commands.items():
        checked(run_child(command), f"warm-up of {name}")
    runs: dict[str, list[Sample]] = {name: [] for name in commands}
    names = list(commands)
    for index in range(repeat):
        for name in names if index % 2 == 0 else reversed(names):
            runs[name].append(checked(run_child(commands[name]), name))
    return runs


def profile_build(config: Path, top: int = 30) -> None:
    """The catalog build in-process under cProfile: where its time goes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    profiler.enable()
    build(load_config(str(config), site_dir=str(config.parent / "site")))
    profiler.disable()
    target = OUT / "site-profile.prof"
    profiler.dump_stats(str(target))
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    print(f"\n--- cumulative time, top {top} (full profile: {target})")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"--- own time, top {top}")
    stats.sort_stats("tottime").print_stats(top)


def median(samples: list[Sample], attribute: str) -> float:
    return statistics.median(getattr(sample, attribute) for sample in samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000, help="decisions to generate")
    parser.add_argument("--scale", type=int, default=5, help="the larger run has N times more")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="cProfile one catalog build")
    parser.add_argument("--no-fail", action="store_true", help="report only; always exit 0")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.records < 1 or args.scale < 2:
        parser.error("--repeat and --records must be at least 1, --scale at least 2")
    compile_package()
    OUT.mkdir(parents=True, exist_ok=True)

    big_records = args.records * args.scale
    registry = ensure_registry("registry", args.records, TENETS, args.seed, chain=False)
    big_registry = ensure_registry("registry", big_records, TENETS, args.seed, chain=False)
    work = OUT / f"site-d{args.records}-s{args.seed}"
    catalog = catalog_project(registry, work / "catalog")
    plain, plain_pages = plain_project(registry, work / "plain")
    big_catalog = catalog_project(big_registry, OUT / f"site-d{big_records}-s{args.seed}")

    runs = alternate(
        {"catalog": build_command(catalog), "plain": build_command(plain)}, args.repeat
    )
    big_runs = alternate({"catalog": build_command(big_catalog)}, args.repeat)["catalog"]
    catalog_pages = sum(1 for _ in (catalog.parent / "site").rglob("index.html"))

    catalog_wall, plain_wall = median(runs["catalog"], "wall"), median(runs["plain"], "wall")
    big_wall = median(big_runs, "wall")
    ratio = catalog_wall / plain_wall
    cpu_ratio = median(runs["catalog"], "cpu") / median(runs["plain"], "cpu")
    peak = max(sample.peak_mb for sample in runs["catalog"])
    scale_factor = big_wall / catalog_wall
    targets = {
        "ratio": {"measured": round(ratio, 3), "target": MAX_RATIO, "met": ratio <= MAX_RATIO},
        "peak_mb": {"measured": round(peak, 1), "target": MAX_PEAK_MB, "met": peak < MAX_PEAK_MB},
        "scale_factor": {
            "measured": round(scale_factor, 3),
            "target": MAX_SCALE_FACTOR,
            "met": scale_factor <= MAX_SCALE_FACTOR,
        },
    }
    results = {
        "python": sys.version.split()[0],
        "records": args.records + TENETS,
        "big_records": big_records + TENETS,
        "pages": {"catalog": catalog_pages, "plain record pages": plain_pages},
        "repeat": args.repeat,
        "median_seconds": {
            "catalog": round(catalog_wall, 3),
            "plain": round(plain_wall, 3),
            "catalog_big": round(big_wall, 3),
        },
        "median_cpu_seconds": {
            "catalog": round(median(runs["catalog"], "cpu"), 3),
            "plain": round(median(runs["plain"], "cpu"), 3),
            "catalog_big": round(median(big_runs, "cpu"), 3),
        },
        "peak_mb": {
            "catalog": round(peak, 1),
            "plain": round(max(s.peak_mb for s in runs["plain"]), 1),
            "catalog_big": round(max(s.peak_mb for s in big_runs), 1),
        },
        "cpu_ratio": round(cpu_ratio, 3),
        "targets": targets,
    }
    (OUT / "site-results.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")

    records = results["records"]
    rows = [
        (f"catalog build, {records} records (s)", catalog_wall, "", None),
        (f"plain mkdocs, {plain_pages} record pages (s)", plain_wall, "", None),
        ("ratio (wall clock)", ratio, f"<= {MAX_RATIO}", targets["ratio"]["met"]),
        ("ratio (cpu time)", cpu_ratio, "", None),
        ("peak memory of catalog build (MB)", peak, f"< {MAX_PEAK_MB:.0f}",
         targets["peak_mb"]["met"]),
        (f"catalog build, {results['big_records']} records (s)", big_wall, "", None),
        (f"x{args.scale} records / x1 (time)", scale_factor, f"<= {MAX_SCALE_FACTOR}",
         targets["scale_factor"]["met"]),
    ]  # fmt: skip
    print(f"{'measure':<42}{'median':>9}{'target':>10}  met")
    for label, value, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "NO")
        print(f"{label:<42}{value:>9.3f}{target:>10}  {verdict}")
    print(f"catalog site: {catalog_pages} pages; results written to {OUT / 'site-results.json'}")
    if args.profile:
        profile_build(catalog)
    if args.no_fail:
        return 0
    return 0 if all(target["met"] for target in targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
