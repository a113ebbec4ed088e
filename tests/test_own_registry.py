"""This repository's own decisions and tenets pass ``hinges check --strict``.

The date is fixed so the test does not start failing when review dates pass; CI's
``make catalog`` checks the registry as of today.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_hinges
from hinges.config import load_config
from hinges.loader import load_registry

REPOSITORY = Path(__file__).resolve().parent.parent


def test_own_registry_passes_strict_check() -> None:
    result = run_hinges(
        "check", "--root", str(REPOSITORY), "--strict", "--format", "text", "--as-of", "2026-11-26"
    )
    assert result.code == 0, result
    assert result.stdout.endswith(" checked: no problems\n"), result


def test_own_registry_has_the_records_the_project_promises() -> None:
    registry = load_registry(REPOSITORY, load_config(REPOSITORY))
    kinds = [record.kind for record in registry.records()]
    assert kinds.count("decision") >= 6
    assert kinds.count("tenet") >= 4
