"""Load a whole registry: every record that can be read, and a finding for every one that can't.

Failures are values. A broken file yields findings and is left out of
:attr:`Registry.decisions` / :attr:`Registry.tenets`; it never stops the others loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hinges import frontmatter, yamltree
from hinges.config import Config
from hinges.errors import UsageError
from hinges.findings import Finding, Severity
from hinges.fsscan import scan_folder
from hinges.records import Record, RecordKind, interpret
from hinges.schema import fields_for

# Codes of the problems found while loading; their documentation lives in hinges.rules.
UNREADABLE = "HG001"
ENCODING = "HG002"
MERGE_CONFLICT = "HG003"
FENCE = "HG004"
SHAPE = "HG005"
YAML_SYNTAX = "HG006"
DUPLICATE_KEY = "HG007"
UNSUPPORTED_YAML = "HG008"

_FRAMING_CODES = {
    "encoding": ENCODING,
    "merge-conflict": MERGE_CONFLICT,
    "fence": FENCE,
    "shape": SHAPE,
}
_YAML_CODES = {
    "syntax": YAML_SYNTAX,
    "duplicate-key": DUPLICATE_KEY,
    "unsupported": UNSUPPORTED_YAML,
    "too-deep": SHAPE,
    "too-large": SHAPE,
}


@dataclass
class Registry:
    """Everything loaded from one registry root."""

    root: Path
    config: Config
    decisions: list[Record] = field(default_factory=list)
    tenets: list[Record] = field(default_factory=list)
    files: dict[str, RecordKind] = field(default_factory=dict)
    """Every record file found, loadable or not: relative path -> kind."""
    findings: list[Finding] = field(default_factory=list)
    """Problems found while loading."""

    def records(self) -> Iterable[Record]:
        yield from self.decisions
        yield from self.tenets

    def decisions_by_id(self) -> dict[str, list[Record]]:
        return _by_id(self.decisions)

    def tenets_by_id(self) -> dict[str, list[Record]]:
        return _by_id(self.tenets)


def _by_id(records: list[Record]) -> dict[str, list[Record]]:
    index: dict[str, list[Record]] = {}
    for record in records:
        if record.id is not None:
            index.setdefault(record.id, []).append(record)
    return index


def _error(code: str, path: str, line: int, column: int, message: str) -> Finding:
    return Finding(code, Severity.ERROR, path, line, column, message)


def load_record(kind: RecordKind, relpath: str, data: bytes, config: Config) -> Record | Finding:
    """Parse one record's bytes. Returns the record, or the finding that stopped it."""
    text = frontmatter.decode(data)
    if isinstance(text, frontmatter.FramingProblem):
        return _error(ENCODING, relpath, text.line, text.column, text.message)
    framed = frontmatter.split(text)
    if isinstance(framed, frontmatter.FramingProblem):
        code = _FRAMING_CODES[framed.kind]
        return _error(code, relpath, framed.line, framed.column, framed.message)
    # The leading newline stands for the opening fence, so YAML line numbers are file lines.
    tree = yamltree.parse("\n" + framed.front_matter)
    if isinstance(tree, yamltree.YamlProblem):
        return _error(_YAML_CODES[tree.kind], relpath, tree.line, tree.column, tree.message)
    if not isinstance(tree, yamltree.Mapping):
        shape = (
            "empty"
            if tree is None
            else "a list"
            if isinstance(tree, yamltree.Sequence)
            else "a single value"
        )
        line = framed.front_matter_line if tree is None else tree.line
        return _error(
            SHAPE, relpath, line, 1, f"front matter is {shape}; it must be a mapping of keys"
        )
    values = interpret(tree, fields_for(kind, config))
    return Record(kind, relpath, tree, values, framed.body, framed.body_line)


def load_registry(root: Path, config: Config) -> Registry:
    """Load every decision and tenet under ``root``.

    Raises :class:`UsageError` only when there is no registry at all (no decisions folder).
    """
    if not (root / config.decisions_dir).is_dir():
        raise UsageError(
            f"no registry here: {config.decisions_dir}/ does not exist in {root}; "
            "run 'hinges init' or pass --root"
        )
    registry = Registry(root, config)
    folders: list[tuple[RecordKind, str]] = [
        ("decision", config.decisions_dir),
        ("tenet", config.tenets_dir),
    ]
    for kind, folder in folders:
        target = registry.decisions if kind == "decision" else registry.tenets
        for candidate in scan_folder(
            root, folder, ignore=config.ignore, max_bytes=config.max_file_bytes
        ):
            registry.files[candidate.relpath] = kind
            if candidate.data is None:
                registry.findings.append(
                    _error(UNREADABLE, candidate.relpath, 1, 1, candidate.problem or "not read")
                )
                continue
            loaded = load_record(kind, candidate.relpath, candidate.data, config)
            if isinstance(loaded, Finding):
                registry.findings.append(loaded)
            else:
                target.append(loaded)
    return registry
