"""The front matter across lines: which lines an entry spans, and new lines for a block list.

:mod:`hinges.authoring._tokens` works within one line; these helpers look at several, for
the block-style structure :class:`~hinges.authoring.edit.FrontMatterEditor` edits: a
top-level entry (which may hold a block scalar's text) and a list written one ``- item``
per line. They read the file's lines and return what to write; the editor splices the
result in and parses the text again to check it.
"""

from __future__ import annotations

from collections.abc import Sequence

from hinges import yamltree
from hinges.authoring import _tokens
from hinges.yamlwrite import scalar


def entry_region(
    lines: Sequence[str], tree: yamltree.Mapping, closing: int, key: str
) -> tuple[int, int]:
    """First and last file line (1-based, inclusive) of top-level ``key``'s entry, where
    ``closing`` is the line of the closing fence."""
    keys = [entry[0] for entry in tree.entries.values()]
    index = next(i for i, node in enumerate(keys) if node.text == key)
    first = keys[index].line
    stop = keys[index + 1].line if index + 1 < len(keys) else closing
    last = stop - 1
    text_indent = _block_text_indent(lines, tree.entries[key][1], first, last)
    while last > first and _is_blank_or_comment(lines[last - 1]):
        line = lines[last - 1]
        if text_indent is not None and line.strip() and _indent(line) >= text_indent:
            break  # a line of a block scalar's text that starts with '#': not a comment
        last -= 1
    return first, last


def _block_text_indent(
    lines: Sequence[str], value: yamltree.Node, first: int, last: int
) -> int | None:
    """The indentation of a block scalar's text (None: ``value`` is no block scalar)."""
    if not isinstance(value, yamltree.Scalar):
        return None
    if lines[value.line - 1][value.column - 1 : value.column] not in ("|", ">"):
        return None
    # Lines first+1 .. last (1-based) follow the key; the first that is not blank sets it.
    return next((_indent(line) for line in lines[first:last] if line.strip()), None)


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _item_prefix(lines: Sequence[str], item: yamltree.Node) -> str:
    return _tokens.item_prefix(lines[item.line - 1], item.column - 1)


def item_line(lines: Sequence[str], like: yamltree.Node, value: str) -> str:
    """A new item line for ``value``, indented and dashed as the existing item ``like``."""
    return _item_prefix(lines, like) + scalar(value)


def set_items(
    lines: Sequence[str],
    endings: Sequence[str],
    node: yamltree.Sequence,
    last: int,
    values: Sequence[str],
    newline: str,
) -> list[tuple[str, str]]:
    """The lines (text and ending) that replace file lines ``node.items[0].line`` ..
    ``last`` so the block list ``node`` holds ``values`` (at least one)."""
    in_place = _set_in_place(lines, endings, node, last, values, newline)
    if in_place is not None:
        return in_place
    prefix = _item_prefix(lines, node.items[0])
    old_lines: list[str | None] = []
    for item in node.items:
        single = isinstance(item, yamltree.Scalar) and all(
            other.line != item.line for other in node.items if other is not item
        )
        old_lines.append(lines[item.line - 1] if single else None)
    new_lines = []
    for index, value in enumerate(values):
        old = node.items[index] if index < len(node.items) else None
        kept = old_lines[index] if index < len(old_lines) else None
        if isinstance(old, yamltree.Scalar) and old.text == value and kept is not None:
            new_lines.append(kept)
        else:
            new_lines.append(prefix + scalar(value))
    return [(line, newline) for line in new_lines]


def _set_in_place(
    lines: Sequence[str],
    endings: Sequence[str],
    node: yamltree.Sequence,
    last: int,
    values: Sequence[str],
    newline: str,
) -> list[tuple[str, str]] | None:
    """Like :func:`set_items`, but only the items that change are rewritten, so comments
    between items stay; None when the items are not simple enough for that."""
    ends = _single_line_items(lines, node, last)
    if ends is None:
        return None
    start = node.items[0].line
    span = list(zip(lines[start - 1 : last], endings[start - 1 : last], strict=True))
    # Written items take the first item's indentation and dash spacing, as a rewrite does.
    prefix = _item_prefix(lines, node.items[0])
    after_items = node.items[-1].line - start + 1
    span[after_items:after_items] = [(prefix + scalar(v), newline) for v in values[len(ends) :]]
    # Bottom up, so the positions of the items above stay valid.
    for index in reversed(range(len(ends))):
        item = node.items[index]
        assert isinstance(item, yamltree.Scalar)  # checked by _single_line_items
        at = item.line - start
        if index >= len(values):
            del span[at]
        elif item.text != values[index]:
            text, ending = span[at]
            kept_after = text[ends[index] :]  # e.g. a comment
            span[at] = (prefix + scalar(values[index]) + kept_after, ending)
    return span


def _single_line_items(
    lines: Sequence[str], node: yamltree.Sequence, last: int
) -> list[int] | None:
    """Where each item's text ends, when every item is a scalar alone on its line and only
    blank and comment lines lie between them (up to file line ``last``); else None."""
    item_lines = {item.line for item in node.items}
    if len(item_lines) != len(node.items):
        return None
    for number in range(node.items[0].line, last + 1):
        stripped = lines[number - 1].strip()
        if number not in item_lines and stripped and not stripped.startswith("#"):
            return None  # an item goes on over several lines
    ends = []
    for item in node.items:
        end = _tokens.value_end(lines[item.line - 1], item.column - 1)
        if not isinstance(item, yamltree.Scalar) or end is None:
            return None
        ends.append(end)
    return ends


def mapping_item_lines(
    lines: Sequence[str], node: yamltree.Sequence | None, entry: Sequence[tuple[str, str]]
) -> list[str]:
    """The lines of a new block-list item holding the mapping ``entry`` (key, rendered
    value), indented like the last item of ``node`` (two spaces and a dash if it has none)."""
    prefix = "  - "
    if node is not None and node.items:
        last = node.items[-1]
        prefix = _tokens.item_prefix(lines[last.line - 1], last.column - 1)
    indent = " " * len(prefix)
    return [
        f"{prefix if index == 0 else indent}{key}: {value}"
        for index, (key, value) in enumerate(entry)
    ]
