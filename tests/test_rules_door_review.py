"""Edge cases of the door, review, tenet, owner and body rules, on real registries."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from hinges.checker import check
from hinges.codeowners import CodeOwners, CodeOwnersProblem, parse_codeowners, read_codeowners
from hinges.config import load_config

TODAY = dt.date(2026, 11, 26)
OPTIONS = "## Options considered\n\n- PostgreSQL\n- DynamoDB\n\n"


def lines(root: Path, code: str, today: dt.date = TODAY) -> list[str]:
    result = check(root, load_config(root), today=today)
    return [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"
        for f in result.findings
        if f.code == code
    ]


def one_way(status: str, deciders: str, *, body_extra: str = OPTIONS, more: str = "") -> str:
    """GOOD_DECISION as a one-way door with ``status`` and ``deciders``."""
    text = GOOD_DECISION.replace("status: accepted", f"status: {status}")
    text = text.replace("door: two-way", "door: one-way")
    text = text.replace('deciders: ["@alice"]', f"deciders: {deciders}{more}")
    return text.replace("## Decision", body_extra + "## Decision")


# --- deciders ---------------------------------------------------------------------------


def test_min_deciders_comes_from_hinges_toml(registry: Path) -> None:
    write_files(
        registry,
        {
            "hinges.toml": "one_way_min_deciders = 3\n",
            "decisions/0001-use-postgres.md": one_way("accepted", '["@alice", "@bob"]'),
        },
    )
    assert lines(registry, "HG402") == [
        "decisions/0001-use-postgres.md:8:11: error HG402 an accepted one-way door needs at "
        "least 3 deciders; it names 2 (@alice, @bob)"
    ]


@pytest.mark.parametrize(
    ("deciders", "phrase"),
    [
        ('["@alice", "@bob"]', "a third decider"),
        ('["@alice"]', "2 more deciders (3 in all)"),
        ("[]", "3 deciders"),
    ],
)
def test_proposals_are_told_how_many_deciders_are_missing(
    registry: Path, deciders: str, phrase: str
) -> None:
    write_files(
        registry,
        {
            "hinges.toml": "one_way_min_deciders = 3\n",
            "decisions/0001-use-postgres.md": one_way("proposed", deciders),
        },
    )
    assert lines(registry, "HG405") == [
        "decisions/0001-use-postgres.md:4:9: warning HG405 before this can be accepted it "
        f"needs: {phrase}"
    ]


def test_enough_deciders_pass(registry: Path) -> None:
    write_files(
        registry, {"decisions/0001-use-postgres.md": one_way("accepted", '["@alice", "@bob"]')}
    )
    assert lines(registry, "HG402") == []
    assert lines(registry, "HG404") == []


# --- options ----------------------------------------------------------------------------


def test_options_in_code_or_under_one_option_do_not_count(registry: Path) -> None:
    in_code = "## Alternatives\n\n```\n- PostgreSQL\n- DynamoDB\n```\n\n"
    pros = "## Options\n\n### PostgreSQL\n\n- cheap\n- known\n\n"
    write_files(
        registry,
        {
            "decisions/0001-use-postgres.md": one_way(
                "accepted", '["@a", "@b"]', body_extra=in_code
            ),
            "decisions/0002-use-postgres.md": one_way(
                "accepted", '["@a", "@b"]', body_extra=pros
            ).replace("ADR-0001", "ADR-0002"),
        },
    )
    assert lines(registry, "HG404") == [
        "decisions/0001-use-postgres.md:19:1: error HG404 'Alternatives' weighs no option; an "
        "accepted one-way door must weigh at least two (a subheading or list item per option)",
        "decisions/0002-use-postgres.md:19:1: error HG404 'Options' weighs only one option; an "
        "accepted one-way door must weigh at least two (a subheading or list item per option)",
    ]


def test_two_option_subheadings_count(registry: Path) -> None:
    subheadings = "## Considered Options\n\n### PostgreSQL\n\n- cheap\n\n### DynamoDB\n\n"
    write_files(
        registry,
        {
            "decisions/0001-use-postgres.md": one_way(
                "accepted", '["@a", "@b"]', body_extra=subheadings
            )
        },
    )
    assert lines(registry, "HG404") == []


# --- review dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2027, 1, 9), []),
        (dt.date(2027, 1, 10), ["review is due today"]),
        (dt.date(2027, 1, 11), ["review was due on 2027-01-10, 1 day ago"]),
        (dt.date(2027, 2, 11), ["review was due on 2027-01-10, 32 days ago"]),
    ],
)
def test_review_due_today_overdue_and_future(
    registry: Path, today: dt.date, expected: list[str]
) -> None:
    advice = "; review it and record what you found"
    advice += " (hinges review ID --outcome ... --note ...), or supersede it with a new decision"
    assert lines(registry, "HG501", today) == [
        f"decisions/0001-use-postgres.md:11:12: warning HG501 {when}{advice}" for when in expected
    ]


def test_only_accepted_decisions_are_overdue(registry: Path) -> None:
    deprecated = GOOD_DECISION.replace("status: accepted", "status: deprecated")
    write_files(registry, {"decisions/0001-use-postgres.md": deprecated})
    assert lines(registry, "HG501", dt.date(2030, 1, 1)) == []


def test_overdue_review_fails_only_under_strict(registry: Path) -> None:
    args = ("check", "--root", str(registry), "--format", "text", "--as-of", "2027-01-10")
    assert run_hinges(*args).code == 0
    assert run_hinges(*args, "--strict").code == 1


# --- tenets -----------------------------------------------------------------------------


def test_three_tenets_sharing_a_priority_name_the_first_holder(registry: Path) -> None:
    for number in (2, 3):
        tenet = GOOD_TENET.replace("T-001", f"T-00{number}")
        write_files(registry, {f"tenets/T-00{number}-more.md": tenet})
    message = "give each active tenet its own priority (2 follows the last one in use)"
    assert lines(registry, "HG603") == [
        "tenets/T-002-more.md:6:11: error HG603 priority 1 is shared by "
        f"tenets/T-001-reversible.md and tenets/T-002-more.md; {message}",
        "tenets/T-003-more.md:6:11: error HG603 priority 1 is shared by "
        f"tenets/T-001-reversible.md and tenets/T-003-more.md; {message}",
    ]


# --- owners -----------------------------------------------------------------------------


def test_codeowners_parsing_skips_comments_and_patterns_and_keeps_emails() -> None:
    text = (
        "# comment @not-an-owner\n"
        "*.md   @docs  docs-lead@example.com  # trailing comment @nobody\n"
        "\\#hash.md  @Platform/Infra\n"
        "/build/  not-an-owner  @docs\n"
        "[Security team] @security\n"
        "/empty/\n"
        "   \n"
    )
    assert parse_codeowners(text) == (
        "@docs",
        "docs-lead@example.com",
        "@Platform/Infra",
        "@security",
    )


def test_github_location_order_decides_which_codeowners_is_read(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {"CODEOWNERS": "* @root-team\n", ".github/CODEOWNERS": "* @github-team\n"},
    )
    assert read_codeowners(tmp_path, 1000) == CodeOwners(".github/CODEOWNERS", ("@github-team",))
    write_files(tmp_path / "only-docs", {"docs/CODEOWNERS": "* @docs-team\n"})
    assert read_codeowners(tmp_path / "only-docs", 1000) == CodeOwners(
        "docs/CODEOWNERS", ("@docs-team",)
    )
    (tmp_path / "none").mkdir()
    assert read_codeowners(tmp_path / "none", 1000) is None


def test_owner_matches_codeowners_with_or_without_at_and_in_any_case(registry: Path) -> None:
    write_files(registry, {"docs/CODEOWNERS": "* @Payments @arch\n"})
    assert lines(registry, "HG701") == []
    unlisted = GOOD_DECISION.replace('owner: "@payments"', "owner: payments-team")
    write_files(registry, {"decisions/0001-use-postgres.md": unlisted})
    assert lines(registry, "HG701") == [
        "decisions/0001-use-postgres.md:7:8: error HG701 owner 'payments-team' is not one of "
        "the owners allowed by docs/CODEOWNERS (@Payments, @arch); did you mean '@Payments'?"
    ]


def test_configured_owners_win_over_codeowners(registry: Path) -> None:
    write_files(
        registry,
        {"CODEOWNERS": "* @payments @arch\n", "hinges.toml": 'owners = ["@arch", "payments"]\n'},
    )
    assert lines(registry, "HG701") == []
    write_files(registry, {"hinges.toml": 'owners = ["@arch"]\n'})
    assert lines(registry, "HG701") == [
        "decisions/0001-use-postgres.md:7:8: error HG701 owner '@payments' is not one of the "
        "owners allowed by the owners setting of hinges.toml (@arch)"
    ]


def test_codeowners_can_be_ignored_or_name_nobody(registry: Path) -> None:
    write_files(
        registry, {"CODEOWNERS": "* @someone-else\n", "hinges.toml": "use_codeowners = false\n"}
    )
    assert lines(registry, "HG701") == []
    write_files(registry, {"CODEOWNERS": "# nobody yet\n", "hinges.toml": ""})
    assert lines(registry, "HG701") == []


def test_unusable_codeowners_is_a_finding_not_a_crash(registry: Path, tmp_path: Path) -> None:
    write_files(registry, {".github/CODEOWNERS": b"* @payments\n* @caf\xe9\n"})
    assert read_codeowners(registry, 1000) == CodeOwnersProblem(
        ".github/CODEOWNERS", "is not valid UTF-8; not read", 2
    )
    assert lines(registry, "HG701") == [
        ".github/CODEOWNERS:2:1: error HG701 CODEOWNERS is not valid UTF-8; not read, so "
        "owners were not checked against it"
    ]
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "CODEOWNERS").write_text("* @payments\n", encoding="utf-8")
    os.remove(registry / ".github" / "CODEOWNERS")
    os.symlink(outside / "CODEOWNERS", registry / ".github" / "CODEOWNERS")
    assert lines(registry, "HG701") == [
        ".github/CODEOWNERS:1:1: error HG701 CODEOWNERS leads outside the registry root; not "
        "read, so owners were not checked against it"
    ]


# --- body -------------------------------------------------------------------------------


def test_a_blank_body_is_reported_at_the_closing_fence(registry: Path) -> None:
    front = GOOD_DECISION.split("# Use PostgreSQL")[0]
    write_files(registry, {"decisions/0001-use-postgres.md": front})
    assert lines(registry, "HG801") == [
        "decisions/0001-use-postgres.md:12:1: error HG801 the body has no H1 heading; start it "
        "with '# Use PostgreSQL for orders'"
    ]
    assert len(lines(registry, "HG802")) == 3


def test_required_sections_come_from_configuration(registry: Path) -> None:
    write_files(registry, {"hinges.toml": 'required_sections = ["Context", "Exit path"]\n'})
    assert lines(registry, "HG802") == [
        "decisions/0001-use-postgres.md:13:1: error HG802 the body has no '## Exit path' "
        "section (required: Context, Exit path)"
    ]
    write_files(registry, {"hinges.toml": "required_sections = []\n"})
    assert lines(registry, "HG802") == []
