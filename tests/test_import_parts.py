"""The shared pieces of the importers: dates, statuses, file names and templates."""

from __future__ import annotations

import datetime as dt

import pytest

from hinges.importers.dates import parse_loose_date
from hinges.importers.formats import NameParts
from hinges.importers.kinds import placeholder_title
from hinges.importers.names import name_reason, parse_name
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


@pytest.mark.parametrize(
    ("name", "number", "date_key", "slug"),
    [
        ("0001-record-architecture-decisions.md", 1, None, "record-architecture-decisions"),
        ("0000-use-madr.md", 0, None, "use-madr"),
        ("001-github.md", 1, None, "github"),
        ("adr-001-use-adrs.md", 1, None, "use-adrs"),
        ("ADR-0001-Use-Kafka.md", 1, None, "Use-Kafka"),
        ("adr001-use-kafka.md", 1, None, "use-kafka"),
        ("ADR_0042_use_kafka.md", 42, None, "use_kafka"),
        ("ADR 7 - Use Kafka.md", 7, None, "Use Kafka"),
        ("decision-12-use-kafka.md", 12, None, "use-kafka"),
        ("ADR-002.md", 2, None, ""),
        ("0024-use-#-as-indicator.md", 24, None, "use-#-as-indicator"),
        ("20200924-use-log4brains.md", None, "20200924", "use-log4brains"),
        ("2020-09-24-use-log4brains.md", None, "20200924", "use-log4brains"),
        ("20201332-not-a-date.md", 20201332, None, "not-a-date"),
        ("adr_with_a_WeIrd-filename.md", None, None, "adr_with_a_WeIrd-filename"),
        ("2fa-for-admins.md", None, None, "2fa-for-admins"),
    ],
)
def test_record_names(name: str, number: int | None, date_key: str | None, slug: str) -> None:
    assert parse_name(name) == NameParts(number, date_key, slug)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("README.md", "an index or README"),
        ("index.md", "an index or README"),
        ("template.md", "a template (a template's file name)"),
        ("adr-template.md", "a template (a template's file name)"),
        ("adr-template-bare-minimal.md", "a template (a template's file name)"),
        ("0000-template.md", "a template (a template's file name)"),
        ("0000-adr-template.md", "a template (a template's file name)"),
        # A word in a record's slug says nothing.
        ("0039-use-apache-velocity-as-template-engine.md", None),
        ("0039-template-engine.md", None),
        ("0019-consequences-in-minimal-template.md", None),
        ("use-templates-for-emails.md", None),
        ("0001-readme-first.md", None),
    ],
)
def test_names_that_are_not_records(name: str, reason: str | None) -> None:
    assert name_reason(name) == reason


@pytest.mark.parametrize(
    ("title", "placeholder"),
    [
        ("{short title of solved problem and solution}", True),
        ("{short title, representative of solved problem and found solution}", True),
        ("[short title of solved problem and solution]", True),
        ("{titre court du problème résolu et de la solution}", True),
        ("NUMBER. TITLE", True),
        ("ADR-NNNN: {Title}", True),
        ("Title", True),
        ("ADR-XXXX: Title", True),
        ("Title of the talk we give", False),
        ("{{ title }}", True),
        ("Use Apache Velocity as template engine", False),
        ("ADR template by Michael Nygard", False),
        ("[Use Kafka](0003-use-kafka.md)", False),
        ("ADR 5: {Draft} Use Kafka", False),
        ("Use <Kafka> for events", False),
    ],
)
def test_placeholder_titles(title: str, placeholder: bool) -> None:
    assert placeholder_title(title) is placeholder
