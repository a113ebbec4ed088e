"""Record values as inert Markdown, for the pull-request summary and issue bodies.

Every value taken from a record is escaped: a title may hold ``|``, ``<``, ``]`` or
backticks, and owners are shown as code so that ``@team`` does not notify anyone. Control
and bidi characters are first made visible (:func:`hinges.visible.visible`): the text is
also printed to CI logs, and a bidi override would reorder the rendered comment.
"""

from __future__ import annotations

import re

from hinges.visible import visible

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")


def escape(text: str | None) -> str:
    """``text`` as literal Markdown inline text (safe inside a table cell)."""
    if not text:
        return ""
    text = visible(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def code(text: str | None) -> str:
    """``text`` as a code span (no mention, no link), safe inside a table cell."""
    if not text:
        return ""
    text = visible(" ".join(text.split()))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    cell_safe = text.replace("|", "\\|")
    return f"{fence} {cell_safe} {fence}"
