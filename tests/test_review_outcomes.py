"""`hinges review ID --outcome ...`: a review appended, review_by moved, nothing else touched."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files
from gate_support import commit_all, init_repo

PATH = "decisions/0001-use-postgres.md"


def review(root: Path, *args: str, record: str = "ADR-0001", as_of: str = "2026-12-03"):
    return run_hinges("review", record, *args, "--as-of", as_of, "--root", str(root))


def test_appends_an_entry_and_moves_review_by_a_two_way_interval(registry: Path) -> None:
    before = (registry / PATH).read_text(encoding="utf-8")
    result = review(registry, "--outcome", "kept", "--note", "Still fits: p99 10 ms", "--by", "@bo")
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == (
        f"{PATH}: ADR-0001 reviewed 2026-12-03: kept; review_by 2027-01-10 -> 2027-12-03\n"
    )
    expected = before.replace("review_by: 2027-01-10", "review_by: 2027-12-03").replace(
        "---\n# Use",
        textwrap.dedent(
            """\
            reviews:
              - date: 2026-12-03
                outcome: kept
                by: "@bo"
                note: "Still fits: p99 10 ms"
            ---
            # Use"""
        ),
    )
    assert (registry / PATH).read_text(encoding="utf-8") == expected
    assert run_hinges("check", "--as-of", "2026-12-03", "--root", str(registry)).code == 0


def test_a_second_review_follows_the_first_byte_for_byte(registry: Path) -> None:
    assert review(registry, "--outcome", "kept", "--note", "first").code == 0
    once = (registry / PATH).read_text(encoding="utf-8")
    result = review(
        registry, "--outcome", "doubled-down", "--note", "Also billing", as_of="2027-01-05"
    )
    assert result.code == 0, result
    twice = (registry / PATH).read_text(encoding="utf-8")
    added = "  - date: 2027-01-05\n    outcome: doubled-down\n    note: Also billing\n"
    assert twice == once.replace("    note: first\n", "    note: first\n" + added).replace(
        "review_by: 2027-12-03", "review_by: 2028-01-05"
    )


def test_one_way_doors_use_their_interval_and_next_overrides(registry: Path) -> None:
    one_way = GOOD_DECISION.replace("ADR-0001", "ADR-0002").replace("two-way", "one-way")
    write_files(registry, {"decisions/0002-b.md": one_way})
    result = review(registry, "--outcome", "revised", "--note", "n", record="ADR-0002")
    assert result.code == 0, result
    assert result.stdout.endswith("review_by 2027-01-10 -> 2027-06-03\n"), result
    later = review(registry, "--outcome", "kept", "--note", "n", "--next", "2027-03-01")
    assert later.code == 0, later
    assert later.stdout.endswith("review_by 2027-01-10 -> 2027-03-01\n"), later


def test_the_two_way_interval_is_a_setting(registry: Path) -> None:
    write_files(registry, {"hinges.toml": "review_interval_two_way_months = 3\n"})
    result = review(registry, "--outcome", "kept", "--note", "n")
    assert result.code == 0, result
    assert result.stdout.endswith("review_by 2027-01-10 -> 2027-03-03\n"), result


def test_crlf_bom_and_comments_survive(registry: Path) -> None:
    text = GOOD_DECISION.replace("tenets: [T-001]", "tenets: [T-001]  # the one that matters")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    (registry / PATH).write_bytes(data)
    assert review(registry, "--outcome", "kept", "--note", "ok").code == 0
    after = (registry / PATH).read_bytes()
    entry = b"reviews:\r\n  - date: 2026-12-03\r\n    outcome: kept\r\n    note: ok\r\n---"
    assert after == data.replace(b"2027-01-10", b"2027-12-03").replace(
        b"\r\n---\r\n#", b"\r\n" + entry + b"\r\n#"
    )


