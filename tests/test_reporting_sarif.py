"""SARIF output: valid against the official 2.1.0 schema, with rule metadata and locations."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from check_fixtures import AS_OF, NOT_ON_GITHUB, findings_registry, valid_registry
from conftest import run_hinges
from hinges import __version__
from hinges.findings import Severity
from hinges.rules import all_rules

SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
# RFC 3986 relative reference without a scheme: no ':' in the first segment.
_FIRST_SEGMENT_CHAR = r"(?:%[0-9A-F]{2}|[A-Za-z0-9\-._~!$&'()*+,;=@])"
_PATH_CHAR = r"(?:%[0-9A-F]{2}|[A-Za-z0-9\-._~!$&'()*+,;=:@])"
URI_REFERENCE = re.compile(f"{_FIRST_SEGMENT_CHAR}+(?:/{_PATH_CHAR}*)*")
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif(root: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_hinges(
        "check",
        "--root",
        str(root),
        "--as-of",
        AS_OF,
        "--format",
        "sarif",
        env=env or NOT_ON_GITHUB,
    )
    assert result.stderr == "", result
    return result.code, result.stdout


def _validate(document: Any) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_output_with_errors_warnings_and_infos_is_valid_sarif(tmp_path: Path) -> None:
    code, output = _sarif(findings_registry(tmp_path))
    assert code == 1
    document = json.loads(output)
    _validate(document)
    levels = [result["level"] for result in document["runs"][0]["results"]]
    assert levels == ["note", "warning", "error"]


def test_output_of_a_clean_registry_is_valid_sarif(tmp_path: Path) -> None:
    code, output = _sarif(valid_registry(tmp_path))
    assert code == 0
    document = json.loads(output)
    _validate(document)
    assert document["runs"][0]["results"] == []


def test_the_validation_can_fail() -> None:
    # Guard against a schema or validator that accepts anything.
    with pytest.raises(AssertionError):
        _validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_results_carry_rule_level_message_and_location(tmp_path: Path) -> None:
    _, output = _sarif(findings_registry(tmp_path))
    run = json.loads(output)["runs"][0]
    codes = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"][2] == {
        "ruleId": "HG004",
        "ruleIndex": codes.index("HG004"),
        "level": "error",
        "message": {
            "text": "front matter opened on line 1 is never closed; add a line '---' after it"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": "decisions/0003-broken.md",
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {"startLine": 1, "startColumn": 1},
                }
            }
        ],
    }
    # A configured severity changes the result's level, not the rule's default.
    info = run["results"][0]
    assert (info["ruleId"], info["level"]) == ("HG103", "note")
    assert run["tool"]["driver"]["rules"][info["ruleIndex"]]["defaultConfiguration"] == {
        "level": "error"
    }
    warning = run["results"][1]
    region = warning["locations"][0]["physicalLocation"]["region"]
    assert (warning["ruleId"], region) == ("HG009", {"startLine": 10, "startColumn": 8})


def test_rules_metadata_comes_from_the_rule_registry(tmp_path: Path) -> None:
    _, output = _sarif(valid_registry(tmp_path))
    driver = json.loads(output)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("hinges", __version__)
    assert "informationUri" not in driver
    infos = all_rules()
    assert [rule["id"] for rule in driver["rules"]] == [info.code for info in infos]
    for rule, info in zip(driver["rules"], infos, strict=True):
        doc = inspect.cleandoc(info.doc)
        summary, _, rest = doc.partition("\n")
        assert rule["name"] == info.slug
        assert rule["shortDescription"] == {"text": summary}
        assert rule["fullDescription"] == {"text": rest.strip() or summary}
        assert rule["help"] == {"text": doc, "markdown": doc}
        assert rule["defaultConfiguration"] == {"level": LEVEL[info.rule.severity]}


def test_missing_key_rule_descriptor_is_exact(tmp_path: Path) -> None:
    _, output = _sarif(valid_registry(tmp_path))
    rules = json.loads(output)["runs"][0]["tool"]["driver"]["rules"]
    (missing_key,) = [rule for rule in rules if rule["id"] == "HG101"]
    assert missing_key["name"] == "missing-key"
    assert missing_key["shortDescription"] == {"text": "A required front-matter key is missing."}
    assert missing_key["fullDescription"]["text"].startswith(
        "Decisions need `id`, `title`, `status`, `date`, `door` and `owner`;"
    )
    assert "Failing:\n\n    ---\n    id: ADR-0001\n" in missing_key["help"]["markdown"]


def test_uris_are_relative_to_the_workspace_and_percent_encoded(tmp_path: Path) -> None:
    registry = valid_registry(tmp_path / "my docs")
    (registry / "decisions" / "0002-café.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    _, output = _sarif(registry, env=env)
    document = json.loads(output)
    _validate(document)
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in document["runs"][0]["results"]
    }
    assert uris == {"my%20docs/decisions/0002-caf%C3%A9.md"}
    # jsonschema checks "uri-reference" only with optional packages: check RFC 3986 here.
    assert all(URI_REFERENCE.fullmatch(uri) for uri in uris)


def test_output_is_deterministic(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)
    assert _sarif(registry) == _sarif(registry)
