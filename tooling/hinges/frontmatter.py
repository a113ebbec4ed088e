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
# before this check, so a carriage return found here is a lone one.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONFLICT = re.compile(r"^(<{7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_FENCE = "---"


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
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return FramingProblem(
            "encoding",
            f"byte 0x{data[error.start]:02x} is not valid UTF-8; save the file as UTF-8",
            line,
            column,
        )
    text = text.replace("\r\n", "\n")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return FramingProblem(
            "encoding",
            f"control character U+{ord(control.group()):04X} in the text; remove it",
            line,
            column,
        )
    return text


def split(text: str) -> Framed | FramingProblem:
    """Cut decoded text at its front-matter fences."""
    conflict = _CONFLICT.search(text)
    if conflict is not None:
        line = text.count("\n", 0, conflict.start()) + 1
        return FramingProblem(
            "merge-conflict",
            "unresolved merge-conflict marker; resolve the conflict and remove the markers",
            line,
        )
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        opened = next((i for i, line in enumerate(lines) if line.rstrip() == _FENCE), None)
        if opened is not None and all(not line.strip() for line in lines[:opened]):
            return FramingProblem(
                "fence",
                f"front matter must open with '---' on line 1, not line {opened + 1}; "
                "remove the lines before it",
                opened + 1,
            )
        return FramingProblem("fence", "no front matter: a record starts with '---' on line 1", 1)
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == _FENCE), None)
    if closing is None:
        return FramingProblem(
            "fence",
            "front matter opened on line 1 is never closed; add a line '---' after it",
            1,
        )
    front_matter = "\n".join(lines[1:closing])
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
        body="\n".join(lines[closing + 1 :]),
        body_line=closing + 2,
    )
