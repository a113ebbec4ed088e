"""What every rule module provides, and helpers to build its findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hinges.findings import Finding, Severity

if TYPE_CHECKING:
    from hinges.loader import Registry
    from hinges.records import Record


@dataclass(frozen=True)
class Context:
    """What a rule sees: the whole registry (always), and the date to judge reviews by."""

    registry: Registry
    today: dt.date
    base: Registry | None = None
    """The registry at the base git ref (``hinges check --base``); None: no comparison."""
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Work computed once per check for several rules (the code scan, the file list)."""


@dataclass(frozen=True)
class Rule:
    """A rule's identity. The module's docstring is its documentation page."""

    code: str
    slug: str
    severity: Severity

    def finding(self, path: str, line: int, column: int, message: str) -> Finding:
        return Finding(self.code, self.severity, path, max(line, 1), max(column, 1), message)

    def at(self, record: Record, key: str, message: str) -> Finding:
        """A finding at the value of ``key`` in ``record`` (at its first key if absent)."""
        line, column = record.where(key)
        return self.finding(record.path, line, column, message)

    def at_item(self, record: Record, key: str, item: str, message: str) -> Finding:
        line, column = record.where_item(key, item)
        return self.finding(record.path, line, column, message)


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    """A registered rule: identity, documentation, and its check (None: the loader reports it)."""

    rule: Rule
    doc: str
    check: Check | None
    module: str

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def slug(self) -> str:
        return self.rule.slug

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.slug
