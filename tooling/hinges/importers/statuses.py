"""Statuses of other tools mapped to hinges statuses, and what could not be mapped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hinges.field_values import DECISION_STATUSES

# Words other tools use for a hinges status. Everything else is reported, never guessed.
_SYNONYMS = {"draft": "proposed", "approved": "accepted", "declined": "rejected"}
_DECORATION = re.compile(r"<!--.*?-->|[*_`]")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
FALLBACK = "proposed"


@dataclass(frozen=True)
class MappedStatus:
    status: str
    problem: str | None
    """Why the source's status could not be kept (None when it was mapped)."""


def map_status(text: str | None) -> MappedStatus:
    """The hinges status for a source's status text (``Accepted``, ``superseded by [..](..)``)."""
    if text is None or not _DECORATION.sub("", text).strip():
        return MappedStatus(FALLBACK, f"no status; imported as {FALLBACK}")
    cleaned = " ".join(_LINK.sub("", _DECORATION.sub("", text)).split()).strip(" .,;:")
    word = cleaned.split(" ", 1)[0].lower() if cleaned else ""
    if word in DECISION_STATUSES:
        return MappedStatus(word, None)
    if word in _SYNONYMS:
        return MappedStatus(_SYNONYMS[word], None)
    shown = " ".join(text.split())
    return MappedStatus(
        FALLBACK, f"status '{shown}' is not a hinges status; imported as {FALLBACK}"
    )
