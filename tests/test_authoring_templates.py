"""Record text from values (hinges.authoring.templates)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hinges.authoring.new_decision import normalise_decision_id
from hinges.authoring.templates import (
    DecisionDraft,
    TenetDraft,
    add_months,
    decision_text,
    heading,
    tenet_text,
)
from hinges.errors import HingesError

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


@settings(max_examples=1000, deadline=None, database=None)
@given(title=st.text(alphabet="# \tCa", max_size=8))
def test_heading_protects_the_hashes_a_pattern_would_find(title: str) -> None:
    """String tests replaced ``(?:^|[ \\t])#+$`` (titles hold no newline) in hinges new."""
    protected = re.search(r"(?:^|[ \t])#+$", title) is not None
    assert heading(title) == (f"# {title} #" if protected else f"# {title}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ADR-0003", "ADR-0003"), ("adr-3", "ADR-0003"), ("3", "ADR-0003"),
        (" 0 ", "ADR-0000"), ("0000", "ADR-0000"), ("ADR-000012", "ADR-0012"),
        ("12345", "ADR-12345"), ("ADR-" + "9" * 5000, "ADR-" + "9" * 5000),
    ],
)  # fmt: skip
def test_supersedes_ids_are_normalised(text: str, expected: str) -> None:
    assert normalise_decision_id(text, "ADR") == expected


@pytest.mark.parametrize(
    "text", ["", "ADR-", "-3", "ADR--3", "DEC-3", "3a", "ADR-3 x", "ADR 3", "٣", "ADR-٣", "ÀDR-3"]
)
def test_supersedes_ids_that_are_not_ids(text: str) -> None:
    with pytest.raises(HingesError, match="is not a decision id such as ADR-0003"):
        normalise_decision_id(text, "ADR")
