"""The review history on decision pages and the outcomes page, built from a real registry."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from catalog_fixture import Element, parse_html
from conftest import GOOD_DECISION, GOOD_TENET, write_files
from hinges.config import Config
from hinges.loader import Registry, load_registry
from hinges.site.decision_page import decision_page
from hinges.site.model import build_model
from hinges.site.outcomes_page import outcomes_page
from hinges.site.urls import CatalogLayout

BUILD = dt.date(2026, 12, 1)


def decision(
    number: int, door: str, reviews: str, status: str = "accepted", tenets: str = "[T-001]"
) -> str:
    text = (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("door: two-way", f"door: {door}")
        .replace("status: accepted", f"status: {status}")
        .replace("tenets: [T-001]", f"tenets: {tenets}")
    )
    block = textwrap.dedent(reviews).strip()
    return text.replace(
        "review_by: 2027-01-10\n",
        f"review_by: 2027-01-10\n{block}\n" if block else "review_by: 2027-01-10\n",
    )


def registry(tmp_path: Path) -> Registry:
    second_tenet = GOOD_TENET.replace("T-001", "T-002").replace("priority: 1", "priority: 2")
    write_files(
        tmp_path,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "tenets/T-002-boring.md": second_tenet.replace("Reversible choices", "Boring tech"),
            "decisions/0001-a.md": decision(1, "two-way", """
                reviews:
                  - date: 2026-03-01
                    outcome: kept
                    note: Fine.
                  - date: 2026-09-01
                    outcome: reversed
                    by: "@payments"
                    note: "Switched to <script>alert(1)</script> & SQLite"
                """, status="deprecated"),
            "decisions/0002-b.md": decision(2, "one-way", """
                reviews:
                  - date: 2026-10-01
                    outcome: doubled-down
                    note: Extended to billing.
                """, tenets="[T-002, T-001]"),
            "decisions/0003-c.md": decision(3, "one-way", """
                reviews:
                  - date: 2026-10-01
                    outcome: reversed
                    note: The vendor left the market.
                """),
            "decisions/0004-d.md": decision(4, "two-way", ""),
            "decisions/0005-e.md": decision(5, "two-way", """
                reviews:
                  - date: 2026-10-01
                    outcome: doubled-down
                    note: Everywhere now.
                  - date: 2026-10-05
                    outcome: sideways
                    note: Not an outcome, left out.
                """, tenets="[T-002]"),
        },
    )  # fmt: skip
    return load_registry(tmp_path, Config())


def rows(table: Element) -> list[list[str]]:
    return [
        [cell.text for cell in row.find_all() if cell.tag in ("th", "td")]
        for row in table.find_all("tr")
    ]


def test_outcomes_page_counts_latest_outcomes_by_door(tmp_path: Path) -> None:
    page = parse_html(
        outcomes_page(build_model(registry(tmp_path), CatalogLayout(), BUILD)).markdown()
    )
    [counts] = page.find_all("table", "hinges-outcomes")
    assert rows(counts) == [
        [
            "Door",
            "Reviewed",
            "kept",
            "doubled down",
            "revised",
            "reversed",
            "Accepted, never reviewed",
        ],
        ["one-way door", "2", "0", "1", "0", "1", "0"],
        ["two-way door", "2", "0", "1", "0", "1", "1"],
    ]
    [reversed_table] = page.find_all("table", "hinges-reversed")
    assert [row.attrs["data-id"] for row in reversed_table.find_all("tr")[1:]] == [
        "ADR-0001",
        "ADR-0003",
    ]
    first = rows(reversed_table)[1]
    assert first[3:] == [
        "2026-09-01",
        "Switched to <script>alert(1)</script> & SQLite",
        "Orders are stored in plain SQL tables; moving to another database costs a sprint.",
        "deprecated",
    ]
    assert page.find_all("script") == []  # the note is text, not markup
    [tenets] = page.find_all("table", "hinges-doubled-down")
    assert rows(tenets)[1:] == [
        [
            "T-002 Boring tech over perfect ones",
            "2",
            "ADR-0002 Use PostgreSQL for orders, ADR-0005 Use PostgreSQL for orders",
        ],
        ["T-001 Reversible choices over perfect ones", "1", "ADR-0002 Use PostgreSQL for orders"],
    ]


def test_outcomes_page_says_two_way_reversals_are_cheap_and_one_way_are_regrets(
    tmp_path: Path,
) -> None:
    markdown = outcomes_page(build_model(registry(tmp_path), CatalogLayout(), BUILD)).markdown()
    assert (
        "4 reviewed decisions, each counted by its latest review, as of 2026-12-01. Two-way doors "
        "reversed: 1 (walked back cheaply, as intended). One-way doors reversed: 1 (the costly "
        "regrets)."
    ) in markdown


def test_decision_page_shows_review_history_newest_first(tmp_path: Path) -> None:
    loaded = registry(tmp_path)
    model = build_model(loaded, CatalogLayout(), BUILD)
    record = next(r for r in loaded.decisions if r.id == "ADR-0001")
    markdown = decision_page(model, record).markdown()
    assert "## Review history" in markdown
    [history] = parse_html(markdown).find_all("table", "hinges-reviews")
    assert rows(history) == [
        ["Date", "Outcome", "By", "Note"],
        ["2026-09-01", "reversed", "@payments", "Switched to <script>alert(1)</script> & SQLite"],
        ["2026-03-01", "kept", "", "Fine."],
    ]
    assert parse_html(markdown).find_all("script") == []
    never = next(r for r in loaded.decisions if r.id == "ADR-0004")
    assert "Review history" not in decision_page(model, never).markdown()
