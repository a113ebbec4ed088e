"""Which decisions in force govern the files a branch changes: for the summary and annotations.

A pull request that edits ``services/orders/store.py`` should tell its reviewers (and the
owner) that ADR-0007, an accepted one-way door owned by @payments, governs that file. The
question "which decisions govern these paths" is :func:`hinges.inforce.governing`; this
module only supplies the paths (:func:`changed_paths`: what the branch changed since it
forked from the base) and groups the answer by decision (:func:`governed_changes`).

The annotation level of each door comes from the ``governed_annotation`` setting: notices
by default, so a team can make one-way doors a warning. Annotations never change the
exit status: touching a governed file is what the decision is for, not a fault.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hinges.errors import HingesError
from hinges.gate.gitbase import diff_start
from hinges.git import git_text, run_git
from hinges.inforce import door_order, governing
from hinges.loader import Registry
from hinges.records import Record

SHOWN_FILES = 10
"""How many governed files the summary lists per decision before "and N more"."""


@dataclass(frozen=True)
class GovernedChange:
    """A decision in force, and the changed files it governs (sorted)."""

    decision: Record
    files: tuple[str, ...]


def changed_paths(root: Path, ref: str) -> list[str]:
    """Files under ``root`` (relative to it) that the branch changed since it forked from
    ``ref``: added, modified, deleted, and both sides of a rename, uncommitted edits
    included (as for the records and the guards). Untracked files are not changes yet."""
    since = diff_start(root, ref)
    done = run_git(
        root,
        "-c",
        "core.quotePath=false",
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--no-ext-diff",
        "--relative",
        since,
        "--",
    )
    if done.returncode != 0:
        raise HingesError(f"git diff failed against {ref}: {git_text(done.stderr)}")
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted({name for name in names if name})


def governed_changes(registry: Registry, paths: Iterable[str]) -> list[GovernedChange]:
    """The decisions in force that govern at least one of ``paths``, one-way doors first,
    each with the paths it governs."""
    files: dict[str, list[str]] = {}
    records: dict[str, Record] = {}
    for path, found in governing(registry, sorted(set(paths))).items():
        for entry in found:
            records[entry.decision.path] = entry.decision
            files.setdefault(entry.decision.path, []).append(path)
    ordered = sorted(records.values(), key=door_order)
    return [GovernedChange(record, tuple(files[record.path])) for record in ordered]


@dataclass(frozen=True)
class Annotation:
    """A note on one changed file: the decisions governing it, at the configured level."""

    level: str
    """notice or warning (the highest of the governing decisions' doors)."""
    path: str
    message: str


def governed_annotations(changes: list[GovernedChange], levels: dict[str, str]) -> list[Annotation]:
    """One annotation per governed file, naming each decision that governs it and its owner.

    ``levels`` is ``governed_annotation``: door -> notice, warning or off. A file that only
    decisions set to ``off`` govern gets none; otherwise it gets the highest level among
    the rest, and names only those.
    """
    per_file: dict[str, list[Record]] = {}
    for change in changes:
        if levels.get(change.decision.str_value("door") or "", "notice") == "off":
            continue
        for path in change.files:
            per_file.setdefault(path, []).append(change.decision)
    notes = []
    for path in sorted(per_file):
        decisions = per_file[path]
        doors = {levels.get(record.str_value("door") or "", "notice") for record in decisions}
        level = "warning" if "warning" in doors else "notice"
        named = "; ".join(_naming(record) for record in decisions)
        notes.append(Annotation(level, path, f"Governed by {named}"))
    return notes


def _naming(record: Record) -> str:
    door = record.str_value("door")
    owner = record.str_value("owner") or "none"
    label = " ".join(part for part in (record.id or record.path, record.title) if part)
    return f"{label} ({f'{door} door' if door else 'door not set'}, owner {owner})"
