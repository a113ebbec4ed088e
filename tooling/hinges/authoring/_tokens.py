"""Work within single lines: split a record into lines, find where a YAML value ends.

:func:`split_lines` keeps each line's ending, so an edit can write the lines it did not
touch back byte for byte. :mod:`hinges.yamltree` says where a value starts; the other
helpers find where it stops, for the forms that fit on one line (plain, single-quoted,
double-quoted, flow sequence). A value that continues on later lines is reported as
``None`` and the caller rewrites the whole entry instead.
"""

from __future__ import annotations


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """``text`` as lines and their endings (``"\\n"``, ``"\\r\\n"``, or ``""`` for text
    after the last newline): joining each line with its ending gives ``text`` back."""
    lines: list[str] = []
    endings: list[str] = []
    for piece in text.split("\n"):
        lines.append(piece)
        endings.append("\n")
    endings[-1] = ""  # the text after the last newline (often empty)
    for index, line in enumerate(lines):
        if line.endswith("\r") and endings[index] == "\n":
            lines[index] = line[:-1]
            endings[index] = "\r\n"
    if lines[-1] == "" and len(lines) > 1:
        lines.pop()
        endings.pop()
    return lines, endings


def quoted_end(line: str, start: int) -> int | None:
    """Index just past the quoted scalar opening at ``start``, or None if it runs on."""
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2  # '' is an escaped quote inside single quotes
                continue
            return index + 1
        index += 1
    return None


def plain_end(line: str, start: int, *, in_flow: bool = False) -> int:
    """Index just past a plain scalar starting at ``start``: before a comment or the end
    (inside a flow collection also before ``,``, ``]`` or ``}``)."""
    index = start
    end = start
    while index < len(line):
        char = line[index]
        if char == "#" and index > start and line[index - 1] in " \t":
            break
        if in_flow and char in ",]}":
            break
        if char not in " \t":
            end = index + 1
        index += 1
    return end


def flow_end(line: str, start: int) -> int | None:
    """Index just past the flow collection opening at ``start``, or None if it runs on."""
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char in "\"'":
            closed = quoted_end(line, index)
            if closed is None:
                return None
            index = closed
            continue
        if char == "#" and line[index - 1] in " \t":
            return None  # a comment inside an open flow collection: it continues below
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def value_end(line: str, start: int, *, in_flow: bool = False) -> int | None:
    """Index just past the single-line value starting at ``start`` (None: it spans lines)."""
    if start >= len(line):
        return start
    first = line[start]
    if first in "\"'":
        return quoted_end(line, start)
    if first in "[{":
        return flow_end(line, start)
    if first in "|>":
        return None  # a block scalar: its text is on the following lines
    return plain_end(line, start, in_flow=in_flow)


def replace_value(line: str, after: int, rendered: str) -> str | None:
    """``line`` with the value after index ``after`` (just past a key's ``:``) replaced by
    ``rendered``, keeping a comment after it (None: the value goes on to later lines)."""
    rest = line[after:]
    start = after + len(rest) - len(rest.lstrip(" \t"))
    if start >= len(line) or line[start] == "#":
        comment = line[start:]
        return f"{line[:after]} {rendered}" + (f"  {comment}" if comment else "")
    end = value_end(line, start)
    return None if end is None else line[:start] + rendered + line[end:]


def key_colon(line: str, start: int) -> int | None:
    """Index of the ``:`` that ends the mapping key starting at ``start``."""
    index = start
    if line[start : start + 1] in ("'", '"'):
        closed = quoted_end(line, start)
        if closed is None:
            return None
        index = closed
    found = line.find(":", index)
    return found if found >= 0 else None


def append_to_flow(line: str, opening: int, rendered: str) -> str | None:
    """``line`` with ``rendered`` added as the last item of the flow sequence opening at
    ``opening``, keeping its spacing (None when the sequence continues on later lines)."""
    end = flow_end(line, opening)
    if end is None:
        return None
    inner = line[opening + 1 : end - 1]
    kept = inner.rstrip()
    tail = inner[len(kept) :]
    if not kept.strip():
        new_inner = rendered
    elif kept.endswith(","):
        new_inner = f"{kept} {rendered}{tail}"
    else:
        new_inner = f"{kept}, {rendered}{tail}"
    return line[: opening + 1] + new_inner + line[end - 1 :]


def item_prefix(line: str, value_start: int) -> str:
    """The text before a block item's value: indentation, the dash and its spacing."""
    dash = line.rfind("-", 0, value_start)
    return line[:value_start] if dash >= 0 else "  - "
