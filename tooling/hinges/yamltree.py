"""Safe YAML for front matter: a tree of nodes that keep their text and their position.

PyYAML's constructors convert plain scalars silently (``yes`` becomes ``True``, ``010``
becomes ``8``), keep the last of two duplicate keys, expand aliases without limit and
recurse once per nesting level. We therefore take only the *event stream* from the parser
(libyaml's C parser when it is available) and build the tree ourselves, iteratively:

* every scalar stays text; :attr:`Scalar.plain` says whether it was unquoted, so the
  schema decides what it means and can report what YAML 1.1 tools would have made of it;
* a duplicate key, an anchor, an alias, an explicit tag or a non-scalar key is a
  :class:`YamlProblem` with the line where it stands;
* depth and node count are capped, so no input can exhaust the stack or memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from hinges import yamlerrors
from hinges.visible import quoted, shorten

try:  # libyaml is an optional part of PyYAML; the pure parser produces the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Exact event classes, for the dispatch in _build (the parsers create no subclasses).
_ScalarEvent = yaml.ScalarEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_MappingStartEvent = yaml.MappingStartEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_MappingEndEvent = yaml.MappingEndEvent
_DocumentStartEvent = yaml.DocumentStartEvent
_AliasEvent = yaml.AliasEvent
_StreamEndEvent = yaml.StreamEndEvent

MAX_DEPTH = 16
MAX_NODES = 5_000
_TOO_DEEP = f"front matter nests deeper than {MAX_DEPTH} levels"


@dataclass(slots=True)
class Node:
    """A YAML node and where it starts (1-based line and column in the source text)."""

    line: int
    column: int


@dataclass(slots=True)
class Scalar(Node):
    text: str
    plain: bool
    """True for an unquoted scalar, whose meaning YAML 1.1 tools would guess from its text."""


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Mapping(Node):
    entries: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)
    """Key text -> (key node, value node), in source order."""


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Why a block of YAML was refused, and where (1-based, relative to the parsed text)."""

    kind: str  # "syntax", "duplicate-key", "unsupported", "too-deep", "too-large"
    message: str
    line: int
    column: int


class _Refused(Exception):
    def __init__(self, problem: YamlProblem):
        self.problem = problem


def _where(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refuse(kind: str, message: str, event: yaml.Event) -> _Refused:
    line, column = _where(event)
    return _Refused(YamlProblem(kind, message, line, column))


def _refuse_anchor_or_tag(event: yaml.Event) -> None:
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise _refuse(
            "unsupported",
            f"anchors (&{shorten(anchor)}) are not allowed in front matter; "
            "write the value out in full",
            event,
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!":
        raise _refuse(
            "unsupported",
            f"explicit YAML tags ({shorten(tag)}) are not allowed in front matter",
            event,
        )


def parse(text: str) -> Node | YamlProblem | None:
    """Parse one YAML document into a :class:`Node` tree.

    Returns ``None`` for an empty document and a :class:`YamlProblem` when the text is
    refused. Never raises for any input text.
    """
    loader = None
    try:
        loader = _Loader(text)
        return _build(loader)
    except _Refused as refused:
        return refused.problem
    except yaml.MarkedYAMLError as error:
        if error.problem == "exceeded maximum nesting depth":  # libyaml's own cap (1,000 levels)
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            return YamlProblem("too-deep", _TOO_DEEP, line, column)
        return YamlProblem("syntax", *yamlerrors.explain(text, error, _Loader))
    except yaml.reader.ReaderError as error:
        return _reader_problem(text, error)
    except yaml.YAMLError as error:
        return YamlProblem("syntax", f"YAML error: {error}", 1, 1)
    except UnicodeError:  # lone surrogates: only text built in memory can hold them
        return YamlProblem("syntax", "the text is not valid Unicode", 1, 1)
    finally:
        if loader is not None:
            loader.dispose()


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    # libyaml reports a byte offset and PyYAML a character offset, so locate the character
    # itself: the reader stops at its first occurrence. (Text given as str: it is a code point.)
    code_point = error.character if isinstance(error.character, int) else 0
    offset = max(text.find(chr(code_point)), 0)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return YamlProblem(
        "syntax", f"character U+{code_point:04X} is not allowed in YAML", line, column
    )


def _build(loader: _Loader) -> Node | None:
    # One flat loop over libyaml's events, dispatching on the event's exact class: this is
    # the hot path of every check (tens of events per record), so it avoids helper calls,
    # a generator per document and isinstance chains, and keeps the open container's list
    # or dict, and the key waiting for its value, in local variables.
    get_event = loader.get_event
    # The enclosing containers' states, saved while a nested container is open.
    stack: list[tuple[list[Node] | None, dict[str, tuple[Scalar, Node]] | None]] = []
    items: list[Node] | None = None  # the open sequence's items
    entries: dict[str, tuple[Scalar, Node]] | None = None  # the open mapping's entries
    key: Scalar | None = None  # in an open mapping, the key waiting for its value
    root: Node | None = None
    nodes = 0
    documents = 0
    while True:
        # Any: the stubs type get_event() as Event | None; the class dispatch below narrows it.
        event: Any = get_event()
        kind = type(event)
        if kind is _ScalarEvent:
            nodes += 1
            if nodes > MAX_NODES:
                raise _refuse("too-large", f"front matter has more than {MAX_NODES} values", event)
            if event.anchor is not None or event.tag is not None:
                _refuse_anchor_or_tag(event)
            mark = event.start_mark
            scalar = (
                Scalar(mark.line + 1, mark.column + 1, event.value, event.style in (None, ""))
                if mark is not None
                else Scalar(1, 1, event.value, event.style in (None, ""))
            )
            if items is not None:
                items.append(scalar)
            elif entries is None:
                root = scalar
            elif key is None:
                if scalar.text in entries:
                    raise _duplicate(entries[scalar.text][0], scalar)
                key = scalar
            else:
                entries[key.text] = (key, scalar)
                key = None
        elif kind is _SequenceStartEvent or kind is _MappingStartEvent:
            nodes += 1
            if nodes > MAX_NODES:
                raise _refuse("too-large", f"front matter has more than {MAX_NODES} values", event)
            _refuse_anchor_or_tag(event)
            if len(stack) >= MAX_DEPTH:
                raise _refuse("too-deep", _TOO_DEEP, event)
            line, column = _where(event)
            container = (
                Sequence(line, column) if kind is _SequenceStartEvent else Mapping(line, column)
            )
            if items is not None:
                items.append(container)
            elif entries is None:
                root = container
            elif key is None:
                raise _refuse("unsupported", "mapping keys must be plain text", event)
            else:
                entries[key.text] = (key, container)
                key = None
            stack.append((items, entries))
            if type(container) is Sequence:
                items, entries = container.items, None
            else:
                assert type(container) is Mapping
                items, entries = None, container.entries
        elif kind is _SequenceEndEvent or kind is _MappingEndEvent:
            # A mapping ends only after a value, so no key is pending here.
            items, entries = stack.pop()
        elif kind is _DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _refuse("syntax", "front matter must hold a single YAML document", event)
        elif kind is _AliasEvent:
            raise _refuse(
                "unsupported",
                f"aliases (*{shorten(event.anchor)}) are not allowed in front matter; "
                "write the value out",
                event,
            )
        elif kind is _StreamEndEvent:
            return root


def _duplicate(first: Scalar, again: Scalar) -> _Refused:
    return _Refused(
        YamlProblem(
            "duplicate-key",
            f"duplicate key {quoted(again.text)} (first set on line {first.line}); "
            "YAML tools silently keep only one of them",
            again.line,
            again.column,
        )
    )
