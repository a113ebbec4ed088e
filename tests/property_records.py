"""Hypothesis strategies for the property tests: hostile text and hand-written records.

A generated record knows the line range of every front-matter entry, so a test can say
exactly which lines an edit may touch. Records vary the way people write them: comments
before, between and after entries, blank lines, plain, single- and double-quoted values,
flow and block lists, block scalars (whose content may look like a comment or a fence),
nested mappings, empty values, LF or CRLF, an optional byte-order mark, unicode, and
bodies holding '---' lines and code fences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from hinges.yamlwrite import flow_list, quote, scalar

# Characters that mean something to YAML, Markdown or a line reader.
HOSTILE = (
    ":#'\"-&*!%@`|>{}[],?~\\\t\n\r\x00\x07\x1b\x7f\x85\x9f"
    "\u2028\u2029\ufeff\ufffe\uffff\u00a0\u200b é✓中🚀"
)
# Whole values that YAML tools read as something other than text.
YAML_WORDS = (
    "null", "Null", "NULL", "~", "yes", "No", "on", "OFF", "true", "y", "n",
    "0", "010", "0o17", "0x1F", "1e3", "1_000", "12:30", ".inf", "-.5", ".nan",
    "2026-01-01", "---", "...", "- item", "? key", "key: value", "a #b", "&anchor",
    "*alias", "!tag", "%YAML 1.2", "@owner", "`code`", "<<", "=", "",
)  # fmt: skip

# Any text, with hostile characters and YAML words mixed in more often than chance would.
# Lone surrogates (category Cs) are left out: no UTF-8 file can hold one, and the CLI
# refuses them in titles (tests/test_cli_new.py).
_any_character = st.characters(exclude_categories=("Cs",))
hostile_text = st.one_of(
    st.text(alphabet=_any_character),
    st.text(alphabet=st.one_of(st.sampled_from(HOSTILE), _any_character)),
    st.sampled_from(YAML_WORDS),
    st.tuples(st.sampled_from(YAML_WORDS), st.text(alphabet=HOSTILE, max_size=4)).map("".join),
)

_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éüß中✓🚀"
_word = st.text(alphabet=_WORD_CHARS, min_size=1, max_size=8)
# Plain (unquoted) text a person would write: words, spaces, harmless punctuation.
plain_text = st.lists(_word, min_size=1, max_size=4).flatmap(
    lambda words: st.sampled_from([" ", " ", "-", "/", ", ", "."]).map(lambda sep: sep.join(words))
)
# Text that fits inside single quotes on one line.
_line_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff"
    ),
    max_size=20,
)
_comment = _line_text.map(lambda text: "# " + text.replace("\n", " "))


@dataclass(frozen=True)
class Entry:
    key: str
    lines: tuple[str, ...]
    kind: str  # "scalar", "empty", "flow", "block-list", "block-scalar", "mapping"
    value: str | tuple[str, ...] | None
    """The text or the list of texts, where the kind has one."""
    canonical: bool
    """Written exactly as the editor would write this value (so an edit can be undone)."""
    comment: str | None = None
    """The comment after the value on the key's line, if any."""


