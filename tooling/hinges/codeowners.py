"""Read the owners a CODEOWNERS file names, the way GitHub finds it.

GitHub looks for ``CODEOWNERS`` in ``.github/``, then the repository root, then ``docs/``,
and uses the first it finds. Each line is a path pattern followed by owners: ``@user``,
``@org/team`` or an e-mail address. ``#`` starts a comment (at the start of a line or of a
word; ``\\#`` in a pattern is a literal hash). GitLab section headers (``[Docs] @team``)
list default owners the same way. Patterns are ignored: hinges only needs who can own.

The file is read like a record: only a regular file inside the root, within a size limit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from hinges.fsscan import _inside, _read_regular

SEARCH_ORDER = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
# Compiled on first use (re caches it), which is never in the usual file of @handles:
# ``hinges new`` reads CODEOWNERS and must not compile patterns (tests/test_new_path.py).
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


@dataclass(frozen=True, slots=True)
class CodeOwners:
    """The owners named in a CODEOWNERS file, in order of first mention, without repeats."""

    path: str
    """Relative to the registry root, with forward slashes."""
    owners: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodeOwnersProblem:
    """A CODEOWNERS file that exists but could not be used."""

    path: str
    message: str
    line: int = 1


def _is_owner(token: str) -> bool:
    return (token.startswith("@") and len(token) > 1) or bool(re.match(_EMAIL, token))


def parse_codeowners(text: str) -> tuple[str, ...]:
    """Every owner named in ``text``, in order of first mention."""
    owners: dict[str, None] = {}
    for line in text.splitlines():
        words: list[str] = []
        for word in line.split():
            if word.startswith("#"):
                break
            words.append(word)
        # The first word is the path pattern (or a section header); owners follow it.
        for word in words[1:]:
            if _is_owner(word):
                owners.setdefault(word, None)
    return tuple(owners)


def find_codeowners(root: Path) -> str | None:
    """The CODEOWNERS GitHub would use (relative path), or None when there is none."""
    for relpath in SEARCH_ORDER:
        if os.path.lexists(root / relpath):
            return relpath
    return None


def read_codeowners(root: Path, max_bytes: int) -> CodeOwners | CodeOwnersProblem | None:
    """The CODEOWNERS of the registry at ``root``: its owners, why it can't be used, or None."""
    relpath = find_codeowners(root)
    if relpath is None:
        return None
    real = os.path.realpath(root / relpath)
    if not _inside(real, os.path.realpath(root)):
        return CodeOwnersProblem(relpath, "leads outside the registry root; not read")
    data = _read_regular(real, max_bytes)
    if isinstance(data, str):
        return CodeOwnersProblem(relpath, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return CodeOwnersProblem(relpath, "is not valid UTF-8; not read", line)
    return CodeOwners(relpath, parse_codeowners(text))
