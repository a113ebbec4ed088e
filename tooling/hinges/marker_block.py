"""A block of generated lines between two marker lines, in a file hinges does not own.

``hinges codeowners --write`` and ``hinges digest --write`` both keep their output in
someone else's file (CODEOWNERS, AGENTS.md, CLAUDE.md): everything from a line holding
the begin marker to a line holding the end marker is hinges'; every other byte is the
user's. :func:`splice` returns the file's new bytes: the block replaced, or appended
after a blank line when the file has none, or alone for a new file. A byte order mark,
CRLF line ends (the block takes the file's), and a last line without a line end all stay
as they were, and a file whose block is current comes back byte for byte, so a CI check
is a comparison of bytes.

Markers are matched as whole lines (surrounding blanks ignored), so text quoted inside a
block can never end it early. A marker repeated, or one without the other, is an error
naming the line: hinges cannot know which lines are its own, so it writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from hinges.atomic import write_bytes
from hinges.errors import HingesError

_BOM = b"\xef\xbb\xbf"


class Markers(NamedTuple):
    """The two marker lines of one kind of block."""

    begin: str
    end: str


class MarkerError(HingesError):
    """A file whose hinges markers are repeated or unbalanced (exit 1)."""


def _decode(data: bytes, name: str) -> tuple[bytes, str]:
    """The byte order mark (or nothing) and the text after it."""
    bom = _BOM if data.startswith(_BOM) else b""
    try:
        return bom, data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HingesError("is not valid UTF-8; nothing written", path=name, line=line) from None


def _refuse(name: str, line: int, problem: str) -> MarkerError:
    return MarkerError(
        f"{problem}; fix or remove the marker; nothing written", path=name, line=line
    )


def locate(pieces: list[str], markers: Markers, name: str) -> tuple[int, int] | None:
    """The indexes of the begin and end lines among ``pieces`` (the text split at ``\\n``).

    None when the file has no block; :class:`MarkerError` when the markers are broken.
    """
    begin: int | None = None
    found: tuple[int, int] | None = None
    for index, piece in enumerate(pieces):
        marker = piece.strip()
        if marker == markers.begin:
            if begin is not None or found is not None:
                first = begin if begin is not None else found[0]  # type: ignore[index]
                raise _refuse(
                    name,
                    index + 1,
                    f"a second '{markers.begin}' (the first is at line {first + 1}); "
                    "keep one block",
                )
            begin = index
        elif marker == markers.end:
            if begin is None:
                raise _refuse(
                    name, index + 1, f"'{markers.end}' without a '{markers.begin}' before it"
                )
            found, begin = (begin, index), None
    if begin is not None:
        raise _refuse(name, begin + 1, f"'{markers.begin}' is never closed by '{markers.end}'")
    return found


def has_block(existing: bytes, markers: Markers, name: str) -> bool:
    """Whether ``existing`` holds a (well-formed) block."""
    return locate(_decode(existing, name)[1].split("\n"), markers, name) is not None


def splice(existing: bytes | None, lines: list[str], markers: Markers, name: str) -> bytes:
    """The bytes of the file ``existing`` (None: no file yet) holding ``lines`` as its block.

    ``lines`` are the block's content without the markers; ``name`` names the file in
    errors. Raises :class:`MarkerError` for broken markers and :class:`HingesError` for a
    file that is not UTF-8.
    """
    block = [markers.begin, *lines, markers.end]
    if existing is None:
        return ("\n".join(block) + "\n").encode("utf-8")
    bom, text = _decode(existing, name)
    pieces = text.split("\n")
    found = locate(pieces, markers, name)
    if found is None:
        newline = "\r\n" if len(pieces) > 1 and pieces[0].endswith("\r") else "\n"
        body = newline.join(block) + newline
        if not text:
            return bom + body.encode("utf-8")
        if not text.endswith("\n"):
            text += newline  # the last line needs its end before a line follows it
        last = text[:-1].rsplit("\n", 1)[-1]  # the last line, blank or not
        gap = newline if last.strip() else ""
        return bom + (text + gap + body).encode("utf-8")
    begin, end = found
    newline = "\r\n" if pieces[begin].endswith("\r") else "\n"
    start = sum(len(piece) + 1 for piece in pieces[:begin])
    stop = sum(len(piece) + 1 for piece in pieces[:end]) + len(pieces[end])
    if pieces[end].endswith("\r"):
        stop -= 1  # the end line's own CRLF stays the file's
    return bom + (text[:start] + newline.join(block) + text[stop:]).encode("utf-8")


def write_through(path: Path, data: bytes) -> None:
    """Replace ``path``'s bytes atomically; through a symbolic link, the file it names.

    Replacing the link itself would change the repository's layout (``CLAUDE.md`` is often
    a link to ``AGENTS.md``), which is not ours to touch.
    """
    write_bytes(Path(os.path.realpath(path)) if path.is_symlink() else path, data)
