"""The shipped JSON Schemas: generated from the field declarations, valid, and in agreement
with the schema rules (HG101 missing-key, HG102 invalid-value, HG103 unknown-key, and
HG502 review-entry for the entries of ``reviews``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import run_hinges, write_files
from hinges import yamltree
from hinges.checker import check
from hinges.config import load_config
from hinges.front_matter_schema import render_json_schema

SCHEMA_RULES = ("HG101", "HG102", "HG103", "HG502")  # HG502: each entry of reviews
TODAY = dt.date(2026, 11, 26)
# Our tree as JSON: strings stay strings (unquoted dates, `yes` and `true` included, which
# the ambiguous-scalar rule warns about), except a plain null, which is no value, and plain
# digits, which are a whole number.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_INT = re.compile(r"^[-+]?[0-9]+$")


def _shipped(kind: str) -> str:
    return resources.files("hinges").joinpath(f"schemas/{kind}.schema.json").read_text("utf-8")


@pytest.mark.parametrize("kind", ["decision", "tenet"])
def test_shipped_schema_is_generated_from_the_declarations(kind: str) -> None:
    # If this fails, the declarations changed: run `make schemas` and commit the result.
    assert _shipped(kind) == render_json_schema(kind)


@pytest.mark.parametrize("kind", ["decision", "tenet"])
def test_shipped_schema_is_valid_draft_2020_12(kind: str) -> None:
    schema = json.loads(_shipped(kind))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


def _json_value(node: yamltree.Node) -> Any:
    if isinstance(node, yamltree.Mapping):
        return {key: _json_value(value) for key, (_, value) in node.entries.items()}
    if isinstance(node, yamltree.Sequence):
        return [_json_value(item) for item in node.items]
    assert isinstance(node, yamltree.Scalar)
    if not node.plain:
        return node.text
    if _NULL.match(node.text):
        return None
    if _INT.match(node.text):
        return int(node.text)
    return node.text


DECISION = {
    "id": "ADR-0001",
    "title": "Use Redis for session storage",
    "status": "accepted",
    "date": "2026-06-15",
    "door": "two-way",
    "owner": '"@identity"',
    "exit_path": "Sessions expire within a day; switching loses one login per user.",
}
TENET = {
    "id": "T-001",
    "title": "Reversible choices over perfect ones",
    "status": "active",
    "owner": '"@arch"',
    "priority": "1",
}


def _front(base: dict[str, str], changes: dict[str, str | None]) -> str:
    values = {**base, **changes}
    return "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)


VALID, INVALID = True, False
# (name, kind, changes to the valid front matter: None removes a key, expected verdict).
# The verdicts are written by hand, never derived from the declarations: the schema and the
# rules come from the same declarations, so their agreement alone proves neither right.
FRONT_MATTERS: list[tuple[str, str, dict[str, str | None], bool]] = [
    ("valid decision", "decision", {}, VALID),
    (
        "all optional keys",
        "decision",
        {
            "deciders": '["@maria", "@sam"]',
            "tenets": "[T-001]",
            "review_by": "2027-06-15",
            "supersedes": "[ADR-0000]",
            "superseded_by": "[]",
            "tags": "[sessions, storage]",
            "imported_from": "madr:docs/adr/0001-sessions.md",
        },
        VALID,
    ),
    ("quoted date", "decision", {"date": '"2026-06-15"'}, VALID),
    ("owner no, a valid handle", "decision", {"owner": "no"}, VALID),
    ("owner team handle", "decision", {"owner": '"@acme/identity"'}, VALID),
    ("owner without @", "decision", {"owner": "identity"}, VALID),
    ("time as title", "decision", {"title": "12:30"}, VALID),
    ("boolean-looking tag, a string", "decision", {"tags": "[true]"}, VALID),
    ("five-digit id", "decision", {"id": "ADR-10001"}, VALID),
    *[(f"status {status}", "decision", {"status": status}, VALID) for status in (
        "proposed", "accepted", "rejected", "deprecated", "superseded"
    )],
    ("one-way door", "decision", {"door": "one-way"}, VALID),
    ("missing id", "decision", {"id": None}, INVALID),
    ("missing title", "decision", {"title": None}, INVALID),
    ("missing status", "decision", {"status": None}, INVALID),
    ("missing date", "decision", {"date": None}, INVALID),
    ("missing owner", "decision", {"owner": None}, INVALID),
    ("missing door", "decision", {"door": None}, INVALID),
    ("unknown key", "decision", {"ownr": '"@identity"'}, INVALID),
    ("door yes", "decision", {"door": "yes"}, INVALID),
    ("door one_way", "decision", {"door": "one_way"}, INVALID),
    ("door empty", "decision", {"door": '""'}, INVALID),
    ("status capitalised", "decision", {"status": "Accepted"}, INVALID),
    ("status active, a tenet's", "decision", {"status": "active"}, INVALID),
    ("id 010", "decision", {"id": "010"}, INVALID),
    ("id with three digits", "decision", {"id": "ADR-001"}, INVALID),
    ("id with another prefix", "decision", {"id": "TDR-0001"}, INVALID),
    ("month 13", "decision", {"date": "2026-13-45"}, INVALID),
    ("february 30", "decision", {"date": "2026-02-30"}, INVALID),
    ("short date", "decision", {"date": "2026-6-15"}, INVALID),
    ("date with a time", "decision", {"date": "2026-06-15T10:00:00"}, INVALID),
    ("review_by not a date", "decision", {"review_by": "next year"}, INVALID),
    ("owner URL", "decision", {"owner": "https://github.com/orgs/acme/teams/identity"}, INVALID),
    ("owner with a space", "decision", {"owner": '"@acme identity"'}, INVALID),
    ("empty title", "decision", {"title": '""'}, INVALID),
    ("null title", "decision", {"title": "~"}, INVALID),
    ("two-line title", "decision", {"title": "|\n  Use Redis\n  for sessions"}, INVALID),
    ("title as list", "decision", {"title": "[Use, Redis]"}, INVALID),
    ("deciders not a list", "decision", {"deciders": '"@maria"'}, INVALID),
    ("decider twice", "decision", {"deciders": '["@maria", "@maria"]'}, INVALID),
    ("decider not a handle", "decision", {"deciders": '["Maria Lopez"]'}, INVALID),
    ("tenet id malformed", "decision", {"tenets": "[T-1]"}, INVALID),
    ("supersedes malformed", "decision", {"supersedes": "[ADR-1]"}, INVALID),
    ("superseded_by not a list", "decision", {"superseded_by": "ADR-0002"}, INVALID),
    ("tag twice", "decision", {"tags": "[storage, storage]"}, INVALID),
    ("empty exit path", "decision", {"exit_path": '""'}, INVALID),
    ("imported_from of an unknown tool", "decision", {"imported_from": "jira:ABC-1"}, INVALID),
    ("nested mapping", "decision", {"exit_path": "{cost: high}"}, INVALID),
    (
        "reviews",
        "decision",
        {"reviews": '\n  - date: 2026-09-01\n    outcome: kept\n    by: "@maria"\n    note: Fine.'},
        VALID,
    ),
    (
        "reviews in flow style",
        "decision",
        {"reviews": "[{date: 2026-09-01, outcome: kept, note: a}]"},
        VALID,
    ),
    ("reviews empty list", "decision", {"reviews": "[]"}, VALID),
    (
        "review outcome unknown",
        "decision",
        {"reviews": "[{date: 2026-09-01, outcome: ok, note: a}]"},
        INVALID,
    ),
    (
        "review without note",
        "decision",
        {"reviews": "[{date: 2026-09-01, outcome: kept}]"},
        INVALID,
    ),
    (
        "review impossible date",
        "decision",
        {"reviews": "[{date: 2026-02-30, outcome: kept, note: a}]"},
        INVALID,
    ),
    (
        "review unknown key",
        "decision",
        {"reviews": "[{date: 2026-09-01, outcome: kept, note: a, x: 1}]"},
        INVALID,
    ),
    (
        "review by a URL",
        "decision",
        {"reviews": "[{date: 2026-09-01, outcome: kept, note: a, by: 'https://x'}]"},
        INVALID,
    ),
    ("review as text", "decision", {"reviews": "[kept]"}, INVALID),
    ("reviews as text", "decision", {"reviews": "kept"}, INVALID),
    (
        "applies_to and guards",
        "decision",
        {
            "applies_to": '["services/orders/**"]',
            "guards": '[{forbid: "import mysql", in: ["services/**/*.py"], message: No MySQL.}]',
        },
        VALID,
    ),
    ("guard without message", "decision", {"guards": '[{forbid: x, in: ["a/**"]}]'}, INVALID),
    (
        "guard with unknown key",
        "decision",
        {"guards": "[{forbid: x, in: [a], message: m, y: 1}]"},
        INVALID,
    ),
    ("guard in not a list", "decision", {"guards": "[{forbid: x, in: a, message: m}]"}, INVALID),
    ("guard in empty", "decision", {"guards": "[{forbid: x, in: [], message: m}]"}, INVALID),
    ("guards not a list", "decision", {"guards": "{forbid: x, in: [a], message: m}"}, INVALID),
    ("guard not a mapping", "decision", {"guards": "[import mysql]"}, INVALID),
    ("applies_to not a list", "decision", {"applies_to": "services/**"}, INVALID),
    ("valid tenet", "tenet", {}, VALID),
    ("tenet retired", "tenet", {"status": "retired"}, VALID),
    ("tenet with date and tags", "tenet", {"date": "2026-01-10", "tags": "[operations]"}, VALID),
    ("tenet priority 12", "tenet", {"priority": "12"}, VALID),
    ("tenet priority quoted", "tenet", {"priority": '"1"'}, INVALID),
    ("tenet priority zero", "tenet", {"priority": "0"}, INVALID),
    ("tenet priority negative", "tenet", {"priority": "-1"}, INVALID),
    ("tenet priority text", "tenet", {"priority": "first"}, INVALID),
    ("tenet status unknown", "tenet", {"status": "paused"}, INVALID),
    ("tenet status accepted, a decision's", "tenet", {"status": "accepted"}, INVALID),
    ("tenet id four digits without T", "tenet", {"id": "0001"}, INVALID),
    ("tenet missing priority", "tenet", {"priority": None}, INVALID),
    ("tenet missing owner", "tenet", {"owner": None}, INVALID),
    ("tenet with a decision key", "tenet", {"door": "two-way"}, INVALID),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "changes", "valid"),
    [(kind, changes, valid) for _, kind, changes, valid in FRONT_MATTERS],
    ids=[name for name, *_ in FRONT_MATTERS],
)
def test_json_schema_and_schema_rules_give_the_expected_verdict(
    kind: str, changes: dict[str, str | None], valid: bool, tmp_path: Path
) -> None:
    front = _front(DECISION if kind == "decision" else TENET, changes)
    relpath = "decisions/0001-x.md" if kind == "decision" else "tenets/T-001-x.md"
    write_files(tmp_path, {relpath: f"---\n{front}---\n# Body\n"})
    (tmp_path / "decisions").mkdir(exist_ok=True)

    tree = yamltree.parse(front)
    assert isinstance(tree, yamltree.Mapping)
    validator = Draft202012Validator(
        json.loads(_shipped(kind)), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    schema_errors = [error.message for error in validator.iter_errors(_json_value(tree))]

    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    rule_findings = [f"{f.code} {f.message}" for f in result.findings if f.code in SCHEMA_RULES]
    assert (schema_errors == [], rule_findings == []) == (valid, valid), (
        schema_errors,
        rule_findings,
    )


def test_the_sample_front_matters_cover_both_verdicts() -> None:
    # A guard on the table above: it must keep exercising valid and invalid inputs of both kinds.
    covered = {(kind, valid) for _, kind, _, valid in FRONT_MATTERS}
    assert covered == {
        ("decision", VALID),
        ("decision", INVALID),
        ("tenet", VALID),
        ("tenet", INVALID),
    }


def test_schema_command_prints_the_shipped_schema(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    result = run_hinges("schema", "decision", "--root", str(tmp_path))
    assert result.code == 0, result
    assert result.stdout == _shipped("decision")
    assert result.stderr == ""


def test_schema_command_for_tenets(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    result = run_hinges("schema", "tenet", "--root", str(tmp_path))
    assert result.code == 0, result
    assert result.stdout == _shipped("tenet")


def test_schema_command_uses_the_configured_id_prefix(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    (tmp_path / "hinges.toml").write_text('id_prefix = "TDR"\n', encoding="utf-8")
    result = run_hinges("schema", "decision", "--root", str(tmp_path))
    assert result.code == 0, result
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    properties = schema["properties"]
    assert properties["id"]["pattern"] == "^TDR-[0-9]{4,}$"
    assert properties["id"]["description"] == (
        "The decision's id, TDR-NNNN, matching the file's number."
    )
    # Another source's decisions keep their own prefix: payments:PAY-0007.
    assert properties["supersedes"]["items"]["pattern"] == (
        "^(?:TDR|[a-z][a-z0-9-]{0,39}:[A-Z][A-Z0-9]{0,9})-[0-9]{4,}$"
    )
    assert (
        properties["superseded_by"]["items"]["pattern"]
        == (properties["supersedes"]["items"]["pattern"])
    )
    assert "ADR" not in result.stdout
    validator = Draft202012Validator(schema)
    assert validator.is_valid({**_json_like(DECISION), "id": "TDR-0001"})
    assert not validator.is_valid(_json_like(DECISION))


def _json_like(front: dict[str, str]) -> dict[str, Any]:
    tree = yamltree.parse(_front(front, {}))
    assert isinstance(tree, yamltree.Mapping)
    value: dict[str, Any] = _json_value(tree)
    return value


def test_schema_command_rejects_an_unknown_kind(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    result = run_hinges("schema", "policy", "--root", str(tmp_path))
    assert result.code == 2
    assert result.stdout == ""
    assert "'policy' is not one of 'decision', 'tenet'" in result.stderr


def test_schema_command_reports_a_bad_configuration(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    (tmp_path / "hinges.toml").write_text('id_prefix = "adr"\n', encoding="utf-8")
    result = run_hinges("schema", "decision", "--root", str(tmp_path))
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "hinges: hinges.toml: id_prefix 'adr' must be 1-10 upper-case letters or digits, "
        "starting with a letter\n"
    )


def test_a_tenet_status_is_judged_against_tenet_statuses_after_decisions(tmp_path: Path) -> None:
    # Both kinds have a `status`; a verdict remembered for the decision's field must not be
    # given to the tenet's (decisions are read first, so `accepted` was once let through).
    write_files(
        tmp_path,
        {
            "decisions/0001-x.md": f"---\n{_front(DECISION, {})}---\n# Body\n",
            "decisions/0002-y.md": "---\n"
            + _front(DECISION, {"id": "ADR-0002", "status": "active"})
            + "---\n# Body\n",
            "tenets/T-001-x.md": f"---\n{_front(TENET, {'status': 'accepted'})}---\n# Body\n",
            "tenets/T-002-y.md": f"---\n{_front(TENET, {'id': 'T-002', 'priority': '2'})}"
            "---\n# Body\n",
        },
    )
    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    assert [(f.path, f.line, f.message) for f in result.findings if f.code in SCHEMA_RULES] == [
        (
            "decisions/0002-y.md",
            4,
            "'status' must be one of proposed, accepted, rejected, deprecated, superseded, "
            "not 'active'",
        ),
        ("tenets/T-001-x.md", 4, "'status' must be one of active, retired, not 'accepted'"),
    ]
