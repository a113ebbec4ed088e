"""This repository's own decisions and tenets pass ``hinges check --strict``.

The date is fixed so the test does not start failing when review dates pass; CI's
``make catalog`` checks the registry as of today.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import run_hinges
from hinges.codescan import ActiveGuard, active_guards
from hinges.codescan.engine import compile_pattern
from hinges.config import load_config
from hinges.globs import PathMatcher
from hinges.loader import load_registry

REPOSITORY = Path(__file__).resolve().parent.parent


def test_own_registry_passes_strict_check() -> None:
    result = run_hinges(
        "check", "--root", str(REPOSITORY), "--strict", "--format", "text", "--as-of", "2026-11-26"
    )
    assert result.code == 0, result
    assert result.stdout.endswith(" code files scanned: no problems\n"), result


def test_own_registry_has_the_records_the_project_promises() -> None:
    registry = load_registry(REPOSITORY, load_config(REPOSITORY))
    kinds = [record.kind for record in registry.records()]
    assert kinds.count("decision") >= 6
    assert kinds.count("tenet") >= 4


def _tracked_modules() -> list[str]:
    done = subprocess.run(
        ["git", "-C", str(REPOSITORY), "ls-files", "-z", "tooling/hinges"],
        capture_output=True,
        check=True,
    )
    names = done.stdout.decode("utf-8").split("\0")
    return [name for name in names if name.endswith(".py")]


def _guard(decision_id: str) -> ActiveGuard:
    registry = load_registry(REPOSITORY, load_config(REPOSITORY))
    found = [guard for guard in active_guards(registry) if guard.decision.id == decision_id]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("decision_id", "outside", "forbidden", "allowed"),
    [
        (
            "ADR-0005",
            ("tooling/hinges/cli/", "tooling/hinges/mkdocs_plugin/"),
            ["import click", "    from mkdocs.plugins import BasePlugin", "import mkdocs"],
            ["import clickhouse", "# import click", "from hinges import click_free"],
        ),
        (
            "ADR-0015",
            ("tooling/hinges/net/",),
            ["import socket", "from urllib.request import urlopen", "    import http.client"],
            ["from urllib.parse import quote", "import sslkeylog_free", "# import socket"],
        ),
    ],
)
def test_our_boundary_guards_cover_every_module_on_their_side(
    decision_id: str, outside: tuple[str, ...], forbidden: list[str], allowed: list[str]
) -> None:
    """A new core package must not slip out of the guard: every module outside ``outside``
    is guarded, none inside, and the pattern tells an import from its look-alikes."""
    guard = _guard(decision_id)
    matcher = PathMatcher(guard.globs)
    modules = _tracked_modules()
    unguarded = [m for m in modules if not m.startswith(outside) and not matcher.matches(m)]
    wrongly = [m for m in modules if m.startswith(outside) and matcher.matches(m)]
    assert unguarded == [] and wrongly == []
    pattern = compile_pattern(guard.guard.pattern)
    assert [line for line in forbidden if pattern.search(line.encode()) is None] == []
    assert [line for line in allowed if pattern.search(line.encode()) is not None] == []


@pytest.mark.parametrize(
    ("command", "target"),
    [("digest", "AGENTS.md"), ("codeowners", ".github/CODEOWNERS")],
)
def test_own_generated_blocks_are_current(command: str, target: str) -> None:
    """Our agents' digest and CODEOWNERS follow the registry (regenerate with --write)."""
    done = run_hinges(command, "--root", str(REPOSITORY), "--check", str(REPOSITORY / target))
    assert done.code == 0, f"run 'hinges {command} --write {target}': {done}"
