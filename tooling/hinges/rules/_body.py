"""Body helpers shared by the body and door rules (not a rule itself)."""

from __future__ import annotations

from hinges.markdown import Heading, Outline, collapse, parse_outline
from hinges.records import Record

__all__ = ["anchor_line", "collapse", "file_line", "outline_of", "title_heading"]

_OUTLINE_KEY = "markdown_outline"


def outline_of(record: Record) -> Outline:
    """The outline of the record's body, parsed once per record and kept on it."""
    outline = record.extra.get(_OUTLINE_KEY)
    if not isinstance(outline, Outline):
        outline = parse_outline(record.body)
        record.extra[_OUTLINE_KEY] = outline
    return outline


def file_line(record: Record, body_line: int) -> int:
    """The file line of a 1-based line of the record's body."""
    return record.body_line + body_line - 1


def title_heading(record: Record) -> Heading | None:
    return outline_of(record).first(1)


def anchor_line(record: Record) -> int:
    """Where a finding about the body as a whole points: its H1, else its first text line.

    A blank body points at the closing front-matter fence, the last line that exists.
    """
    outline = outline_of(record)
    heading = outline.first(1)
    if heading is not None:
        return file_line(record, heading.line)
    for number, line in enumerate(outline.lines, start=1):
        if line.strip():
            return file_line(record, number)
    return record.body_line - 1
