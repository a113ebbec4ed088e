"""The GitHub Action's steps, run exactly as action.yml runs them, with GitHub's variables.

The "Check decision records" step of action.yml is executed with bash, its ``${{ }}``
expressions filled in the way GitHub would, in a shallow clone of a real repository whose
base branch has not been fetched: the annotations on stdout, the SARIF file (validated
against the SARIF 2.1.0 schema), the job summary and the step outputs are checked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import write_files
from gate_support import DECISION, commit_all, decision, git, registry_repo
from guard_support import STORE, guarded_repo
from hinges.gate.action import base_ref

ACTION = Path(__file__).parent.parent / "action.yml"
SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
ADVICE = (
    "ADR-0001 was accepted at the base ref and its content is history: restore it and "
    "supersede it instead (hinges new TITLE --supersedes ADR-0001)"
)


def _action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def _check_step() -> dict[str, Any]:
    steps = _action()["runs"]["steps"]
    return next(step for step in steps if step.get("id") == "check")


def _expand(text: str, inputs: dict[str, str]) -> str:
    """Fill in ``${{ }}`` the way GitHub does, for the expressions the check step uses."""
    defaults = {name: spec.get("default", "") for name, spec in _action()["inputs"].items()}
    values = {**defaults, **inputs}

    def one(match: re.Match[str]) -> str:
        expression = match[1].strip()
        if expression == "steps.python.outputs.python-path":
            return sys.executable
        assert expression.startswith("inputs."), expression
        return values[expression.removeprefix("inputs.")]

    return re.sub(r"\$\{\{(.*?)\}\}", one, text)


def _run_step(workspace: Path, tmp: Path, github: dict[str, str], inputs: dict[str, str]) -> Any:
    step = _check_step()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp),
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(tmp / "runner"),
        "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
        "GITHUB_OUTPUT": str(tmp / "output.txt"),
        **github,
        **{name: _expand(str(value), inputs) for name, value in step["env"].items()},
    }
    (tmp / "runner").mkdir(exist_ok=True)
    return subprocess.run(
        ["bash", "-e", "-c", _expand(step["run"], inputs)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _pull_request_clone(tmp_path: Path) -> Path:
    origin = registry_repo(tmp_path / "origin")
    git(origin, "checkout", "-q", "-b", "feature")
    write_files(
        origin,
        {
            "decisions/0001-use-postgres.md": DECISION.replace("a sprint", "two sprints"),
            "decisions/0002-store-events.md": decision(2, "Store events `forever`", door="one-way"),
        },
    )
    commit_all(origin, "the pull request", when="2026-02-01T10:00:00")
    clone = tmp_path / "workspace"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch=feature", origin.as_uri(), str(clone))
    return clone


def test_the_check_step_annotates_writes_sarif_and_the_summary(tmp_path: Path) -> None:
    workspace = _pull_request_clone(tmp_path)
    github = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main"}
    done = _run_step(workspace, tmp_path, github, {})
    assert done.returncode == 1, done.stdout + done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=decisions/0001-use-postgres.md,line=10,col=12,title=HG901::"
        f"'exit_path' changed; {ADVICE}",
        "::warning file=decisions/0002-store-events.md,line=4,col=9,title=HG405::before this "
        "can be accepted it needs: a second decider, at least two options weighed in the body",
    ]
    assert "$ git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main" in (
        done.stdout
    )

    sarif_path = tmp_path / "runner" / "hinges.sarif"
    sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(sarif)] == []
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("HG901", "error"),
        ("HG405", "warning"),
    ]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "decisions/0001-use-postgres.md"
    assert location["region"]["startLine"] == 10

    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Decision records: changes since ` origin/main `\n")
    assert "> - ADR-0002 Store events \\`forever\\` (proposed)\n" in summary
    assert "| changed | ADR-0001 | Use PostgreSQL for orders | two-way |" in summary

    outputs = (tmp_path / "output.txt").read_text(encoding="utf-8")
    assert outputs == f"exit-code=1\nsarif-file={sarif_path}\nbase=origin/main\n"


def test_a_clean_pull_request_passes_in_a_subfolder_registry(tmp_path: Path) -> None:
    origin = registry_repo(tmp_path / "origin", prefix="docs/adr")
    git(origin, "checkout", "-q", "-b", "feature")
    write_files(origin / "docs/adr", {"decisions/0002-use-kafka.md": decision(2, "Use Kafka")})
    commit_all(origin, "propose kafka")
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch=feature", origin.as_uri(), str(workspace))
    github = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main"}
    sarif = tmp_path / "out.sarif"
    done = _run_step(workspace, tmp_path, github, {"root": "docs/adr", "sarif-file": str(sarif)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("::")] == []
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"] == []
    assert "| added | ADR-0002 | Use Kafka | two-way |" in (tmp_path / "summary.md").read_text()


def test_a_base_that_cannot_be_fetched_is_exit_2(tmp_path: Path) -> None:
    workspace = _pull_request_clone(tmp_path)
    github = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "release"}
    done = _run_step(workspace, tmp_path, github, {})
    assert done.returncode == 2, done.stdout + done.stderr
    assert "git fetch --depth=1 origin release" in done.stderr
    assert (tmp_path / "output.txt").read_text().startswith("exit-code=2\n")


@pytest.mark.parametrize(
    ("env", "event", "expected"),
    [
        ({"HINGES_BASE": "origin/dev", "GITHUB_EVENT_NAME": "pull_request"}, {}, "origin/dev"),
        ({"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main"}, {}, "origin/main"),
        ({"GITHUB_EVENT_NAME": "merge_group"}, {"merge_group": {"base_sha": "ab12"}}, "ab12"),
        ({"GITHUB_EVENT_NAME": "push"}, {"before": "cd34"}, "cd34"),
        ({"GITHUB_EVENT_NAME": "push"}, {"before": "0" * 40}, None),
        ({"GITHUB_EVENT_NAME": "workflow_dispatch"}, {}, None),
    ],
)
def test_the_base_ref_comes_from_the_input_or_the_event(
    tmp_path: Path, env: dict[str, str], event: dict[str, Any], expected: str | None
) -> None:
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event), encoding="utf-8")
    assert base_ref({**env, "GITHUB_EVENT_PATH": str(event_file)}) == expected


def test_the_action_installs_from_its_own_checkout_and_uploads_sarif_on_request() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    steps = {step["name"]: step for step in action["runs"]["steps"]}
    assert steps["Set up Python"]["uses"].startswith("actions/setup-python@")
    install = steps["Install hinges"]
    assert (
        install["env"]["HINGES_INSTALL_FROM"] == "${{ inputs.install-from || github.action_path }}"
    )
    upload = steps["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert _check_step()["run"] == '"$HINGES_PYTHON" -m hinges.gate.action'


def test_on_a_merge_ref_the_base_is_the_merge_commits_first_parent(tmp_path: Path) -> None:
    origin = registry_repo(tmp_path / "origin")
    git(origin, "checkout", "-q", "-b", "feature")
    write_files(origin, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka")})
    commit_all(origin, "propose kafka", when="2026-02-01T10:00:00")
    # What GitHub checks out for a pull request: the branch merged into its base...
    git(origin, "checkout", "-q", "-b", "pull-1-merge", "main")
    git(origin, "merge", "-q", "--no-ff", "--no-edit", "feature", when="2026-02-02T10:00:00")
    # ...while main has moved on since: comparing with it would call 0003 deleted.
    git(origin, "checkout", "-q", "main")
    write_files(origin, {"decisions/0003-use-nats.md": decision(3, "Use NATS")})
    commit_all(origin, "propose nats", when="2026-02-03T10:00:00")
    workspace = tmp_path / "workspace"
    git(
        tmp_path,
        "clone",
        "-q",
        "--depth=1",
        "--branch=pull-1-merge",
        origin.as_uri(),
        str(workspace),
    )
    github = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main"}
    done = _run_step(workspace, tmp_path, github, {})
    assert done.returncode == 0, done.stdout + done.stderr
    first_parent = git(origin, "rev-parse", "pull-1-merge^1").strip()
    outputs = (tmp_path / "output.txt").read_text(encoding="utf-8")
    assert outputs.endswith(f"\nbase={first_parent}\n")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| added | ADR-0002 | Use Kafka |" in summary
    assert "0003" not in summary


def test_a_pull_request_touching_governed_code_is_annotated_and_summarized(
    tmp_path: Path,
) -> None:
    origin = guarded_repo(tmp_path / "origin")
    git(origin, "checkout", "-q", "-b", "feature")
    write_files(
        origin, {"services/orders/store.py": STORE + "\n\ndef load(key):\n    return key\n"}
    )
    commit_all(origin, "load orders", when="2026-02-01T10:00:00")
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch=feature", origin.as_uri(), str(workspace))
    github = {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main"}
    done = _run_step(workspace, tmp_path, github, {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("::")] == [
        "::notice file=services/orders/store.py,title=governed::Governed by ADR-0001 "
        "Use PostgreSQL for orders (two-way door, owner @orders)"
    ]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.endswith(
        "### Decisions governing the changed files\n"
        "\n"
        "| Decision | Door | Owner | Changed files |\n"
        "| --- | --- | --- | --- |\n"
        "| ADR-0001 Use PostgreSQL for orders | two-way | ` @orders ` "
        "| ` services/orders/store.py ` |\n"
    )
