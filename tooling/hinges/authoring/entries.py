"""Append an entry (a mapping) to a block list of the front matter, such as ``reviews``.

An entry goes in as new lines after the list's last item, indented like it, so the diff
of an append is the added lines alone. Like every edit of
:class:`~hinges.authoring.edit.FrontMatterEditor`, the text is parsed again and must read
back as written; a refused append leaves the editor as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hinges import yamltree
from hinges.authoring import _blocks
from hinges.authoring.edit import FrontMatterEditor
from hinges.errors import HingesError
from hinges.records import is_null
from hinges.yamlwrite import scalar

# Dates stay unquoted, so that every YAML tool reads them as dates.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class EntryEditor(FrontMatterEditor):
    """A front-matter editor that can also append mappings to block lists."""

    def append_mapping(self, key: str, entry: Sequence[tuple[str, str]]) -> None:
        """Add a mapping of (key, text) pairs at the end of top-level block list ``key``
        (created if absent or empty); the lines already there stay byte for byte."""
        saved = (list(self._lines), list(self._endings), self._tree, self._closing)
        try:
            self._append(key, entry)
        except BaseException:
            self._lines, self._endings, self._tree, self._closing = saved
            raise

    def _append(self, key: str, entry: Sequence[tuple[str, str]]) -> None:
        node = self.node(key)
        rendered = [(name, text if _DATE.fullmatch(text) else scalar(text)) for name, text in entry]
        empty = node is not None and (
            is_null(node) or (isinstance(node, yamltree.Sequence) and not node.items)
        )
        if node is not None and not empty and not isinstance(node, yamltree.Sequence):
            raise HingesError(
                f"'{key}' is not a list; fix it first", path=self.display, line=node.line
            )
        if isinstance(node, yamltree.Sequence) and node.items and self._is_flow(node):
            raise HingesError(
                f"'{key}' is written in flow style [...]; write it as a block list "
                "(one '- ...' item per entry) and run again",
                path=self.display,
                line=node.line,
            )
        count = len(node.items) if isinstance(node, yamltree.Sequence) else 0
        if node is None or empty:
            if node is not None:
                self.remove(key)
            self._insert(self._closing, [f"{key}:"])
            self._parse_again()
            node = None
        _, last = self._region(key)
        listed = node if isinstance(node, yamltree.Sequence) else None
        self._insert(last + 1, _blocks.mapping_item_lines(self._lines, listed, rendered))
        self._parse_again()
        added = self.node(key)
        items = added.items if isinstance(added, yamltree.Sequence) else []
        got = items[-1] if len(items) == count + 1 else None
        if not isinstance(got, yamltree.Mapping) or {
            name: value.text if isinstance(value, yamltree.Scalar) else None
            for name, (_, value) in got.entries.items()
        } != dict(entry):
            self._broken(f"the new entry of '{key}' did not read back as written")
