"""The digest's block in a file of its own (AGENTS.md, CLAUDE.md, any text file).

The block is everything from a line ``<!-- hinges:digest:begin -->`` to a line
``<!-- hinges:digest:end -->``, both included. :func:`write_block` replaces only that
block and leaves every other byte of the file as it was; a file without the block gets
it appended (after a blank line), and a missing file is created holding only the block.
The file is replaced atomically. :func:`block_is_current` is the check for CI.

The markers are matched as whole lines, so a record value quoted inside the digest can
never end the block early (the digest escapes ``<`` in values anyway). A file whose lines
end in CRLF gets the block with CRLF line ends too.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from hinges.atomic import write_bytes
from hinges.errors import HingesError

BEGIN = "<!-- hinges:digest:begin -->"
END = "<!-- hinges:digest:end -->"


class Block(NamedTuple):
    """Where the block is in a file's text: character offsets, end exclusive."""

    start: int
    end: int


def _read(path: Path) -> str | None:
    """The file's text, or None when it does not exist."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise HingesError("is a folder; name a file", path=path) from None
    except OSError as error:
        raise HingesError(f"cannot be read: {error.strerror}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HingesError(
            "is not UTF-8 text; the digest block can only go in a UTF-8 file", path=path, line=line
        ) from None


def find_block(text: str, path: Path) -> Block | None:
    """The block's place in ``text``, None when there is none; raises when markers are broken."""
    begin: tuple[int, int] | None = None  # (offset, line)
    found: Block | None = None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        marker = line.rstrip("\r\n").strip()
        if marker == BEGIN:
            if begin is not None or found is not None:
                raise HingesError(
                    f"a second '{BEGIN}'; keep one digest block and remove the other",
                    path=path,
                    line=number,
                )
            begin = (offset, number)
        elif marker == END:
            if begin is None:
                raise HingesError(
                    f"'{END}' without a '{BEGIN}' before it; fix or remove the marker",
                    path=path,
                    line=number,
                )
            found = Block(begin[0], offset + len(line))
            begin = None
        offset += len(line)
    if begin is not None:
        raise HingesError(
            f"'{BEGIN}' is never closed by '{END}'; fix or remove the marker",
            path=path,
            line=begin[1],
        )
    return found


def block_text(digest: str, newline: str = "\n") -> str:
    """The whole block for ``digest``, markers included, ending in a line end."""
    lines = [BEGIN, *digest.rstrip("\n").split("\n"), END]
    return newline.join(lines) + newline


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def write_block(path: Path, digest: str) -> bool:
    """Put ``digest`` in ``path``'s block (see the module); False when it was already there."""
    text = _read(path)
    if text is None:
        if not path.parent.is_dir():
            raise HingesError(f"the folder {path.parent} does not exist", path=path)
        write_bytes(path, block_text(digest).encode("utf-8"))
        return True
    block = find_block(text, path)
    newline = _newline(text)
    if block is None:
        if not text:
            joined = ""
        elif text.endswith("\n\n") or text.endswith("\r\n\r\n"):
            joined = text
        elif text.endswith("\n"):
            joined = text + newline
        else:
            joined = text + newline + newline
        updated = joined + block_text(digest, newline)
    else:
        old = text[block.start : block.end]
        ending = "" if old.endswith("\n") else None  # a block at the end without a newline
        new = block_text(digest, newline)
        if ending is None:
            new = new[: -len(newline)]
        updated = text[: block.start] + new + text[block.end :]
    if updated == text:
        return False
    write_bytes(path, updated.encode("utf-8"))
    return True


def block_is_current(path: Path, digest: str) -> tuple[bool, str]:
    """Whether ``path`` holds ``digest`` in its block, and if not, why (for a message)."""
    text = _read(path)
    if text is None:
        return False, "does not exist"
    block = find_block(text, path)
    if block is None:
        return False, "has no digest block"
    current = text[block.start : block.end].replace("\r\n", "\n").rstrip("\n")
    if current != block_text(digest).rstrip("\n"):
        return False, "has a stale digest block"
    return True, "is current"
