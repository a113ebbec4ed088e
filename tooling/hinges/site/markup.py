"""Small HTML pieces shared by the pages. Every record value passes through :func:`esc`."""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable

from hinges.field_values import DECISION_STATUSES, DOORS, TENET_STATUSES

# Python-Markdown's backslash escapes, and the HTML escapes, in one pass: escaping one
# after the other would break the other's output (``&#x27;`` holds a ``#``).
_INERT_MARKDOWN = str.maketrans(
    {char: "\\" + char for char in "\\`*_{}[]()#+-.!"}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)
_KNOWN_STATUSES = frozenset(DECISION_STATUSES + TENET_STATUSES)


def esc(value: object) -> str:
    """Text as inert HTML, safe in element content and in quoted attribute values.

    Runs of whitespace become one space: front-matter values are single-line in meaning,
    and a blank line inside a raw HTML block would end the block in Markdown.
    """
    return _escaped(value if type(value) is str else str(value))


# A catalog escapes the same owners, ids, statuses and paths on page after page.
@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def md_inline(text: str) -> str:
    """Text as inert Markdown inline content (a heading, a list item): no markup survives."""
    return " ".join(text.split()).translate(_INERT_MARKDOWN)


# On a register block (the home's table, the matrix, the timeline, the one-way-door register,
# the graph, the lists on tenet and owner pages): both Material for MkDocs' search and
# Zensical's leave the block out of their index, so a search for a decision's title finds
# its own page instead of every register that lists it.
SEARCH_EXCLUDE = " data-search-exclude"


def css_token(value: str | None, known: Iterable[str]) -> str:
    """``value`` when it is one of ``known`` (safe in a class name), else ``other``."""
    return value if value is not None and value in known else "other"


def link(href: str, text: str, css_class: str | None = None) -> str:
    """An ``<a>``: ``href`` comes from :class:`hinges.site.urls.Linker`, ``text`` is escaped."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<a href="{esc(href)}"{attribute}>{esc(text)}</a>'


# A badge has one class, its variant: catalog.css styles every ``hinges-door--*`` and
# ``hinges-status--*`` as a badge, so a second, shared class would only add bytes to every
# row of every table that shows one.
def door_badge(door: str | None) -> str:
    token = css_token(door, DOORS)
    label = f"{door} door" if door in DOORS else (esc(door) if door else "door not set")
    return f'<span class="hinges-door--{token}">{label}</span>'


def status_badge(status: str | None) -> str:
    token = css_token(status, _KNOWN_STATUSES)
    label = esc(status) if status else "status not set"
    return f'<span class="hinges-status--{token}">{label}</span>'


def definition_list(rows: Iterable[tuple[str, str]]) -> str:
    """``<dl>`` of (term, HTML) pairs; the terms are fixed labels, the HTML already escaped."""
    items = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in rows)
    return f"<dl>{items}</dl>"


def table(header: Iterable[str], rows: Iterable[str], attributes: str = "") -> str:
    """An HTML table as one raw block (no blank lines, so Markdown keeps it whole)."""
    head = "".join(f"<th>{name}</th>" for name in header)
    body = "".join(f"{row}\n" for row in rows)
    return f"<table{attributes}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
