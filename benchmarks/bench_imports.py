"""Benchmark a ``forbid_import`` guard against import-linter's forbidden contract, in one run.

    python benchmarks/bench_imports.py [--modules 5000] [--imports 5] [--repeat 3] [--keep DIR]

Target (issue 15): on a generated package of 5,000 Python modules, each importing about
five others, with one ``forbid_import`` guard between its two halves, a full ``hinges
check`` takes at most 1.5x the time of ``lint-imports`` with the equivalent forbidden
contract, both cold (``lint-imports --no-cache``; hinges keeps no cache), in one run.

Both commands must find the same violations: the script compares the importing modules
each reports and stops if they differ. The runs alternate so load from other processes
falls on both; medians are compared. Needs import-linter (in the ``test`` extra). The exit
status is 1 when a target is missed (unless ``--no-fail``).

Then the same check is timed with one more decision holding a ``require`` guard over every
module and a ``forbid_dependency`` guard (the repository has a ``pyproject.toml``): the
target is at most 10% more time than without them.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# benchmarks/ is a folder of scripts, not a package: import the siblings by path.
from _bench import compile_package, hinges_command, timed
from generate_code import TENET

TARGET_RATIO = 1.5
EXTRA_TARGET = 0.10
DECISION = """---
id: ADR-0001
title: The first half never imports the second
status: accepted
date: 2026-01-10
door: two-way
owner: "@arch"
deciders: ["@alice"]
tenets: [T-001, T-002]
exit_path: Remove the guard; an afternoon.
review_by: 2099-01-10
guards:
  - forbid_import: {from: ["shop.a"], to: ["shop.b"]}
    message: The first half stands alone.
---
# The first half never imports the second

## Context

Generated for the import benchmark.

## Decision

shop.a does not import shop.b.

## Consequences

Violations are reported.
"""
MORE_GUARDS = DECISION.replace("ADR-0001", "ADR-0002").replace(
    """  - forbid_import: {from: ["shop.a"], to: ["shop.b"]}
    message: The first half stands alone.""",
    """  - require: "^def f"
    in: ["shop/**/*.py"]
    message: Every module defines its function.
  - forbid_dependency: [mysqlclient, left-pad]
    message: No MySQL, no left-pad.""",
)
PYPROJECT = """[project]
name = "shop"
dependencies = ["psycopg>=3", "requests"]

[project.optional-dependencies]
dev = ["pytest", "import-linter"]
"""
CONTRACT = """[importlinter]
root_package = shop

