"""The organisation bench_sources.py generates: real bare repositories a sync can read."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from conftest import run_hinges

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generated_organisation_syncs_and_checks_clean(tmp_path: Path) -> None:
    bench = _load("bench_sources")
    base = bench.organisation(tmp_path / "org", 3, 4)
    assert sorted(p.name for p in (base / "repos").iterdir()) == [
        "s000.git",
        "s001.git",
        "s002.git",
    ]
    registry = base / "registry"
    first = run_hinges("sources", "sync", "--root", str(registry))
    assert first.code == 0
    assert [line.split(" ")[:2] for line in first.stdout.splitlines()] == [
        ["s000:", "fetched"],
        ["s001:", "fetched"],
        ["s002:", "fetched"],
    ]
    listing = run_hinges("sources", "list", "--root", str(registry), "--format", "json")
    assert listing.code == 0
    assert '"records": 8' in listing.stdout  # 4 decisions and 4 tenets in each source
    second = run_hinges("sources", "sync", "--root", str(registry))
    assert second.code == 0
    assert second.stdout.count(": up to date at ") == 3
