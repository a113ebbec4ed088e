"""Helpers for the tests of the creating commands (init, new, tenet)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from conftest import Run, run_hinges
from hinges.cli import main


def run_with_input(*args: str, input: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the real ``main`` with ``input`` on standard input and prompts forced on.

    Standard input is not a terminal under CliRunner, so ``HINGES_INTERACTIVE=1`` stands
    in for one (the pseudo-terminal test covers the real terminal check).
    """
    runner = CliRunner()
    previous = Path.cwd()
    environment = {"HINGES_INTERACTIVE": "1", **(env or {})}
    with runner.isolation(input=input, env=environment) as streams:
        os.chdir(cwd)
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            os.chdir(previous)
        out = streams[0].getvalue().decode("utf-8", "replace")
        err = streams[1].getvalue().decode("utf-8", "replace")
    return Run(code, out, err, "hinges " + " ".join(args))


def assert_check_passes(root: Path) -> Run:
    """Run the real ``hinges check`` on ``root``: no errors (warnings and notes allowed)."""
    result = run_hinges("check", "--root", str(root), "--format", "text")
    assert result.code == 0, result
    assert ": error " not in result.stdout, result
    return result


def record_files(root: Path, folder: str = "decisions") -> list[str]:
    return sorted(path.name for path in (root / folder).iterdir())
