"""Put hinges' block into a CODEOWNERS file, touching nothing else.

The block sits between two marker lines (:data:`hinges.codeowners_block.BEGIN` and
:data:`~hinges.codeowners_block.END`). :func:`splice` returns the file's new bytes: the
text between the markers replaced, or the block appended when the file has none, or the
block alone for a new file. Every other byte stays as it was: a byte order mark, CRLF line
ends (the block takes the file's line ends), a last line without a line end. A file whose
block is current comes back byte for byte, so ``--check`` is a comparison.

Markers found twice, or one without the other, are an error: hinges cannot know which
lines are its own, so it writes nothing.
"""

from __future__ import annotations

from hinges.codeowners_block import BEGIN, END
from hinges.errors import HingesError

_BOM = b"\xef\xbb\xbf"


class MarkerError(HingesError):
    """A CODEOWNERS file whose hinges markers are repeated or unbalanced (exit 1)."""


def _decode(data: bytes, name: str) -> tuple[bytes, str]:
    bom = _BOM if data.startswith(_BOM) else b""
    try:
        return bom, data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HingesError("is not valid UTF-8; nothing written", path=name, line=line) from None


def _markers(pieces: list[str], name: str) -> tuple[int, int] | None:
    """The indexes of the BEGIN and END lines, None when there are none."""
    begins = [i for i, piece in enumerate(pieces) if piece.strip() == BEGIN]
    ends = [i for i, piece in enumerate(pieces) if piece.strip() == END]
    if not begins and not ends:
        return None
    lines = ", ".join(str(i + 1) for i in sorted(begins + ends))
    fix = "leave exactly one pair (or none) and run again; nothing written"
    if len(begins) > 1 or len(ends) > 1:
        raise MarkerError(f"hinges markers found more than once (lines {lines}); {fix}", path=name)
    if not begins or not ends or ends[0] < begins[0]:
        raise MarkerError(
            f"unbalanced hinges markers (line {lines}): each BEGIN line needs an END line "
            f"after it; {fix}",
            path=name,
        )
    return begins[0], ends[0]


def splice(existing: bytes | None, block: list[str], name: str) -> bytes:
    """The bytes of the CODEOWNERS file ``existing`` (None: no file yet) with ``block``.

    ``name`` names the file in errors. Raises :class:`MarkerError` for bad markers and
    :class:`HingesError` for a file that is not UTF-8.
    """
    if existing is None:
        return ("\n".join(block) + "\n").encode("utf-8")
    bom, text = _decode(existing, name)
    pieces = text.split("\n")
    found = _markers(pieces, name)
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
        stop -= 1  # the END line's own CRLF stays the file's
    return bom + (text[:start] + newline.join(block) + text[stop:]).encode("utf-8")
