"""``hinges new`` compiles no regular expression of its own and imports nothing heavy.

The benchmark (benchmarks/bench_new.py) holds ``hinges new --no-input`` in a 10,000-record
registry to 1.5x ``python -c "import click, yaml"``; compiling patterns at import, or
importing a module that does, is how that budget is lost without anyone noticing. Each
case runs the real command in a child process with ``re._compile`` (the function every
``re.compile``, ``re.match`` and ``re.sub`` goes through) wrapped, and reports which file
asked for each pattern. Patterns compiled by the standard library (tomllib reading
hinges.toml, dataclasses) are allowed: hinges cannot avoid them. ``--tenet`` and
``--supersedes`` read the records they name, through the loader, by design; they are
not this fast path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_TENET, write_files
from hinges.authoring.init import config_text

PACKAGE = str(Path(__file__).resolve().parent.parent / "tooling" / "hinges")

# Runs in the child: wrap re._compile, run the command, print what was compiled and loaded.
_PROBE = """
import os, re, sys
calls = []
_compile = re._compile
re_folder = os.path.dirname(re.__file__)

def recording(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(re_folder):
        frame = frame.f_back  # re.match -> re._compile: the caller is outside re
    where = "?" if frame is None else f"{frame.f_code.co_filename}:{frame.f_lineno}"
    calls.append([where, str(pattern)[:60]])
    return _compile(pattern, flags)

re._compile = recording
from hinges.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
else:
    code = 0
modules = sorted(sys.modules)  # before json is imported to print them
import json
print(json.dumps({"code": code, "calls": calls, "modules": modules}))
"""

# Importing any of these costs milliseconds or compiles patterns on import (json: six).
HEAVY = ("yaml", "json", "jsonschema", "hinges.schema", "hinges.rules", "hinges.loader",
         "hinges.records", "hinges.checker")  # fmt: skip


def run_new(root: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "new", "--no-input", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    *paths, report = done.stdout.splitlines()
    result: dict[str, object] = json.loads(report)
    assert result["code"] in (0, None), done.stderr  # before the path: say why it is missing
    assert len(paths) == 1 and (root / paths[0]).is_file(), done.stdout
    return result


def hinges_calls(result: dict[str, object]) -> list[list[str]]:
    calls = result["calls"]
    assert isinstance(calls, list)
    return [call for call in calls if call[0].startswith(PACKAGE)]


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return write_files(
        tmp_path,
        {
            # A configuration file: reading it runs tomllib, whose patterns prove the wrapper
            # sees every compilation (the test would pass vacuously otherwise).
            "hinges.toml": 'id_prefix = "DEC"\n',
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0007-earlier.md": "not even read\n",
        },
    )


CASES = {
    "two-way, the benchmark's command": ("--door", "two-way", "--owner", "@x", "T"),
    "one-way with everything given": (
        "--door", "one-way", "--owner", "@org/team", "--decider", "@a", "--decider", "b.c",
        "--exit-path", "Export; a month.", "--status", "proposed", "--", "Use C #",
    ),
    "a title outside ASCII, with quotes": (
        "--door", "two-way", "--owner", "@x", 'Choisir « Postgres » "vraiment" \u00e9t\u00e9',
    ),
}  # fmt: skip


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_new_compiles_no_pattern_of_its_own(registry: Path, args: tuple[str, ...]) -> None:
    result = run_new(registry, *args)
    calls = result["calls"]
    assert isinstance(calls, list)
    assert any("tomllib" in where for where, _ in calls), calls  # the wrapper is in place
    assert hinges_calls(result) == []


def test_new_compiles_no_pattern_with_a_codeowners_file(registry: Path) -> None:
    write_files(registry, {".github/CODEOWNERS": "* @org/team @x\n/docs/ @writers\n"})
    result = run_new(registry, "--door", "two-way", "--owner", "@x", "With owners")
    modules = result["modules"]
    assert isinstance(modules, list)
    assert "hinges.codeowners" in modules
    assert hinges_calls(result) == []


def test_new_imports_nothing_heavy(registry: Path) -> None:
    result = run_new(registry, "--door", "one-way", "--owner", "@x", "--decider", "@a", "T")
    modules = result["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m in HEAVY or m.startswith(tuple(h + "." for h in HEAVY))] == []


def test_new_reads_the_hinges_toml_of_init_without_tomllib(registry: Path) -> None:
    # All comments until someone changes a setting: importing tomllib would cost ~3 ms.
    write_files(registry, {"hinges.toml": config_text()})
    result = run_new(registry, "--door", "two-way", "--owner", "@x", "Defaults")
    modules = result["modules"]
    assert isinstance(modules, list)
    assert "hinges.config" in modules
    assert [m for m in modules if m.startswith("tomllib")] == []
    assert hinges_calls(result) == []
