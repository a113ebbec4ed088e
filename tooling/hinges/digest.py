"""The digest: what is in force, compact enough for a coding agent's context.

Built on :mod:`hinges.inforce` (the one answer to "what is in force?"), as Markdown:

* the active tenets in priority order, one line each;
* the decisions in force (accepted, not superseded) grouped by door, one-way first, each
  with id, title, a one-line summary, owner and scope (``applies_to``).

Nothing proposed, rejected, deprecated or superseded appears. The summary is the
decision's ``summary`` key, else the first sentence of its ``## Decision`` section.

The size budget is counted in tokens as characters / 4. Over it, detail goes in this
order, and the digest says what it left out: two-way doors shrink to id and title; then
two-way doors are only counted; then one-way doors shrink to id, title and owner; then
the one-way doors that still do not fit are counted. One-way doors keep their detail the
longest: they are the ones an agent must escalate.

The same registry gives the same bytes: no dates, no times, a fixed order. Record values
are untrusted: control characters are made visible and Markdown punctuation is escaped,
so no value can open a link, a heading, an HTML comment or a code block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hinges.field_values import SUMMARY_MAX
from hinges.inforce import active_tenets, in_force, scope
from hinges.loader import Registry
from hinges.markdown import parse_outline
from hinges.records import Record
from hinges.visible import shorten, visible

DEFAULT_BUDGET_TOKENS = 8000
SUMMARY_LIMIT = SUMMARY_MAX
"""Longest summary shown, in characters (the ``summary`` key allows no more)."""
HEADING = "# Decisions in force"

# Inline Markdown punctuation: a backslash before each makes it plain text (CommonMark
# allows a backslash escape before any ASCII punctuation). The backslash itself is
# already doubled by visible().
# Only what can open inline markup is escaped: a value never starts a line, and without a
# "[" no "(" or "!" can form a link or an image.
_MARKDOWN_PUNCTUATION = re.compile(r"([`*_\[\]<&~|])")
_LIST_MARKER = re.compile(r"^(?:[-*+]|[0-9]{1,9}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def tokens(text: str) -> int:
    """The size of ``text`` in tokens, counted as characters / 4 (rounded up)."""
    return (len(text) + 3) // 4


def plain(value: str) -> str:
    """``value`` as one line of Markdown text that shows exactly what it holds."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", visible(value))


def code(value: str) -> str:
    """``value`` as a Markdown code span, fenced by more backticks than it holds."""
    shown = visible(value)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def first_sentence(record: Record) -> str | None:
    """The first sentence of the record's ``## Decision`` section, on one line."""
    outline = parse_outline(record.body)
    for section in outline.sections(level=2):
        if section.heading.text.strip().lower() != "decision":
            continue
        words: list[str] = []
        for number, line in enumerate(outline.section_lines(section), section.heading.line + 1):
            if number in outline.code_lines or line.lstrip().startswith("#"):
                if words:
                    break
                continue
            if not line.strip():
                if words:
                    break  # the first paragraph ends here
                continue
            words.extend(line.split())
        if not words:
            return None
        text = _LIST_MARKER.sub("", " ".join(words))
        return _SENTENCE_END.split(text, maxsplit=1)[0]
    return None


def summary(record: Record) -> str | None:
    """The decision's one-line summary: ``summary``, else its Decision's first sentence."""
    text = record.str_value("summary") or first_sentence(record)
    if not text:
        return None
    return shorten(" ".join(text.split()), SUMMARY_LIMIT)


@dataclass(frozen=True)
class _Entry:
    """A decision in force, rendered at each level of detail."""

    full: str
    brief: str
    owned: str


def _entry(record: Record) -> _Entry:
    head = f"- **{plain(record.id or record.path)}** {plain(record.title or '(untitled)')}"
    owner = record.str_value("owner")
    owner_text = f" Owner: {plain(owner)}." if owner else ""
    about = summary(record)
    patterns = scope(record)
    where = f" Scope: {', '.join(code(p) for p in patterns)}." if patterns else ""
    if about and about[-1] not in ".!?…":
        about += "."
    full = f"{head}: {plain(about)}{owner_text}{where}" if about else f"{head}.{owner_text}{where}"
    return _Entry(full=full, brief=head, owned=f"{head}.{owner_text}")


