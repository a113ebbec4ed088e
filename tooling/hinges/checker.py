"""Run every rule over a registry and return the findings: compute only, print nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hinges.baseline import BASELINE_FILE
from hinges.config import Config
from hinges.errors import ConfigError, HingesError
from hinges.findings import Finding, Severity
from hinges.loader import Registry, collector_paused, load_registry
from hinges.rules import Context, all_rules, rule_by_name
from hinges.rules.stale_baseline_entry import RULE as STALE_RULE

if TYPE_CHECKING:
    from hinges.baseline import DecisionTally, Entry

GUARD_CODE = "HG1001"

if TYPE_CHECKING:
    from hinges.gate.governed import Annotation


@dataclass
class CheckResult:
    """The outcome of one check: sorted findings and what was looked at."""

    root: Path
    findings: list[Finding]
    files_checked: int
    code: CodeCounts | None = None
    """What the code scan read, when one ran (guards, ids in code)."""
    governed: list[Annotation] = field(default_factory=list)
    """With a base: the changed files that decisions in force govern (never a finding:
    shown as annotations by the github format, never counted in the exit status)."""
    baseline: list[DecisionTally] | None = None
    """Per decision, the guard violations the baseline lists and its entries that no
    longer occur (None: no baseline applied)."""
    counts: Counter[Severity] = field(init=False)

    def __post_init__(self) -> None:
        self.counts = Counter(finding.severity for finding in self.findings)

    def failed(self, *, strict: bool = False) -> bool:
        if self.counts[Severity.ERROR]:
            return True
        return strict and bool(self.counts[Severity.WARNING])

    def summary(self) -> dict[str, int]:
        counts = {
            "files": self.files_checked,
            "errors": self.counts[Severity.ERROR],
            "warnings": self.counts[Severity.WARNING],
            "infos": self.counts[Severity.INFO],
        }
        if self.code is not None and self.code.worth_reporting:
            counts.update(
                code_files=self.code.files_read,
                skipped_binary=self.code.skipped_binary,
                skipped_large=self.code.skipped_large,
            )
        if self.baseline is not None:
            counts["known_violations"] = sum(tally.known for tally in self.baseline)
        return counts


@dataclass(frozen=True)
class CodeCounts:
    """Files the code scan read, and those it skipped (binary, over max_file_bytes)."""

    files_read: int
    skipped_binary: int
    skipped_large: int
    guards: int
    """How many guards ran."""

    @property
    def worth_reporting(self) -> bool:
        """Whether the summary mentions the scan: guards ran, or files were skipped.

        A scan for decision ids alone is not mentioned unless it skipped files, so the
        summary of a registry without guards reads as it always has."""
        return bool(self.guards or self.skipped_binary or self.skipped_large)


def severity_overrides(config: Config) -> dict[str, Severity | None]:
    """Rule code -> configured severity (None: the rule is off). Unknown names are errors."""
    overrides: dict[str, Severity | None] = {}
    for name, level in config.severity.items():
        info = rule_by_name(name)
        if info is None:
            raise ConfigError(f"severity names an unknown rule '{name}'", path=config.source)
        overrides[info.code] = None if level == "off" else Severity(level)
    return overrides


def run_rules(registry: Registry, today: dt.date, *, base: Registry | None = None) -> list[Finding]:
    """All findings for a loaded registry, with configured severities applied, sorted.

    ``base`` is the registry at the base git ref, for the rules that judge a change (HG9xx).
    """
    return run_in_context(Context(registry, today, base))


def run_in_context(context: Context) -> list[Finding]:
    """Like :func:`run_rules`; what the rules computed stays on ``context.shared``."""
    registry = context.registry
    overrides = severity_overrides(registry.config)
    raw: list[Finding] = list(registry.findings)
    for info in all_rules():
        if info.check is None or overrides.get(info.code, info.rule.severity) is None:
            continue
        try:
            raw.extend(info.check(context))
        except HingesError:
            raise
        except Exception as error:  # a bug in one rule must not hide every other finding
            raise HingesError(
                f"internal error in rule {info.code} ({info.slug}): {error!r}"
            ) from error
    findings = []
    for finding in raw:
        if finding.code in overrides:
            level = overrides[finding.code]
            if level is None:
                continue
            finding = finding.with_severity(level)
        findings.append(finding)
    return sorted(set(findings), key=lambda finding: finding.sort_key)


def _in_selection(path: str, selection: list[str]) -> bool:
    return any(path == chosen or path.startswith(chosen.rstrip("/") + "/") for chosen in selection)


def check(
    root: Path,
    config: Config,
    *,
    today: dt.date | None = None,
    select: Iterable[str] | None = None,
    base: Registry | None = None,
    update_baseline: bool = False,
    registry: Registry | None = None,
) -> CheckResult:
    """Check the registry at ``root``: what ``hinges check`` reports, and the MkDocs
    plugin and the MCP server too, so none of them can judge differently.

    ``select`` (paths relative to the root) limits what is *reported*; the rules always see
    the whole registry, so cross-record problems are found whichever file was touched.
    ``base`` (see :func:`hinges.gate.gitbase.load_base_registry`) enables the HG9xx rules.
    Without it, the guard baseline (:mod:`hinges.baseline`) is applied when there is one;
    ``update_baseline`` first rewrites it with every current guard violation.
    ``registry``: the registry at ``root`` when the caller has loaded it already.
    """
    with collector_paused():  # see collector_paused: the check is much faster without it
        if registry is None:
            registry = load_registry(root, config)
        context = Context(registry, today or dt.date.today(), base)
        findings = run_in_context(context)
        code = _code_counts(context)
        governed = _governed(registry, base)
        ratchet = base is None and (update_baseline or (root / BASELINE_FILE).exists())
        violations = _violations(context, root, findings) if ratchet else []
        record_files = list(registry.files)
        titles = {record.id or record.path: record.title for record in registry.decisions}
        # Free the records while the collector still sleeps: kept alive past this block,
        # they would all be walked once by the collector's first pass when it resumes.
        del registry, context
    files = len(record_files)
    baseline = None
    if ratchet:
        stale_level = severity_overrides(config).get(STALE_RULE.code, STALE_RULE.severity)
        findings, baseline = _ratchet(
            root, findings, violations, update_baseline, select, stale_level, titles
        )
    if select is not None:
        selection = [path for path in select if path]
        findings = [finding for finding in findings if _in_selection(finding.path, selection)]
        governed = [note for note in governed if _in_selection(note.path, selection)]
        files = sum(1 for path in record_files if _in_selection(path, selection))
    return CheckResult(root, findings, files, code, governed, baseline)


def _governed(registry: Registry, base: Registry | None) -> list[Annotation]:
    from hinges.gate.compare import BaseRegistry

    if not isinstance(base, BaseRegistry) or not base.ref:
        return []
    from hinges.gate.governed import changed_paths, governed_annotations, governed_changes

    changes = governed_changes(registry, changed_paths(registry.root, base.ref))
    return governed_annotations(changes, registry.config.governed_annotation)


def _violations(
    context: Context, root: Path, findings: list[Finding]
) -> list[tuple[Finding, Entry]]:
    """Each guard violation with its baseline entry (see :func:`hit_entries`)."""
    scan = context.shared.get("code_scan")
    if scan is None or not scan.guards:
        return []
    from hinges.codescan.tally import hit_entries

    entries = {
        (hit.path, hit.line, hit.column): entry
        for hit, entry in zip(scan.scan.hits, hit_entries(scan, root), strict=True)
    }
    pairs = []
    for finding in findings:
        entry = entries.get((finding.path, finding.line, finding.column))
        if finding.code == GUARD_CODE and entry is not None:
            pairs.append((finding, entry))
    return pairs


def _ratchet(
    root: Path,
    findings: list[Finding],
    violations: list[tuple[Finding, Entry]],
    update: bool,
    select: Iterable[str] | None,
    stale_level: Severity | None,
    titles: dict[str, str | None],
) -> tuple[list[Finding], list[DecisionTally] | None]:
    """``findings`` without the violations the baseline knows, plus its stale entries;
    and the tally per decision (no fixed entries in a partial check)."""
    from hinges.baseline import apply_baseline, load_baseline, tally_by_decision, write_baseline

    if update:
        write_baseline(root, [entry for _, entry in violations])
    baseline = load_baseline(root)
    if baseline is None:
        return findings, None
    flags, ratchet = apply_baseline([entry for _, entry in violations], baseline)
    known_findings = {id(f) for (f, _), known in zip(violations, flags, strict=True) if known}
    kept = [f for f in findings if id(f) not in known_findings]
    # A partial check cannot tell a fixed violation from an unread one.
    if select is None and stale_level is not None:
        for entry, line in ratchet.stale:
            kept.append(
                STALE_RULE.finding(
                    BASELINE_FILE,
                    line,
                    1,
                    f"baseline entry for {entry.path} ({entry.decision}) no longer occurs; "
                    "run hinges check --update-baseline and commit the smaller file",
                ).with_severity(stale_level)
            )
        kept.sort(key=lambda finding: finding.sort_key)
    stale = ratchet.stale if select is None else []
    return kept, tally_by_decision(ratchet.known, stale, titles)


def _code_counts(context: Context) -> CodeCounts | None:
    scan = context.shared.get("code_scan")
    if scan is None:
        return None
    stats = scan.scan.stats
    return CodeCounts(stats.files_read, stats.skipped_binary, stats.skipped_large, len(scan.guards))
