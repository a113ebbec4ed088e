"""Benchmark ``hinges render`` against ``hinges check``, and Zensical over the rendered catalog.

    python benchmarks/bench_render.py [--records 5000] [--site-records 1000] [--repeat 3]

Targets (issue 11):

* ``hinges render`` of a 5,000-record registry into an empty folder takes at most 1.5x
  ``hinges check`` of the same registry;
* a cold ``zensical build`` of the rendered 1,000-record catalog takes at most 1.25x a cold
  ``zensical build`` of the same record pages with a one-entry navigation. "The same record
  pages" is read two ways, both measured and reported; the target is judged on the first:
  ``records``: the decision and tenet files as they are (what bench_site.py compares the
  MkDocs build against); ``rendered``: only the rendered decision, tenet and owner pages
  with the stylesheet they link (the catalog without its registers and short links).
  ``zensical_rendered_record_pages_vs_records`` is what the first reading cannot go below
  while every decision's page shows its metadata: those pages alone against the files.

Every side runs as a fresh subprocess of this interpreter; the sides alternate after one
untimed warm-up each. "Cold" means no site folder and no Zensical cache (``.cache``) before
each build; the render writes into a folder that does not exist yet.

What a run leaves is moved aside before the next run and deleted only after the last one
(:class:`Aside`), and the disk is synced before every run. Deleting ten thousand files just
before a run made that run's file creations several times slower on our ext4 test machine
(the inode allocator skips recently freed inodes one by one: ``recently_deleted`` topped a
``perf`` profile), a cost of the benchmark's clean-up, not of the command timed. Results go to
``benchmarks/out/render-results.json``; exit status 1 when a target is missed (unless
``--no-fail``). ``--profile`` runs one render in-process under cProfile.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import pstats
import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# benchmarks/ is a folder of scripts, not a package: import the siblings by path.
from _bench import compile_package
from bench_check import OUT, Sample, ensure_registry, run_child

MAX_RENDER_RATIO = 1.5
MAX_ZENSICAL_RATIO = 1.25
TENETS = 8
BUILD_DATE = "2026-01-01"
BIN = Path(sys.executable).parent
# The catalog's folders of per-record pages and what they link to (not the registers).
RECORD_PAGES = ("decisions", "tenets", "owners", "assets")


def hinges(*args: str) -> list[str]:
    return [sys.executable, "-m", "hinges", *args]


def _config(folder: Path, nav: list[Any]) -> Path:
    import yaml

    path = folder / "mkdocs.yml"
    config = {
        "site_name": "Render benchmark",
        "theme": {"name": "material", "font": False},
        "nav": nav,
        "plugins": ["search"],
    }
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def catalog_project(registry: Path, folder: Path) -> Path:
    """docs/index.md and the rendered catalog under docs/catalog."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs/index.md").write_text("# Registry\n\nSee the catalog.\n", "utf-8")
    out = folder / "docs/catalog"
    sample = run_child(
        hinges("render", "--root", str(registry), "--out", str(out), "--as-of", BUILD_DATE)
    )
    if sample.exit_code != 0:
        raise SystemExit(f"hinges render failed:\n{sample.output}")
    return _config(folder, [{"Home": "index.md"}, {"Catalog": "catalog/index.md"}])


def plain_project(
    source: Path, folder: Path, kinds: tuple[str, ...] = ("decisions", "tenets")
) -> Path:
    """docs/index.md and ``source``'s ``kinds`` folders under docs/catalog; one nav entry."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "docs/catalog").mkdir(parents=True)
    (folder / "docs/index.md").write_text("# Registry\n\nSee the records.\n", "utf-8")
    for kind in kinds:
        shutil.copytree(source / kind, folder / "docs/catalog" / kind)
    return _config(folder, [{"Home": "index.md"}])


class Aside:
    """A folder that collects what the runs leave, deleted once when the benchmark is done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    def move(self, path: Path) -> None:
        if path.exists():
            self.count += 1
            path.rename(self.folder / f"{self.count}-{path.name}")
        self.settle()

    @staticmethod
    def settle() -> None:
        os.sync()  # the last run's writes reach the disk before the next run starts

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def cold(config: Path, aside: Aside) -> Callable[[], None]:
    def clear() -> None:
        for name in ("site", ".cache"):
            aside.move(config.parent / name)

    return clear


def alternate(
    sides: dict[str, tuple[list[str], Callable[[], None]]], repeat: int
) -> dict[str, list[Sample]]:
    """One untimed warm-up of each side, then ``repeat`` rounds in alternating order."""
    for name, (command, before) in sides.items():
        before()
        if (warm := run_child(command)).exit_code != 0:
            raise SystemExit(f"{name} failed ({warm.exit_code}):\n{warm.output[-4000:]}")
    runs: dict[str, list[Sample]] = {name: [] for name in sides}
    names = list(sides)
    for index in range(repeat):
        for name in names if index % 2 == 0 else reversed(names):
            command, before = sides[name]
            before()
            sample = run_child(command)
            if sample.exit_code != 0:
                raise SystemExit(f"{name} failed ({sample.exit_code}):\n{sample.output[-4000:]}")
            runs[name].append(sample)
    return runs


