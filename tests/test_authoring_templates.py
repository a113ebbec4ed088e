"""Record text from values (hinges.authoring.templates)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from hinges.authoring.templates import (
    DecisionDraft,
    TenetDraft,
    add_months,
    decision_text,
    tenet_text,
)

DAY = dt.date(2026, 8, 31)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 26), 6, dt.date(2027, 5, 26)),
        (dt.date(2026, 12, 15), 12, dt.date(2027, 12, 15)),
        (dt.date(2026, 6, 30), 6, dt.date(2026, 12, 30)),
        (dt.date(2026, 1, 31), 0, dt.date(2026, 1, 31)),
        (dt.date(2026, 5, 31), 30, dt.date(2028, 11, 30)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


HOSTILE_TITLES = [
    "Colon: \"quotes\" and 'single'",
    "status: accepted",
    "#not a comment",
    "}{ ][ , & * ! | > % @ `",
    "no",
    "010",
    "tab\there",
    "line\u2028separator",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_titles_cannot_break_or_inject_front_matter(title: str) -> None:
    draft = DecisionDraft(
        id="ADR-0001", title=title, status="proposed", date=DAY, door="two-way",
        owner="@o", deciders=["@a", "b"], tenets=["T-001"], exit_path=title,
        supersedes=["ADR-0000"],
    )  # fmt: skip
    front = decision_text(draft).split("---\n")[1]
    loaded = yaml.safe_load(front)
    assert loaded["title"] == title
    assert loaded["exit_path"] == title
    assert loaded["status"] == "proposed"
    assert set(loaded) == {
        "id", "title", "status", "date", "door", "owner", "deciders", "tenets", "exit_path",
        "supersedes",
    }  # fmt: skip
    tenet_front = tenet_text(TenetDraft("T-002", title, "@o", 3, DAY)).split("---\n")[1]
    assert yaml.safe_load(tenet_front)["title"] == title


def test_extra_required_sections_are_added_once() -> None:
    draft = DecisionDraft(
        id="ADR-0001", title="T", status="proposed", date=DAY, door="two-way", owner="@o",
        required_sections=("context", "Decision", "Risks"),
    )  # fmt: skip
    headings = [line for line in decision_text(draft).splitlines() if line.startswith("## ")]
    assert headings == ["## Context", "## Decision", "## Consequences", "## Risks"]
