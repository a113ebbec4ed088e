"""``hinges check`` on qualified ids, against sources synced from real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files
from gate_support import commit_all
from sources_support import TWO_SOURCES, org_repo, payments_repo, sources_config

DECISION = "decisions/0002-follow-the-organisation.md"
AS_OF = "2026-11-26"


def _citing(tenets: str, supersedes: str = "[]") -> str:
    return (
        GOOD_DECISION.replace("ADR-0001", "ADR-0002")
        .replace("Use PostgreSQL for orders", "Follow the organisation")
        .replace("tenets: [T-001]", f"tenets: {tenets}\nsupersedes: {supersedes}")
    )


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_repo(tmp_path / "org")
    payments_repo(tmp_path / "payments")
    return sources_config(tmp_path / "registry", TWO_SOURCES)


def _check(root: Path) -> tuple[int, list[str]]:
    result = run_hinges("check", "--root", str(root), "--as-of", AS_OF, "--format", "text")
    return result.code, [line for line in result.stdout.splitlines() if " HG" in line]


def _synced(root: Path) -> None:
    assert run_hinges("sources", "sync", "--root", str(root)).code == 0


def test_qualified_ids_that_resolve_pass(org: Path) -> None:
    _synced(org)
    write_files(org, {DECISION: _citing("[T-001, org:T-003]", "[payments:PAY-0007]")})
    assert _check(org) == (0, [])


def test_unknown_sources_and_ids_are_errors_at_their_place(org: Path) -> None:
    _synced(org)
    write_files(
        org, {DECISION: _citing("[T-001, org:T-009, T-003]", "[payments:PAY-7, billing:BIL-0001]")}
    )
    code, lines = _check(org)
    assert code == 1
    assert lines == [
        f"{DECISION}:9:17: error HG1102 tenets names org:T-009, but source 'org' has no tenet "
        f"T-009 (synced copy at {_commit(org, 'org')[:12]})",
        f"{DECISION}:9:28: error HG301 tenet T-003 does not exist in tenets/",
        f"{DECISION}:10:14: error HG102 'supersedes' item 'payments:PAY-7' does not have the "
        "form of ADR-0003",
        f"{DECISION}:10:14: error HG1102 supersedes names payments:PAY-7, but source 'payments' "
        f"has no decision PAY-7 (synced copy at {_commit(org, 'payments')[:12]}); "
        "did you mean payments:PAY-0007?",
        f"{DECISION}:10:30: error HG1101 supersedes names billing:BIL-0001, but there is no "
        "source 'billing': the sources are org, payments",
    ]


def _commit(root: Path, name: str) -> str:
    state = json.loads((root / ".hinges/sources" / name / "state.json").read_text())
    return str(state["commit"])


def test_a_source_never_synced_is_a_warning_that_says_to_sync(org: Path) -> None:
    write_files(org, {DECISION: _citing("[T-001, org:T-003, org:T-004]")})
    assert _check(org) == (
        0,
        [
            f"{DECISION}:9:17: warning HG1103 source 'org' has not been synced, so its ids "
            "are not checked; run `hinges sources sync`"
        ],
    )


def test_a_copy_older_than_the_setting_warns_and_is_still_used(org: Path) -> None:
    (org / "hinges.toml").write_text(
        "sources_max_age_hours = 2\n" + (org / "hinges.toml").read_text()
    )
    _synced(org)
    state_file = org / ".hinges/sources/org/state.json"
    state = json.loads(state_file.read_text())
    three_hours_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3, minutes=1)
    state["checked_at"] = three_hours_ago.strftime("%Y-%m-%dT%H:%M:%SZ")
    state_file.write_text(json.dumps(state))
    write_files(org, {DECISION: _citing("[T-001, org:T-003, org:T-404]")})
    code, lines = _check(org)
    assert code == 1
    assert lines == [
        f"{DECISION}:9:17: warning HG1103 the copy of source 'org' may be out of date: last "
        "synced 3 hours ago (sources_max_age_hours is 2); run `hinges sources sync`",
        f"{DECISION}:9:28: error HG1102 tenets names org:T-404, but source 'org' has no tenet "
        f"T-404 (synced copy at {state['commit'][:12]})",
    ]
    # A sync that finds the source unchanged makes the copy current again.
    _synced(org)
    assert _check(org)[1] == lines[1:]


def test_check_works_offline_from_the_cache(org: Path) -> None:
    _synced(org)
    shutil.rmtree(org.parent / "org")
    shutil.rmtree(org.parent / "payments")
    write_files(org, {DECISION: _citing("[T-001, org:T-003]", "[payments:PAY-0007]")})
    assert _check(org) == (0, [])


def test_an_unusable_state_counts_as_never_synced_where_a_source_is_named(org: Path) -> None:
    _synced(org)
    (org / ".hinges/sources/org/state.json").write_text("{")
    assert _check(org) == (0, [])
    write_files(org, {DECISION: _citing("[T-001, org:T-003]")})
    assert _check(org)[1] == [
        f"{DECISION}:9:17: warning HG1103 source 'org' has not been synced, so its ids are not "
        "checked; run `hinges sources sync`"
    ]


def test_new_cites_an_organisation_tenet_that_check_then_resolves(org: Path) -> None:
    _synced(org)
    created = run_hinges(
        "new", "Follow the organisation", "--door", "two-way", "--owner", "@payments",
        "--tenet", "1", "--tenet", "org:T-003", "--no-input", "--root", str(org),
    )  # fmt: skip
    assert created.code == 0
    path = org / "decisions" / "0002-follow-the-organisation.md"
    assert "\ntenets: [T-001, org:T-003]\n" in path.read_text()
    assert [line for line in _check(org)[1] if "HG11" in line or "HG301" in line] == []


def test_an_organisation_tenet_retired_since_is_reported_where_it_is_cited(org: Path) -> None:
    tenet = org.parent / "org/tenets/T-003-contracts-outlive-code.md"
    tenet.write_text(tenet.read_text().replace("status: active", "status: retired"))
    commit_all(org.parent / "org", "retire T-003")
    _synced(org)
    write_files(org, {DECISION: _citing("[T-001, org:T-003]")})
    assert _check(org) == (
        0,
        [
            f"{DECISION}:9:17: warning HG601 cites org:T-003 'Contracts outlive code', which "
            "is retired; cite the tenet that guides this choice now, or remove the citation"
        ],
    )
