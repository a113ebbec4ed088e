"""Tell a record from the other Markdown files of a decision log, by what they contain.

A template is recognised by its well-known file name (:mod:`hinges.importers.names`) or by
its content: a title that is only placeholders (MADR's ``{short title of solved problem
and solution}``, log4brains' ``[short title …]``, adr-tools' ``NUMBER. TITLE``), or a
status that lists the statuses to choose from (``proposed | rejected | accepted | …``).
A word in a file's name never makes it a template.

A file whose name carries a number or a date is a record. Any other name is a record when
its content says so: a status, a date, or a decision section (Context, Decision,
Consequences, Considered Options …); notes and guides in the same folder are not.
"""

from __future__ import annotations

import re
from functools import cache

from hinges.importers.formats import NameParts
from hinges.importers.reading import SourceRecord
from hinges.markdown import parse_outline

_STATUS_WORDS = ("proposed", "accepted", "rejected", "deprecated", "superseded")
_DECISION_SECTIONS = frozenset(
    {
        "status",
        "context",
        "decision",
        "consequences",
        "context and problem statement",
        "problem statement",
        "decision drivers",
        "considered options",
        "decision outcome",
        "options",
        "pros and cons of the options",
    }
)


@cache
def _placeholder_parts() -> re.Pattern[str]:
    # {placeholder}, [placeholder] (not a link), <placeholder>, and the words templates
    # put where the number and the title go.
    return re.compile(
        r"\{[^{}]*\}|\[[^\[\]]*\](?!\()|<[^<>]*>|\b(?:ADR|NNNN|XXXX|NUMBER|TITLE|Title)\b"
    )


@cache
def _short_title() -> re.Pattern[str]:
    return re.compile(r"^\W*short title\b", re.IGNORECASE)


def placeholder_title(title: str) -> bool:
    """Whether ``title`` is only placeholders: ``{short title …}``, ``NUMBER. TITLE``."""
    text = title.strip()
    if not text:
        return False
    if _short_title().match(text):
        return True
    rest = _placeholder_parts().sub("", text)
    return rest != text and not any(char.isalnum() for char in rest)


def _lists_statuses(status_text: str | None) -> bool:
    if not status_text:
        return False
    lowered = status_text.lower()
    return sum(1 for word in _STATUS_WORDS if word in lowered) >= 4


def _has_decision_section(body: str) -> bool:
    outline = parse_outline(body)
    return any(
        heading.text.strip().rstrip(":").strip().lower() in _DECISION_SECTIONS
        for heading in outline.headings
        if heading.level >= 2
    )


def content_reason(parts: NameParts, record: SourceRecord, heading_title: str) -> str | None:
    """Why the file read as ``record`` is not a record, or None when it is one.

    ``heading_title`` is the title as the file wrote it (its H1, else its front-matter
    title), before any fallback from the file name.
    """
    if placeholder_title(heading_title):
        return "a template (its title is a placeholder)"
    if _lists_statuses(record.status_text):
        return "a template (its status lists the statuses to choose from)"
    if parts.number is not None or parts.date_key is not None:
        return None
    if record.status_text or record.date_text or _has_decision_section(record.body):
        return None
    return "no number or date in its name, and no status, date or decision section"
