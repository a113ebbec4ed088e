"""Every Passing/Failing example in a rule's docstring is run through the checker.

The examples feed the rules reference and the SARIF help, so a reader trusts them: a
Passing example must draw no finding of its rule, a Failing one at least one. Collected
from every rule module (``hinges.rules.all_rules``), so a rule added later is covered
without a change here; ``docstring_examples`` says which shapes of example are understood.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docstring_examples import Scene, UnsupportedExample, scene, write
from gate_support import commit_all, init_repo
from hinges.checker import check
from hinges.config import load_config
from hinges.gate.gitbase import load_base_registry
from hinges.reference.rules import parse_rule_doc
from hinges.rules import RuleInfo, all_rules


def _examples() -> list[tuple[RuleInfo, int, str, str]]:
    found = []
    for info in all_rules():
        for index, example in enumerate(parse_rule_doc(info.doc).examples):
            found.append((info, index, example.label, example.code))
    return found


EXAMPLES = _examples()


def _codes(described: Scene, tmp_path: Path) -> list[str]:
    root = tmp_path / "registry"
    if described.base is None:
        write(root, {**described.extra, **described.files})
        result = check(root, load_config(root), today=described.today)
    else:
        base = tmp_path / "base"
        # The base commit is never empty (git refuses one): a README stands in.
        write(base, {"README.md": "The base.\n", **described.extra, **described.base})
        init_repo(base)
        commit_all(base, "the base")
        shutil.move(base / ".git", tmp_path / "git")
        shutil.rmtree(base)
        write(root, {**described.extra, **described.files})
        shutil.move(tmp_path / "git", root / ".git")
        config = load_config(root)
        base_registry = load_base_registry(root, config, "HEAD")
        result = check(root, config, today=described.today, base=base_registry)
    return [finding.code for finding in result.findings]


@pytest.mark.parametrize(
    ("info", "label", "code"),
    [(info, label, code) for info, _, label, code in EXAMPLES],
    ids=[
        f"{info.code}-{info.slug}-{index}-{label.split(' ')[0]}"
        for info, index, label, _ in EXAMPLES
    ],
)
def test_docstring_example_has_the_verdict_it_claims(
    info: RuleInfo, label: str, code: str, tmp_path: Path
) -> None:
    try:
        described = scene(label, code)
    except UnsupportedExample as error:
        pytest.fail(f"{info.slug}: the example '{label}' cannot be run ({error}):\n{code}")
    codes = _codes(described, tmp_path)
    # An example the loader cannot read proves nothing about the rule (HG0xx: file,
    # encoding, fences, YAML), unless that is the rule.
    unreadable = [c for c in codes if c.startswith("HG0") and c != info.code and c != "HG009"]
    assert unreadable == [], (label, code, codes)
    if label.startswith("Passing"):
        assert info.code not in codes, (label, code, codes)
    else:
        assert label.startswith("Failing"), f"an example is labelled Passing or Failing: {label}"
        assert info.code in codes, (label, code, codes)


def test_every_rule_has_a_passing_and_a_failing_example() -> None:
    kinds: dict[str, set[str]] = {info.slug: set() for info in all_rules()}
    for info, _, label, _ in EXAMPLES:
        kinds[info.slug].add(label.split(" ")[0].rstrip(":"))
    assert {slug for slug, seen in kinds.items() if seen != {"Passing", "Failing"}} == set()