@dataclass(frozen=True)
class GeneratedRecord:
    head: tuple[str, ...]  # comment and blank lines right after the opening fence
    entries: tuple[Entry, ...]
    gaps: tuple[tuple[str, ...], ...]  # blank and comment lines after each entry
    body: str
    crlf: bool
    bom: bool

    @property
    def newline(self) -> str:
        return "\r\n" if self.crlf else "\n"

    def front_lines(self) -> list[str]:
        lines = ["---", *self.head]
        for entry, gap in zip(self.entries, self.gaps, strict=True):
            lines += [*entry.lines, *gap]
        return [*lines, "---"]

    def entry_range(self, key: str) -> tuple[int, int]:
        """0-based first and last line of ``key``'s entry in the file."""
        line = 1 + len(self.head)
        for entry, gap in zip(self.entries, self.gaps, strict=True):
            if entry.key == key:
                return line, line + len(entry.lines) - 1
            line += len(entry.lines) + len(gap)
        raise KeyError(key)

    @property
    def closing_line(self) -> int:
        return len(self.front_lines()) - 1

    def body_bytes(self) -> bytes:
        return self.body.replace("\n", self.newline).encode("utf-8")

    def data(self) -> bytes:
        front = self.newline.join(self.front_lines()) + self.newline
        return (b"\xef\xbb\xbf" if self.bom else b"") + front.encode("utf-8") + self.body_bytes()

    def entry(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_SCALAR_STYLES = ("plain", "single", "double", "canonical")


@st.composite
def scalar_entry(draw: st.DrawFn, key: str, styles: tuple[str, ...] = _SCALAR_STYLES) -> Entry:
    style = draw(st.sampled_from(styles))
    if style == "plain":
        value = draw(plain_text)
        rendered = value
    elif style == "single":
        value = draw(_line_text)
        rendered = _single_quoted(value)
    elif style == "double":
        value = draw(hostile_text)
        rendered = quote(value)
    else:
        value = draw(st.one_of(plain_text, hostile_text))
        rendered = scalar(value)
    spacing = " " if style == "canonical" else draw(st.sampled_from([" ", " ", "   "]))
    comment = draw(st.none() | _comment)
    line = f"{key}:{spacing}{rendered}" + (f"  {comment}" if comment else "")
    canonical = rendered == scalar(value) and spacing == " "
    return Entry(key, (line,), "scalar", value, canonical, comment)


@st.composite
def empty_entry(draw: st.DrawFn, key: str) -> Entry:
    written = draw(st.sampled_from(["", " ~", " null", "  # later"]))
    return Entry(key, (f"{key}:{written}",), "empty", None, False)


_item_value = st.one_of(plain_text, st.sampled_from(["ADR-0001", "T-002", "@ana", "a, b"]))
_RENDER_ITEM = {"canonical": scalar, "single": _single_quoted, "double": quote}
# A list item: its text and how it is written.
list_item = st.tuples(_item_value, st.sampled_from(sorted(_RENDER_ITEM))).map(
    lambda pair: (pair[0], _RENDER_ITEM[pair[1]](pair[0]))
)


@st.composite
def flow_entry(draw: st.DrawFn, key: str) -> Entry:
    items = draw(st.lists(list_item, max_size=4))
    values = tuple(value for value, _ in items)
    separator = draw(st.sampled_from([", ", ",", " , ", ",\n    "]))
    pad = draw(st.sampled_from(["", " "]))
    comment = draw(st.none() | _comment)
    inner = separator.join(rendered for _, rendered in items)
    text = f"{key}: [{pad}{inner}{pad}]" + (f"  {comment}" if comment else "")
    lines = tuple(text.split("\n"))
    canonical = lines == (f"{key}: {flow_list(list(values))}",)
    return Entry(key, lines, "flow", values, canonical, comment if len(lines) == 1 else None)


@st.composite
def block_list_entry(draw: st.DrawFn, key: str) -> Entry:
    items = draw(st.lists(list_item, min_size=1, max_size=4))
    indent = draw(st.sampled_from(["", "  ", "    "]))
    dash = draw(st.sampled_from(["- ", "-   "]))
    lines = [f"{key}:"]
    for index, (_, rendered) in enumerate(items):
        if index and draw(st.integers(0, 3)) == 0:
            lines.append(indent + draw(_comment))  # a comment between two items
        lines.append(f"{indent}{dash}{rendered}")
    values = tuple(value for value, _ in items)
    return Entry(key, tuple(lines), "block-list", values, False)


_block_line = st.one_of(
    plain_text,
    st.sampled_from(["# Looks like a heading", "---", "key: value", "- item", "```", "#"]),
)


@st.composite
def block_scalar_entry(draw: st.DrawFn, key: str) -> Entry:
    indicator = draw(st.sampled_from(["|", "|-", ">", ">-"]))
    first = draw(plain_text)
    rest = draw(st.lists(st.one_of(_block_line, st.just("")), max_size=4))
    while rest and not rest[-1]:
        rest.pop()  # trailing blank lines belong to the gap after the entry
    content = [first, *rest]
    lines = (f"{key}: {indicator}", *(f"  {text}" if text else "" for text in content))
    return Entry(key, lines, "block-scalar", None, False)


@st.composite
def mapping_entry(draw: st.DrawFn, key: str) -> Entry:
    inner = draw(plain_text)
    return Entry(
        key, (f"{key}:", f"  note: {quote(inner)}", "  refs: [a, b]"), "mapping", None, False
    )


KEYS = (
    "id", "title", "status", "date", "door", "owner", "deciders", "tags", "tenets",
    "exit_path", "review_by", "supersedes", "superseded_by", "x_note", "x_meta",
)  # fmt: skip
_BUILDERS = (scalar_entry, scalar_entry, empty_entry, flow_entry, block_list_entry,
             block_scalar_entry, mapping_entry)  # fmt: skip

_body_line = st.one_of(
    _line_text.filter(lambda line: not line.startswith(("<<<<<<<", ">>>>>>>", "|||||||"))),
    st.sampled_from(["---", "```", "```yaml", "key: value", "# Title", "- item", "...", ""]),
)


def canonical_scalar_entry(key: str) -> st.SearchStrategy[Entry]:
    return scalar_entry(key, ("canonical",))


def canonical_flow_entry(key: str) -> st.SearchStrategy[Entry]:
    return st.lists(list_item.map(lambda pair: pair[0]), max_size=4).map(
        lambda values: Entry(key, (f"{key}: {flow_list(values)}",), "flow", tuple(values), True)
    )


@st.composite
def records(
    draw: st.DrawFn, required: Callable[[str], st.SearchStrategy[Entry]] | None = None
) -> GeneratedRecord:
    """A record; with ``required``, one of its entries (chosen at random) is built by it."""
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=7, unique=True))
    builders = [draw(st.sampled_from(_BUILDERS)) for _ in keys]
    if required is not None:
        builders[draw(st.integers(0, len(keys) - 1))] = required
    entries = tuple(draw(build(key)) for build, key in zip(builders, keys, strict=True))
    gaps = []
    for entry in entries:
        # After a block scalar an indented comment would be content: keep comments at column 0.
        indents = [""] if entry.kind == "block-scalar" else ["", "  "]
        gap_line = st.one_of(
            st.just(""), st.tuples(st.sampled_from(indents), _comment).map("".join)
        )
        gaps.append(tuple(draw(st.lists(gap_line, max_size=2))))
    head = tuple(draw(st.lists(st.one_of(st.just(""), _comment), max_size=2)))
    body_lines = draw(st.lists(_body_line, max_size=6))
    body = "\n".join(body_lines) + draw(st.sampled_from(["\n", ""]))
    if body == "\n":
        body = ""
    return GeneratedRecord(
        head, entries, tuple(gaps), body, draw(st.booleans()), draw(st.booleans())
    )
