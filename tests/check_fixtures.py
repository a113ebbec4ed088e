"""A registry with known findings of every severity, shared by the reporter and CLI tests.

Built from conftest's valid records with one defect each, so the findings are exactly:

* ``decisions/0001-use-postgres.md:8:1`` HG103 (unknown key ``ownr``), turned into an
  ``info`` by the registry's ``hinges.toml``;
* ``decisions/0002-cache-orders.md:10:8`` HG009 (``tags: [on, ...]``), a ``warning``;
* ``decisions/0003-broken.md:1:1`` HG004 (unclosed front matter), an ``error``.
"""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, write_files

AS_OF = "2026-11-26"

CACHE_DECISION = (
    GOOD_DECISION.replace("ADR-0001", "ADR-0002")
    .replace("Use PostgreSQL for orders", "Cache orders in memory")
    .replace("tenets: [T-001]", "tenets: [T-001]\ntags: [on, cache]")
)
MISTYPED_DECISION = GOOD_DECISION.replace(
    'owner: "@payments"', 'owner: "@payments"\nownr: payments'
)
BROKEN_DECISION = "---\nid: ADR-0003\ntitle: Broken\n"

INFO_LINE = (
    "decisions/0001-use-postgres.md:8:1: info HG103 unknown key 'ownr' in a decision; "
    "did you mean 'owner'?"
)
WARNING_LINE = (
    "decisions/0002-cache-orders.md:10:8: warning HG009 'tags' value on is read as a boolean "
    'by YAML 1.1 tools such as PyYAML; quote it: "on"'
)
ERROR_LINE = (
    "decisions/0003-broken.md:1:1: error HG004 front matter opened on line 1 is never closed; "
    "add a line '---' after it"
)

# Run everything with GitHub's variables cleared: CI may itself run under GitHub Actions.
NOT_ON_GITHUB = {"GITHUB_ACTIONS": "", "GITHUB_WORKSPACE": ""}


def valid_registry(root: Path) -> Path:
    return write_files(
        root,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-use-postgres.md": GOOD_DECISION,
        },
    )


def warnings_registry(root: Path) -> Path:
    """A valid registry plus one decision with a warning (HG009) and nothing else."""
    valid_registry(root)
    return write_files(root, {"decisions/0002-cache-orders.md": CACHE_DECISION})


def findings_registry(root: Path) -> Path:
    """One error, one warning and one info, as listed in the module docstring."""
    warnings_registry(root)
    return write_files(
        root,
        {
            "decisions/0001-use-postgres.md": MISTYPED_DECISION,
            "decisions/0003-broken.md": BROKEN_DECISION,
            "hinges.toml": 'severity = { "unknown-key" = "info" }\n',
        },
    )
