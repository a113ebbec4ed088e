"""Titles, slugs and the next free number of a record folder.

The next number comes from file *names* alone (``os.scandir``), never from reading the
records, so ``hinges new`` stays fast in a registry of ten thousand decisions. This module
repeats the file-name forms of :mod:`hinges.rules._naming` instead of importing it, to keep
the rules out of the import path of ``hinges new``; both say: ``NNNN-slug.md`` (4+ digits)
for decisions, ``T-NNN-slug.md`` (3+ digits) for tenets, slugs of at most 60 characters.
"""

from __future__ import annotations

import os
import re
import unicodedata
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
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH + 1]
        # End on a whole word when one ends in the second half; else cut mid-word.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary >= MAX_SLUG_LENGTH // 2 else cut[:MAX_SLUG_LENGTH]
        slug = slug.rstrip("-")
    return slug or FALLBACK_SLUGS[kind]


def highest_number(folder: Path, kind: Kind) -> int:
    """The largest record number among the file names in ``folder`` (0 when there is none).

    Names are taken apart with string methods, not a regular expression: this runs over
    every file of the folder on each ``hinges new``, and is most of its work.
    """
    prefix, width = ("", 4) if kind == "decision" else ("T-", 3)
    highest = 0
    for name in os.listdir(folder):
        if not (name.startswith(prefix) and name.endswith(".md")):
            continue
        digits, hyphen, _ = name[len(prefix) :].partition("-")
        if hyphen and len(digits) >= width and digits.isascii() and digits.isdigit():
            highest = max(highest, int(digits))
    return highest


def file_name(kind: Kind, number: int, slug: str) -> str:
    return f"{number:04d}-{slug}.md" if kind == "decision" else f"T-{number:03d}-{slug}.md"


def record_id(kind: Kind, number: int, prefix: str) -> str:
    """The id a record with this number carries: ``ADR-0042`` or ``T-007``."""
    return f"{prefix}-{number:04d}" if kind == "decision" else f"T-{number:03d}"
