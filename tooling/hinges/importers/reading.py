"""Read one source record, in any of the formats, into what it says.

The formats differ less than their names suggest: a title in the H1, metadata either in
YAML front matter (MADR 3/4), in ``Key: value`` lines before the first section (MADR 2,
log4brains bullets, adr-tools' ``Date:`` line), or in a ``## Status`` section (adr-tools).
So one reader looks in all those places; the format modules decide file names and order.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from hinges import yamltree
from hinges.importers.links import RelationLine, relation_in_line, relation_lines
from hinges.markdown import parse_outline

_META = re.compile(
    r"^\s*(?:[-*+]\s+)?\**(?P<key>status|date|deciders|decision-makers|tags)\**\s*:\**\s*"
    r"(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
# The record's number in its title: "3. Use X" (adr-tools), "ADR-0003: Use X", "0003 - Use X".
_NUMBERED_TITLE = re.compile(
    r"^(?:(?:ADR|DR|Decision)[- ]?)?[0-9]+\s*[.:\u2013\u2014-]\s+", re.IGNORECASE
)
_COMMENT = re.compile(r"<!--.*?-->")
_FRONT_KEYS = {"status", "date", "deciders", "decision-makers", "tags"}


class ReadProblem(Exception):
    """A source file that cannot be imported, and why (with its line where there is one)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class SourceRecord:
    """What one source file says, before it is mapped to hinges fields."""

    relpath: str
    title: str
    body: str
    """The text after any front matter, with the H1 made equal to the title."""
    status_text: str | None = None
    date_text: str | None = None
    deciders: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    heading_text: str | None = None
    """The H1 as written (number and all), None when there is none."""
    front_title: str | None = None
    front_id: str | None = None
    """The ``id`` of the front matter, as written (``002`` stays text)."""
    front_lines: dict[str, list[str]] = field(default_factory=dict)
    """The raw front-matter lines of each key, to keep what is not mapped as comments."""
    unmapped_keys: list[str] = field(default_factory=list)
    """Front-matter keys hinges has no place for."""
    relations: list[RelationLine] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """(front matter or None, the file line where it starts, body) of a source file.

    Front matter may be indented as a whole (fences included), as in records pasted from
    an indented example; it is dedented before it is parsed.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return None, 1, text
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    for end in range(first + 1, len(lines)):
        if lines[end].strip() == "---" and lines[end].startswith(indent):
            front = textwrap.dedent("\n".join(lines[first + 1 : end]))
            return front, first + 2, "\n".join(lines[end + 1 :])
    return None, 1, text


def _texts(node: yamltree.Node) -> list[str]:
    if isinstance(node, yamltree.Sequence):
        return [item.text.strip() for item in node.items if isinstance(item, yamltree.Scalar)]
    if isinstance(node, yamltree.Scalar):
        return [part.strip() for part in node.text.split(",") if part.strip()]
    return []


def _read_front(front: str, front_line: int, record: SourceRecord) -> None:
    # Leading newlines make the parser's line numbers the file's line numbers.
    tree = yamltree.parse("\n" * (front_line - 1) + front)
    if isinstance(tree, yamltree.YamlProblem):
        raise ReadProblem(f"front matter is not valid YAML: {tree.message}", tree.line)
    if tree is None:
        return
    if not isinstance(tree, yamltree.Mapping):
        raise ReadProblem("front matter is not a mapping of keys", front_line)
    raw = front.split("\n")
    key_lines = [*sorted(key.line for key, _ in tree.entries.values()), front_line + len(raw)]
    for name, (key, value) in tree.entries.items():
        lowered = name.lower()
        text = value.text.strip() if isinstance(value, yamltree.Scalar) else None
        if lowered == "status" and text:
            record.status_text = text
        elif lowered == "date" and text:
            record.date_text = text
        elif lowered in ("deciders", "decision-makers"):
            record.deciders = _texts(value)
        elif lowered == "tags":
            record.tags = _texts(value)
        elif lowered == "id" and text:
            record.front_id = text
        elif lowered == "title" and text:
            record.front_title = text  # used when the body has no H1 (the H1 wins)
        start = key.line - front_line
        end = key_lines[key_lines.index(key.line) + 1] - front_line
        record.front_lines[lowered] = [line.rstrip() for line in raw[start:end] if line.strip()]
        if lowered not in _FRONT_KEYS and lowered not in ("id", "title"):
            record.unmapped_keys.append(name)


def _read_meta_lines(lines: tuple[str, ...], last: int, record: SourceRecord) -> None:
    """``Key: value`` lines before the first section (bullets or plain, bold or not)."""
    for text in lines[:last]:
        match = _META.match(_COMMENT.sub("", text))
        if match is None:
            continue
        key, value = match["key"].lower(), match["value"]
        if key == "status" and record.status_text is None and value:
            record.status_text = value
        elif key == "date" and record.date_text is None and value:
            record.date_text = value
        elif key in ("deciders", "decision-makers") and not record.deciders:
            record.deciders = [part.strip() for part in value.split(",") if part.strip()]
        elif key == "tags" and not record.tags:
            record.tags = [part for part in re.split(r"[,\s]+", value) if part]


def read_source(relpath: str, text: str, fallback_title: str) -> SourceRecord:
    """Read ``text`` (the file ``relpath`` of the source folder). Raises ReadProblem."""
    text = text.replace("\r\n", "\n").removeprefix("\ufeff")
    front, front_line, body = split_front_matter(text)
    outline = parse_outline(body)
    heading = outline.first(1)
    title = _NUMBERED_TITLE.sub("", heading.text).strip() if heading else ""
    record = SourceRecord(relpath, title, body, heading_text=heading.text if heading else None)
    if front is not None:
        _read_front(front, front_line, record)
    front_status = record.status_text
    record.title = " ".join((title or record.front_title or fallback_title).split())
    first_section = next((h.line for h in outline.headings if h.level >= 2), outline.line_count + 1)
    _read_meta_lines(outline.lines, first_section - 1, record)
    status_lines: frozenset[int] = frozenset()
    status = next(
        (h for h in outline.headings if h.level == 2 and h.text.strip().lower() == "status"),
        None,
    )
    if status is not None:
        section = outline.section(status)
        status_lines = frozenset(range(section.heading.line + 1, section.end_line + 1))
        if record.status_text is None:
            record.status_text = next(
                (line.strip(" \t-*") for line in outline.section_lines(section) if line.strip()),
                None,
            )
    record.relations = relation_lines(body, any_verb_lines=status_lines)
    if front_status is not None:  # MADR 3/4: "status: superseded by ADR-0005"
        in_front = relation_in_line(f"status: {front_status}", 0, any_verb=False)
        record.relations[:0] = [in_front] if in_front is not None else []
    if heading is None:
        record.body = f"# {record.title}\n\n{body.lstrip(chr(10))}"
    elif heading.text != record.title:
        lines = body.split("\n")
        lines[heading.line - 1] = f"# {record.title}"
        record.body = "\n".join(lines)
    return record
