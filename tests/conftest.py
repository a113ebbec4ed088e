"""Shared fixtures: real registries in tmp_path and one helper that runs the real CLI."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hinges.cli import main

# Every Run made during a test; a test that never reads the exit code of one fails (see
# ``_every_exit_code_is_read``): a command that failed with exit 2 and printed nothing must
# not pass a test that only looks for the absence of some output.
_RUNS: list[Run] = []


class Run:
    """The outcome of one command: exit code, standard output, standard error."""

    def __init__(self, code: int, stdout: str, stderr: str, command: str = "") -> None:
        self._code = code
        self.stdout = stdout
        self.stderr = stderr
        self.command = command
        self.code_read = False
        _RUNS.append(self)

    @property
    def code(self) -> int:
        self.code_read = True
        return self._code

    def __str__(self) -> str:  # shown by pytest when an assert on a Run fails
        return f"exit {self._code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"

    __repr__ = __str__


_CURRENT_TEST: list[pytest.Item] = []


def pytest_runtest_setup(item: pytest.Item) -> None:
    _CURRENT_TEST[:] = [item]


def current_test() -> pytest.Item | None:
    """The test being set up or run (helpers use it to check the test's markers)."""
    return _CURRENT_TEST[0] if _CURRENT_TEST else None


@pytest.fixture(autouse=True)
def _every_exit_code_is_read() -> Iterator[None]:
    del _RUNS[:]
    yield
    unread = [run.command or "(a command)" for run in _RUNS if not run.code_read]
    del _RUNS[:]
    assert unread == [], "the exit code of these commands was never checked: " + "; ".join(unread)


def run_hinges(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``hinges ARGS`` in-process exactly as the console script does."""
    runner = CliRunner(env=env)
    previous = Path.cwd()
    with runner.isolation(env=env) as streams:
        stdout, stderr = streams[0], streams[1]
        if cwd is not None:
            os.chdir(cwd)
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        finally:
            os.chdir(previous)
        out = stdout.getvalue().decode("utf-8", "replace")
        err = stderr.getvalue().decode("utf-8", "replace")
    return Run(code, out, err, "hinges " + " ".join(args))


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create ``files`` (relative path -> text, dedented, or bytes) under ``root``."""
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


GOOD_TENET = """\
---
id: T-001
title: Reversible choices over perfect ones
status: active
owner: "@arch"
priority: 1
---
# Reversible choices over perfect ones

We prefer the option we can walk back from. This settles speed against certainty.
"""

GOOD_DECISION = """\
---
id: ADR-0001
title: Use PostgreSQL for orders
status: accepted
date: 2026-01-10
door: two-way
owner: "@payments"
deciders: ["@alice"]
tenets: [T-001]
exit_path: Orders are stored in plain SQL tables; moving to another database costs a sprint.
review_by: 2027-01-10
---
# Use PostgreSQL for orders

## Context

We need a store for orders.

## Decision

PostgreSQL.

## Consequences

We run PostgreSQL.
"""


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """A small valid registry: one tenet, one accepted two-way decision."""
    return write_files(
        tmp_path,
        {"tenets/T-001-reversible.md": GOOD_TENET, "decisions/0001-use-postgres.md": GOOD_DECISION},
    )


@pytest.fixture
def hinges() -> Iterator[Callable[..., Run]]:
    yield run_hinges
