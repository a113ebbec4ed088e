"""Links between records: finding them, reading relation lines, rewriting their targets.

Only inline links ``[text](target)`` and reference definitions ``[label]: target`` are
looked at, outside fenced code. A target is *relative* when it has no scheme, does not
start with ``/`` or ``#``: those are the links that can point at another record file.
A relation may also name its record by id alone (``status: superseded by ADR-0005``):
that id is the other record's number in the source.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote

from hinges.markdown import parse_outline

_INLINE = re.compile(
    r"(?:\[(?P<text>[^\[\]\n]*))?(?P<open>\]\(\s*<?)(?P<target>[^)\s>]+)(?P<close>>?(?:\s+\"[^\"]*\")?\s*\))"
)
_DEFINITION = re.compile(
    r"^(?P<open> {0,3}\[[^\]]+\]:\s*<?)(?P<target>\S+?)(?P<close>>?(?:\s.*)?)$"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# "Superseded by [3. Use X](0003-use-x.md)", "* Status: superseded by [..](..)", "Amends [..](..)"
_RELATION = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\**status\**\s*:\s*\**\s*)?(?:[A-Za-z]+\s*,\s*)?"
    r"(?P<verb>[A-Za-z][A-Za-z -]*?)\s*:?\s*\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)",
    re.IGNORECASE,
)
# "Superseded by ADR-0005", "status: superseded by ADR 5": a supersede relation by id.
_RELATION_ID = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\**status\**\s*:\s*\**\s*)?(?P<verb>supersedes|superseded\s+by)"
    r"\s*:?\s*\**\s*(?P<mention>(?:ADR|DR)[- ]?(?P<number>[0-9]{1,9}))(?![0-9])",
    re.IGNORECASE,
)
SUPERSEDES = "supersedes"
SUPERSEDED_BY = "superseded by"
KNOWN_VERBS = (SUPERSEDES, SUPERSEDED_BY, "amends", "amended by")


@dataclass(frozen=True)
class RelationLine:
    """A line of a record that links it to another with a verb ("Supersedes", "Amends")."""

    verb: str
    """Lower-cased, single-spaced: "supersedes", "superseded by", "amends", "clarifies"."""
    target: str
    """The link's target; empty when the line names the record by id (see ``number``)."""
    line_text: str
    line: int
    """1-based line in the source file's body (0: the front matter's status)."""
    number: int | None = None
    """The source number of the record named by id (``ADR-0005``), when not by link."""


@dataclass(frozen=True)
class Relink:
    """The new target of a link, and the (old, new) number of the record it names."""

    target: str
    numbers: tuple[int, int] | None = None


def is_relative(target: str) -> bool:
    return not (_SCHEME.match(target) or target.startswith(("/", "#")))


def resolve(from_relpath: str, target: str) -> str:
    """The path (relative to the source folder) a relative link in ``from_relpath`` names."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_relpath), path))


def relation_lines(body: str, *, any_verb_lines: frozenset[int]) -> list[RelationLine]:
    """Lines of ``body`` that relate the record to another.

    A known verb (supersedes, superseded by, amends, amended by) counts on any line; any
    other verb only on the lines in ``any_verb_lines`` (the status section, where
    ``adr link`` writes relations of its users' own naming).
    """
    outline = parse_outline(body)
    found = []
    for number, text in enumerate(outline.lines, start=1):
        if number not in outline.code_lines:
            relation = relation_in_line(text, number, any_verb=number in any_verb_lines)
            if relation is not None:
                found.append(relation)
    return found


def relation_in_line(text: str, number: int, *, any_verb: bool) -> RelationLine | None:
    """The relation ``text`` (line ``number``) states, by link or by id, or None."""
    match = _RELATION.match(text)
    if match is not None:
        verb = " ".join(match["verb"].lower().split())
        if verb in KNOWN_VERBS or any_verb:
            return RelationLine(verb, match["target"], text.strip(), number)
        return None
    match = _RELATION_ID.match(text)
    if match is None:
        return None
    verb = " ".join(match["verb"].lower().split())
    return RelationLine(verb, "", text.strip(), number, int(match["number"]))


@cache
def _number_in_text(old: int) -> re.Pattern[str]:
    return re.compile(rf"^(?P<pre>\s*(?:(?:ADR|DR)[- ]?)?#?)(?P<digits>0*{old})(?![0-9])", re.I)


def renumber_text(text: str, old: int, new: int) -> str:
    """``text`` with a leading mention of number ``old`` ("ADR-0002", "2. Use X") made ``new``."""

    def digits(match: re.Match[str]) -> str:
        width = len(match["digits"]) if match["digits"].startswith("0") else 0
        return f"{match['pre']}{new:0{width}d}"

    return _number_in_text(old).sub(digits, text, count=1)


def renumber_mentions(body: str, moved: dict[int, int]) -> str:
    """``body`` with the ids of supersede lines that name a moved record by id made new."""
    if not moved:
        return body
    outline = parse_outline(body)
    lines = body.split("\n")
    for index, text in enumerate(lines):
        match = None if index + 1 in outline.code_lines else _RELATION_ID.match(text)
        if match is not None and int(match["number"]) in moved:
            start, end = match.span("mention")
            mention = renumber_text(
                text[start:end], int(match["number"]), moved[int(match["number"])]
            )
            lines[index] = text[:start] + mention + text[end:]
    return "\n".join(lines)


def rewrite_targets(body: str, replace: Callable[[str], Relink | None]) -> str:
    """``body`` with each relative link target replaced by ``replace(target)`` (None: kept).

    A link's text that starts with the old number of the record it names ("ADR-0002",
    "2. Use X") or is its old file name gets the new number or name too.
    """
    outline = parse_outline(body)
    lines = body.split("\n")

    def substitute(match: re.Match[str]) -> str:
        target = match["target"]
        new = replace(target) if is_relative(target) else None
        if new is None:
            return match.group(0)
        text = match.groupdict().get("text")
        if text is None:
            return f"{match['open']}{new.target}{match['close']}"
        if text.strip() == target:
            text = text.replace(target, new.target)
        elif new.numbers is not None:
            text = renumber_text(text, *new.numbers)
        return f"[{text}{match['open']}{new.target}{match['close']}"

    for index, text in enumerate(lines):
        if index + 1 in outline.code_lines or ("](" not in text and "]:" not in text):
            continue
        text = _INLINE.sub(substitute, text)
        lines[index] = _DEFINITION.sub(substitute, text)
    return "\n".join(lines)
