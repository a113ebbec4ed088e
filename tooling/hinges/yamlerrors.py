"""Turn a YAML parser error into a problem that points at the mistake and says what to do.

libyaml (and PyYAML's pure parser) give two marks: ``context_mark``, where the construct
being read began (the opening quote, the ``[``, the key), and ``problem_mark``, where the
parser noticed that something was wrong, which for an unclosed quote is the end of the
front matter. We report the line where the fix belongs and mention the other one when it
differs. The parsers word problems differently, so the messages are ours, chosen by the
construct (the context) and the text at the marks. Marks are relative to the text given;
callers pad it with newlines so that they are file lines. Only failed parses come here.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

_QUOTES = {'"': "double", "'": "single"}
_BRACKETS = {"[": ("list", "]", "items"), "{": ("mapping", "}", "entries")}
# A Markdown heading where front matter should be: a sign that the closing '---' is missing.
_HEADING = r"#{1,6}[ \t]+\S"  # patterns, compiled (and cached by re) only on an error
_KEY_LINE = r"[ \t]*[\w\"'-][^:#]*:(?:[ \t]|$)"


class _Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based, in characters


def _mark(mark: Any) -> _Mark | None:
    return None if mark is None else _Mark(mark.line + 1, mark.column + 1)


def explain(text: str, error: yaml.MarkedYAMLError, loader_class: Any) -> tuple[str, int, int]:
    """Message, line and column for ``error``, raised while ``loader_class`` parsed ``text``."""
    lines = text.split("\n")
    at = _mark(error.problem_mark) or _mark(error.context_mark) or _Mark(1, 1)
    began = _mark(error.context_mark)
    context, problem = error.context or "", error.problem or ""
    read = _Reader(lines, at)
    last, open_flow = _read_up_to(text, loader_class)
    found = (
        _quote(read, context, problem, began)
        or _after_quoted(read, last)
        or _tab_or_reserved(read, problem)
        or _flow(read, context, began, open_flow)
        or _missing_colon(read, context, began)
        or _colon_in_value(read, problem)
        or _block(read, context, began)
    )
    if found is None:  # a rare error: the parser's own words, and where it began
        words = problem or context or "invalid YAML"
        ctx = (
            f" ({context} on line {began.line})"
            if problem and began and began.line != at.line
            else ""
        )
        found = (words + ctx, at)
    message, where = found
    return f"YAML syntax error: {message}{_markdown_hint(lines, where)}", *where


class _Reader(NamedTuple):
    """The text around the problem mark."""

    lines: list[str]
    at: _Mark

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def char(self, mark: _Mark) -> str:
        return self.line(mark.line)[mark.column - 1 : mark.column]

    def before(self) -> str:  # the problem line up to the mark
        return self.line(self.at.line)[: self.at.column - 1]

    def rest(self) -> str:
        return "\n".join(self.lines[self.at.line - 1 :])[self.at.column - 1 :]

    def indent(self, number: int) -> int:
        line = self.line(number)
        return len(line) - len(line.lstrip(" "))

    def noticed(self, began: _Mark) -> str:
        """Where the parser noticed, when that is another line than the one reported."""
        # At the end, name the closing fence's line, whether the text ends with a newline or not.
        at_end = not self.rest().strip()
        line = len(self.lines) + (self.lines[-1] != "") if at_end else self.at.line
        if line == began.line:
            return ""
        end = ", the end of the front matter" if at_end else ""
        return f" (the parser only noticed at line {line}{end})"

    def previous_content_line(self, number: int) -> int | None:
        """The nearest line above ``number`` holding something other than a comment."""
        for above in range(number - 1, 0, -1):
            stripped = self.line(above).strip()
            if stripped and not stripped.startswith("#"):
                return above
        return None


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


_Found = tuple[str, _Mark] | None


def _quote(read: _Reader, context: str, problem: str, began: _Mark | None) -> _Found:
    if began is None or "quoted scalar" not in context:
        return None
    name = _QUOTES.get(read.char(began), "")
    if problem.startswith("found unknown escape character"):
        line = read.line(read.at.line)
        # libyaml marks the backslash, PyYAML the character after the escaped one.
        slash = line.rfind("\\", 0, read.at.column)
        where = _Mark(read.at.line, slash + 1) if slash >= 0 else read.at
        escaped = line[slash + 1 : slash + 2] if slash >= 0 else ""
        # No backslash is quoted: the text reporter shows each one doubled (hinges.visible),
        # so "write '\\\\'" would read as four of them there.
        what = f"a backslash before '{escaped}'" if "!" <= escaped <= "~" else "a backslash here"
        return (
            f"{what} is not an escape in a double-quoted value; double the backslash to "
            "write one, or use single quotes, inside which a backslash has no special meaning",
            where,
        )
    if not problem.startswith("found unexpected") or not name:
        return None
    return (
        f"unclosed {name} quote: close the quote opened on line {began.line}, column "
        f"{began.column}{read.noticed(began)}",
        began,
    )


def _tab_or_reserved(read: _Reader, problem: str) -> _Found:
    char = read.char(read.at)
    if char == "\t" or "tab character" in problem:
        if read.before().strip():
            return "a tab where YAML expects a space; replace the tab with a space", read.at
        return (
            f"line {read.at.line} is indented with a tab; YAML indents with spaces only: "
            "replace the tab with spaces",
            read.at,
        )
    if "cannot start any token" in problem and char in "@`":  # YAML reserves them
        return (
            f"a value cannot start with '{char}' unless it is quoted; put it in quotes",
            read.at,
        )
    return None


def _after_quoted(read: _Reader, last: Any) -> _Found:
    """Text right after a quoted value: a quote closed too early, or never where meant."""
    if last is None or last.style not in _QUOTES or last.end_mark is None:
        return None
    start, end = _Mark(last.start_mark.line + 1, last.start_mark.column + 1), _mark(last.end_mark)
    if end is None or end.line != read.at.line or end.column > read.at.column:
        return None
    if read.line(end.line)[end.column - 1 : read.at.column - 1].strip():
        return None
    name = _QUOTES[last.style]
    if start.line < end.line:
        return (
            f"the {name} quote opened on line {start.line}, column {start.column} closes "
            f"only on line {end.line}, where more text follows it; close the quote opened on "
            f"line {start.line}",
            start,
        )
    apostrophe = "; inside single quotes write '' for an apostrophe" if name == "single" else ""
    return (
        f"text after the closing quote of the value that starts at column {start.column}; "
        f"put the whole value inside the quotes{apostrophe}",
        read.at,
    )


def _flow(read: _Reader, context: str, began: _Mark | None, open_flow: _Mark | None) -> _Found:
    if began is None or not context.startswith("while parsing a flow"):
        return None
    if read.char(began) not in _BRACKETS and open_flow and not read.rest().strip():
        began = open_flow  # the text ended where a value of the open list was expected
    bracket = read.char(began)
    if bracket not in _BRACKETS:
        return None
    kind, closer, parts = _BRACKETS[bracket]
    if read.at.line == began.line:
        return (
            f"the {kind} opened with '{bracket}' at column {began.column} is not closed where "
            f"expected (column {read.at.column}): separate its {parts} with ',' and end it "
            f"with '{closer}'",
            began,
        )
    return (
        f"unclosed '{bracket}': close the {kind} opened on line {began.line}, column "
        f"{began.column} with '{closer}'{read.noticed(began)}",
        began,
    )


def _missing_colon(read: _Reader, context: str, began: _Mark | None) -> _Found:
    if began is None or context != "while scanning a simple key":
        return None
    return (
        f"line {began.line} is not 'key: value'; add ':' after the key, or remove the line"
        f"{read.noticed(began)}",
        began,
    )


def _colon_in_value(read: _Reader, problem: str) -> _Found:
    if not problem.startswith("mapping values are not allowed"):
        return None
    before = read.before().strip()
    above = read.previous_content_line(read.at.line)
    same_line = ": " in before or before.endswith(":")
    if same_line or above is None or read.indent(read.at.line) <= read.indent(above):
        return "': ' inside an unquoted value; put the whole value in quotes", read.at
    return (
        f"line {read.at.line} is indented more than line {above}, so YAML reads it as more "
        f"of the value on line {above}; indent it like the key it stands beside",
        _Mark(read.at.line, read.indent(read.at.line) + 1),
    )


def _block(read: _Reader, context: str, began: _Mark | None) -> _Found:
    """A line that fits no block mapping or list above it: bad indentation."""
    if began is None or read.before().strip():
        return None
    number, indent = read.at.line, read.at.column - 1
    item = read.line(number)[indent : indent + 2] in ("- ", "-")
    if context == "while parsing a block collection" and indent == began.column - 1:
        return (
            f"line {number} is at the indentation of the list items from line {began.line} "
            "but is not one; start it with '- ', or indent it like the key it belongs under",
            read.at,
        )
    if context != "while parsing a block mapping":
        return None
    keys = began.column - 1
    if item and indent == keys:
        return (
            f"line {number} starts a list item where a key of the mapping from line "
            f"{began.line} was expected; put the list under a key of its own, indented",
            read.at,
        )
    if indent <= keys:
        return None
    above = read.previous_content_line(number)
    deeper = (
        f", line {above} by {_spaces(read.indent(above))}"
        if above is not None and above != began.line and read.indent(above) > indent
        else ""
    )
    like = "the other items of its list" if item else "the key it belongs beside"
    return (
        f"line {number} is indented by {_spaces(indent)}, which lines up with nothing above "
        f"it: the keys from line {began.line} are indented by {_spaces(keys)}{deeper}; indent it "
        f"like {like}",
        read.at,
    )


def _markdown_hint(lines: list[str], where: _Mark) -> str:
    """Say so when the front matter seems to run on into the Markdown body."""
    heading = None
    for number in range(where.line - 1, 0, -1):
        if re.match(_KEY_LINE, lines[number - 1]):
            break
        heading = number if re.match(_HEADING, lines[number - 1]) else heading
    return (
        ""
        if heading is None
        else f"; line {heading} looks like Markdown: if the front matter ends before it, "
        "add the closing '---' there"
    )


def _read_up_to(text: str, loader_class: Any) -> tuple[Any, _Mark | None]:
    """The last scalar before the error, and the innermost '[' or '{' still open."""
    # Parsed again: only failed parses come here, so a check's hot path pays nothing.
    loader = loader_class(text)
    last, flows = None, []  # flows: for each open collection, its mark if it is a flow one
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.ScalarEvent):
                last = event
            elif isinstance(event, yaml.CollectionStartEvent):
                flows.append(_mark(event.start_mark) if event.flow_style else None)
            elif isinstance(event, yaml.CollectionEndEvent):
                flows.pop()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return last, flows[-1] if flows else None
