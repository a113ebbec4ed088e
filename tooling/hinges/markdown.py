"""Read the outline of a Markdown text: its headings, sections and list items.

A small, pure, iterative reader of the parts of CommonMark that records are judged by, so
the body rules and the catalog agree on what a heading is:

- ATX headings, ``#`` to ``######`` after at most three spaces, followed by a space, a tab
  or the end of the line; an optional closing run of ``#`` (preceded by a space) is dropped.
- Fenced code blocks opened by three or more backticks or tildes (after at most three
  spaces, with an optional info string; a backtick fence's info string holds no backtick)
  and closed by a run of the same character at least as long, with nothing but spaces after
  it. An unclosed fence runs to the end of the text. Nothing inside a fence is a heading or
  a list item.

Setext headings (a line underlined with ``===`` or ``---``) are not recognised: records use
ATX headings, and telling a setext underline from a thematic break or front-matter fence
needs paragraph tracking this reader deliberately does without. Indented code blocks and
HTML blocks are not tracked either; a heading cannot be indented four spaces anyway.

Line numbers are 1-based and relative to the text given; add the text's first line minus
one to get file lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+(.*))?$")
# Searched in the text with a newline put in front: a literal first character lets the
# regular expression engine skip ahead quickly, where a multi-line '^' tries every position.
_CANDIDATE = re.compile(r"\n( {0,3}[#`~][^\n]*)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Heading:
    """An ATX heading: its level (1-6), its text, and its 1-based line."""

    level: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    """The first line of a list item: its line, indentation, and text after the marker."""

    line: int
    indent: int
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level.

    ``end_line`` is the section's last line (inclusive). ``subheadings`` are all headings
    inside it, at any depth; ``children`` only those one step down (the shallowest level
    present), which is what a reader sees as the section's parts.
    """

    heading: Heading
    end_line: int
    subheadings: tuple[Heading, ...]

    @property
    def children(self) -> tuple[Heading, ...]:
        if not self.subheadings:
            return ()
        top = min(heading.level for heading in self.subheadings)
        return tuple(heading for heading in self.subheadings if heading.level == top)

    @property
    def intro_end_line(self) -> int:
        """Last line of the section's own text, before its first subheading."""
        return self.subheadings[0].line - 1 if self.subheadings else self.end_line


def _heading_text(raw: str | None) -> str:
    if not raw:
        return ""
    if not raw.endswith("#"):
        return raw.strip()
    # "# Title #" drops the closing run; "# C#" keeps it (no space before the hashes).
    return _CLOSING_HASHES.sub("", raw).strip()


def _fence_closes(line: str, opener: str) -> bool:
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3:
        return False
    run = len(stripped) - len(stripped.lstrip(opener[0]))
    return run >= len(opener) and not stripped[run:].strip(" \t")


class Outline:
    """The headings of a Markdown text, and which of its lines are fenced code."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        self.text = text
        # The final newline ends the last line; it does not start another.
        self.line_count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        headings: list[Heading] = []
        fenced: list[tuple[int, int]] = []
        opener: str | None = None
        opened_at = 0
        number, scanned = 1, 0
        # Only lines starting (after up to three spaces) with '#', '`' or '~' can open or
        # close a fence or be a heading; finding them with one search skips all the prose.
        text = "\n" + text
        for candidate in _CANDIDATE.finditer(text):
            number += text.count("\n", scanned, candidate.start())
            scanned = candidate.start()
            line = candidate[1]
            if opener is not None:
                if _fence_closes(line, opener):
                    fenced.append((opened_at, number))
                    opener = None
                continue
            fence = _FENCE_OPEN.match(line)
            if fence and not (fence[1][0] == "`" and "`" in fence[2]):
                opener, opened_at = fence[1], number
                continue
            atx = _ATX.match(line)
            if atx:
                headings.append(Heading(len(atx[1]), _heading_text(atx[2]), number))
        if opener is not None:
            fenced.append((opened_at, self.line_count))
        self.headings: tuple[Heading, ...] = tuple(headings)
        self.code_lines: frozenset[int] = frozenset(
            line for first, last in fenced for line in range(first, last + 1)
        )

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text's lines (split when first asked for: most callers need headings only)."""
        lines = self.text.split("\n")
        return tuple(lines[:-1] if lines[-1] == "" else lines)

    def first(self, level: int) -> Heading | None:
        """The first heading of ``level``, if any."""
        return next((heading for heading in self.headings if heading.level == level), None)

    def section(self, heading: Heading) -> Section:
        """The section that ``heading`` (one of :attr:`headings`) opens."""
        index = bisect.bisect_left(self._heading_lines, heading.line)
        if index == len(self.headings) or self.headings[index] != heading:
            raise ValueError(f"{heading!r} is not a heading of this outline")
        return self._section_at(index)

    def sections(self, level: int | None = None) -> Iterator[Section]:
        """Every section, or only those whose heading has ``level``."""
        for index, heading in enumerate(self.headings):
            if level is None or heading.level == level:
                yield self._section_at(index)

    @cached_property
    def _heading_lines(self) -> tuple[int, ...]:
        return tuple(heading.line for heading in self.headings)

    def _section_at(self, index: int) -> Section:
        # Each heading is visited once per enclosing heading (at most six), so reading
        # every section of a text stays linear however many headings it has.
        heading = self.headings[index]
        end_line = self.line_count
        stop = len(self.headings)
        for later_index in range(index + 1, len(self.headings)):
            later = self.headings[later_index]
            if later.level <= heading.level:
                end_line, stop = later.line - 1, later_index
                break
        return Section(heading, end_line, self.headings[index + 1 : stop])

    def section_lines(self, section: Section) -> tuple[str, ...]:
        """The lines of ``section`` after its heading line."""
        return self.lines[section.heading.line : section.end_line]

    def list_items(self, first_line: int, last_line: int) -> list[ListItem]:
        """List items starting between two lines (inclusive), outside fenced code."""
        items: list[ListItem] = []
        for number in range(max(first_line, 1), min(last_line, self.line_count) + 1):
            line = self.lines[number - 1]
            if number in self.code_lines or _THEMATIC_BREAK.match(line):
                continue
            match = _LIST_ITEM.match(line)
            # Four spaces start indented code, unless a list is already open (nesting).
            if match and (len(match[1]) <= 3 or items):
                items.append(ListItem(number, len(match[1]), (match[2] or "").strip()))
        return items

    def top_level_items(self, first_line: int, last_line: int) -> list[ListItem]:
        """The least indented list items between two lines: the items of the outer list."""
        items = self.list_items(first_line, last_line)
        if not items:
            return []
        outer = min(item.indent for item in items)
        return [item for item in items if item.indent == outer]


def collapse(text: str) -> str:
    """``text`` with runs of whitespace made one space, for comparing headings."""
    return _WHITESPACE.sub(" ", text).strip()


def parse_outline(text: str) -> Outline:
    """The outline of ``text``."""
    return Outline(text)
