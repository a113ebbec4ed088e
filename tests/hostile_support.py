"""Helpers for the loader tests: valid records to vary, and `hinges check` run in a subprocess.

The check runs as a separate process with a timeout, so an input that made hinges hang
(a FIFO, a billion-laughs document) fails its test instead of blocking the whole suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

AS_OF = "2026-11-26"
TIMEOUT_SECONDS = 60

# Codes of the loader (HG0xx) and schema (HG1xx) rules. Tests of hostile input compare
# exactly these: naming, reference, door and body rules are tested on their own.
LOADER_AND_SCHEMA = ("HG0", "HG1")


def decision_text(
    number: int,
    *,
    title: str | None = None,
    values: dict[str, str] | None = None,
    extra: str = "",
    body: str | None = None,
) -> str:
    """A valid accepted two-way decision, with raw YAML ``values`` replaced and ``extra`` lines.

    Lines: 1 fence, 2 id, 3 title, 4 status, 5 date, 6 door, 7 owner, 8 exit_path, then
    ``extra`` from line 9, then the closing fence.
    """
    heading = title if title is not None else f"Record {number}"
    front = {
        "id": f"ADR-{number:04d}",
        "title": heading,
        "status": "accepted",
        "date": "2026-01-10",
        "door": "two-way",
        "owner": '"@platform"',
        "exit_path": "Revert the change; about a day of work.",
    }
    front.update(values or {})
    lines = [f"{key}: {value}" for key, value in front.items()]
    if body is None:
        body = (
            f"# {heading}\n\n## Context\n\nWhy we chose.\n\n## Decision\n\nWhat we chose.\n\n"
            "## Consequences\n\nWhat follows.\n"
        )
    return "---\n" + "\n".join(lines) + "\n" + extra + "---\n" + body


# The witness: a record with one known warning, so every test can show that the other
# files of a registry are still checked and reported.
WITNESS_PATH = "decisions/0001-witness.md"
WITNESS_TEXT = decision_text(1, extra="tags: [yes]\n")
WITNESS_FINDING = (
    WITNESS_PATH,
    9,
    8,
    "HG009",
    "'tags' value yes is read as a boolean by YAML 1.1 tools such as PyYAML; quote it: \"yes\"",
)


@dataclass(frozen=True)
class CheckOutcome:
    exit_code: int
    findings: list[tuple[str, int, int, str, str]]
    """(path, line, column, code, message) of every finding, in report order."""
    summary: dict[str, int]

    def at(self, path: str, *, every_code: bool = False) -> list[tuple[int, int, str, str]]:
        """(line, column, code, message) of the loader and schema findings at ``path``."""
        return [
            (line, column, code, message)
            for where, line, column, code, message in self.findings
            if where == path and (every_code or code.startswith(LOADER_AND_SCHEMA))
        ]

    def has_witness(self) -> bool:
        return WITNESS_FINDING in self.findings


# Run as a child: import all of hinges first (the checkout may be out of reach of the
# unprivileged user), then, when asked and when running as root, drop to ``nobody`` so that
# file modes apply as they do to a developer (root reads a file of mode 000).
_CHILD = """
import os, pkgutil, importlib, sys
import hinges
if sys.argv[1] == "drop" and os.geteuid() == 0:
    for module in pkgutil.walk_packages(hinges.__path__, "hinges."):
        if not module.name.endswith("__main__") and ".mkdocs_plugin" not in module.name:
            importlib.import_module(module.name)
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
from hinges.cli import main
main(sys.argv[2:])
"""


def check_in_subprocess(root: Path, *extra_args: str, unprivileged: bool = False) -> CheckOutcome:
    """Run ``hinges check --format json`` on ``root`` under a timeout; fail on any traceback.

    With ``unprivileged``, the check runs as user ``nobody`` when the tests run as root (as in
    CI); ``root`` must then be reachable by that user (pytest's ``tmp_path`` is not).
    """
    completed = subprocess.run(
        [
            sys.executable,
            "-P",  # the registry is the working folder: never import from it
            "-c",
            _CHILD,
            "drop" if unprivileged else "stay",
            "check",
            "--root",
            str(root),
            "--format",
            "json",
            "--as-of",
            AS_OF,
            *extra_args,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        check=False,
        cwd=root,
    )
    assert completed.stderr == "", completed.stderr
    document = json.loads(completed.stdout)
    assert document["version"] == 1
    findings = [
        (f["path"], f["line"], f["column"], f["code"], f["message"]) for f in document["findings"]
    ]
    # The exit-code contract: 1 exactly when an error was reported.
    errors = sum(1 for f in document["findings"] if f["severity"] == "error")
    assert document["summary"]["errors"] == errors
    assert completed.returncode == (1 if errors else 0), completed
    return CheckOutcome(completed.returncode, findings, document["summary"])
