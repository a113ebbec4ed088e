"""`hinges review`: due and overdue reviews, most overdue first; --strict for scheduled CI."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files


def decision(
    number: int, review_by: str, status: str = "accepted", owner: str = "@payments"
) -> str:
    return (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("review_by: 2027-01-10", f"review_by: {review_by}")
        .replace("status: accepted", f"status: {status}")
        .replace('owner: "@payments"', f'owner: "{owner}"')
    )


@pytest.fixture
def reviews(registry: Path) -> Path:
    # ADR-0001 (from the fixture) is due 2027-01-10.
    return write_files(
        registry,
        {
            "decisions/0002-b.md": decision(2, "2026-11-01", owner="@search"),
            "decisions/0003-c.md": decision(3, "2026-10-01", status="deprecated"),
            "decisions/0004-d.md": decision(4, "2026-11-25"),
            "decisions/0005-e.md": decision(5, "2026-12-06", owner="@data"),
            "decisions/0006-f.md": decision(6, "2026-11-26"),
        },
    )


def test_due_and_overdue_most_overdue_first(reviews: Path) -> None:
    result = run_hinges("review", "--as-of", "2026-11-26", "--root", str(reviews))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == textwrap.dedent(
        """\
        ID        REVIEW_BY   STATE            OWNER      TITLE
        ADR-0002  2026-11-01  overdue 25 days  @search    Use PostgreSQL for orders
        ADR-0004  2026-11-25  overdue 1 day    @payments  Use PostgreSQL for orders
        ADR-0006  2026-11-26  due today        @payments  Use PostgreSQL for orders
        """
    )


def test_within_adds_upcoming_reviews(reviews: Path) -> None:
    result = run_hinges("review", "--as-of", "2026-11-26", "--within", "10", "--root", str(reviews))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout.splitlines()[-1] == (
        "ADR-0005  2026-12-06  due in 10 days   @data      Use PostgreSQL for orders"
    )


def test_strict_fails_only_when_overdue(reviews: Path) -> None:
    overdue = run_hinges("review", "--strict", "--as-of", "2026-11-26", "--root", str(reviews))
    assert overdue.code == 1
    # ADR-0002 falls due on 2026-11-01; the deprecated ADR-0003 (2026-10-01) never counts.
    due_today = run_hinges("review", "--strict", "--as-of", "2026-11-01", "--root", str(reviews))
    assert (due_today.code, due_today.stderr) == (0, ""), due_today
    assert due_today.stdout == textwrap.dedent(
        """\
        ID        REVIEW_BY   STATE      OWNER    TITLE
        ADR-0002  2026-11-01  due today  @search  Use PostgreSQL for orders
        """
    )
    nothing = run_hinges("review", "--strict", "--as-of", "2026-10-31", "--root", str(reviews))
    assert (nothing.code, nothing.stdout) == (0, "nothing due for review as of 2026-10-31\n")
    upcoming = run_hinges(
        "review", "--strict", "--as-of", "2026-10-31", "--within", "1", "--root", str(reviews)
    )
    assert upcoming.code == 0
    assert "due in 1 day " in upcoming.stdout


def test_nothing_due(reviews: Path) -> None:
    result = run_hinges("review", "--as-of", "2026-01-01", "--within", "30", "--root", str(reviews))
    assert (result.code, result.stdout, result.stderr) == (
        0,
        "nothing due for review by 2026-01-31 (as of 2026-01-01, within 30 days)\n",
        "",
    )


def test_json(reviews: Path) -> None:
    result = run_hinges(
        "review", "--as-of", "2026-11-26", "--format", "json", "--root", str(reviews)
    )
    assert (result.code, result.stderr) == (0, ""), result
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["as_of"] == "2026-11-26"
    assert document["within_days"] == 0
    assert document["reviews"][0] == {
        "id": "ADR-0002",
        "path": "decisions/0002-b.md",
        "title": "Use PostgreSQL for orders",
        "owner": "@search",
        "review_by": "2026-11-01",
        "days_overdue": 25,
    }
    assert [r["days_overdue"] for r in document["reviews"]] == [25, 1, 0]


def test_bad_date_is_a_usage_error(reviews: Path) -> None:
    result = run_hinges("review", "--as-of", "2026-13-01", "--root", str(reviews))
    assert result.code == 2
    assert "'2026-13-01' is not an ISO date (YYYY-MM-DD)" in result.stderr
