"""The values front-matter fields may take: statuses, doors, review outcomes, the patterns
of ids, handles and dates, the keys of a guard, and the limits on record data.

:mod:`hinges.schema` declares the fields with these; the rules, the authoring commands and
the site read them from here, so a status or a pattern is spelled once.
"""

from __future__ import annotations

import datetime as dt
import re

DECISION_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
TENET_STATUSES = ("active", "retired")
DOORS = ("one-way", "two-way")
_HANDLE_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
HANDLE_PATTERN = rf"^@?{_HANDLE_PART}(?:/{_HANDLE_PART})?$"
TENET_ID_PATTERN = r"^T-[0-9]{3,}$"
SOURCE_NAME_PATTERN = r"[a-z][a-z0-9-]{0,39}"
"""A source's name in a qualified id (``org:T-003``); the configuration checks it strictly."""
TENET_REF_PATTERN = rf"^(?:{SOURCE_NAME_PATTERN}:)?T-[0-9]{{3,}}$"
"""A tenet a decision cites: ``T-003`` here, or ``org:T-003`` in a source."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
IMPORT_FORMATS = ("adr-tools", "madr", "log4brains")
IMPORTED_FROM_PATTERN = rf"^(?:{'|'.join(IMPORT_FORMATS)}):[^\n]+$"

REVIEW_OUTCOMES = ("kept", "doubled-down", "revised", "reversed")
"""What a review found, in the order the outcomes page counts them."""
GUARD_KINDS = ("forbid", "require", "forbid_import", "forbid_dependency")
"""The keys that say what a guard checks; a guard has exactly one of them."""
GUARD_KEYS = (*GUARD_KINDS, "in", "message")
"""The keys a guard may have: one of :data:`GUARD_KINDS`, ``in`` and ``message``."""
IMPORT_KEYS = ("from", "to")
"""The keys of a ``forbid_import`` value, both required: lists of module patterns."""
MAX_GUARD_PATTERN = 1000
"""Longest ``forbid`` pattern accepted, in characters (record data is bounded)."""
SUMMARY_MAX = 200
"""Longest ``summary`` accepted, in characters: one line of the digest."""


def decision_id_pattern(prefix: str) -> str:
    return rf"^{re.escape(prefix)}-[0-9]{{4,}}$"


def decision_ref_pattern(prefix: str) -> str:
    """A decision named in supersedes/superseded_by: ``ADR-0003`` here, or a source's
    ``payments:PAY-0007`` (whatever that registry's prefix)."""
    return rf"^(?:{re.escape(prefix)}|{SOURCE_NAME_PATTERN}:[A-Z][A-Z0-9]{{0,9}})-[0-9]{{4,}}$"


def parse_date(text: str) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` date, or None when the text is not one or the date is impossible."""
    if not re.match(DATE_PATTERN, text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
