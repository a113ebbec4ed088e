"""Guard violations as ``hinges check`` finds them, each matched with the baseline.

:func:`count_violations` runs the scan of a full check (:func:`hinges.codescan.scan_registry`,
guards only, no base) and tells, for every hit, whether the committed baseline
(:mod:`hinges.baseline`) lists it, and which entries no longer occur. The catalog shows it
per guard on each decision's page; :func:`baseline_tally` sums it per decision for the
pull-request summary. :func:`hit_entries` is what the check itself uses to fingerprint its
violations, so the check, the catalog and the summary always agree on what is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hinges.baseline import (
    BASELINE_FILE,
    DecisionTally,
    Entry,
    apply_baseline,
    load_baseline,
    make_entry,
    tally_by_decision,
)
from hinges.codescan import CodeScan, Hit, Listing, scan_registry
from hinges.config import Config
from hinges.loader import Registry
from hinges.records import Guard

GUARD_RULE = ("HG1001", "guard-violation")


def guard_rule_off(config: Config) -> bool:
    """Whether the configuration turns the guard-violation rule off (by code or name)."""
    return "off" in (config.severity.get(GUARD_RULE[0]), config.severity.get(GUARD_RULE[1]))


def hit_entries(scan: CodeScan, root: Path) -> list[Entry]:
    """The baseline entry of each guard hit of ``scan``, in hit order: the rule, the file
    and the text of the hit's line (a ``require`` guard's: its pattern)."""
    texts: dict[str, list[str]] = {}
    entries = []
    for hit in scan.scan.hits:
        active = scan.guards[hit.index]
        if active.guard.kind == "require":
            text = "require " + active.guard.pattern
        else:
            if hit.path not in texts:
                try:
                    raw = (root / hit.path).read_bytes()
                except OSError:
                    raw = b""
                texts[hit.path] = raw.decode("utf-8", "replace").splitlines()
            lines = texts[hit.path]
            text = lines[hit.line - 1] if hit.line <= len(lines) else ""
        decision = active.decision.id or active.decision.path
        entries.append(make_entry(GUARD_RULE[0], hit.path, decision, text))
    return entries


@dataclass(frozen=True)
class Violation:
    """One guard hit, and whether the baseline knows it."""

    hit: Hit
    known: bool


@dataclass
class GuardViolations:
    """Every guard violation of a full check, with the baseline applied."""

    scan: CodeScan
    violations: list[Violation]
    """In hit order: by path, line, column."""
    stale: list[tuple[Entry, int]]
    """Baseline entries (with their line in the file) that no longer occur."""
    baseline: bool
    """Whether there is a baseline file."""

    def of(self, guard: Guard) -> list[Violation] | None:
        """The violations of ``guard`` (a decision's own object); None when it did not run
        (its decision is not in force, or the guard is not valid)."""
        indexes = {i for i, active in enumerate(self.scan.guards) if active.guard is guard}
        if not indexes:
            return None
        return [v for v in self.violations if v.hit.index in indexes]

    def by_decision(self, titles: Mapping[str, str | None]) -> list[DecisionTally]:
        """Known violations and fixed entries per decision, as a full check counts them."""
        known: Counter[str] = Counter()
        for violation in self.violations:
            if violation.known:
                decision = self.scan.guards[violation.hit.index].decision
                known[decision.id or decision.path] += 1
        return tally_by_decision(known, self.stale, titles)


def count_violations(registry: Registry, listing: Listing) -> GuardViolations:
    """The guard violations in ``listing``'s files, matched with the baseline at the
    registry root. Raises :class:`hinges.errors.ConfigError` for an unreadable baseline."""
    scan = scan_registry(registry, listing, guards=True, ids=False)
    root = Path(registry.root)
    baseline = load_baseline(root)
    if baseline is None:
        return GuardViolations(scan, [Violation(hit, False) for hit in scan.scan.hits], [], False)
    flags, ratchet = apply_baseline(hit_entries(scan, root), baseline)
    violations = [Violation(hit, known) for hit, known in zip(scan.scan.hits, flags, strict=True)]
    return GuardViolations(scan, violations, ratchet.stale, True)


def baseline_tally(registry: Registry) -> list[DecisionTally] | None:
    """Known violations and fixed entries per decision, as a full check counts them; None
    (and nothing scanned) without a baseline file or with the guard rule turned off."""
    root = Path(registry.root)
    if guard_rule_off(registry.config) or not (root / BASELINE_FILE).exists():
        return None
    from hinges.codescan.files import list_files

    counted = count_violations(registry, list_files(root, registry.config))
    titles = {record.id or record.path: record.title for record in registry.decisions}
    return counted.by_decision(titles)
