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

import yaml

try:  # libyaml is an optional part of PyYAML; the pure parser produces the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 16
MAX_NODES = 5_000


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
            f"anchors (&{anchor}) are not allowed in front matter; write the value out in full",
            event,
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!":
        raise _refuse(
            "unsupported", f"explicit YAML tags ({tag}) are not allowed in front matter", event
        )


def parse(text: str) -> Node | YamlProblem | None:
    """Parse one YAML document into a :class:`Node` tree.

    Returns ``None`` for an empty document and a :class:`YamlProblem` when the text is
    refused. Never raises for any input text.
    """
    try:
        return _build(yaml.parse(text, Loader=_Loader))
    except _Refused as refused:
        return refused.problem
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        return YamlProblem("syntax", f"YAML syntax error: {problem}", line, column)
    except yaml.YAMLError as error:  # reader errors (bad characters) carry no problem_mark
        return YamlProblem("syntax", f"YAML error: {error}", 1, 1)


def _build(events: object) -> Node | None:
    # Containers under construction; the key waiting for its value when the top is a mapping.
    stack: list[Node] = []
    pending_keys: list[Scalar | None] = []
    root: Node | None = None
    nodes = 0
    documents = 0

    def attach(node: Node, event: yaml.Event) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        assert isinstance(parent, Mapping)
        key = pending_keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                raise _refuse("unsupported", "mapping keys must be plain text", event)
            if node.text in parent.entries:
                first = parent.entries[node.text][0]
                raise _Refused(
                    YamlProblem(
                        "duplicate-key",
                        f"duplicate key '{node.text}' (first set on line {first.line}); "
                        "YAML tools silently keep only one of them",
                        node.line,
                        node.column,
                    )
                )
            pending_keys[-1] = node
        else:
            parent.entries[key.text] = (key, node)
            pending_keys[-1] = None

    for event in events:  # type: ignore[attr-defined]
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _refuse("syntax", "front matter must hold a single YAML document", event)
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(
                "unsupported",
                f"aliases (*{event.anchor}) are not allowed in front matter; write the value out",
                event,
            )
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise _refuse("too-large", f"front matter has more than {MAX_NODES} values", event)
            _refuse_anchor_or_tag(event)
        line, column = _where(event)
        if isinstance(event, yaml.ScalarEvent):
            attach(Scalar(line, column, event.value, event.style in (None, "")), event)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _refuse(
                    "too-deep", f"front matter nests deeper than {MAX_DEPTH} levels", event
                )
            container: Node = (
                Sequence(line, column)
                if isinstance(event, yaml.SequenceStartEvent)
                else Mapping(line, column)
            )
            attach(container, event)
            stack.append(container)
            pending_keys.append(None)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            stack.pop()
            pending_keys.pop()
    return root
