"""``hinges new`` with a source's ids: checked against the synced copy, written as given,
the other registry never edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_hinges
from sources_support import TWO_SOURCES, org_repo, payments_repo, sources_config

NEW = ("new", "Follow the organisation", "--door", "two-way", "--owner", "@team", "--no-input")


@pytest.fixture
def org(tmp_path: Path) -> Path:
    org_repo(tmp_path / "org")
    payments_repo(tmp_path / "payments")
    return sources_config(tmp_path / "registry", TWO_SOURCES)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }


def test_a_sources_ids_that_resolve_are_written_and_nothing_else_changes(
    org: Path, tmp_path: Path
) -> None:
    assert run_hinges("sources", "sync", "--root", str(org)).code == 0
    payments_before = _tree(tmp_path / "payments")
    result = run_hinges(
        *NEW, "--tenet", "org:T-003", "--supersedes", "payments:PAY-0007", "--root", str(org)
    )
    assert result.code == 0, result
    assert result.stdout.endswith("registry/decisions/0002-follow-the-organisation.md\n")
    assert result.stderr == (
        "hinges: note: payments:PAY-0007 is another registry's decision and is not edited "
        "here; mark it superseded by this decision there\n"
    )
    text = (org / "decisions/0002-follow-the-organisation.md").read_text("utf-8")
    assert "tenets: [org:T-003]\n" in text
    assert "supersedes: [payments:PAY-0007]\n" in text
    assert _tree(tmp_path / "payments") == payments_before
    check = run_hinges("check", "--root", str(org), "--as-of", "2026-11-26", "--format", "text")
    assert (check.code, " HG11" in check.stdout) == (0, False), check


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--supersedes",
            "payments:PAY-7",
            "source 'payments' has no decision PAY-7 (synced copy at {payments}); did you "
            "mean payments:PAY-0007?; if it is new there, run 'hinges sources sync' first",
        ),
        (
            "--tenet",
            "org:T-009",
            "source 'org' has no tenet T-009 (synced copy at {org}); if it is new there, run "
            "'hinges sources sync' first",
        ),
        (
            "--supersedes",
            "payment:PAY-0007",
            "payment:PAY-0007 names no configured source: the sources are org, payments; did "
            "you mean payments:PAY-0007?",
        ),
        (
            "--tenet",
            "org:PAY-0007",
            "source 'org' has no tenet PAY-0007 (synced copy at {org}); if it is new there, run "
            "'hinges sources sync' first",
        ),
    ],
)
def test_an_unknown_source_or_id_is_refused_before_anything_is_written(
    org: Path, option: str, value: str, message: str
) -> None:
    assert run_hinges("sources", "sync", "--root", str(org)).code == 0
    commits = {
        name: (org / ".hinges/sources" / name / "state.json").read_text("utf-8")
        for name in ("org", "payments")
    }
    short = {name: json.loads(text)["commit"][:12] for name, text in commits.items()}
    before = _tree(org)
    result = run_hinges(*NEW, option, value, "--root", str(org))
    assert (result.code, result.stdout) == (1, ""), result
    assert result.stderr == f"hinges: {message.format(**short)}\n"
    assert _tree(org) == before


def test_a_source_never_synced_is_written_unchecked_with_a_note(org: Path) -> None:
    result = run_hinges(*NEW, "--tenet", "org:T-003", "--root", str(org))
    assert result.code == 0, result
    assert result.stderr == (
        "hinges: note: org:T-003 is written unchecked: source 'org' has no readable copy "
        "(it has never been synced); run 'hinges sources sync', then 'hinges check' "
        "validates it\n"
    )
    assert "tenets: [org:T-003]\n" in (org / "decisions/0002-follow-the-organisation.md").read_text(
        "utf-8"
    )


def test_without_sources_a_qualified_id_says_how_to_add_one(tmp_path: Path) -> None:
    root = sources_config(tmp_path / "registry", "")
    result = run_hinges(*NEW, "--supersedes", "payments:PAY-0007", "--root", str(root))
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        "hinges: payments:PAY-0007 names no configured source: no sources are configured; "
        "add it as [[sources]] in hinges.toml\n"
    )
