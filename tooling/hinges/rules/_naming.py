"""Record file names and their numbers, shared by the naming rules (not a rule itself).

A decision file is ``NNNN-slug.md`` and a tenet file ``T-NNN-slug.md``. The *number* of a
file is read leniently (digits after the right prefix, then a hyphen) so that a record
whose slug is malformed still takes part in the id and duplicate-number checks; the
file-name rule alone judges the slug.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from hinges.numbers import number_value
from hinges.records import RecordKind
from hinges.visible import quoted

MAX_SLUG_LENGTH = 60
_NUMBERED = {
    "decision": re.compile(r"^(?P<digits>[0-9]{4,})-(?P<rest>.*)\.md$"),
    "tenet": re.compile(r"^T-(?P<digits>[0-9]{3,})-(?P<rest>.*)\.md$"),
}
_LEADING_DIGITS = {
    "decision": re.compile(r"^(?P<digits>[0-9]+)"),
    "tenet": re.compile(r"^T-(?P<digits>[0-9]+)"),
}
_SLUG = re.compile(r"^[a-z0-9-]+$")
_FORMS = {
    "decision": (
        "decision files are named NNNN-slug.md (4 or more digits; the slug in lowercase "
        f"ASCII letters, digits and hyphens, at most {MAX_SLUG_LENGTH} characters)"
    ),
    "tenet": (
        "tenet files are named T-NNN-slug.md (3 or more digits; the slug in lowercase "
        f"ASCII letters, digits and hyphens, at most {MAX_SLUG_LENGTH} characters)"
    ),
}


@dataclass(frozen=True)
class NumberedName:
    """The numbered part of a record's file name."""

    digits: str
    """The number as written in the file name, leading zeros included."""
    rest: str
    """What follows the number's hyphen, without ``.md``: the slug if the name is valid."""

    @property
    def number(self) -> int:
        # A file name is at most 255 bytes: its digits always convert, exactly.
        return int(self.digits)


def base_name(relpath: str) -> str:
    return relpath.rsplit("/", 1)[-1]


def numbered_name(kind: RecordKind, relpath: str) -> NumberedName | None:
    """The number of a record file (leniently read), or None when it has none."""
    match = _NUMBERED[kind].match(base_name(relpath))
    return NumberedName(match["digits"], match["rest"]) if match else None


def number_width(kind: RecordKind) -> int:
    return 4 if kind == "decision" else 3


def format_number(kind: RecordKind, number: int) -> str:
    return f"{number:0{number_width(kind)}d}"


def expected_id(kind: RecordKind, digits: str, prefix: str) -> str:
    """The id a record in a file with ``digits`` must have: ``ADR-0042``, ``T-007``."""
    return f"T-{digits}" if kind == "tenet" else f"{prefix}-{digits}"


def form_of(kind: RecordKind) -> str:
    return _FORMS[kind]


def slugify(text: str) -> str:
    """A valid slug made from ``text`` (may be empty when ``text`` has no letters or digits)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def name_problem(kind: RecordKind, relpath: str) -> str | None:
    """What is wrong with a record's file name, as a clause ("its slug ..."), or None."""
    name = base_name(relpath)
    numbered = numbered_name(kind, relpath)
    if numbered is None:
        leading = _LEADING_DIGITS[kind].match(name)
        minimum = number_width(kind)
        if leading is None:
            start = "'T-' and " if kind == "tenet" else ""
            return f"does not start with {start}a number of {minimum} or more digits"
        if len(leading["digits"]) < minimum:
            return f"has a number of fewer than {minimum} digits ({quoted(leading['digits'])})"
        return "has no hyphen and slug after its number"
    slug = numbered.rest
    if not slug:
        return "has no slug after its number"
    if slug[0] in "-.":
        return f"has a slug starting with {quoted(slug[0])}"
    if not _SLUG.match(slug):
        return (
            f"has a slug ({quoted(slug)}) with characters other than lowercase ASCII letters, "
            "digits and hyphens"
        )
    if len(slug) > MAX_SLUG_LENGTH:
        return f"has a slug of {len(slug)} characters, more than {MAX_SLUG_LENGTH}"
    return None


def slug_source(kind: RecordKind, relpath: str) -> str:
    """The part of a misnamed file's name that was probably meant as its slug."""
    name = base_name(relpath).removesuffix(".md")
    numbered = numbered_name(kind, relpath)
    if numbered is not None:
        return numbered.rest
    if kind == "tenet":
        name = re.sub(r"^[Tt]-?", "", name)
    return re.sub(r"^[0-9]+[-_ ]?", "", name)


def leading_number(kind: RecordKind, relpath: str) -> int | None:
    """Any number a misnamed file starts with (``42-x.md`` -> 42), else None."""
    match = _LEADING_DIGITS[kind].match(base_name(relpath))
    return number_value(match["digits"]) if match else None


def highest_number(kind: RecordKind, relpaths: Iterable[str]) -> int:
    """The largest file number among ``relpaths`` (0 when none has one)."""
    numbers = (numbered_name(kind, path) for path in relpaths)
    return max((numbered.number for numbered in numbers if numbered is not None), default=0)
