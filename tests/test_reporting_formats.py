"""Exact output of the text, github and json formats on a registry with known findings."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

from check_fixtures import (
    AS_OF,
    ERROR_LINE,
    INFO_LINE,
    NOT_ON_GITHUB,
    WARNING_LINE,
    findings_registry,
    valid_registry,
)
from conftest import run_hinges


def _check(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_hinges(
        "check", "--root", str(root), "--as-of", AS_OF, *args, env=env or NOT_ON_GITHUB
    )
    assert result.stderr == "", result
    return result.code, result.stdout


def test_text_lists_findings_then_the_summary(tmp_path: Path) -> None:
    code, output = _check(findings_registry(tmp_path), "--format", "text")
    assert code == 1
    assert output == "\n".join(
        [INFO_LINE, WARNING_LINE, ERROR_LINE, "4 files checked: 1 error, 1 warning, 1 note", ""]
    )


def test_text_for_a_clean_registry_is_only_the_summary(tmp_path: Path) -> None:
    code, output = _check(valid_registry(tmp_path), "--format", "text")
    assert (code, output) == (0, "2 files checked: no problems\n")


def test_github_annotations_with_escaped_properties(tmp_path: Path) -> None:
    code, output = _check(findings_registry(tmp_path), "--format", "github")
    assert code == 1
    assert output == textwrap.dedent(
        """\
        ::notice file=decisions/0001-use-postgres.md,line=8,col=1,title=HG103::unknown key 'ownr' in a decision; did you mean 'owner'?
        ::warning file=decisions/0002-cache-orders.md,line=10,col=8,title=HG009::'tags' value on is read as a boolean by YAML 1.1 tools such as PyYAML; quote it: "on"
        ::error file=decisions/0003-broken.md,line=1,col=1,title=HG004::front matter opened on line 1 is never closed; add a line '---' after it
        4 files checked: 1 error, 1 warning, 1 note
        """  # noqa: E501 - one annotation per line is the format
    )


def test_github_escapes_percent_colon_and_comma_in_properties(tmp_path: Path) -> None:
    # A file name with ':' and ',' would break the property list if not escaped.
    valid_registry(tmp_path)
    odd = tmp_path / "decisions" / "0002-a:b,c%.md"
    odd.write_text("---\nid: [\n---\n", encoding="utf-8")
    _, output = _check(tmp_path, "--format", "github", str(odd))
    (annotation,) = [line for line in output.splitlines() if ",title=HG006::" in line]
    assert annotation.startswith("::error file=decisions/0002-a%3Ab%2Cc%25.md,line=")


def test_github_paths_are_relative_to_the_workspace(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path / "docs" / "adr")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    _, output = _check(registry, "--format", "auto", env=env)
    assert output.splitlines()[2] == (
        "::error file=docs/adr/decisions/0003-broken.md,line=1,col=1,title=HG004::"
        "front matter opened on line 1 is never closed; add a line '---' after it"
    )


def test_github_paths_are_relative_to_the_git_work_tree_outside_actions(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    registry = findings_registry(tmp_path / "docs")
    _, output = _check(registry, "--format", "github")
    assert output.splitlines()[2].startswith("::error file=docs/decisions/0003-broken.md,")


def test_json_document(tmp_path: Path) -> None:
    code, output = _check(findings_registry(tmp_path), "--format", "json")
    assert code == 1
    assert output.endswith("}\n")
    assert json.loads(output) == {
        "version": 1,
        "findings": [
            {
                "path": "decisions/0001-use-postgres.md",
                "line": 8,
                "column": 1,
                "code": "HG103",
                "severity": "info",
                "message": "unknown key 'ownr' in a decision; did you mean 'owner'?",
            },
            {
                "path": "decisions/0002-cache-orders.md",
                "line": 10,
                "column": 8,
                "code": "HG009",
                "severity": "warning",
                "message": "'tags' value on is read as a boolean by YAML 1.1 tools such as "
                'PyYAML; quote it: "on"',
            },
            {
                "path": "decisions/0003-broken.md",
                "line": 1,
                "column": 1,
                "code": "HG004",
                "severity": "error",
                "message": "front matter opened on line 1 is never closed; "
                "add a line '---' after it",
            },
        ],
        "summary": {"files": 4, "errors": 1, "warnings": 1, "infos": 1},
    }


def test_json_is_indented_and_keeps_non_ascii(tmp_path: Path) -> None:
    valid_registry(tmp_path)
    (tmp_path / "decisions" / "0002-café.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    _, output = _check(tmp_path, "--format", "json")
    assert '\n  "findings": [\n    {\n      "path": "decisions/0002-café.md",\n' in output


def test_json_for_a_clean_registry(tmp_path: Path) -> None:
    code, output = _check(valid_registry(tmp_path), "--format", "json")
    assert code == 0
    assert output == textwrap.dedent(
        """\
        {
          "version": 1,
          "findings": [],
          "summary": {
            "files": 2,
            "errors": 0,
            "warnings": 0,
            "infos": 0
          }
        }
        """
    )
