"""Load a whole registry: every record that can be read, and a finding for every one that can't.

Failures are values. A broken file yields findings and is left out of
:attr:`Registry.decisions` / :attr:`Registry.tenets`; it never stops the others loading.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hinges import frontmatter, yamltree
from hinges.config import Config
from hinges.errors import HingesError, no_registry_error
from hinges.findings import Finding, Severity
from hinges.fsscan import iter_folder
from hinges.records import Record, RecordKind, interpret
from hinges.schema import FieldSpec, fields_for

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

    _indexes: dict[str, tuple[int, dict[str, list[Record]]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Id indexes built once for all the rules that need them (rebuilt if records change)."""

    memo: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False, compare=False)
    """Answers derived from the records, computed once for callers that ask again and
    again (:mod:`hinges.inforce`, the MCP server); each keyed by the number of decisions
    it was computed from, so appending a record invalidates it."""

    def decisions_by_id(self) -> dict[str, list[Record]]:
        """Decisions by id (shared: do not modify)."""
        return self._index("decision", self.decisions)

    def tenets_by_id(self) -> dict[str, list[Record]]:
        """Tenets by id (shared: do not modify)."""
        return self._index("tenet", self.tenets)

    def _index(self, kind: str, records: list[Record]) -> dict[str, list[Record]]:
        cached = self._indexes.get(kind)
        if cached is None or cached[0] != len(records):
            cached = (len(records), _by_id(records))
            self._indexes[kind] = cached
        return cached[1]


def _by_id(records: list[Record]) -> dict[str, list[Record]]:
    index: dict[str, list[Record]] = {}
    for record in records:
        if record.id is not None:
            index.setdefault(record.id, []).append(record)
    return index


def _error(code: str, path: str, line: int, column: int, message: str) -> Finding:
    return Finding(code, Severity.ERROR, path, line, column, message)


def load_record(
    kind: RecordKind,
    relpath: str,
    data: bytes,
    config: Config,
    *,
    specs: tuple[FieldSpec, ...] | None = None,
) -> Record | Finding:
    """Parse one record's bytes. Returns the record, or the finding that stopped it.

    ``specs`` are the kind's fields when the caller already has them (once per run).
    """
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
    values = interpret(tree, fields_for(kind, config) if specs is None else specs)
    return Record(kind, relpath, tree, values, framed.body, framed.body_line)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a registry is loaded and checked.

    Loading creates hundreds of thousands of small objects (parser events, tree nodes,
    records) that reference counting alone frees or keeps; with the collector on, CPython
    walks the ever larger heap of kept records again and again while they are created,
    which nearly doubles the time of a check. Nothing here builds reference cycles that
    need collecting early, and the collector resumes (if it was on) when the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_registry(root: Path, config: Config) -> Registry:
    """Load every decision and tenet under ``root``.

    Raises :class:`UsageError` only when there is no registry at all: no decisions folder,
    and no ``[[sources]]`` (a catalog repository may hold only its configuration).
    """
    if not config.sources and not (root / config.decisions_dir).is_dir():
        raise no_registry_error(root, config.decisions_dir)
    with collector_paused():
        return _load_folders(Registry(root, config))


def _load_folders(registry: Registry) -> Registry:
    root, config = registry.root, registry.config
    folders: list[tuple[RecordKind, str]] = [
        ("decision", config.decisions_dir),
        ("tenet", config.tenets_dir),
    ]
    for kind, folder in folders:
        target = registry.decisions if kind == "decision" else registry.tenets
        specs = fields_for(kind, config)
        # One file at a time: the bytes of a record are dropped as soon as it is parsed.
        for candidate in iter_folder(
            root, folder, ignore=config.ignore, max_bytes=config.max_file_bytes
        ):
            if candidate.relpath != folder:  # a refused folder is not a record file
                registry.files[candidate.relpath] = kind
            if candidate.data is None:
                registry.findings.append(
                    _error(UNREADABLE, candidate.relpath, 1, 1, candidate.problem or "not read")
                )
                continue
            try:
                loaded = load_record(kind, candidate.relpath, candidate.data, config, specs=specs)
            except Exception as error:  # a bug must still name the file it choked on
                raise HingesError(
                    f"internal error while reading this file: {error!r}", path=candidate.relpath
                ) from error
            if isinstance(loaded, Finding):
                registry.findings.append(loaded)
            else:
                target.append(loaded)
    return registry
