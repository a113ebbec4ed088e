"""The documented scheduled workflow and catalog repository, run as written.

docs/examples/organisation-catalog.yml is parsed (a schedule, a manual trigger, the steps
call commands that exist), then its hinges and zensical lines are run, in order, in a
catalog repository laid out as docs/guide/organisation-catalog.md shows (its mkdocs.yml),
over real git repositories as sources: the site it builds holds every source's pages.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from conftest import write_files
from hinges.cli import cli
from org_catalog_support import SOURCE_PAGES, organisation

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / "docs/examples/organisation-catalog.yml"
GUIDE = REPO / "docs/guide/organisation-catalog.md"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return loaded


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = workflow["jobs"]["build"]["steps"]
    return steps


def _commands(step: dict[str, Any]) -> list[list[str]]:
    """The hinges and zensical command lines of a step's ``run`` script."""
    lines = [line.strip() for line in step.get("run", "").splitlines()]
    return [shlex.split(line) for line in lines if line.startswith(("hinges ", "zensical "))]


def test_it_runs_on_a_schedule_and_by_hand(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert list(triggers) == ["schedule", "workflow_dispatch"]
    assert re.fullmatch(r"[\d*/,-]+( [\d*/,-]+){4}", triggers["schedule"][0]["cron"])
    assert workflow["permissions"] == {"contents": "read"}


def test_it_calls_commands_that_exist(workflow: dict[Any, Any]) -> None:
    called = [command for step in _steps(workflow) for command in _commands(step)]
    assert called == [
        ["hinges", "sources", "sync"],
        ["hinges", "check"],
        ["hinges", "render"],
        ["zensical", "build", "--strict"],
    ]
    context = click.Context(cli)
    for command in called:
        if command[0] != "hinges":
            continue
        found: click.Command | None = cli
        for name in command[1:]:
            assert isinstance(found, click.Group), command
            found = found.get_command(context, name)
            assert found is not None, command
    # Only the sync may fail (a source out of reach); the catalog is still built.
    tolerant = [step["name"] for step in _steps(workflow) if step.get("continue-on-error")]
    assert tolerant == ["Sync every source"]


def _guide_mkdocs_yml() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text("utf-8"), re.S)
    return next(block for block in blocks if block.startswith("# mkdocs.yml"))


def test_the_documented_catalog_repository_builds_with_the_workflows_commands(
    workflow: dict[Any, Any], tmp_path: Path
) -> None:
    root = organisation(tmp_path, catalog_files={})
    write_files(root, {"mkdocs.yml": _guide_mkdocs_yml()})
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for step in _steps(workflow):
        for command in _commands(step):
            done = subprocess.run(
                command, cwd=root, env=environment, capture_output=True, text=True, check=False
            )
            allowed = (0, 1) if step.get("continue-on-error") else (0,)
            assert done.returncode in allowed, f"{command}:\n{done.stdout}{done.stderr}"
    site = root / "site/catalog"
    for relative in SOURCE_PAGES.values():
        assert (site / relative.removesuffix(".md") / "index.html").is_file(), relative
    home = (site / "index.html").read_text("utf-8")
    assert "2 sources not current" in home
