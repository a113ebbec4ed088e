"""The shared pieces of the importers: dates and statuses."""

from __future__ import annotations

import datetime as dt

import pytest

from hinges.importers.dates import parse_loose_date
from hinges.importers.statuses import map_status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-08-01", dt.date(2023, 8, 1)),
        ("2023-08-01T10:00:00Z", dt.date(2023, 8, 1)),
        ("01-Aug-2023", dt.date(2023, 8, 1)),
        ("2023/08/01", dt.date(2023, 8, 1)),
        ("August 1, 2023", dt.date(2023, 8, 1)),
        ("1st March 2021", dt.date(2021, 3, 1)),
        ("13.08.2023", dt.date(2023, 8, 13)),
        ("08/13/2023", dt.date(2023, 8, 13)),
        ("**2023-08-01** <!-- updated -->", dt.date(2023, 8, 1)),
        ("08/01/2023", None),  # January or August: not guessed
        ("2023-02-30", None),
        ("Smarch 1, 2023", None),
        ("[YYYY-MM-DD when the decision was last updated]", None),
    ],
)
def test_dates(text: str, expected: dt.date | None) -> None:
    assert parse_loose_date(text) == expected


@pytest.mark.parametrize(
    ("text", "status", "problem"),
    [
        ("Accepted", "accepted", None),
        ("accepted", "accepted", None),
        ("draft", "proposed", None),
        ("Superseded by [3. Use Y](0003-use-y.md)", "superseded", None),
        ("**Deprecated**", "deprecated", None),
        (None, "proposed", "no status; imported as proposed"),
        ("WIP", "proposed", "status 'WIP' is not a hinges status; imported as proposed"),
    ],
)
def test_statuses(text: str | None, status: str, problem: str | None) -> None:
    mapped = map_status(text)
    assert (mapped.status, mapped.problem) == (status, problem)
