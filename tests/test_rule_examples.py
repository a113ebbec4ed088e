"""Every rule has a passing and a failing example registry, collected automatically.

Layout: ``tests/rule_examples/<slug>/pass/`` and ``.../fail/`` are registry roots
(``decisions/``, ``tenets/``, optionally ``hinges.toml``). The failing one holds
``expected.txt``: the exact text-format lines of that rule's findings. Both are checked
as of ``TODAY`` so review dates do not age.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hinges.checker import check
from hinges.config import load_config
from hinges.findings import Severity
from hinges.rules import all_rules

EXAMPLES = Path(__file__).parent / "rule_examples"
TODAY = dt.date(2026, 11, 26)
RULES = {info.slug: info for info in all_rules()}


def _lines(root: Path, code: str) -> list[str]:
    result = check(root, load_config(root), today=TODAY)
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
def test_passing_example(slug: str) -> None:
    root = EXAMPLES / slug / "pass"
    result = check(root, load_config(root), today=TODAY)
    problems = [f for f in result.findings if f.severity is not Severity.INFO]
    assert problems == []
    assert _lines(root, RULES[slug].code) == []


@pytest.mark.parametrize("slug", sorted(RULES))
def test_failing_example(slug: str) -> None:
    root = EXAMPLES / slug / "fail"
    expected = (root / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "expected.txt must list at least one finding"
    assert _lines(root, RULES[slug].code) == expected
