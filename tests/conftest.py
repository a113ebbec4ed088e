"""Shared fixtures: real registries in tmp_path and one helper that runs the real CLI."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from hinges.cli import main


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:  # shown by pytest when an assert on a Run fails
        return f"exit {self.code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


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
    return Run(code, out, err)


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