def test_reversed_says_what_comes_next_and_check_warns(registry: Path) -> None:
    result = review(registry, "--outcome", "reversed", "--note", "Moving to SQLite")
    assert result.code == 0, result
    assert result.stdout.splitlines()[1] == (
        "next: ADR-0001 was reversed: supersede it with 'hinges new TITLE --supersedes "
        "ADR-0001', or retire it with 'hinges status ADR-0001 deprecated'"
    )
    checked = run_hinges("check", "--as-of", "2026-12-03", "--root", str(registry))
    # HG504 is a warning: reported, but the check still passes.
    assert checked.code == 0, checked
    assert "HG504" in checked.stdout, checked
    assert run_hinges("status", "ADR-0001", "deprecated", "--root", str(registry)).code == 0
    again = run_hinges("check", "--as-of", "2026-12-03", "--root", str(registry))
    assert again.code == 0, again
    assert "HG504" not in again.stdout, again


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--outcome", "abandoned", "--note", "x"), 2, "'abandoned' is not one of"),
        (
            ("--outcome", "kept"),
            2,
            "hinges: recording a review of ADR-0001 needs --outcome and --note\n",
        ),
        (
            ("--outcome", "kept", "--note", "  "),
            2,
            "hinges: --note must say what the review found\n",
        ),
        (
            ("--outcome", "kept", "--note", "x", "--by", "https://x.example"),
            2,
            "hinges: --by 'https://x.example' is not a handle (such as @alice or @org/team)\n",
        ),
        (
            ("--outcome", "kept", "--note", "x", "--next", "2026-12-01"),
            2,
            "hinges: --next 2026-12-01 must be after the review date 2026-12-03\n",
        ),
        (("--outcome", "kept", "--note", "x", "--strict"), 2, "drop the ID"),
    ],
)
def test_usage_errors_change_nothing(
    registry: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = (registry / PATH).read_bytes()
    result = review(registry, *args)
    assert result.code == code, result
    assert message in result.stderr
    assert (registry / PATH).read_bytes() == before


def test_only_accepted_decisions_are_reviewed(registry: Path) -> None:
    proposed = GOOD_DECISION.replace("ADR-0001", "ADR-0002").replace("accepted", "proposed")
    write_files(registry, {"decisions/0002-b.md": proposed})
    result = review(registry, "--outcome", "kept", "--note", "x", record="ADR-0002")
    assert (result.code, result.stderr) == (
        1,
        "hinges: decisions/0002-b.md: ADR-0002 is proposed; only accepted decisions are reviewed\n",
    )
    missing = review(registry, "--outcome", "kept", "--note", "x", record="ADR-0009")
    assert missing.code == 1 and "ADR-0009" in missing.stderr


def test_a_flow_style_list_is_refused_untouched(registry: Path) -> None:
    text = GOOD_DECISION.replace(
        "review_by: 2027-01-10",
        "review_by: 2027-01-10\nreviews: [{date: 2026-06-01, outcome: kept, note: a}]",
    )
    write_files(registry, {PATH: text})
    before = (registry / PATH).read_bytes()
    result = review(registry, "--outcome", "kept", "--note", "x")
    assert result.code == 1
    assert result.stderr == (
        f"hinges: {PATH}:12: 'reviews' is written in flow style [...]; write it as a block "
        "list (one '- ...' item per entry) and run again\n"
    )
    assert (registry / PATH).read_bytes() == before


def test_the_gate_allows_a_recorded_review_and_refuses_a_rewritten_one(registry: Path) -> None:
    init_repo(registry)
    commit_all(registry, "base")
    assert review(registry, "--outcome", "kept", "--note", "Still fits").code == 0
    gate = ("check", "--base", "HEAD", "--as-of", "2026-12-03", "--root", str(registry))
    allowed = run_hinges(*gate)
    assert (allowed.code, allowed.stdout) == (0, "2 files checked: no problems\n"), allowed
    commit_all(registry, "reviewed")
    path = registry / PATH
    path.write_text(path.read_text().replace("outcome: kept", "outcome: doubled-down"))
    refused = run_hinges(*gate)
    assert (refused.code, refused.stdout) == (
        1,
        f"{PATH}:13:5: error HG907 review 1 changed; recorded reviews are history; restore it "
        "and append a new review instead\n2 files checked: 1 error, 0 warnings, 0 notes\n",
    ), refused


def test_export_carries_the_reviews(registry: Path) -> None:
    reviewed = review(registry, "--outcome", "doubled-down", "--note", "Billing too", "--by", "@bo")
    assert reviewed.code == 0, reviewed
    exported = run_hinges("export", "--as-of", "2026-12-03", "--root", str(registry))
    assert exported.code == 0, exported
    [decision] = json.loads(exported.stdout)["decisions"]
    assert decision["reviews"] == [
        {"date": "2026-12-03", "outcome": "doubled-down", "by": "@bo", "note": "Billing too"}
    ]


def test_the_pull_request_summary_flags_a_reversal(registry: Path) -> None:
    init_repo(registry)
    commit_all(registry, "base")
    assert review(registry, "--outcome", "reversed", "--note", "Moving to SQLite").code == 0
    summary = run_hinges("summary", "--base", "HEAD", "--root", str(registry))
    assert summary.code == 0, summary
    assert (
        "> [!CAUTION]\n> **Reversed on review.** Supersede or deprecate:\n"
        "> - ADR-0001 Use PostgreSQL for orders (accepted)\n"
    ) in summary.stdout
    data = run_hinges("summary", "--base", "HEAD", "--format", "json", "--root", str(registry))
    assert data.code == 0, data
    assert json.loads(data.stdout)["reversed"] == ["ADR-0001"]


def test_show_lists_one_review_per_line(registry: Path) -> None:
    assert review(registry, "--outcome", "kept", "--note", "first", as_of="2026-12-01").code == 0
    assert review(registry, "--outcome", "revised", "--note", "second", "--by", "@bo").code == 0
    shown = run_hinges("show", "ADR-0001", "--root", str(registry))
    assert shown.code == 0, shown
    assert (
        "reviews:   date: 2026-12-01, outcome: kept, note: first\n"
        "           date: 2026-12-03, outcome: revised, by: @bo, note: second\n"
    ) in shown.stdout