[importlinter:contract:halves]
name = The first half never imports the second
type = forbidden
source_modules = shop.a
forbidden_modules = shop.b
"""


def _module(half: str, index: int) -> str:
    return f"shop.{half}.p{index % 50:02d}.m{index:05d}"


def generate(out: Path, modules: int, imports: int, seed: int = 1) -> int:
    """Write and commit the repository; return the number of forbidden imports in it."""
    rng = random.Random(seed)
    names = [_module("a" if i < modules // 2 else "b", i) for i in range(modules)]
    forbidden = 0
    for path in ("decisions", "tenets"):
        (out / path).mkdir(parents=True)
    (out / "decisions" / "0001-halves.md").write_text(DECISION)
    for n in (1, 2):
        (out / "tenets" / f"T-00{n}-generated-{n}.md").write_text(TENET.format(n=n))
    (out / ".importlinter").write_text(CONTRACT)
    (out / "pyproject.toml").write_text(PYPROJECT)
    for index, name in enumerate(names):
        own = index < modules // 2
        # Each half imports within itself, except one module in a hundred of the first half.
        pool = range(0, modules // 2) if own else range(modules // 2, modules)
        chosen = {names[rng.choice(pool)] for _ in range(imports)} - {name}
        if own and index % 100 == 0:
            chosen.add(names[rng.randrange(modules // 2, modules)])
            forbidden += 1
        lines = [f'"""Module {index}."""', ""]
        for target in sorted(chosen):
            lines.append(f"import {target}" if rng.random() < 0.5 else _from_import(target))
        lines += ["", "", f"def f{index}(x):", "    return x + 1", ""]
        file = out.joinpath(*name.split(".")).with_suffix(".py")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("\n".join(lines))
    for folder in sorted({p.parent for p in out.joinpath("shop").rglob("*.py")}):
        while folder != out:
            (folder / "__init__.py").touch()
            folder = folder.parent
    env_args = ["-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    subprocess.run(["git", "-C", str(out), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(out), *env_args, "commit", "-q", "--no-gpg-sign", "-m", "generated"],
        check=True,
    )
    return forbidden


def _from_import(target: str) -> str:
    package, _, name = target.rpartition(".")
    return f"from {package} import {name}"


def _importers(report: str, pattern: str) -> set[str]:
    return set(re.findall(pattern, report, flags=re.MULTILINE))


def _more_guards(repo: Path, hinges: list[str], repeat: int) -> bool:
    """Time the same check with a require and a forbid_dependency guard added (an
    uncommitted decision, removed afterwards); the target is at most 10% more."""
    extra = repo / "decisions" / "0002-more-guards.md"
    without, with_more = [], []
    try:
        for _ in range(repeat):
            extra.unlink(missing_ok=True)
            without.append(timed(hinges, repo, allowed=(0, 1))[0])
            extra.write_text(MORE_GUARDS)
            with_more.append(timed(hinges, repo, allowed=(0, 1))[0])
    finally:
        extra.unlink(missing_ok=True)
    base_s, more_s = statistics.median(without), statistics.median(with_more)
    added = more_s / base_s - 1
    verdict = "OK" if added <= EXTRA_TARGET else "MISSED"
    print(
        f"require + forbid_dependency guards: median {more_s:.2f} s against {base_s:.2f} s, "
        f"{added:+.0%} (target <= +{EXTRA_TARGET:.0%}): {verdict}"
    )
    return added <= EXTRA_TARGET


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=5000)
    parser.add_argument("--imports", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="generate here and keep it")
    parser.add_argument("--no-fail", action="store_true")
    args = parser.parse_args()
    lint_imports = shutil.which("lint-imports") or str(
        Path(sys.executable).with_name("lint-imports")
    )
    if not Path(lint_imports).exists():
        raise SystemExit("lint-imports not found: pip install import-linter (the test extra)")
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="hinges-imports-"))
    repo = args.keep or work / "repo"
    try:
        if not (repo / ".git").exists():
            print(f"generating {args.modules} modules in {repo} ...")
            expected = generate(repo, args.modules, args.imports)
            print(f"{expected} forbidden imports planted")
        hinges = [*hinges_command(), "check", "--format", "text"]
        linter = [lint_imports, "--no-cache"]
        _, hinges_report = timed(hinges, repo, allowed=(0, 1))
        _, linter_report = timed(linter, repo, allowed=(0, 1))
        ours = _importers(hinges_report, r"^shop/(\S+)\.py:\d+:\d+: error HG1001")
        theirs = _importers(linter_report, r"^-\s+shop\.(\S+) -> shop\.b")
        ours = {path.replace("/", ".") for path in ours}
        if ours != theirs or not ours:
            raise SystemExit(
                f"the tools disagree: hinges {len(ours)} importers, import-linter "
                f"{len(theirs)}; only hinges: {sorted(ours - theirs)[:5]}, "
                f"only import-linter: {sorted(theirs - ours)[:5]}"
            )
        print(f"both find the same {len(ours)} importing modules")
        hinges_runs, linter_runs = [], []
        for _ in range(args.repeat):
            hinges_runs.append(timed(hinges, repo, allowed=(0, 1))[0])
            linter_runs.append(timed(linter, repo, allowed=(0, 1))[0])
        hinges_s = statistics.median(hinges_runs)
        linter_s = statistics.median(linter_runs)
        ratio = hinges_s / linter_s
        for name, runs, median in (
            ("hinges check", hinges_runs, hinges_s),
            ("lint-imports", linter_runs, linter_s),
        ):
            print(f"{name:13} median {median:.2f} s  runs {[round(r, 2) for r in runs]}")
        verdict = "OK" if ratio <= TARGET_RATIO else "MISSED"
        print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")
        extra_ok = _more_guards(repo, hinges, args.repeat)
        return 0 if (ratio <= TARGET_RATIO and extra_ok) or args.no_fail else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
