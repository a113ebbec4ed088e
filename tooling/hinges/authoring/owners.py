"""Validate an owner handle before it is written, the way ``hinges check`` will judge it.

An owner is a handle (``@team``, ``@org/team``, ``alice``), never a URL. When the registry
restricts owners (the ``owners`` setting, else the teams and people CODEOWNERS names), a
new record's owner must be one of them, so that a freshly created record passes the check.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from hinges.config import Config
from hinges.errors import HingesError

# Where GitHub looks for CODEOWNERS: hinges.codeowners.SEARCH_ORDER, repeated here so that
# ``hinges new`` need not import that module when there is none (a test keeps them equal).
CODEOWNERS_PLACES = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")


_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_HANDLE_CHARACTERS = _ALPHANUMERIC + "._-"


class AllowedOwners(NamedTuple):
    owners: tuple[str, ...]
    source: str
    """Where the list comes from, for messages."""


def allowed_owners(root: Path, config: Config) -> AllowedOwners | None:
    """The owners a record may have, or None when any handle will do."""
    if config.owners:
        return AllowedOwners(config.owners, f"the owners setting of {config.source}")
    if not config.use_codeowners:
        return None
    if not any(os.path.lexists(root / relpath) for relpath in CODEOWNERS_PLACES):
        return None  # the usual case: no need to import the CODEOWNERS reader
    from hinges.codeowners import CodeOwners, read_codeowners

    found = read_codeowners(root, config.max_file_bytes)
    if isinstance(found, CodeOwners) and found.owners:
        return AllowedOwners(found.owners, found.path)
    return None


def _normalise(owner: str) -> str:
    return owner.removeprefix("@").casefold()


def check_owner(owner: str, allowed: AllowedOwners | None, what: str = "owner") -> str:
    """``owner`` stripped, if it is a handle and allowed; raises HingesError otherwise."""
    handle = owner.strip()
    if not is_handle(handle):
        looks_like_url = ":" in handle or "//" in handle
        reason = "looks like a URL" if looks_like_url else "is not a handle"
        raise HingesError(
            f"{what} {handle!r} {reason}; write a handle such as @team, @org/team or alice"
        )
    if allowed is not None:
        by_form = {_normalise(name): name for name in allowed.owners}
        if _normalise(handle) not in by_form:
            raise HingesError(
                f"{what} {handle!r} is not one of the owners allowed by {allowed.source} "
                f"({', '.join(allowed.owners)})"
            )
        return by_form[_normalise(handle)]
    return handle


def is_handle(text: str) -> bool:
    """Whether ``text`` is a handle as ``field_values.HANDLE_PATTERN`` says (a test keeps
    them equal).

    ``name``, ``@name`` or ``@org/team``; each part ASCII letters, digits, ``.``, ``_``
    and ``-``, starting and ending with a letter or digit. String tests rather than the
    pattern: ``hinges new`` checks every handle and must not compile patterns or import
    the schema to do it.
    """
    parts = text.removeprefix("@").split("/")
    return len(parts) <= 2 and all(
        part
        and part[0] in _ALPHANUMERIC
        and part[-1] in _ALPHANUMERIC
        and not part.strip(_HANDLE_CHARACTERS)
        for part in parts
    )
