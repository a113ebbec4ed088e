"""Titles, slugs and the next free number of a record folder.

The next number comes from file *names* alone (one ``os.listdir``, cheaper than
``os.scandir`` when only names are wanted), never from reading the records, so ``hinges
new`` stays fast in a registry of ten thousand decisions. This module repeats the
file-name forms of :mod:`hinges.rules._naming` instead of importing it, to keep the rules
out of the import path of ``hinges new``; both say: ``NNNN-slug.md`` (4+ digits) for
decisions, ``T-NNN-slug.md`` (3+ digits) for tenets, slugs of at most 60 characters.

Nothing here uses a regular expression: ``hinges new`` must start about as fast as
importing click and PyYAML, and compiling patterns it runs once is a measurable part of
that (tests/test_new_path.py guards it).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from hinges.errors import HingesError

Kind = Literal["decision", "tenet"]
MAX_TITLE_LENGTH = 200
MAX_SLUG_LENGTH = 60
FALLBACK_SLUGS: dict[Kind, str] = {"decision": "decision", "tenet": "tenet"}
# Control characters, line and paragraph separators, and lone surrogates (undecodable bytes).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
# The noncharacters YAML and the loader refuse anywhere in a file (the title is also the
# body's first heading, where it is written as it is).
_REFUSED_CHARACTERS = frozenset("\ufffe\uffff")
_SLUG_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# No file name holds more digits than this (255 bytes is the limit of common file systems);
# it also keeps int() far below Python's 4,300-digit conversion limit.
MAX_NUMBER_DIGITS = 255


def clean_title(title: str) -> str:
    """``title`` without surrounding spaces; raises HingesError if it cannot be a title."""
    stripped = title.strip()
    if not stripped:
        raise HingesError("the title is empty; give the decision a short title")
    for position, char in enumerate(stripped, start=1):
        category = unicodedata.category(char)
        if category == "Cs":
            raise HingesError(
                f"the title holds bytes that are not UTF-8 (at position {position}); "
                "check your terminal's encoding"
            )
        if category in _REFUSED_CATEGORIES or char in _REFUSED_CHARACTERS:
            raise HingesError(
                f"the title contains a control character ({char!r} at position {position}); "
                "a title is a single line of text"
            )
    if len(stripped) > MAX_TITLE_LENGTH:
        raise HingesError(
            f"the title is {len(stripped)} characters long, more than {MAX_TITLE_LENGTH}; "
            "say it in a short phrase and put the rest in the body"
        )
    return stripped


def slugify(title: str, kind: Kind = "decision") -> str:
    """An ASCII slug of at most 60 characters: lowercase letters, digits and hyphens.

    Accents are transliterated (NFKD) and everything else becomes a hyphen, so the result
    can never hold a dot, a path separator or a leading hyphen. A title with no ASCII
    letters or digits gets the kind's fallback slug.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    # Every run of other characters becomes one hyphen, none at either end.
    spaced = "".join(c if c in _SLUG_CHARACTERS else " " for c in ascii_text.lower())
    slug = "-".join(spaced.split())
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH + 1]
        # End on a whole word when one ends in the second half; else cut mid-word.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary >= MAX_SLUG_LENGTH // 2 else cut[:MAX_SLUG_LENGTH]
        slug = slug.rstrip("-")
    return slug or FALLBACK_SLUGS[kind]


def highest_number(folder: Path, kind: Kind) -> int | None:
    """The largest record number among the file names in ``folder``; None when there is none.

    One directory listing, no file opened: this runs on every ``hinges new``.
    """
    return highest_in_names(os.listdir(folder), kind)


def highest_in_names(names: Iterable[str], kind: Kind) -> int | None:
    """The largest record number among file ``names``; None when none is a record's name.

    A record's name is ``NNNN-anything.md`` (``T-NNN-anything.md`` for tenets), with ASCII
    digits only, so ``0000-x.md`` counts (number 0, hence None for "no record") and
    ``001-x.md``, ``adr-0001-x.md`` or ``0001.md`` do not, as in :mod:`hinges.rules._naming`.
    Names are taken apart with string methods and numbers compared as digit strings: this
    loop over every file of the folder is most of the work of ``hinges new``, and a digit
    run of any length costs time linear in its length.

    Raises HingesError for a number longer than any file name could hold.
    """
    prefix, width = ("", 4) if kind == "decision" else ("T-", 3)
    if prefix:
        names = [name[len(prefix) :] for name in names if name.startswith(prefix)]
    best: str | None = None  # the significant digits of the highest number so far
    for name in names:
        # Without a hyphen the part is the whole name, which ends in ".md": not digits.
        digits = name.partition("-")[0]
        if len(digits) < width or not (digits.isdigit() and digits.isascii()):
            continue
        if not name.endswith(".md"):
            continue
        digits = digits.lstrip("0")
        # A longer digit string is a larger number; of equal length, the later in order.
        if best is None or len(digits) > len(best) or (len(digits) == len(best) and digits > best):
            best = digits
    if best is None:
        return None
    if len(best) > MAX_NUMBER_DIGITS:
        raise HingesError(
            f"a {kind} number of {len(best)} digits is longer than any file name can hold"
        )
    return int(best or "0")


def file_name(kind: Kind, number: int, slug: str) -> str:
    return f"{number:04d}-{slug}.md" if kind == "decision" else f"T-{number:03d}-{slug}.md"


def record_id(kind: Kind, number: int, prefix: str) -> str:
    """The id a record with this number carries: ``ADR-0042`` or ``T-007``."""
    return f"{prefix}-{number:04d}" if kind == "decision" else f"T-{number:03d}"
