"""An organisation of real git repositories, synced as sources of a catalog registry.

* ``org``: the organisation's tenets (T-003, T-004);
* ``payments``: its registry in ``registry/`` (prefix PAY): tenet T-001 of its own,
  PAY-0007 cites ``T-001`` (its own) and ``org:T-003``, PAY-0008 supersedes ``PAY-0007``;
* ``shipping``: SHP-0001 supersedes ``payments:PAY-0007`` and cites ``org:T-004``, with a
  hostile title; synced from ``main`` and then configured with ``ref = "release"``, so its
  copy is stale (synced from another ref) and it is shown with a warning;
* ``billing``: configured, but its repository does not exist, so it was never synced;
* the catalog registry itself: tenet T-001 and ADR-0001, which cites ``org:T-003``.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from gate_support import commit_all, init_repo

HOSTILE_TITLE = "<img src=x onerror=alert(1)> & <script>alert(2)</script>"


def decision(
    record_id: str, title: str, *, tenets: str = "[T-001]", extra: str = "", status: str = ""
) -> str:
    # The title goes into the front matter (quoted); the body's heading is the author's
    # Markdown, a plain one here, so a hostile title is only ever record data.
    text = (
        GOOD_DECISION.replace("ADR-0001", record_id)
        .replace("title: Use PostgreSQL for orders", f"title: {json.dumps(title)}")
        .replace("# Use PostgreSQL for orders", f"# {title if '<' not in title else record_id}")
        .replace("tenets: [T-001]", f"tenets: {tenets}{extra}")
    )
    return text.replace("status: accepted", f"status: {status}") if status else text


def tenet(record_id: str, title: str, priority: int) -> str:
    return (
        GOOD_TENET.replace("T-001", record_id)
        .replace("Reversible choices over perfect ones", title)
        .replace("priority: 1", f"priority: {priority}")
    )


def _repo(path: Path, files: dict[str, str]) -> Path:
    init_repo(path)
    write_files(path, dict(files))
    commit_all(path, "registry")
    return path


ORG_FILES = {
    "decisions/README.md": "The organisation's decisions.\n",
    "tenets/T-003-contracts-outlive-code.md": tenet("T-003", "Contracts outlive code", 1),
    "tenets/T-004-boring-technology.md": tenet("T-004", "Boring technology first", 2),
}
PAYMENTS_FILES = {
    "registry/hinges.toml": 'id_prefix = "PAY"\n',
    "registry/tenets/T-001-reversible.md": GOOD_TENET,
    "registry/decisions/0007-use-postgres.md": decision(
        "PAY-0007", "Use PostgreSQL for payments", tenets="[T-001, org:T-003]", status="superseded"
    ),
    "registry/decisions/0008-use-aurora.md": decision(
        "PAY-0008", "Use Aurora for payments", extra="\nsupersedes: [PAY-0007]"
    ),
}
SHIPPING_FILES = {
    "hinges.toml": 'id_prefix = "SHP"\n',
    "decisions/0001-share-the-payments-store.md": decision(
        "SHP-0001", HOSTILE_TITLE, tenets="[org:T-004]", extra="\nsupersedes: [payments:PAY-0007]"
    ),
}
CATALOG_FILES = {
    "tenets/T-001-reversible.md": GOOD_TENET,
    "decisions/0001-use-postgres.md": decision(
        "ADR-0001", "Use PostgreSQL for orders", tenets="[T-001, org:T-003]"
    ),
}
SOURCES = """\
    [[sources]]
    name = "org"
    git = "../org"

    [[sources]]
    name = "payments"
    git = "../payments"
    path = "registry"

    [[sources]]
    name = "shipping"
    git = "../shipping"
    ref = "{shipping_ref}"

    [[sources]]
    name = "billing"
    git = "../billing"
    """

# Every record page of every source, as `hinges render` names it (under the catalog folder).
SOURCE_PAGES = {
    "org:T-003": "sources/org/tenets/T-003-contracts-outlive-code.md",
    "org:T-004": "sources/org/tenets/T-004-boring-technology.md",
    "payments:T-001": "sources/payments/tenets/T-001-reversible.md",
    "payments:PAY-0007": "sources/payments/decisions/0007-use-postgres.md",
    "payments:PAY-0008": "sources/payments/decisions/0008-use-aurora.md",
    "shipping:SHP-0001": "sources/shipping/decisions/0001-share-the-payments-store.md",
}
LOCAL_PAGES = {
    "T-001": "tenets/T-001-reversible.md",
    "ADR-0001": "decisions/0001-use-postgres.md",
}
STALE_REASON = "synced from another git, ref or path than the configuration names"


def sources_toml(shipping_ref: str) -> str:
    return textwrap.dedent(SOURCES.format(shipping_ref=shipping_ref))


def organisation(base: Path, catalog_files: dict[str, str] | None = None) -> Path:
    """The repositories under ``base``, the catalog registry at ``base/catalog`` synced
    (billing fails: it does not exist), then shipping's ref changed so its copy is stale."""
    _repo(base / "org", ORG_FILES)
    _repo(base / "payments", PAYMENTS_FILES)
    _repo(base / "shipping", SHIPPING_FILES)
    root = base / "catalog"
    files = CATALOG_FILES if catalog_files is None else catalog_files
    write_files(root, {**files, "hinges.toml": sources_toml("main")})
    synced = run_hinges("sources", "sync", "--root", str(root))
    assert synced.code == 1, synced  # billing cannot be reached; the others are synced
    write_files(root, {"hinges.toml": sources_toml("release")})
    return root
