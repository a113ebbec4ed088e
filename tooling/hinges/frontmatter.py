"""Split a record's bytes into front matter and body, refusing everything ambiguous.

python-frontmatter and friends answer "no metadata" for a byte-order mark, an unclosed
fence or a list-shaped block. Here each of those is a :class:`FramingProblem` with a line,
and the caller turns it into a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_FRONT_MATTER_CHARS = 64 * 1024

_BOM_UTF8 = b"\xef\xbb\xbf"
_OTHER_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
# C0 controls other than tab and line feed, DEL, and C1 controls. CRLF is normalised
# before this check, so a carriage return found here is a lone one. YAML also breaks lines
# at U+2028/U+2029 (which would shift every line number after them) and refuses
# U+FFFE/U+FFFF, so those are reported here too, with their line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_CONFLICT = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_FENCE = "---"
_PLAIN_ASCII = b"\t\n" + bytes(range(0x20, 0x7F))
_CONFLICT_MARKERS = ("<<<<<<<", ">>>>>>>", "|||||||")
# A Markdown heading: where the body of a record whose closing fence is missing seems to start.
# Compiled only when a fence is missing (re caches them), not on every import.
_HEADING = r"^#{1,6}[ \t]+\S"
_KEY = r"^[\w\"'-][^:\n]*:"


@dataclass(frozen=True, slots=True)
class FramingProblem:
    kind: str  # "encoding", "merge-conflict", "fence", "shape"
    message: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Framed:
    """The decoded text of a record cut at its fences.

    ``front_matter_line`` is the line of the first YAML line (2 when the fence opens on
    line 1); ``body_line`` is the line where the body starts.
    """

    text: str
    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


def decode(data: bytes) -> str | FramingProblem:
    """Decode UTF-8 (tolerating a BOM and CRLF) or say exactly why not."""
    for bom, name in _OTHER_BOMS.items():
        if data.startswith(bom):
            return FramingProblem("encoding", f"file is {name}-encoded; save it as UTF-8", 1)
    if data.startswith(_BOM_UTF8):
        data = data[len(_BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        return FramingProblem(
            "encoding", "file contains a NUL byte; is it binary?", data.count(b"\n", 0, nul) + 1
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        # Columns count characters; the line up to the bad byte is valid UTF-8.
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        return FramingProblem(
            "encoding",
            f"byte 0x{data[error.start]:02x} is not valid UTF-8; save the file as UTF-8",
            line,
            column,
        )
    text = text.replace("\r\n", "\n")
    # Fast path: bytes that are all tab, line feed or printable ASCII cannot hold any
    # character _CONTROL looks for; one C-level pass instead of a regex scan per record.
    control = None if not data.translate(None, _PLAIN_ASCII) else _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        name = "control character" if control.group() <= "\x9f" else "character"
        return FramingProblem(
            "encoding",
            f"{name} U+{ord(control.group()):04X} in the text; remove it",
            line,
            column,
        )
    return text


def split(text: str) -> Framed | FramingProblem:
    """Cut decoded text at its front-matter fences."""
    # The substring test is much cheaper than the multi-line regex and rules out most files.
    has_marker = any(marker in text for marker in _CONFLICT_MARKERS)
    conflict = _CONFLICT.search(text) if has_marker else None
    if conflict is not None:
        line = text.count("\n", 0, conflict.start()) + 1
        return FramingProblem(
            "merge-conflict",
            "unresolved merge-conflict marker; resolve the conflict and remove the markers",
            line,
        )
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != _FENCE:
        lines = text.split("\n")
        opened = next((i for i, line in enumerate(lines) if line.rstrip() == _FENCE), None)
        if opened is not None and all(not line.strip() for line in lines[:opened]):
            return FramingProblem(
                "fence",
                f"front matter must open with '---' on line 1, not line {opened + 1}; "
                "remove the lines before it",
                opened + 1,
            )
        return FramingProblem("fence", "no front matter: a record starts with '---' on line 1", 1)
    closing = _closing_fence(text, first_end)
    if closing is None:
        heading = _first_heading(text)
        where = "" if heading is None else f", before line {heading} (the first heading)"
        return FramingProblem(
            "fence",
            f"front matter opened on line 1 is never closed; add a line '---' after it{where}",
            1,
        )
    closing_start, closing_end = closing
    front_matter = text[first_end + 1 : closing_start - 1]
    if len(front_matter) > MAX_FRONT_MATTER_CHARS:
        return FramingProblem(
            "shape",
            f"front matter is larger than {MAX_FRONT_MATTER_CHARS // 1024} KiB",
            2,
        )
    if not front_matter.strip():
        return FramingProblem("shape", "front matter is empty; it must be a mapping of keys", 1)
    return Framed(
        text=text,
        front_matter=front_matter + "\n",
        front_matter_line=2,
        body="" if closing_end < 0 else text[closing_end + 1 :],
        body_line=text.count("\n", 0, closing_start) + 2,
    )


def _closing_fence(text: str, first_end: int) -> tuple[int, int] | None:
    """Start and end (-1: end of text) of the first line after line 1 that is a fence.

    Such a line starts with '---' right after a line feed, so only those places are looked
    at, instead of splitting the whole record into lines.
    """
    if first_end < 0:
        return None
    position = first_end
    while True:
        position = text.find("\n" + _FENCE, position)
        if position < 0:
            return None
        start = position + 1
        end = text.find("\n", start)
        if (text[start:] if end < 0 else text[start:end]).rstrip() == _FENCE:
            return start, end
        position = start


def _first_heading(text: str) -> int | None:
    """The line of the first Markdown heading after the first key, if any.

    Comments before the first key are YAML comments, not the body.
    """
    key = re.search(_KEY, text, re.MULTILINE)
    heading = None if key is None else re.compile(_HEADING, re.MULTILINE).search(text, key.end())
    return None if heading is None else text.count("\n", 0, heading.start()) + 1
