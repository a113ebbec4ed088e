"""The export document against literal expected values, and against its shipped JSON Schema.

The site, the plugin and the browser tests compare ``registry.json`` with
``export_document``; this file is where ``export_document`` itself is pinned down, field by
field, for a small registry that exercises every rule of the format.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import run_hinges, write_files
from hinges import __version__
from hinges.export_schema import render_export_schema

AS_OF = "2026-02-01"


def _decision(number: int, title: str, front: str, body: str = "") -> str:
    return (
        f"---\nid: ADR-{number:04d}\ntitle: {title}\ndate: 2026-01-05\n"
        f'owner: "@payments"\n{front}---\n# {title}\n{body}'
    )


REGISTRY = {
    "tenets/T-001-reversible.md": (
        '---\nid: T-001\ntitle: Reversible first\nstatus: active\nowner: "@arch"\npriority: 1\n'
        "tags: [speed]\n---\n# Reversible first\n\nWe prefer what we can undo.\n"
    ),
    "tenets/T-002-boring.md": (
        '---\nid: T-002\ntitle: Boring technology\nstatus: retired\nowner: "@arch"\n'
        "priority: 2\ndate: 2026-01-02\n---\n# Boring technology\n"
    ),
    # Accepted, review date passed 22 days before AS_OF: overdue. Reviewed twice (once
    # without a reviewer); an entry without a real date is left out of the export.
    "decisions/0001-use-postgres.md": _decision(
        1,
        "Use PostgreSQL",
        "status: accepted\ndoor: one-way\ndeciders: ['@alice', '@bob']\ntenets: [T-001]\n"
        "tags: [storage, sql]\nexit_path: Dump and reload; a month.\nreview_by: 2026-01-10\n"
        "reviews:\n"
        '  - date: 2025-07-01\n    outcome: kept\n    by: "@alice"\n'
        '    note: "Still fits: p99 10 ms"\n'
        "  - date: 2025-07-40\n    outcome: kept\n    note: Not a day.\n"
        "  - date: 2025-12-01\n    outcome: revised\n    note: Narrowed to orders.\n"
        'applies_to: ["services/orders/**", "db/*.sql"]\n'
        "guards:\n"
        '  - forbid: "import mysql"\n    in: ["services/**/*.py"]\n'
        "    message: Orders live in PostgreSQL.\n"
        "  - forbid: no message or in\n",
        "\nWe chose it.\n",
    ),
    # Proposed with a past review date: not overdue (only accepted decisions are).
    "decisions/0002-cache-orders.md": _decision(
        2, "Cache orders", "status: proposed\ndoor: two-way\nreview_by: 2026-01-01\n"
    ),
    # Accepted, review due on AS_OF itself: 0 days overdue.
    "decisions/0003-queue.md": _decision(
        3,
        "Use a queue",
        "status: accepted\ndoor: two-way\ntenets: [T-001]\nexit_path: Drop it.\n"
        "review_by: 2026-02-01\n",
    ),
    # Accepted, review in the future: not overdue.
    "decisions/0004-search.md": _decision(
        4, "Search", "status: accepted\ndoor: two-way\nexit_path: Remove.\nreview_by: 2026-03-01\n"
    ),
    # Superseded (it names its successor), review date passed: not overdue, not accepted.
    "decisions/0005-old-api.md": _decision(
        5, "Old API", "status: superseded\ndoor: two-way\nsuperseded_by: [ADR-0006]\n"
        "review_by: 2025-12-01\n",
    ),
    # Names what it supersedes too: the edge is listed once. Its date is invalid: null.
    "decisions/0006-new-api.md": _decision(
        6, "New API", "status: accepted\ndoor: two-way\nsupersedes: [ADR-0005]\ntenets: [T-002]\n"
        "review_by: 2026-13-01\n",
    ),
    # Only the replaced record names the edge...
    "decisions/0007-older-search.md": _decision(
        7, "Older search", "status: superseded\ndoor: two-way\nsuperseded_by: [ADR-0004]\n"
    ),
    # ...and only the replacing one (a proposal, not yet accepted) names this one.
    "decisions/0008-replace-queue.md": _decision(
        8, "Replace the queue", "status: proposed\ndoor: two-way\nsupersedes: [ADR-0003]\n"
    ),
}  # fmt: skip


def _entry(number: int, title: str, path: str, **values: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": f"ADR-{number:04d}",
        "path": path,
        "title": title,
        "status": None,
        "date": "2026-01-05",
        "door": None,
        "owner": "@payments",
        "deciders": [],
        "tenets": [],
        "tags": [],
        "exit_path": None,
        "review_by": None,
        "supersedes": [],
        "superseded_by": [],
        "applies_to": [],
        "guards": [],
        "review_overdue_days": None,
        "reviews": [],
        "body": f"# {title}\n",
    }
    entry.update(values)
    return entry


EXPECTED: dict[str, Any] = {
    "version": 1,
    "generator": f"hinges {__version__}",
    "generated": AS_OF,
    "id_prefix": "ADR",
    "decisions": [
        _entry(
            1, "Use PostgreSQL", "decisions/0001-use-postgres.md",
            status="accepted", door="one-way", deciders=["@alice", "@bob"], tenets=["T-001"],
            tags=["storage", "sql"], exit_path="Dump and reload; a month.",
            review_by="2026-01-10", review_overdue_days=22,
            applies_to=["services/orders/**", "db/*.sql"],
            guards=[
                {"forbid": "import mysql", "in": ["services/**/*.py"],
                 "message": "Orders live in PostgreSQL."},
            ],
            reviews=[
                {"date": "2025-07-01", "outcome": "kept", "by": "@alice",
                 "note": "Still fits: p99 10 ms"},
                {"date": "2025-12-01", "outcome": "revised", "by": None,
                 "note": "Narrowed to orders."},
            ],
            body="# Use PostgreSQL\n\nWe chose it.\n",
        ),
        _entry(
            2, "Cache orders", "decisions/0002-cache-orders.md",
            status="proposed", door="two-way", review_by="2026-01-01",
        ),
        _entry(
            3, "Use a queue", "decisions/0003-queue.md",
            status="accepted", door="two-way", tenets=["T-001"], exit_path="Drop it.",
            review_by="2026-02-01", review_overdue_days=0,
        ),
        _entry(
            4, "Search", "decisions/0004-search.md",
            status="accepted", door="two-way", exit_path="Remove.", review_by="2026-03-01",
        ),
        _entry(
            5, "Old API", "decisions/0005-old-api.md",
            status="superseded", door="two-way", superseded_by=["ADR-0006"],
            review_by="2025-12-01",
        ),
        _entry(
            6, "New API", "decisions/0006-new-api.md",
            status="accepted", door="two-way", supersedes=["ADR-0005"], tenets=["T-002"],
        ),
        _entry(
            7, "Older search", "decisions/0007-older-search.md",
            status="superseded", door="two-way", superseded_by=["ADR-0004"],
        ),
        _entry(
            8, "Replace the queue", "decisions/0008-replace-queue.md",
            status="proposed", door="two-way", supersedes=["ADR-0003"],
        ),
    ],
    "tenets": [
        {
            "id": "T-001",
            "path": "tenets/T-001-reversible.md",
            "title": "Reversible first",
            "status": "active",
            "owner": "@arch",
            "priority": 1,
            "date": None,
            "tags": ["speed"],
            "cited_by": ["ADR-0001", "ADR-0003"],
            "body": "# Reversible first\n\nWe prefer what we can undo.\n",
        },
        {
            "id": "T-002",
            "path": "tenets/T-002-boring.md",
            "title": "Boring technology",
            "status": "retired",
            "owner": "@arch",
            "priority": 2,
            "date": "2026-01-02",
            "tags": [],
            "cited_by": ["ADR-0006"],
            "body": "# Boring technology\n",
        },
    ],
    "relations": [
        {"type": "follows", "from": "ADR-0001", "to": "T-001"},
        {"type": "follows", "from": "ADR-0003", "to": "T-001"},
        {"type": "follows", "from": "ADR-0006", "to": "T-002"},
        {"type": "supersedes", "from": "ADR-0004", "to": "ADR-0007"},
        {"type": "supersedes", "from": "ADR-0006", "to": "ADR-0005"},
        {"type": "supersedes", "from": "ADR-0008", "to": "ADR-0003"},
    ],
}  # fmt: skip


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, Any]:
    write_files(tmp_path, REGISTRY)
    result = run_hinges("export", "--root", str(tmp_path), "--as-of", AS_OF)
    assert (result.code, result.stderr) == (0, ""), result
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _shipped_schema() -> dict[str, Any]:
    text = resources.files("hinges").joinpath("schemas/export.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _validator() -> Draft202012Validator:
    return Draft202012Validator(
        _shipped_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def test_the_export_has_exactly_the_expected_values(exported: dict[str, Any]) -> None:
    assert exported["decisions"] == EXPECTED["decisions"]
    assert exported["tenets"] == EXPECTED["tenets"]
    assert exported["relations"] == EXPECTED["relations"]
    assert exported == EXPECTED
    # Field order is documented too (the JSON is read by people as well as programs).
    assert [list(entry) for entry in exported["decisions"]] == [
        list(entry) for entry in EXPECTED["decisions"]
    ]
    assert [list(entry) for entry in exported["tenets"]] == [
        list(entry) for entry in EXPECTED["tenets"]
    ]


def test_the_export_validates_against_the_shipped_schema(exported: dict[str, Any]) -> None:
    assert [error.message for error in _validator().iter_errors(exported)] == []


def test_the_schema_names_every_field_the_export_has(exported: dict[str, Any]) -> None:
    # The schema lets unknown fields through (for consumers); a field the export gains
    # must still be documented in it.
    # Optional fields: only an organisation catalog's registry.json has them
    # (test_org_catalog.py validates one).
    schema = _shipped_schema()
    definitions = schema["$defs"]
    assert list(exported) == [*schema["required"]] == list(schema["properties"])[:-1]
    assert list(schema["properties"])[-1] == "sources"
    for kind in ("decision", "tenet"):
        declared = [key for key in definitions[kind]["properties"] if key != "source"]
        assert definitions[kind]["required"] == declared
        assert list(definitions[kind]["properties"])[-1] == "source"
        for entry in exported[f"{kind}s"]:
            assert list(entry) == list(declared)
    for relation in exported["relations"]:
        assert list(relation) == list(definitions["relation"]["properties"])
    review = definitions["decision"]["properties"]["reviews"]["items"]
    assert review["required"] == list(review["properties"])
    reviews = [entry for decision in exported["decisions"] for entry in decision["reviews"]]
    assert len(reviews) == 2
    for entry in reviews:
        assert list(entry) == list(review["properties"])


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("version",), 2, "1 was expected"),
        (("generated",), "2026-02-30", "'2026-02-30' is not a 'date'"),
        (("decisions", 0, "review_overdue_days"), "22", "'22' is not of type 'integer', 'null'"),
        (("decisions", 0, "review_overdue_days"), -1, "-1 is less than the minimum of 0"),
        (("decisions", 0, "review_by"), "2026-02-30", "'2026-02-30' is not a 'date'"),
        (("decisions", 0, "tags"), None, "None is not of type 'array'"),
        (("decisions", 1, "path"), None, "None is not of type 'string'"),
        (("decisions", 0, "reviews"), None, "None is not of type 'array'"),
        (("decisions", 0, "reviews", 0, "date"), "2025-02-30", "'2025-02-30' is not a 'date'"),
        (("decisions", 0, "reviews", 0, "date"), None, "None is not of type 'string'"),
        (("decisions", 0, "reviews", 1, "by"), 1, "1 is not of type 'string', 'null'"),
        (("decisions", 0, "reviews", 1, "note"), None, "None is not of type 'string'"),
        (("tenets", 0, "cited_by"), "ADR-0001", "'ADR-0001' is not of type 'array'"),
        (("tenets", 0, "priority"), "1", "'1' is not of type 'integer', 'null'"),
        (("relations", 0, "type"), "cites", "'cites' is not one of ['follows', 'supersedes']"),
    ],
)
def test_the_schema_rejects_a_wrong_document(
    where: tuple[str | int, ...], value: Any, message: str
) -> None:
    # A guard against a schema that accepts anything.
    document = copy.deepcopy(EXPECTED)
    target: Any = document
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert [error.message for error in _validator().iter_errors(document)] == [message]


@pytest.mark.parametrize("key", ["cited_by", "body"])
def test_the_schema_requires_every_field(key: str) -> None:
    document = copy.deepcopy(EXPECTED)
    del document["tenets"][1][key]
    assert [error.message for error in _validator().iter_errors(document)] == [
        f"'{key}' is a required property"
    ]


def test_shipped_export_schema_is_generated_and_valid() -> None:
    # If this fails, the export's fields changed: run `make schemas` and commit the result.
    text = resources.files("hinges").joinpath("schemas/export.schema.json").read_text("utf-8")
    assert text == render_export_schema()
    Draft202012Validator.check_schema(json.loads(text))


def test_schema_command_prints_the_export_schema_without_a_registry(tmp_path: Path) -> None:
    result = run_hinges("schema", "export", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == render_export_schema()


@pytest.mark.parametrize("key", ["date", "outcome", "by", "note"])
def test_the_schema_requires_every_key_of_a_review(key: str) -> None:
    document = copy.deepcopy(EXPECTED)
    del document["decisions"][0]["reviews"][0][key]
    assert [error.message for error in _validator().iter_errors(document)] == [
        f"'{key}' is a required property"
    ]
