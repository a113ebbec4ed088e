"""The benchmark tools: the registry generator and the bare-parser baseline (no timings)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from conftest import run_hinges

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    """Import a benchmark script by path (benchmarks/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = _load("generate")


def _front(text: str, key: str) -> str | None:
    match = re.search(rf"^{key}: (.*)$", text.split("\n---\n", 1)[0], re.MULTILINE)
    return match[1] if match else None


def test_same_seed_same_files_and_other_seed_other_files() -> None:
    first = generate.generate_files(40, 6, seed=7)
    assert generate.generate_files(40, 6, seed=7) == first
    assert generate.generate_files(40, 6, seed=8) != first


def test_requested_counts_are_written(tmp_path: Path) -> None:
    files = generate.generate_registry(tmp_path, 25, 4, seed=1)
    decisions = sorted(path.name for path in (tmp_path / "decisions").iterdir())
    tenets = sorted(path.name for path in (tmp_path / "tenets").iterdir())
    assert len(decisions) == 25
    assert len(tenets) == 4
    assert sorted(files) == sorted(
        [f"decisions/{name}" for name in decisions] + [f"tenets/{name}" for name in tenets]
    )
    assert [name[:5] for name in decisions] == [f"{n:04d}-" for n in range(1, 26)]


def test_a_registry_mixes_statuses_doors_and_agreeing_supersedes_pairs() -> None:
    files = generate.generate_files(300, 8, seed=3)
    decisions = {path: text for path, text in files.items() if path.startswith("decisions/")}
    statuses = Counter(_front(text, "status") for text in decisions.values())
    assert set(statuses) == {"accepted", "proposed", "rejected", "deprecated", "superseded"}
    assert statuses["accepted"] > len(decisions) / 2
    assert {_front(text, "door") for text in decisions.values()} == {"one-way", "two-way"}
    by_id = {_front(text, "id"): text for text in decisions.values()}
    for record_id, text in by_id.items():
        successor = _front(text, "superseded_by")
        if successor is not None:
            assert _front(text, "status") == "superseded"
            assert _front(by_id[successor.strip("[]")], "supersedes") == f"[{record_id}]"


def test_chain_supersedes_each_record_by_the_next() -> None:
    files = generate.generate_files(5, 2, seed=0, chain=True)
    decisions = [files[path] for path in sorted(files) if path.startswith("decisions/")]
    assert [_front(text, "status") for text in decisions] == ["superseded"] * 4 + ["accepted"]
    assert [_front(text, "superseded_by") for text in decisions] == [
        "[ADR-0002]",
        "[ADR-0003]",
        "[ADR-0004]",
        "[ADR-0005]",
        None,
    ]
    assert [_front(text, "supersedes") for text in decisions] == [
        None,
        "[ADR-0001]",
        "[ADR-0002]",
        "[ADR-0003]",
        "[ADR-0004]",
    ]


@pytest.mark.parametrize(
    ("decisions", "tenets", "chain"), [(30, 5, False), (20, 5, True)], ids=["mixed", "chain"]
)
def test_generated_registries_pass_hinges_check(
    tmp_path: Path, decisions: int, tenets: int, chain: bool
) -> None:
    generate.generate_registry(tmp_path, decisions, tenets, seed=11, chain=chain)
    result = run_hinges("check", "--root", str(tmp_path), "--format", "json")
    assert result.code == 0, result
    report = json.loads(result.stdout)
    errors = [finding for finding in report["findings"] if finding["severity"] == "error"]
    assert errors == []
    assert report["summary"]["files"] == decisions + tenets


def test_generator_command_line_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "registry"
    assert generate.main([str(out), "--decisions", "3", "--tenets", "2", "--seed", "4"]) == 0
    assert len(list((out / "decisions").glob("*.md"))) == 3
    assert generate.main([str(out), "--decisions", "3", "--tenets", "2"]) == 2


def test_bare_baseline_parses_every_generated_record(tmp_path: Path) -> None:
    bench = _load("bench_check")
    generate.generate_registry(tmp_path, 12, 3, seed=2)
    completed = subprocess.run(
        bench.bare_command(tmp_path), capture_output=True, text=True, check=True
    )
    assert completed.stdout == "15\n"


def test_a_measured_child_reports_its_exit_code_and_output() -> None:
    bench = _load("bench_check")
    sample = bench.run_child([sys.executable, "-c", "print('hello'); raise SystemExit(3)"])
    assert (sample.exit_code, sample.output) == (3, "hello\n")
    assert sample.peak_mb > 0


def test_the_docs_and_make_bench_name_exactly_the_benchmark_scripts_that_exist() -> None:
    project = Path(__file__).parent.parent
    scripts = {path.name for path in (project / "benchmarks").glob("bench_*.py")}
    readme = (project / "README.md").read_text("utf-8")
    section = readme[readme.index("## Performance") :]
    section = section[: section.index("\n## ", 4)]
    places = {
        "README.md (Performance)": section,
        "benchmarks/README.md": (project / "benchmarks/README.md").read_text("utf-8"),
        "make bench": (project / "Makefile").read_text("utf-8").split("\nbench:", 1)[1],
    }
    for place, text in places.items():
        named = set(re.findall(r"\bbench_[a-z_]+\.py\b", text))
        assert named == scripts, place


def test_the_mcp_benchmark_registry_is_valid_and_its_paths_are_governed(tmp_path: Path) -> None:
    import random

    bench_mcp = _load("bench_mcp")
    generate.generate_registry(tmp_path, 30, 3)
    paths = bench_mcp.add_scopes(tmp_path, random.Random(3))
    check = run_hinges(
        "check", "--root", str(tmp_path), "--format", "text", "--as-of", "2026-01-01"
    )
    assert check.code == 0, check
    why = run_hinges("why", paths[0], "--root", str(tmp_path), "--format", "json")
    assert why.code == 0
    assert json.loads(why.stdout)["paths"][0]["path"] == paths[0]


def test_the_organisation_benchmark_cites_the_organisations_tenets() -> None:
    bench = _load("bench_org_render")
    org = bench.source_files(0, 50)
    assert (
        sum(path.startswith("tenets/") for path in org)
        == 8
        == 50 - sum(path.startswith("decisions/") for path in org)
    )
    team = bench.source_files(7, 50)
    assert len(team) == 50 and all(path.startswith("decisions/") for path in team)
    cited = re.findall(r"^tenets: \[(.*)\]$", "\n".join(team.values()), re.M)
    assert cited and all(t.strip().startswith("org:T-") for line in cited for t in line.split(","))


def test_paired_ratios_divide_the_two_runs_of_each_round_not_the_two_medians() -> None:
    bench = _load("bench_render")
    check = _load("bench_check")

    def runs(*walls: float) -> list[object]:
        return [check.Sample(wall, wall, 0.0, 0, "") for wall in walls]

    # The medians (15 s and 11 s) give 1.364; the rounds give 1.5, 1.091 and 1.05.
    result = bench.paired_ratios(
        {"catalog": runs(15.0, 12.0, 21.0), "records": runs(10.0, 11.0, 20.0)},
        "catalog",
        "records",
    )
    assert result == {"median": 1.091, "rounds": [1.5, 1.091, 1.05]}
    with pytest.raises(ValueError):
        bench.paired_ratios({"catalog": runs(1.0), "records": runs(1.0, 2.0)}, "catalog", "records")
