"""Change a record's status along the lifecycle, and refuse what the rules would reject.

Allowed moves: a decision goes proposed -> accepted | rejected and accepted -> deprecated |
superseded; a tenet goes active -> retired. ``superseded`` needs a successor, so it is set
by ``hinges new --supersedes`` (which edits both records); here only when ``superseded_by``
is already filled in. Accepting runs the real door rules (HG401-HG404) and the check for
text left from a template (HG803), with the configured severities, on the record as it
would be, so ``hinges status`` and ``hinges check`` can
never disagree about what acceptance requires.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hinges.authoring.edit import FrontMatterEditor
from hinges.authoring.relations import find_one
from hinges.config import Config
from hinges.errors import HingesError
from hinges.findings import Finding, Severity
from hinges.loader import Registry, load_record
from hinges.records import Record

TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "decision": {"proposed": ("accepted", "rejected"), "accepted": ("deprecated", "superseded")},
    "tenet": {"active": ("retired",)},
}
# The rules that say what an accepted decision needs (exit path; one-way door extras;
# its own text in place of a template's).
ACCEPTANCE_RULES = (
    "exit_path_required",
    "one_way_deciders",
    "one_way_review_date",
    "one_way_options",
    "template_text",
)


@dataclass(frozen=True)
class StatusChange:
    record_id: str
    path: str
    """Relative to the registry root."""
    old: str
    new: str
    date: dt.date


def change_status(
    root: Path, config: Config, record_id: str, new_status: str, today: dt.date
) -> StatusChange:
    """Move ``record_id`` to ``new_status`` and set its ``date``; raise when not allowed."""
    record = find_one(root, config, record_id)
    old = record.status or ""
    _check_transition(record, old, new_status)
    editor = FrontMatterEditor.open(root / record.path, display=record.path)
    editor.set_scalar("status", new_status)
    editor.set_date("date", today)
    if new_status == "accepted":
        missing = list(acceptance_problems(root, config, record, editor.render(), today))
        if missing:
            lines = "\n".join(f"  - line {f.line}: {f.message} [{f.code}]" for f in missing)
            raise HingesError(
                f"{record_id} cannot be accepted yet (nothing changed); it needs:\n{lines}",
                path=record.path,
            )
    editor.save()
    return StatusChange(record_id, record.path, old, new_status, today)


def _check_transition(record: Record, old: str, new: str) -> None:
    where = record.path
    rid = record.id
    if old == new:
        raise HingesError(f"{rid} is already {new}; nothing changed", path=where)
    allowed = TRANSITIONS[record.kind].get(old)
    if allowed is None:
        described = f"is {old}" if old else "has no valid status"
        advice = (
            "; write a new decision instead ('hinges new TITLE')"
            if record.kind == "decision"
            else "; write a new tenet instead"
        )
        raise HingesError(
            f"{rid} {described}, a final status; it cannot become {new}{advice}", path=where
        )
    if new not in allowed:
        raise HingesError(
            f"{rid} is {old}; it can become {' or '.join(allowed)}, not {new}", path=where
        )
    if new == "superseded" and not record.list_value("superseded_by"):
        raise HingesError(
            f"{rid} needs a successor to be superseded: create it with "
            f"'hinges new TITLE --supersedes {rid}', which updates both records",
            path=where,
        )


def acceptance_problems(
    root: Path, config: Config, record: Record, accepted_text: bytes, today: dt.date
) -> Iterator[Finding]:
    """The errors the acceptance rules find in the record as it would be once accepted."""
    from hinges.checker import severity_overrides
    from hinges.rules import Context

    accepted = load_record(record.kind, record.path, accepted_text, config)
    if isinstance(accepted, Finding):  # pragma: no cover - the editor re-checks every edit
        raise HingesError(accepted.message, path=accepted.path, line=accepted.line)
    # The door rules judge one record at a time, so a registry of just this one suffices.
    context = Context(Registry(root, config, decisions=[accepted]), today)
    overrides = severity_overrides(config)
    for name in ACCEPTANCE_RULES:
        module = importlib.import_module(f"hinges.rules.{name}")
        code = module.RULE.code
        severity = overrides.get(code, module.RULE.severity)
        if severity is not Severity.ERROR:
            continue
        yield from sorted(module.check(context), key=lambda finding: finding.sort_key)
