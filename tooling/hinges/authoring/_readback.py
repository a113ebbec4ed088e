"""What the other entries of a front matter read as, so an edit can prove it left them be.

Lines are edited, not values, and a line's meaning depends on its neighbours: remove the
entry between a block scalar (``note: |``) and an indented comment, and the comment becomes
part of the block's text. The editor compares every other entry before and after an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from hinges import yamltree
from hinges.errors import HingesError

if TYPE_CHECKING:
    from hinges.authoring.edit import FrontMatterEditor

_P = ParamSpec("_P")
_R = TypeVar("_R")


def value(node: yamltree.Node) -> object:
    """``node`` as a comparable value: text and style of scalars, items, entries."""
    if isinstance(node, yamltree.Scalar):
        return (node.text, node.plain)
    if isinstance(node, yamltree.Sequence):
        return tuple(value(item) for item in node.items)
    if isinstance(node, yamltree.Mapping):
        return tuple((key, value(entry)) for key, (_, entry) in node.entries.items())
    return None


def entry_values(tree: yamltree.Mapping, skip: str | None) -> dict[str, object]:
    """Every top-level entry's value but ``skip``'s, in file order."""
    return {key: value(node) for key, (_, node) in tree.entries.items() if key != skip}


def first_changed(before: dict[str, object], after: dict[str, object]) -> str | None:
    """The first key whose value (or place in the order) differs, or None."""
    for (key, old), (new_key, new) in zip(before.items(), after.items(), strict=False):
        if key != new_key or old != new:
            return key
    if len(before) != len(after):
        longer = before if len(before) > len(after) else after
        return list(longer)[min(len(before), len(after))]
    return None


def dedent_comments(lines: list[str], start: int) -> bool:
    """Move the comment lines from 0-based ``start`` on (up to the first line that is
    neither blank nor a comment) to column 0; True if any moved. A comment indented under
    a block scalar would otherwise be read as the block's text."""
    moved = False
    for index in range(start, len(lines)):
        stripped = lines[index].lstrip(" \t")
        if stripped and not stripped.startswith("#"):
            break
        if stripped and stripped != lines[index]:
            lines[index] = stripped
            moved = True
    return moved


def all_or_nothing(
    edit: Callable[Concatenate[FrontMatterEditor, _P], _R],
) -> Callable[Concatenate[FrontMatterEditor, _P], _R]:
    """A refused edit leaves the editor exactly as it was, so a later save is still safe;
    an edit that changes what another entry reads as is refused."""

    def guarded(self: FrontMatterEditor, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        saved = (list(self._lines), list(self._endings), self._tree, self._closing)
        key = args[0] if args and isinstance(args[0], str) else None
        others = entry_values(self._tree, key)
        try:
            result = edit(self, *args, **kwargs)
            changed = first_changed(others, entry_values(self._tree, key))
            if changed is not None:
                what = f"editing '{key}'" if key is not None else "this edit"
                raise HingesError(
                    f"{what} would change what '{changed}' reads as (the lines around it would "
                    "join its value); nothing written: edit this file by hand",
                    path=self.display,
                )
            return result
        except BaseException:
            self._lines, self._endings, self._tree, self._closing = saved
            raise

    guarded.__name__, guarded.__doc__ = edit.__name__, edit.__doc__
    return guarded
