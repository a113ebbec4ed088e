from __future__ import annotations

from pathlib import Path

from conftest import run_hinges, write_files


def test_clean_registry_passes(registry: Path) -> None:
    result = run_hinges(
        "check", "--root", str(registry), "--format", "text", "--as-of", "2026-06-01"
    )
    assert result.code == 0, result
    assert result.stdout == "2 files checked: no problems\n"


def test_missing_registry_is_a_usage_error(tmp_path: Path) -> None:
    result = run_hinges("check", "--format", "text", cwd=tmp_path)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("hinges: no registry here: decisions/ does not exist")


def test_a_broken_file_does_not_hide_the_others(registry: Path) -> None:
    write_files(registry, {"decisions/0002-broken.md": "---\nid: [\n---\n"})
    write_files(registry, {"decisions/0003-bad.md": "---\nid: ADR-0003\nownr: x\n---\n"})
    result = run_hinges(
        "check", "--root", str(registry), "--format", "text", "--as-of", "2026-06-01"
    )
    assert result.code == 1
    assert (
        "decisions/0002-broken.md:2:5: error HG006 YAML syntax error: unclosed '['" in result.stdout
    )
    assert (
        "decisions/0003-bad.md:3:1: error HG103 "
        "unknown key 'ownr' in a decision; did you mean 'owner'?" in result.stdout
    )
