"""The front-matter fields of decisions and tenets, declared once.

The validator, the JSON Schema shipped for editors (``hinges schema``, built by
:mod:`hinges.front_matter_schema`), and the format reference are all derived from these
declarations. The values the fields take (statuses, patterns, limits) are in
:mod:`hinges.field_values`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from hinges.config import Config
from hinges.field_values import (
    DATE_PATTERN,
    DECISION_STATUSES,
    DOORS,
    HANDLE_PATTERN,
    IMPORTED_FROM_PATTERN,
    REVIEW_OUTCOMES,
    SUMMARY_MAX,
    TENET_ID_PATTERN,
    TENET_REF_PATTERN,
    TENET_STATUSES,
    decision_id_pattern,
    decision_ref_pattern,
)

Kind = Literal["string", "date", "integer", "list", "entries", "guards"]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    """For ``list`` fields, the pattern of each item."""
    single_line: bool = False
    example: str = ""
    entry_fields: tuple[FieldSpec, ...] = ()
    """For ``entries`` fields (a list of mappings), the keys of each entry."""
    max_length: int | None = None
    """For ``string`` fields, the most characters a value may have."""


def decision_fields(config: Config) -> tuple[FieldSpec, ...]:
    ids = decision_id_pattern(config.id_prefix)
    p = config.id_prefix
    return (
        FieldSpec(
            "id",
            "string",
            f"The decision's id, {p}-NNNN, matching the file's number.",
            True,
            pattern=ids,
            example=f"{p}-0007",
        ),
        FieldSpec(
            "title",
            "string",
            "What was decided, in a short phrase; the body's H1 repeats it.",
            True,
            single_line=True,
            example="Use PostgreSQL for the order service",
        ),
        FieldSpec(
            "status",
            "string",
            "Where the decision is in its lifecycle.",
            True,
            enum=DECISION_STATUSES,
            example="accepted",
        ),
        FieldSpec(
            "date",
            "date",
            "ISO date of the last status change.",
            True,
            pattern=DATE_PATTERN,
            example="2026-03-14",
        ),
        FieldSpec(
            "door",
            "string",
            "one-way: costly or impossible to reverse; two-way: cheap to reverse.",
            True,
            enum=DOORS,
            example="two-way",
        ),
        FieldSpec(
            "owner",
            "string",
            "The one team or person accountable for the decision over time (a handle, "
            "never a URL).",
            True,
            pattern=HANDLE_PATTERN,
            example="@payments/platform",
        ),
        FieldSpec(
            "deciders",
            "list",
            "Handles of the people or teams who took the decision.",
            pattern=HANDLE_PATTERN,
            example='["@alice", "@bob"]',
        ),
        FieldSpec(
            "tenets",
            "list",
            "Ids of the tenets this decision follows; `org:T-003` names a tenet of the "
            "source `org` (`hinges sources sync`).",
            pattern=TENET_REF_PATTERN,
            example="[T-001, T-003]",
        ),
        FieldSpec(
            "summary",
            "string",
            "What was decided, in one line of at most 200 characters, for the digest "
            "(`hinges digest`) and coding agents; without it they show the first sentence "
            "of the Decision section. May be added or changed on an accepted decision.",
            single_line=True,
            max_length=SUMMARY_MAX,
            example="Orders are stored in PostgreSQL; no other service reads its tables.",
        ),
        FieldSpec(
            "exit_path",
            "string",
            "How we would back out if the decision proves wrong, and what that would cost.",
            example="Data is stored as plain SQL; moving costs about two sprints.",
        ),
        FieldSpec(
            "review_by",
            "date",
            "ISO date by which the decision is looked at again.",
            pattern=DATE_PATTERN,
            example="2027-03-14",
        ),
        FieldSpec(
            "supersedes",
            "list",
            "Ids of the decisions this one replaces; `payments:PAY-0007` names a decision "
            "of the source `payments`.",
            pattern=decision_ref_pattern(p),
            example=f"[{p}-0003]",
        ),
        FieldSpec(
            "superseded_by",
            "list",
            "Ids of the decisions that replace this one (qualified like supersedes for "
            "another source's).",
            pattern=decision_ref_pattern(p),
            example=f"[{p}-0012]",
        ),
        FieldSpec("tags", "list", "Free keywords for filtering.", example="[storage, data]"),
        FieldSpec(
            "applies_to",
            "list",
            "Glob patterns of the files this decision governs, relative to the registry root "
            "(`**` crosses folders); `hinges why PATH` and the pull-request gate use them. "
            "May be added or changed on an accepted decision.",
            example='["services/orders/**", "schemas/orders.sql"]',
        ),
        FieldSpec(
            "guards",
            "guards",
            "Checks on the code: each guard is a mapping of `forbid` (an RE2 regular "
            "expression no line may match) or `require` (one every file must match) with "
            "`in` (a list of glob patterns), or `forbid_import` (`{from: [MODULES], to: "
            "[MODULES]}`) or `forbid_dependency` (a list of package names), `in` optional "
            "for these two, and `message`; `hinges check` reports every "
            "violation at its line while the decision is accepted. May be added or changed "
            "on an accepted decision.",
            example='[{forbid: "import mysql", in: ["services/orders/**/*.py"], '
            'message: "Orders live in PostgreSQL"}]',
        ),
        FieldSpec(
            "imported_from",
            "string",
            "Set by `hinges import`: the source format and the source file, relative to the "
            "imported folder. While it is present, check reports a missing door, owner, "
            "exit_path and body sections as warnings; remove it once a person has filled "
            "them in.",
            pattern=IMPORTED_FROM_PATTERN,
            example="adr-tools:0003-use-postgresql.md",
        ),
        REVIEWS_FIELD,
    )


# Each review of a decision, oldest first: written by `hinges review ID --outcome ...`.
REVIEW_ENTRY_FIELDS = (
    FieldSpec("date", "date", "The day of the review.", True, pattern=DATE_PATTERN),
    FieldSpec(
        "outcome",
        "string",
        "kept; doubled-down (extended to more places); revised; reversed (to be "
        "superseded or deprecated).",
        True,
        enum=REVIEW_OUTCOMES,
    ),
    FieldSpec("note", "string", "What the review found, and why.", True),
    FieldSpec("by", "string", "Who reviewed (a handle).", pattern=HANDLE_PATTERN),
)
REVIEWS_FIELD = FieldSpec(
    "reviews",
    "entries",
    "What each review found, oldest first: entries of date, outcome (kept, doubled-down, "
    "revised, reversed), note and optionally by. Appended by `hinges review ID --outcome`; "
    "entries already recorded are history and do not change.",
    entry_fields=REVIEW_ENTRY_FIELDS,
    example="[{date: 2027-03-14, outcome: kept, note: Still fits}]",
)


def tenet_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(
            "id",
            "string",
            "The tenet's id, T-NNN, matching the file's number.",
            True,
            pattern=TENET_ID_PATTERN,
            example="T-001",
        ),
        FieldSpec(
            "title",
            "string",
            "The tenet, as a short statement of what wins over what.",
            True,
            single_line=True,
            example="Predictable tail latency over raw throughput",
        ),
        FieldSpec(
            "status",
            "string",
            "active, or retired (kept on record, no longer followed).",
            True,
            enum=TENET_STATUSES,
            example="active",
        ),
        FieldSpec(
            "owner",
            "string",
            "Who keeps the tenet current (a handle).",
            True,
            pattern=HANDLE_PATTERN,
            example="@architecture",
        ),
        FieldSpec(
            "priority",
            "integer",
            "Rank among tenets, 1 first: when two tenets conflict the lower number wins. "
            "Reorder by editing priorities; ids and decisions stay as they are.",
            True,
            example="1",
        ),
        FieldSpec(
            "date",
            "date",
            "ISO date of the last change to the tenet.",
            pattern=DATE_PATTERN,
            example="2026-01-10",
        ),
        FieldSpec("tags", "list", "Free keywords for filtering.", example="[operations]"),
    )


def fields_for(kind: str, config: Config) -> tuple[FieldSpec, ...]:
    # Called per record by the loader and the rules: build the (immutable) specs once.
    return _decision_fields_for(config.id_prefix) if kind == "decision" else _tenet_fields()


@cache
def _decision_fields_for(id_prefix: str) -> tuple[FieldSpec, ...]:
    # decision_fields reads only the id prefix from the configuration.
    return decision_fields(Config(id_prefix=id_prefix))


_tenet_fields = cache(tenet_fields)
