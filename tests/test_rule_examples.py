"""Every rule has a passing and a failing example registry, collected automatically.

Layout: ``tests/rule_examples/<slug>/pass/`` and ``.../fail/`` are registry roots
(``decisions/``, ``tenets/``, optionally ``hinges.toml``). The failing one holds
``expected.txt``: the exact text-format lines of that rule's findings. Both are checked
as of ``TODAY`` so review dates do not age.

The rules that judge a change against the base branch (HG9xx) need a base: their example
folders also hold ``base/``, a snapshot of the registry at the base ref. The test commits
it to a real git repository in ``tmp_path``, puts the example's own files in the working
tree on top, and checks with that commit as ``--base``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from gate_support import commit_all, init_repo
from hinges.checker import CheckResult, check
from hinges.config import load_config
from hinges.findings import Severity
from hinges.gate.gitbase import load_base_registry
from hinges.rules import all_rules

EXAMPLES = Path(__file__).parent / "rule_examples"
TODAY = dt.date(2026, 11, 26)
RULES = {info.slug: info for info in all_rules()}


def _checked(root: Path, tmp_path: Path) -> CheckResult:
    if not (root / "base").is_dir():
        return check(root, load_config(root), today=TODAY)
    repo = tmp_path / "repo"
    shutil.copytree(root / "base", repo, symlinks=True)
    init_repo(repo)
    commit_all(repo, "the base")
    for folder in ("decisions", "tenets"):
        shutil.rmtree(repo / folder, ignore_errors=True)
    extras = shutil.ignore_patterns("base", "expected.txt")
    shutil.copytree(root, repo, symlinks=True, dirs_exist_ok=True, ignore=extras)
    config = load_config(repo)
    return check(repo, config, today=TODAY, base=load_base_registry(repo, config, "HEAD"))


def _lines(root: Path, code: str, tmp_path: Path) -> list[str]:
    result = _checked(root, tmp_path)
    return [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"
        for f in result.findings
        if f.code == code
    ]


def test_every_rule_has_examples() -> None:
    missing = [
        f"{slug}/{kind}"
        for slug in RULES
        for kind in ("pass", "fail")
        if not (EXAMPLES / slug / kind / "decisions").is_dir()
    ]
    assert missing == []


def test_no_examples_for_unknown_rules() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted(RULES)


@pytest.mark.parametrize("slug", sorted(RULES))
def test_passing_example(slug: str, tmp_path: Path) -> None:
    root = EXAMPLES / slug / "pass"
    result = _checked(root, tmp_path)
    problems = [f for f in result.findings if f.severity is not Severity.INFO]
    assert problems == []
    assert [f for f in result.findings if f.code == RULES[slug].code] == []


@pytest.mark.parametrize("slug", sorted(RULES))
def test_failing_example(slug: str, tmp_path: Path) -> None:
    root = EXAMPLES / slug / "fail"
    expected = (root / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "expected.txt must list at least one finding"
    assert _lines(root, RULES[slug].code, tmp_path) == expected
