"""The contract of ``hinges check``: exit codes, errors as one line, PATHS, --output, auto."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

import hinges.checker
from check_fixtures import (
    AS_OF,
    ERROR_LINE,
    INFO_LINE,
    NOT_ON_GITHUB,
    WARNING_LINE,
    findings_registry,
    valid_registry,
    warnings_registry,
)
from conftest import GOOD_DECISION, Run, run_hinges, write_files
from hinges.findings import Finding, Severity
from hinges.records import Record
from hinges.rules import Context, Rule, RuleInfo, all_rules


def check(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    return run_hinges("check", "--as-of", AS_OF, *args, cwd=cwd, env=env or NOT_ON_GITHUB)


# --- exit codes -------------------------------------------------------------------------


def test_clean_registry_exits_0(tmp_path: Path) -> None:
    result = check("--root", str(valid_registry(tmp_path)), "--strict")
    assert (result.code, result.stdout, result.stderr) == (0, "2 files checked: no problems\n", "")


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    result = check("--root", str(warnings_registry(tmp_path)))
    assert result.code == 0, result
    assert result.stdout == f"{WARNING_LINE}\n3 files checked: 0 errors, 1 warning, 0 notes\n"


def test_warnings_fail_under_strict(tmp_path: Path) -> None:
    result = check("--root", str(warnings_registry(tmp_path)), "--strict")
    assert result.code == 1, result
    assert result.stdout.startswith(WARNING_LINE)


def test_infos_never_fail_the_run(tmp_path: Path) -> None:
    write_files(warnings_registry(tmp_path), {"hinges.toml": 'severity = { HG009 = "info" }\n'})
    result = check("--root", str(tmp_path), "--strict")
    assert result.code == 0, result
    assert result.stdout.endswith("3 files checked: 0 errors, 0 warnings, 1 note\n")


def test_errors_exit_1(tmp_path: Path) -> None:
    result = check("--root", str(findings_registry(tmp_path)))
    assert result.code == 1, result
    assert result.stderr == ""


# --- usage errors: exit 2, nothing on stdout --------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "Error: No such option '--bogus'"),
        (["--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one of"),
        (["--as-of", "2026-13-45"], "'2026-13-45' is not an ISO date (YYYY-MM-DD)"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_hinges("check", "--root", str(valid_registry(tmp_path)), *args)
    assert (result.code, result.stdout) == (2, ""), result
    assert message in result.stderr


def test_a_root_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    result = check("--root", str(tmp_path / "nowhere"))
    assert (result.code, result.stdout) == (2, ""), result
    assert "Error: Invalid value for '--root': Directory" in result.stderr
    assert "does not exist" in result.stderr


def test_an_unwritable_output_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.txt"
    result = check("--root", str(valid_registry(tmp_path)), "--output", str(target))
    assert (result.code, result.stdout) == (2, ""), result
    assert result.stderr == (
        f"hinges: {target}: cannot write the report: No such file or directory\n"
    )


# --- configuration errors: exit 2, one line naming the file -----------------------------


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"hinges.toml": 'ownrs = ["@a"]\n'},
            "hinges: hinges.toml: unknown setting 'ownrs'; did you mean 'owners'?",
        ),
        (
            {"pyproject.toml": '[tool.hinges]\nid_prefx = "DEC"\n'},
            "hinges: pyproject.toml [tool.hinges]: unknown setting 'id_prefx'; "
            "did you mean 'id_prefix'?",
        ),
        (
            {"hinges.toml": 'decisions_dir = "adr"\nowners = @team\n'},
            "hinges: hinges.toml: not valid TOML: Invalid value (at line 2, column 10)",
        ),
        (
            {"hinges.toml": '[severity]\nHG101 = "fatal"\n'},
            "hinges: hinges.toml: severity of 'HG101' must be one of error, warning, info, "
            "off, not 'fatal'",
        ),
        (
            {"hinges.toml": '[severity]\nno-such-rule = "off"\n'},
            "hinges: hinges.toml: severity names an unknown rule 'no-such-rule'",
        ),
        (
            {"hinges.toml": "", "pyproject.toml": '[tool.hinges]\nid_prefix = "DEC"\n'},
            "hinges: hinges.toml: settings found in both hinges.toml and [tool.hinges] of "
            "pyproject.toml; keep one",
        ),
        (
            {"hinges.toml": 'owners = "@a"\n'},
            "hinges: hinges.toml: 'owners' must be a list of strings",
        ),
    ],
)
def test_configuration_errors_exit_2(tmp_path: Path, files: dict[str, str], message: str) -> None:
    write_files(valid_registry(tmp_path), files)
    result = check("--root", str(tmp_path))
    assert (result.code, result.stdout, result.stderr) == (2, "", message + "\n")


# --- format auto ------------------------------------------------------------------------


def test_auto_is_github_under_github_actions(tmp_path: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    result = check("--root", str(findings_registry(tmp_path)), env=env)
    assert (result.code, result.stderr) == (1, ""), result
    assert result.stdout.splitlines()[0].startswith(
        "::notice file=decisions/0001-use-postgres.md,line=8,col=1,title=HG103::"
    )


def test_auto_is_text_elsewhere(tmp_path: Path) -> None:
    result = check("--root", str(findings_registry(tmp_path)), env={"GITHUB_ACTIONS": "false"})
    assert (result.code, result.stderr) == (1, ""), result
    assert result.stdout.splitlines()[:3] == [INFO_LINE, WARNING_LINE, ERROR_LINE]


# --- PATHS select what is reported ------------------------------------------------------


def _same_title_rule(context: Context) -> Iterable[Finding]:
    """A cross-record rule for the test: it reports a decision whose title another shares."""
    by_title: dict[str | None, list[Record]] = {}
    for record in context.registry.decisions:
        by_title.setdefault(record.title, []).append(record)
    for records in by_title.values():
        for record in records:
            others = ", ".join(other.path for other in records if other is not record)
            if others:
                yield SAME_TITLE.at(record, "title", f"title also used by {others}")


SAME_TITLE = Rule("HG999", "same-title", Severity.ERROR)


@pytest.fixture
def with_same_title_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = RuleInfo(SAME_TITLE, _same_title_rule.__doc__ or "", _same_title_rule, "test")
    monkeypatch.setattr(hinges.checker, "all_rules", lambda: (*all_rules(), extra))


@pytest.mark.usefixtures("with_same_title_rule")
def test_paths_select_what_is_reported_but_rules_see_everything(tmp_path: Path) -> None:
    valid_registry(tmp_path)
    twin = (tmp_path / "decisions" / "0001-use-postgres.md").read_text(encoding="utf-8")
    write_files(tmp_path, {"decisions/0002-twin.md": twin.replace("ADR-0001", "ADR-0002")})
    result = check("--root", str(tmp_path), "decisions/0002-twin.md", cwd=tmp_path)
    assert result.code == 1, result
    assert result.stdout == (
        "decisions/0002-twin.md:3:8: error HG999 "
        "title also used by decisions/0001-use-postgres.md\n"
        "1 file checked: 1 error, 0 warnings, 0 notes\n"
    )


def test_a_finding_in_an_unselected_file_is_not_shown(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)
    selected = str(registry / "decisions" / "0002-cache-orders.md")
    result = check("--root", str(registry), selected)
    assert result.code == 0, result  # the error is in 0003, which was not selected
    assert result.stdout == f"{WARNING_LINE}\n1 file checked: 0 errors, 1 warning, 0 notes\n"


def test_a_folder_or_the_root_selects_everything_below_it(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)
    everything = check("--root", str(registry))
    assert everything.code == 1, everything
    dot = check("--root", str(registry), ".", cwd=registry)
    assert (dot.code, dot.stdout) == (1, everything.stdout)
    in_decisions = check("--root", str(registry), "decisions/", cwd=registry)
    assert in_decisions.code == 1, in_decisions
    lines = in_decisions.stdout.splitlines()
    assert lines[:-1] == everything.stdout.splitlines()[:-1]
    assert lines[-1] == "3 files checked: 1 error, 1 warning, 1 note"
    in_tenets = check("--root", str(registry), "tenets", cwd=registry)
    assert (in_tenets.code, in_tenets.stdout) == (0, "1 file checked: no problems\n")


def test_paths_outside_the_root_are_ignored(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path / "registry")
    write_files(tmp_path, {"README.md": "# elsewhere\n"})
    result = check("--root", str(registry), str(tmp_path / "README.md"))
    assert (result.code, result.stdout) == (0, "0 files checked: no problems\n")


# --- --output ---------------------------------------------------------------------------


def test_output_writes_the_report_and_prints_nothing(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path / "registry")
    target = tmp_path / "out" / "report.sarif"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    shown = check("--root", str(registry), "--format", "sarif")
    assert (shown.code, shown.stderr) == (1, ""), shown
    written = check("--root", str(registry), "--format", "sarif", "--output", str(target))
    assert (written.code, written.stdout, written.stderr) == (1, "", "")
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.sarif"]  # no temp left


# --- internal errors --------------------------------------------------------------------


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(context: Context) -> Iterable[Finding]:
        raise RuntimeError("boom")

    infos = tuple(
        dataclasses.replace(info, check=explode) if info.code == "HG101" else info
        for info in all_rules()
    )
    monkeypatch.setattr(hinges.checker, "all_rules", lambda: infos)


@pytest.mark.usefixtures("broken_rule")
def test_an_internal_error_is_one_line_naming_the_rule(tmp_path: Path) -> None:
    result = check("--root", str(valid_registry(tmp_path)))
    assert (result.code, result.stdout) == (1, ""), result
    assert result.stderr == (
        "hinges: internal error in rule HG101 (missing-key): RuntimeError('boom')\n"
    )


@pytest.mark.usefixtures("broken_rule")
def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run_hinges("--debug", "check", "--root", str(valid_registry(tmp_path)))
    assert result.code == 1, result
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "RuntimeError: boom\n" in result.stderr
    assert result.stderr.endswith(
        "hinges: internal error in rule HG101 (missing-key): RuntimeError('boom')\n"
    )


# --- real processes ---------------------------------------------------------------------


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return env | {"PYTHONWARNINGS": "error"}


def test_python_dash_m_hinges_check(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "hinges", "check", "--as-of", AS_OF, "--format", "text"],
        cwd=registry,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (completed.returncode, completed.stderr) == (1, "")
    assert completed.stdout == (
        f"{INFO_LINE}\n{WARNING_LINE}\n{ERROR_LINE}\n4 files checked: 1 error, 1 warning, 1 note\n"
    )


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)
    reader, writer = os.pipe()
    os.close(reader)  # like `hinges check | head -1` once head has exited
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "hinges", "check", "--as-of", AS_OF, "--format", "text"],
            cwd=registry,
            env=_environment(),
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert completed.stderr == ""
    # The registry has an error: the verdict stands when the reader has gone, and is never
    # a crash status such as 120 (a failed flush at exit).
    assert completed.returncode == 1


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"decisions/0001-use-postgres.md": GOOD_DECISION})
    result = run_hinges("check", "--root", str(root), "decisions/9999-typo.md", cwd=root)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "hinges: no such file or folder: decisions/9999-typo.md\n"