def _tenet_line(tenet: Record) -> str:
    priority = tenet.values.get("priority")
    rank = f"{priority}. " if isinstance(priority, int) else "- "
    owner = tenet.str_value("owner")
    tail = f" (owner {plain(owner)})" if owner else ""
    return f"{rank}**{plain(tenet.id or tenet.path)}** {plain(tenet.title or '')}{tail}".rstrip()


# (one-way detail, two-way detail): "full", "brief" (id and title), "owned" (id, title,
# owner), "counted" (left out, counted), "fitted" (as many as fit, the rest counted).
_LEVELS: tuple[tuple[str, str], ...] = (
    ("full", "full"),
    ("full", "brief"),
    ("full", "counted"),
    ("owned", "counted"),
    ("fitted", "counted"),
)

_ONE_WAY_INTRO = (
    "Costly to reverse. Do not change what these govern on your own: "
    "escalate to the owner, who decides with the people it affects."
)
_TWO_WAY_INTRO = "Cheap to reverse. Work within them freely; propose a new decision to change one."


def render_digest(registry: Registry, budget_tokens: int = DEFAULT_BUDGET_TOKENS) -> str:
    """The digest of what is in force in ``registry``, within ``budget_tokens`` if it can."""
    tenets = [_tenet_line(t) for t in active_tenets(registry)]
    decisions = in_force(registry)
    one_way = [_entry(r) for r in decisions if r.str_value("door") == "one-way"]
    other = [_entry(r) for r in decisions if r.str_value("door") != "one-way"]
    text = ""
    for level in _LEVELS:
        text = _compose(tenets, one_way, other, level, budget_tokens)
        if tokens(text) <= budget_tokens:
            break
    return text


def _compose(
    tenets: list[str],
    one_way: list[_Entry],
    other: list[_Entry],
    level: tuple[str, str],
    budget: int,
) -> str:
    lines = [
        HEADING,
        "",
        "Generated by `hinges digest` from the registry; do not edit by hand. Tenets and "
        "decisions that are proposed, rejected, deprecated or superseded are left out.",
        "",
        "## Tenets",
        "",
        "When two tenets conflict, the higher one wins.",
        "",
    ]
    lines.extend(tenets or ["No tenet is active."])
    left_out: list[str] = []
    one_level, two_level = level
    for title, intro, entries, detail, door in (
        ("One-way doors", _ONE_WAY_INTRO, one_way, one_level, "one-way"),
        ("Two-way doors", _TWO_WAY_INTRO, other, two_level, "two-way"),
    ):
        lines += ["", f"## {title}", "", intro, ""]
        if not entries:
            lines.append("None in force.")
            continue
        if detail == "counted":
            lines.append(f"{len(entries)} in force, left out to stay within the budget.")
            left_out.append(f"all {len(entries)} {door} doors")
            continue
        if detail == "fitted":
            kept = _fitting(lines, entries, budget)
            lines.extend(entry.owned for entry in entries[:kept])
            if kept < len(entries):
                lines.append(f"{len(entries) - kept} more in force, left out.")
                left_out.append(f"{len(entries) - kept} of the {len(entries)} one-way doors")
            left_out.append(f"the summaries and scope of the {door} doors shown")
            continue
        pick: Callable[[_Entry], str] = {
            "full": lambda e: e.full,
            "brief": lambda e: e.brief,
            "owned": lambda e: e.owned,
        }[detail]
        lines.extend(pick(entry) for entry in entries)
        if detail == "brief":
            left_out.append(f"the summaries, owners and scope of the {len(entries)} {door} doors")
        elif detail == "owned":
            left_out.append(f"the summaries and scope of the {len(entries)} {door} doors")
    if left_out:
        lines += [
            "",
            "## Left out",
            "",
            f"To stay within {budget:,} tokens this digest leaves out {'; '.join(left_out)}. "
            "`hinges why PATH` shows the decisions that govern a path, `hinges show ID` one "
            "record, `hinges list --status accepted` them all.",
        ]
    return "\n".join(lines) + "\n"


_LEFT_OUT_ALLOWANCE = 600
"""Characters kept free for the closing lines when one-way doors are fitted."""


def _fitting(lines: list[str], entries: list[_Entry], budget: int) -> int:
    """How many entries' ``owned`` lines fit after ``lines`` within the budget."""
    used = sum(len(line) + 1 for line in lines) + _LEFT_OUT_ALLOWANCE
    room = budget * 4
    kept = 0
    for entry in entries:
        used += len(entry.owned) + 1
        if used > room:
            break
        kept += 1
    return kept
