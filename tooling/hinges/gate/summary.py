"""The pull-request summary: what a change does to the registry, for reviewers.

:func:`summarize` computes a :class:`Summary` from the base and working-tree registries;
:func:`render_markdown` and :func:`render_json` format it. The Markdown is a comment body
(or a GitHub job summary): a table of every added, changed, renamed or deleted decision
and tenet, a warning when a one-way door is added or accepted, a note for each tenet
that accepted decisions cite when it changes or retires, listing those decisions, and a
note for each accepted decision whose ``applies_to`` or ``guards`` the branch changed
(which the gate allows). With the files the branch changed, it also lists the decisions in
force that govern them (:mod:`hinges.gate.governed`), one-way doors first and flagged, each
with its owner and the changed files it governs.

When the registry has a baseline of known guard violations, a last section lists, per
decision, the violations it still lists and its entries that no longer occur
(:mod:`hinges.gate.known`). Every value taken from a record is escaped
(:mod:`hinges.gate.mdtext`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from hinges.baseline import DecisionTally
from hinges.gate.compare import branch_changes, compare
from hinges.gate.governed import SHOWN_FILES, GovernedChange, governed_changes
from hinges.gate.known import known_json, known_markdown
from hinges.gate.mdtext import code, escape
from hinges.loader import Registry
from hinges.records import Record
from hinges.reviews import last_review
from hinges.visible import json_text

FORMAT_VERSION = 1


@dataclass(frozen=True)
class RecordChange:
    change: str
    """added, changed, renamed or deleted."""
    kind: str
    id: str | None
    title: str | None
    path: str
    door: str | None
    owner: str | None
    tenets: list[str]
    status_from: str | None
    status_to: str | None


@dataclass(frozen=True)
class TenetNote:
    tenet: str
    title: str | None
    change: str
    """changed or retired."""
    decisions: list[tuple[str, str | None]]
    """The accepted decisions citing the tenet: (id, title)."""


@dataclass(frozen=True)
class ScopeNote:
    """An accepted decision whose ``applies_to`` or ``guards`` the branch changed."""

    id: str | None
    title: str | None
    path: str
    fields: list[str]


@dataclass
class Summary:
    base: str
    records: list[RecordChange] = field(default_factory=list)
    one_way_doors: list[RecordChange] = field(default_factory=list)
    tenet_notes: list[TenetNote] = field(default_factory=list)
    reversed: list[RecordChange] = field(default_factory=list)
    """Decisions whose latest review, recorded by this change, reversed them."""
    scope_notes: list[ScopeNote] = field(default_factory=list)
    governed: list[GovernedChange] | None = None
    """The decisions in force governing the changed files (None: not computed)."""
    baseline: list[DecisionTally] | None = None
    """Known guard violations and fixed entries per decision (None: no baseline)."""


def _entry(change: str, record: Record, status_from: str | None) -> RecordChange:
    return RecordChange(
        change,
        record.kind,
        record.id,
        record.title,
        record.path,
        record.str_value("door"),
        record.str_value("owner"),
        record.list_value("tenets"),
        status_from,
        record.status,
    )


def _tenet_note(tenet: Record, change: str, head: Registry) -> TenetNote | None:
    citing = [
        (decision.id, decision.title)
        for decision in head.decisions
        if decision.status == "accepted"
        and decision.id
        and tenet.id in decision.list_value("tenets")
    ]
    if not citing or tenet.id is None:
        return None
    return TenetNote(tenet.id, tenet.title, change, sorted(citing))


def summarize(
    base: Registry, head: Registry, base_ref: str, changed: list[str] | None = None
) -> Summary:
    """What the branch changes in the registry; with ``changed`` (the files the branch
    changed, see :func:`hinges.gate.governed.changed_paths`), what governs them too."""
    comparison = compare(base, head)
    summary = Summary(base_ref)
    if changed is not None:
        summary.governed = governed_changes(head, changed)
    for record in comparison.added:
        summary.records.append(_entry("added", record, None))
    for pair in comparison.kept:
        touched = branch_changes(pair)
        scope: list[str] = [key for key in ("applies_to", "guards") if key in touched]
        if scope and pair.base.status == "accepted" and pair.head.kind == "decision":
            summary.scope_notes.append(
                ScopeNote(pair.head.id, pair.head.title, pair.head.path, scope)
            )
        if touched:
            summary.records.append(_entry("changed", pair.head, pair.base.status))
            latest = last_review(pair.head)
            if (
                latest is not None
                and latest.outcome == "reversed"
                and pair.head.status == "accepted"
                and last_review(pair.base) != latest
            ):
                summary.reversed.append(_entry("changed", pair.head, pair.base.status))
    for old_path, record in comparison.renamed.items():
        old = comparison.base_records[old_path]
        summary.records.append(_entry("renamed", record, old.status))
    for path in comparison.deleted:
        gone = comparison.base_records.get(path)
        if gone is not None:
            summary.records.append(_entry("deleted", gone, gone.status))
    summary.records.sort(key=lambda entry: (entry.kind != "decision", entry.path))
    for entry in summary.records:
        added = entry.change == "added"
        became_accepted = entry.status_to == "accepted" and entry.status_from != "accepted"
        one_way = entry.kind == "decision" and entry.door == "one-way"
        if one_way and entry.change != "deleted" and (added or became_accepted):
            summary.one_way_doors.append(entry)
    tenets = {record.path: record for record in head.tenets}
    for entry in summary.records:
        if entry.kind != "tenet" or entry.change not in ("changed", "renamed"):
            continue
        retired = entry.status_to == "retired" and entry.status_from != "retired"
        note = _tenet_note(tenets[entry.path], "retired" if retired else "changed", head)
        if note is not None:
            summary.tenet_notes.append(note)
    return summary


def _status(entry: RecordChange) -> str:
    if entry.change == "deleted":
        return f"{escape(entry.status_from)} → deleted"
    if entry.status_from is None or entry.status_from == entry.status_to:
        return escape(entry.status_to)
    return f"{escape(entry.status_from)} → {escape(entry.status_to)}"


def _counted(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_markdown(summary: Summary) -> str:
    decisions = sum(1 for entry in summary.records if entry.kind == "decision")
    tenets = len(summary.records) - decisions
    out = [f"## Decision records: changes since {code(summary.base)}", ""]
    if not summary.records:
        out += ["No decision or tenet changed."]
        return "\n".join(
            [*out, *_governed_markdown(summary), *known_markdown(summary.baseline), ""]
        )
    out += [f"{_counted(decisions, 'decision')} and {_counted(tenets, 'tenet')} changed.", ""]
    if summary.one_way_doors:
        out += ["> [!WARNING]", "> **One-way door.** This pull request adds or accepts a"]
        out += ["> decision that is costly or impossible to reverse; review it with care:"]
        for entry in summary.one_way_doors:
            out.append(f"> - {escape(entry.id)} {escape(entry.title)} ({_status(entry)})")
        out.append("")
    out += ["| Change | Id | Title | Door | Owner | Tenets | Status |", "| --- " * 7 + "|"]
    for entry in summary.records:
        cells = [
            entry.change,
            escape(entry.id),
            escape(entry.title),
            escape(entry.door),
            code(entry.owner),
            ", ".join(escape(tenet) for tenet in entry.tenets),
            _status(entry),
        ]
        out.append("| " + " | ".join(cells) + " |")
    if summary.reversed:
        out += ["", "> [!CAUTION]", "> **Reversed on review.** Supersede or deprecate:"]
        for entry in summary.reversed:
            out.append(f"> - {escape(entry.id)} {escape(entry.title)} ({_status(entry)})")
    for note in summary.tenet_notes:
        cited = ", ".join(f"{escape(rid)} {escape(title)}" for rid, title in note.decisions)
        out += [
            "",
            "> [!NOTE]",
            f"> Tenet {escape(note.tenet)} {escape(note.title)} is {note.change}. Accepted",
            f"> decisions citing it, to revisit: {cited}.",
        ]
    if summary.scope_notes:
        out += ["", "> [!NOTE]", "> **Scope or guards changed.** This pull request changes the"]
        out += ["> `applies_to` or `guards` of accepted decisions (allowed: teams add them to"]
        out += ["> the decisions they already have):"]
        for scope in summary.scope_notes:
            name = " ".join(part for part in (escape(scope.id), escape(scope.title)) if part)
            changed = " and ".join(f"`{key}`" for key in scope.fields)
            out.append(f"> - {name or code(scope.path)}: {changed}")
    return "\n".join([*out, *_governed_markdown(summary), *known_markdown(summary.baseline), ""])


def _governed_markdown(summary: Summary) -> list[str]:
    """The decisions in force governing the changed files: one-way doors first, flagged."""
    if not summary.governed:
        return []
    out = ["", "### Decisions governing the changed files", ""]
    one_way = [c for c in summary.governed if c.decision.str_value("door") == "one-way"]
    if one_way:
        doors = f"{len(one_way)} accepted one-way doors govern"
        if len(one_way) == 1:
            doors = "An accepted one-way door governs"
        out += ["> [!IMPORTANT]", f"> {doors} files this pull request changes:"]
        out += ["> ask the owner to review. Reversing a one-way door is costly.", ""]
    out += ["| Decision | Door | Owner | Changed files |", "| --- " * 4 + "|"]
    for change in summary.governed:
        record = change.decision
        door = escape(record.str_value("door"))
        if record.str_value("door") == "one-way":
            door = f"**{door}**"
        shown = [code(path) for path in change.files[:SHOWN_FILES]]
        if len(change.files) > SHOWN_FILES:
            shown.append(f"and {len(change.files) - SHOWN_FILES} more")
        name = " ".join(part for part in (escape(record.id), escape(record.title)) if part)
        cells = [name or code(record.path), door, code(record.str_value("owner")), ", ".join(shown)]
        out.append("| " + " | ".join(cells) + " |")
    return out


def render_json(summary: Summary) -> str:
    document = {
        "version": FORMAT_VERSION,
        "base": summary.base,
        "records": [asdict(entry) for entry in summary.records],
        "one_way_doors": [entry.id or entry.path for entry in summary.one_way_doors],
        "reversed": [entry.id or entry.path for entry in summary.reversed],
        "scope_changes": [asdict(note) for note in summary.scope_notes],
        "governed": [
            {
                "id": change.decision.id,
                "title": change.decision.title,
                "path": change.decision.path,
                "door": change.decision.str_value("door"),
                "owner": change.decision.str_value("owner"),
                "files": list(change.files),
            }
            for change in summary.governed or []
        ],
        "tenet_notes": [
            {
                "tenet": note.tenet,
                "title": note.title,
                "change": note.change,
                "decisions": [{"id": rid, "title": title} for rid, title in note.decisions],
            }
            for note in summary.tenet_notes
        ],
        "baseline": known_json(summary.baseline),
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
