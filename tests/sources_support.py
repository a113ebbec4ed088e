"""Real git repositories as sources: an organisation's tenets and a team's decisions."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, write_files
from gate_support import commit_all, git, init_repo

ORG_TENET = GOOD_TENET.replace("T-001", "T-003").replace(
    "Reversible choices over perfect ones", "Contracts outlive code"
)
PAYMENTS_DECISION = GOOD_DECISION.replace("ADR-0007", "PAY-0007").replace("ADR-0001", "PAY-0007")


def org_repo(path: Path) -> Path:
    """The organisation's registry: tenet T-003 at the repository's root, and other files."""
    init_repo(path)
    write_files(
        path,
        {
            "tenets/T-003-contracts-outlive-code.md": ORG_TENET,
            "decisions/README.md": "The organisation's decisions.\n",
            "src/big.txt": "not part of the registry\n",
        },
    )
    commit_all(path, "organisation tenets")
    return path


def payments_repo(path: Path) -> Path:
    """A team's repository whose registry sits in ``registry/`` with its own id prefix."""
    init_repo(path)
    write_files(
        path,
        {
            "registry/hinges.toml": 'id_prefix = "PAY"\n',
            "registry/decisions/0007-use-postgres.md": PAYMENTS_DECISION,
            "registry/tenets/T-001-reversible.md": GOOD_TENET,
            "service/main.py": "print('payments')\n",
        },
    )
    commit_all(path, "payments registry")
    return path


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def sources_config(root: Path, entries: str) -> Path:
    """The registry at ``root`` (one tenet, one decision) with ``entries`` as its sources."""
    write_files(
        root,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-use-postgres.md": GOOD_DECISION,
            "hinges.toml": entries,
        },
    )
    return root


def state(root: Path, name: str) -> dict[str, str]:
    data: dict[str, str] = json.loads(
        (root / ".hinges" / "sources" / name / "state.json").read_text()
    )
    return data


def cached_files(root: Path, name: str) -> list[str]:
    """The files of a source's cached tree, relative to the tree."""
    tree = root / ".hinges" / "sources" / name / state(root, name)["tree"]
    return sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())


TWO_SOURCES = """\
    [[sources]]
    name = "org"
    git = "../org"

    [[sources]]
    name = "payments"
    git = "../payments"
    path = "registry"
    ref = "main"
    """
