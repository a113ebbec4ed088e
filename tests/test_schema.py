"""The shipped JSON Schemas: generated from the field declarations, valid, and in agreement
with the schema rules (HG101 missing-key, HG102 invalid-value, HG103 unknown-key)."""

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
from hinges.schema import render_json_schema

SCHEMA_RULES = ("HG101", "HG102", "HG103")
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


# (name, kind, changes to the valid front matter: None removes a key)
FRONT_MATTERS: list[tuple[str, str, dict[str, str | None]]] = [
    ("valid decision", "decision", {}),
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
        },
    ),
    (
        "applies_to and guards",
        "decision",
        {
            "applies_to": '["services/orders/**"]',
            "guards": '[{forbid: "import mysql", in: ["services/**/*.py"], message: No MySQL.}]',
        },
    ),
    ("guard without message", "decision", {"guards": '[{forbid: x, in: ["a/**"]}]'}),
    ("guard with unknown key", "decision", {"guards": "[{forbid: x, in: [a], message: m, y: 1}]"}),
    ("guard in not a list", "decision", {"guards": "[{forbid: x, in: a, message: m}]"}),
    ("guard in empty", "decision", {"guards": "[{forbid: x, in: [], message: m}]"}),
    ("guards not a list", "decision", {"guards": "{forbid: x, in: [a], message: m}"}),
    ("guard not a mapping", "decision", {"guards": "[import mysql]"}),
    ("applies_to not a list", "decision", {"applies_to": "services/**"}),
    ("quoted date", "decision", {"date": '"2026-06-15"'}),
    ("owner no, a valid handle", "decision", {"owner": "no"}),
    ("time as title", "decision", {"title": "12:30"}),
    ("missing owner", "decision", {"owner": None}),
    ("missing door", "decision", {"door": None}),
    ("unknown key", "decision", {"ownr": '"@identity"'}),
    ("door yes", "decision", {"door": "yes"}),
    ("status capitalised", "decision", {"status": "Accepted"}),
    ("id 010", "decision", {"id": "010"}),
    ("id with three digits", "decision", {"id": "ADR-001"}),
    ("month 13", "decision", {"date": "2026-13-45"}),
    ("february 30", "decision", {"date": "2026-02-30"}),
    ("short date", "decision", {"date": "2026-6-15"}),
    ("owner URL", "decision", {"owner": "https://github.com/orgs/acme/teams/identity"}),
    ("empty title", "decision", {"title": '""'}),
    ("null title", "decision", {"title": "~"}),
    ("two-line title", "decision", {"title": "|\n  Use Redis\n  for sessions"}),
    ("title as list", "decision", {"title": "[Use, Redis]"}),
    ("deciders not a list", "decision", {"deciders": '"@maria"'}),
    ("decider twice", "decision", {"deciders": '["@maria", "@maria"]'}),
    ("tenet id malformed", "decision", {"tenets": "[T-1]"}),
    ("boolean in tags", "decision", {"tags": "[true]"}),
    ("nested mapping", "decision", {"exit_path": "{cost: high}"}),
    ("valid tenet", "tenet", {}),
    ("tenet with date and tags", "tenet", {"date": "2026-01-10", "tags": "[operations]"}),
    ("tenet priority quoted", "tenet", {"priority": '"1"'}),
    ("tenet priority zero", "tenet", {"priority": "0"}),
    ("tenet priority text", "tenet", {"priority": "first"}),
    ("tenet status unknown", "tenet", {"status": "paused"}),
    ("tenet missing priority", "tenet", {"priority": None}),
    ("tenet with a decision key", "tenet", {"door": "two-way"}),
]


@pytest.mark.parametrize(
    ("kind", "changes"),
    [(kind, changes) for _, kind, changes in FRONT_MATTERS],
    ids=[name for name, _, _ in FRONT_MATTERS],
)
def test_json_schema_and_schema_rules_agree(
    kind: str, changes: dict[str, str | None], tmp_path: Path
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
    assert bool(rule_findings) == bool(schema_errors), (rule_findings, schema_errors)


def test_the_sample_front_matters_cover_both_verdicts() -> None:
    # A guard on the table above: it must keep exercising valid and invalid inputs of both kinds.
    kinds_with_changes = {(kind, bool(changes)) for _, kind, changes in FRONT_MATTERS}
    assert kinds_with_changes == {
        ("decision", False),
        ("decision", True),
        ("tenet", False),
        ("tenet", True),
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
    assert properties["supersedes"]["items"]["pattern"] == "^TDR-[0-9]{4,}$"
    assert properties["superseded_by"]["items"]["pattern"] == "^TDR-[0-9]{4,}$"
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
