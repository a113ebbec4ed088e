"""Links between records: finding them, reading relation lines, rewriting their targets.

Only inline links ``[text](target)`` and reference definitions ``[label]: target`` are
looked at, outside fenced code. A target is *relative* when it has no scheme, does not
start with ``/`` or ``#``: those are the links that can point at another record file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from hinges.markdown import parse_outline

_INLINE = re.compile(r"(?P<open>\]\(\s*<?)(?P<target>[^)\s>]+)(?P<close>>?(?:\s+\"[^\"]*\")?\s*\))")
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
SUPERSEDES = "supersedes"
SUPERSEDED_BY = "superseded by"
KNOWN_VERBS = (SUPERSEDES, SUPERSEDED_BY, "amends", "amended by")


@dataclass(frozen=True)
class RelationLine:
    """A line of a record that links it to another with a verb ("Supersedes", "Amends")."""

    verb: str
    """Lower-cased, single-spaced: "supersedes", "superseded by", "amends", "clarifies"."""
    target: str
    line_text: str
    line: int
    """1-based line in the source file's body."""


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
        if number in outline.code_lines:
            continue
        match = _RELATION.match(text)
        if match is None:
            continue
        verb = " ".join(match["verb"].lower().split())
        if verb in KNOWN_VERBS or number in any_verb_lines:
            found.append(RelationLine(verb, match["target"], text.strip(), number))
    return found


def rewrite_targets(body: str, replace: Callable[[str], str | None]) -> str:
    """``body`` with each relative link target replaced by ``replace(target)`` (None: kept)."""
    outline = parse_outline(body)
    lines = body.split("\n")

    def substitute(match: re.Match[str]) -> str:
        target = match["target"]
        new = replace(target) if is_relative(target) else None
        return match.group(0) if new is None else f"{match['open']}{new}{match['close']}"

    for index, text in enumerate(lines):
        if index + 1 in outline.code_lines or ("](" not in text and "]:" not in text):
            continue
        text = _INLINE.sub(substitute, text)
        lines[index] = _DEFINITION.sub(substitute, text)
    return "\n".join(lines)