def median(samples: list[Sample]) -> float:
    return statistics.median(sample.wall for sample in samples)


def spread(runs: dict[str, list[Sample]]) -> dict[str, Any]:
    """Every run's wall and CPU seconds, so a loaded machine shows in the results."""
    return {
        name: {
            "wall": [round(sample.wall, 3) for sample in samples],
            "cpu": [round(sample.cpu, 3) for sample in samples],
        }
        for name, samples in runs.items()
    }


def profile_render(registry: Path, out: Path, top: int = 25) -> None:
    from hinges.cli import main as hinges_main

    shutil.rmtree(out, ignore_errors=True)
    profiler = cProfile.Profile()
    profiler.enable()
    with contextlib.suppress(SystemExit):
        hinges_main(["render", "--root", str(registry), "--out", str(out), "--as-of", BUILD_DATE])
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def paired_ratios(runs: dict[str, list[Sample]], side: str, base: str) -> dict[str, Any]:
    """Each round's ratio of two sides that ran next to each other, and their median.

    The machine's speed drifts by a fifth from one minute to the next; two builds run
    back to back share most of that drift, so the ratio of a round varies less than the
    ratio of the two medians. Reported beside the target, which stays on the medians.
    """
    ratios = [a.wall / b.wall for a, b in zip(runs[side], runs[base], strict=True)]
    return {"median": round(statistics.median(ratios), 3), "rounds": [round(r, 3) for r in ratios]}


def target(measured: float, limit: float) -> dict[str, Any]:
    return {"measured": round(measured, 3), "target": limit, "met": measured <= limit}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5_000, help="decisions for the render")
    parser.add_argument("--site-records", type=int, default=1_000, help="decisions for Zensical")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="cProfile one render")
    parser.add_argument("--skip-zensical", action="store_true", help="measure the render only")
    parser.add_argument("--no-fail", action="store_true", help="report only; always exit 0")
    args = parser.parse_args(argv)
    compile_package()
    OUT.mkdir(parents=True, exist_ok=True)

    registry = ensure_registry("registry", args.records, TENETS, args.seed, chain=False)
    out = OUT / f"render-d{args.records}-s{args.seed}"
    if args.profile:
        profile_render(registry, out)
    aside = Aside(OUT / "render-aside")
    render = hinges("render", "--root", str(registry), "--out", str(out), "--as-of", BUILD_DATE)
    check = hinges("check", "--root", str(registry), "--as-of", BUILD_DATE)
    runs = alternate(
        {
            "render": (render, lambda: aside.move(out)),
            "check": (check, aside.settle),
        },
        args.repeat,
    )
    render_ratio = median(runs["render"]) / median(runs["check"])
    results: dict[str, Any] = {
        "python": sys.version.split()[0],
        "render_records": args.records + TENETS,
        "repeat": args.repeat,
        "median_seconds": {name: round(median(samples), 3) for name, samples in runs.items()},
        "runs": spread(runs),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "targets": {"render_vs_check": target(render_ratio, MAX_RENDER_RATIO)},
    }
    if not args.skip_zensical:
        small = ensure_registry("registry", args.site_records, TENETS, args.seed, chain=False)
        work = OUT / f"zensical-d{args.site_records}-s{args.seed}"
        aside.move(work)  # the last run's projects: deleted after this run, not before it
        catalog = catalog_project(small, work / "catalog")
        records = plain_project(small, work / "records")
        # The rendered record pages link their owners' pages and the catalog's stylesheet:
        # without them a build spends its time warning about missing pages.
        rendered = plain_project(catalog.parent / "docs/catalog", work / "rendered", RECORD_PAGES)
        zensical = str(BIN / "zensical")
        sides = {
            name: ([zensical, "build", "-f", str(config)], cold(config, aside))
            for name, config in (("catalog", catalog), ("records", records), ("rendered", rendered))
        }
        site_runs = alternate(sides, args.repeat)
        seconds = {name: round(median(samples), 3) for name, samples in site_runs.items()}
        results["zensical_records"] = args.site_records + TENETS
        results["median_seconds"].update({f"zensical {k}": v for k, v in seconds.items()})
        results["runs"].update({f"zensical {k}": v for k, v in spread(site_runs).items()})
        catalog_wall = median(site_runs["catalog"])
        results["targets"]["zensical_vs_records"] = target(
            catalog_wall / median(site_runs["records"]), MAX_ZENSICAL_RATIO
        )
        results["zensical_vs_rendered_record_pages"] = round(
            catalog_wall / median(site_runs["rendered"]), 3
        )
        results["zensical_vs_records_by_round"] = paired_ratios(site_runs, "catalog", "records")
        results["zensical_vs_rendered_by_round"] = paired_ratios(site_runs, "catalog", "rendered")
        # The first reading's floor: the record pages with their metadata, no register yet.
        results["zensical_rendered_record_pages_vs_records"] = paired_ratios(
            site_runs, "rendered", "records"
        )
    aside.clear()
    results["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    (OUT / "render-results.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))
    missed = [name for name, value in results["targets"].items() if not value["met"]]
    return 1 if missed and not args.no_fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
