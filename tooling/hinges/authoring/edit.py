"""Edit a record's front matter in place, changing only the lines an edit is about.

We never load the YAML and dump it again: that would lose comments, key order, quoting and
blank lines. The editor works on the file's lines. :mod:`hinges.yamltree` says where each
top-level key and value starts; an entry runs until the next top-level key or the closing
fence (trailing blank and comment lines stay with the file, not the entry). A value on one
line is replaced in place, so a comment after it survives; a value spanning lines is
replaced as a whole. New keys go at the end of the front matter, lists in flow style.

A byte-order mark, CRLF line endings, the body and every other line stay byte for byte.
After every change the text is parsed again and checked to hold the intended value, so an
edit can never leave a record that does not load.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Self

from hinges import atomic, frontmatter, yamltree
from hinges.authoring import _blocks, _readback, _tokens
from hinges.errors import HingesError
from hinges.records import is_null
from hinges.yamlwrite import flow_list, scalar

_BOM = b"\xef\xbb\xbf"
_all_or_nothing = _readback.all_or_nothing


class FrontMatterEditor:
    """The lines of one record, edited in memory; :meth:`save` writes them atomically."""

    def __init__(self, path: Path, data: bytes, *, display: str | None = None):
        self.path = path
        self.display = display or str(path)
        self._bom = data.startswith(_BOM)
        self._tree, self._closing = self._parse(data)  # refuses a file that does not load
        raw = data[len(_BOM) :].decode("utf-8") if self._bom else data.decode("utf-8")
        self._original = data
        self._lines, self._endings = _tokens.split_lines(raw)
        self._newline = self._endings[0] or "\n"

    @classmethod
    def open(cls, path: Path, *, display: str | None = None) -> Self:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise HingesError(f"cannot read: {error.strerror}", path=display or path) from None
        return cls(path, data, display=display)

    # -- reading -------------------------------------------------------------------------

    def render(self) -> bytes:
        text = "".join(
            line + ending for line, ending in zip(self._lines, self._endings, strict=True)
        )
        return (_BOM if self._bom else b"") + text.encode("utf-8")

    @property
    def changed(self) -> bool:
        return self.render() != self._original

    def node(self, key: str) -> yamltree.Node | None:
        entry = self._tree.entries.get(key)
        return None if entry is None else entry[1]

    def list_value(self, key: str) -> list[str]:
        node = self.node(key)
        if isinstance(node, yamltree.Sequence):
            return [item.text for item in node.items if isinstance(item, yamltree.Scalar)]
        return []

    # -- editing -------------------------------------------------------------------------

    @_all_or_nothing
    def set_scalar(self, key: str, value: str) -> None:
        """Set top-level ``key`` to the text ``value`` (added at the end if absent)."""
        self._set_rendered(key, scalar(value))
        node = self.node(key)
        if not (isinstance(node, yamltree.Scalar) and node.text == value):
            self._broken(f"'{key}' did not read back as {value!r}")

    @_all_or_nothing
    def set_date(self, key: str, date: dt.date) -> None:
        """Set top-level ``key`` to an unquoted ISO date (a date, not text, for every reader)."""
        self._set_rendered(key, date.isoformat())
        node = self.node(key)
        if not (isinstance(node, yamltree.Scalar) and node.text == date.isoformat()):
            self._broken(f"'{key}' did not read back as {date.isoformat()}")

    @_all_or_nothing
    def set_list(self, key: str, values: Sequence[str]) -> None:
        """Set top-level list ``key`` to ``values``, keeping block style if it is written so."""
        values = list(values)
        node = self.node(key)
        if isinstance(node, yamltree.Sequence) and node.items and not self._is_flow(node):
            self._set_block_items(key, node, values)
        else:
            self._set_rendered(key, flow_list(values))
        self._expect_list(key, values)

    @_all_or_nothing
    def append_to_list(self, key: str, value: str) -> None:
        """Add ``value`` at the end of top-level list ``key`` (created in flow style if absent)."""
        node = self.node(key)
        if node is None or is_null(node):
            self._set_rendered(key, flow_list([value]))
        elif not isinstance(node, yamltree.Sequence):
            raise HingesError(
                f"'{key}' is not a list; write it as [{scalar_text(node)}] first",
                path=self.display,
                line=node.line,
            )
        else:
            expected = [*self.list_value(key), value]
            if not node.items or self._is_flow(node):
                if not self._append_flow(node, value):
                    self._set_rendered(key, flow_list(expected))
            else:
                self._append_block(key, node, value)
            self._expect_list(key, expected)
            return
        self._expect_list(key, [value])

    @_all_or_nothing
    def replace_list_item(self, key: str, old: str, new: str) -> None:
        """Replace every item ``old`` of top-level list ``key`` by ``new``, in place."""
        node = self.node(key)
        if not isinstance(node, yamltree.Sequence):
            return
        expected = [new if text.strip() == old else text for text in self.list_value(key)]
        flow = self._is_flow(node)
        for item in reversed(node.items):  # right to left keeps earlier columns valid
            if isinstance(item, yamltree.Scalar) and item.text.strip() == old:
                line = self._lines[item.line - 1]
                start = item.column - 1
                end = _tokens.value_end(line, start, in_flow=flow)
                if end is None:
                    self._parse_again()
                    self.set_list(key, expected)
                    return
                self._lines[item.line - 1] = line[:start] + scalar(new) + line[end:]
        self._parse_again()
        self._expect_list(key, expected)

    @_all_or_nothing
    def remove(self, key: str) -> None:
        """Remove top-level ``key`` and its value. Comment lines after it stay; those that
        would then sit indented under a block scalar move to column 0 to stay comments."""
        if key not in self._tree.entries:
            return
        first, last = self._region(key)
        others = _readback.entry_values(self._tree, key)
        del self._lines[first - 1 : last]
        del self._endings[first - 1 : last]
        self._parse_again()
        changed = _readback.entry_values(self._tree, key) != others
        if changed and _readback.dedent_comments(self._lines, first - 1):
            self._parse_again()

    @_all_or_nothing
    def replace_in_body(self, pattern: re.Pattern[str], replacement: str) -> int:
        """Substitute ``pattern`` in the body's lines (never the front matter); the count."""
        count = 0
        for index in range(self._closing, len(self._lines)):
            self._lines[index], found = pattern.subn(replacement, self._lines[index])
            count += found
        if count:
            self._parse_again()
        return count

    def save(self) -> bool:
        """Write the file atomically if anything changed; True when it was written."""
        if not self.changed:
            return False
        atomic.write_bytes(self.path, self.render())
        self._original = self.render()
        return True

    # -- internals -----------------------------------------------------------------------

    def _parse(self, data: bytes) -> tuple[yamltree.Mapping, int]:
        text = frontmatter.decode(data)
        if isinstance(text, frontmatter.FramingProblem):
            raise HingesError(self._refusal(text.message), path=self.display, line=text.line)
        framed = frontmatter.split(text)
        if isinstance(framed, frontmatter.FramingProblem):
            raise HingesError(self._refusal(framed.message), path=self.display, line=framed.line)
        tree = yamltree.parse("\n" + framed.front_matter)
        if isinstance(tree, yamltree.YamlProblem):
            raise HingesError(self._refusal(tree.message), path=self.display, line=tree.line)
        if not isinstance(tree, yamltree.Mapping):
            raise HingesError(
                self._refusal("front matter is not a mapping of keys"),
                path=self.display,
                line=framed.front_matter_line,
            )
        return tree, framed.body_line - 1

    @staticmethod
    def _refusal(problem: str) -> str:
        return f"{problem} (not edited; fix the file first, 'hinges check' shows every problem)"

    def _parse_again(self) -> None:
        try:
            self._tree, self._closing = self._parse(self.render())
        except HingesError as error:  # our own edit broke the file: never write that
            self._broken(error.message)

    def _broken(self, why: str) -> None:
        raise HingesError(
            f"internal error: an edit would damage this file ({why}); nothing written",
            path=self.display,
        )

    def _expect_list(self, key: str, values: list[str]) -> None:
        node = self.node(key)
        actual = self.list_value(key) if isinstance(node, yamltree.Sequence) else None
        if actual != values:
            self._broken(f"'{key}' read back as {actual!r}, not {values!r}")

    def _region(self, key: str) -> tuple[int, int]:
        """First and last file line (1-based, inclusive) of ``key``'s entry."""
        return _blocks.entry_region(self._lines, self._tree, self._closing, key)

    def _is_flow(self, node: yamltree.Sequence) -> bool:
        return self._lines[node.line - 1][node.column - 1 : node.column] == "["

    def _insert(self, before: int, lines: list[str]) -> None:
        """Insert ``lines`` before file line ``before`` (1-based)."""
        self._lines[before - 1 : before - 1] = lines
        self._endings[before - 1 : before - 1] = [self._newline] * len(lines)

    def _set_rendered(self, key: str, rendered: str) -> None:
        entry = self._tree.entries.get(key)
        if entry is None:
            self._insert(self._closing, [f"{key}: {rendered}"])
            self._parse_again()
            return
        key_node = entry[0]
        first, last = self._region(key)
        line = self._lines[first - 1]
        colon = _tokens.key_colon(line, key_node.column - 1)
        if colon is None:
            self._broken(f"no ':' after key '{key}'")
            return
        after = colon + 1
        replaced = _tokens.replace_value(line, after, rendered) if first == last else None
        if replaced is not None:
            self._lines[first - 1] = replaced
        else:
            self._lines[first - 1 : last] = [f"{line[:after]} {rendered}"]
            self._endings[first - 1 : last] = [self._endings[first - 1]]
        self._parse_again()

    def _append_flow(self, node: yamltree.Sequence, value: str) -> bool:
        line = self._lines[node.line - 1]
        appended = _tokens.append_to_flow(line, node.column - 1, scalar(value))
        if appended is None:
            return False
        self._lines[node.line - 1] = appended
        self._parse_again()
        return True

    def _append_block(self, key: str, node: yamltree.Sequence, value: str) -> None:
        _, last = self._region(key)
        self._insert(last + 1, [_blocks.item_line(self._lines, node.items[-1], value)])
        self._parse_again()

    def _set_block_items(self, key: str, node: yamltree.Sequence, values: list[str]) -> None:
        if not values:
            self._set_rendered(key, "[]")
            return
        _, last = self._region(key)
        start = node.items[0].line
        new = _blocks.set_items(self._lines, self._endings, node, last, values, self._newline)
        self._lines[start - 1 : last] = [text for text, _ in new]
        self._endings[start - 1 : last] = [ending for _, ending in new]
        self._parse_again()


def scalar_text(node: yamltree.Node) -> str:
    return node.text if isinstance(node, yamltree.Scalar) else "..."
