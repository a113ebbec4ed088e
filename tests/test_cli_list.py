"""`hinges list` and `hinges show`: filters, the three formats, and unloadable files."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files
from hinges.yamlwrite import quote


def decision(number: int, title: str, **fields: str) -> str:
    text = (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("title: Use PostgreSQL for orders", f"title: {quote(title)}")
        .replace("# Use PostgreSQL for orders", f"# {title}")
    )
    for key, value in fields.items():
        if f"\n{key}:" not in text:
            text = text.replace("\n---\n#", f"\n{key}: {value}\n---\n#", 1)
            continue
        lines = text.splitlines(keepends=True)
        text = "".join(
            f"{key}: {value}\n" if line.startswith(f"{key}:") else line for line in lines
        )
    return text


@pytest.fixture
def listed(registry: Path) -> Path:
    return write_files(
        registry,
        {
            "decisions/0002-kafka.md": decision(
                2, "Use Kafka: for events", status="proposed", door="one-way", owner='"@Data"',
                tags="[messaging, data]",
            ),
            "decisions/0010-grpc.md": decision(
                10, "Adopt gRPC", date="2026-03-01", tenets="[]", tags="[api]"
            ),
        },
    )  # fmt: skip


def test_table_in_number_order(listed: Path) -> None:
    result = run_hinges("list", "--root", str(listed))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == textwrap.dedent(
        """\
        ID        STATUS    DOOR     OWNER      DATE        TITLE
        ADR-0001  accepted  two-way  @payments  2026-01-10  Use PostgreSQL for orders
        ADR-0002  proposed  one-way  @Data      2026-01-10  Use Kafka: for events
        ADR-0010  accepted  two-way  @payments  2026-03-01  Adopt gRPC
        """
    )


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (["--status", "proposed"], ["ADR-0002"]),
        (["--door", "two-way"], ["ADR-0001", "ADR-0010"]),
        (["--owner", "data"], ["ADR-0002"]),
        (["--owner", "@PAYMENTS"], ["ADR-0001", "ADR-0010"]),
        (["--tenet", "T-001"], ["ADR-0001", "ADR-0002"]),
        (["--tag", "api"], ["ADR-0010"]),
        (["--status", "accepted", "--tag", "api"], ["ADR-0010"]),
    ],
)
def test_filters(listed: Path, options: list[str], ids: list[str]) -> None:
    result = run_hinges("list", *options, "--format", "json", "--root", str(listed))
    assert result.code == 0, result
    assert [d["id"] for d in json.loads(result.stdout)["decisions"]] == ids


@pytest.mark.parametrize("tenet", ["T-001", "t-1", "001", "1"])
def test_tenet_filter_takes_the_forms_new_takes(listed: Path, tenet: str) -> None:
    result = run_hinges("list", "--tenet", tenet, "--root", str(listed))
    assert (result.code, result.stderr) == (0, ""), result
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "ID",
        "ADR-0001",
        "ADR-0002",
    ]


@pytest.mark.parametrize(
    ("tenet", "message"),
    [
        ("T-099", "there is no tenet 'T-099'; the tenets are: T-001"),
        ("2", "there is no tenet '2'; the tenets are: T-001"),
        ("first", "'first' is not a tenet id (T-001) or number (1)"),
    ],
)
def test_unknown_tenet_is_refused(listed: Path, tenet: str, message: str) -> None:
    result = run_hinges("list", "--tenet", tenet, "--root", str(listed))
    assert (result.code, result.stdout, result.stderr) == (1, "", f"hinges: {message}\n")


def test_nothing_matches(listed: Path) -> None:
    result = run_hinges("list", "--tag", "nope", "--root", str(listed))
    assert (result.code, result.stdout, result.stderr) == (0, "no decisions match\n", "")


def test_json_shape(listed: Path) -> None:
    result = run_hinges("list", "--status", "proposed", "--format", "json", "--root", str(listed))
    assert (result.code, result.stderr) == (0, ""), result
    assert json.loads(result.stdout) == {
        "version": 1,
        "decisions": [
            {
                "id": "ADR-0002",
                "path": "decisions/0002-kafka.md",
                "title": "Use Kafka: for events",
                "status": "proposed",
                "date": "2026-01-10",
                "door": "one-way",
                "owner": "@Data",
                "deciders": ["@alice"],
                "tenets": ["T-001"],
                "tags": ["messaging", "data"],
                "exit_path": "Orders are stored in plain SQL tables; moving to another "
                "database costs a sprint.",
                "review_by": "2027-01-10",
                "supersedes": [],
                "superseded_by": [],
                "applies_to": [],
                "guards": [],
            }
        ],
    }


def test_csv_keeps_flat_columns_when_a_decision_has_scope_and_guards(listed: Path) -> None:
    record = listed / "decisions/0002-kafka.md"
    text = record.read_text(encoding="utf-8")
    scoped = text.replace(
        "\n---\n",
        '\napplies_to: ["services/**"]\n'
        'guards:\n  - forbid: "import mysql"\n    in: ["services/**"]\n    message: No.\n---\n',
        1,
    )
    assert scoped != text
    record.write_text(scoped, encoding="utf-8")
    listed_csv = run_hinges("list", "--format", "csv", "--root", str(listed))
    exported = run_hinges("export", "--format", "csv", "--root", str(listed))
    assert (listed_csv.code, exported.code) == (0, 0), (listed_csv, exported)
    for result in (listed_csv, exported):
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        assert rows[0][-1] == "superseded_by"
        assert {len(row) for row in rows} == {14}
    listed_json = run_hinges("list", "--format", "json", "--root", str(listed))
    assert listed_json.code == 0
    decisions = json.loads(listed_json.stdout)["decisions"]
    (kafka,) = [decision for decision in decisions if decision["id"] == "ADR-0002"]
    assert kafka["applies_to"] == ["services/**"]
    assert kafka["guards"] == [{"forbid": "import mysql", "in": ["services/**"], "message": "No."}]


def test_csv_is_rfc_4180(listed: Path) -> None:
    result = run_hinges("list", "--format", "csv", "--root", str(listed))
    assert result.code == 0
    assert result.stdout.startswith(
        "id,path,title,status,date,door,owner,deciders,tenets,tags,exit_path,review_by,"
        "supersedes,superseded_by\r\n"
    )
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 4
    assert rows[2][:3] == ["ADR-0002", "decisions/0002-kafka.md", "Use Kafka: for events"]
    assert rows[2][9] == "messaging;data"
    assert rows[3][8] == ""


def test_unloadable_files_are_left_out_with_a_note(listed: Path) -> None:
    write_files(
        listed,
        {"decisions/0003-broken.md": "---\nid: [\n---\n", "decisions/0004-bad.md": b"\xff\xfe"},
    )
    result = run_hinges("list", "--status", "proposed", "--root", str(listed))
    assert result.code == 0
    assert result.stdout.splitlines()[1].startswith("ADR-0002")
    assert result.stderr == (
        "hinges: note: 2 files could not be loaded and are left out; "
        "run 'hinges check' to see why\n"
    )


def test_no_registry_is_a_usage_error(tmp_path: Path) -> None:
    result = run_hinges("list", "--root", str(tmp_path))
    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"hinges: no registry here: decisions/ does not exist in {tmp_path.resolve()}; "
        "run 'hinges init' or pass --root\n",
    )


def test_show_a_decision(listed: Path) -> None:
    result = run_hinges("show", "ADR-0002", "--root", str(listed))
    assert (result.code, result.stderr) == (0, ""), result
    head = result.stdout.split("\n\n", 1)[0]
    assert head == textwrap.dedent(
        """\
        path:      decisions/0002-kafka.md
        id:        ADR-0002
        title:     Use Kafka: for events
        status:    proposed
        date:      2026-01-10
        door:      one-way
        owner:     @Data
        deciders:  @alice
        tenets:    T-001
        exit_path: Orders are stored in plain SQL tables; moving to another database costs a sprint.
        review_by: 2027-01-10
        tags:      messaging, data"""
    )
    body = (listed / "decisions/0002-kafka.md").read_text().split("---\n", 2)[2]
    assert result.stdout == head + "\n\n" + body


def test_show_a_tenet_with_the_decisions_citing_it(listed: Path) -> None:
    result = run_hinges("show", "T-001", "--root", str(listed))
    assert result.code == 0
    assert result.stdout.startswith("path:     tenets/T-001-reversible.md\nid:       T-001\n")
    assert result.stdout.endswith(
        "\nCited by:\n"
        "  ADR-0001  accepted  Use PostgreSQL for orders\n"
        "  ADR-0002  proposed  Use Kafka: for events\n"
    )


def test_show_a_tenet_nobody_cites(listed: Path) -> None:
    write_files(
        listed, {"tenets/T-002-x.md": "---\nid: T-002\ntitle: X\nstatus: active\n---\n# X\n"}
    )
    result = run_hinges("show", "T-002", "--root", str(listed))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == (
        "path:   tenets/T-002-x.md\nid:     T-002\ntitle:  X\nstatus: active\n\n# X\n\n"
        "Cited by no decision.\n"
    )


def test_show_unknown_id(listed: Path) -> None:
    result = run_hinges("show", "ADR-0042", "--root", str(listed))
    assert (result.code, result.stdout, result.stderr) == (
        1,
        "",
        "hinges: no record has the id ADR-0042\n",
    )
