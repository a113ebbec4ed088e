"""The ``[[sources]]`` of the configuration: other registries whose records this one names.

A source is another repository's registry, fetched by ``hinges sources sync`` into a cache
under the registry root (:mod:`hinges.sources`). Its name qualifies the ids of its records:
``payments:ADR-0007``, ``org:T-003``. ``org`` is a name like any other; by convention it
is the source that holds the organisation's tenets.

A leaf beside :mod:`hinges.config`: string tests, no regular expressions, so reading the
configuration stays cheap for every command (decisions/0020).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from hinges.errors import ConfigError

NAME_MAX = 40
SOURCE_KEYS = ("name", "git", "ref", "path")
DEFAULT_REF = "HEAD"
"""The source's default branch, whatever it is called (``main``, ``master``, ``trunk``)."""
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_NAME_CHARACTERS = _LOWER | frozenset("0123456789-")
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Source:
    """One ``[[sources]]`` entry."""

    name: str
    git: str
    """A git URL (``https://``, ``ssh://``, ``git@host:path``, ``file://``) or a local
    path, relative to the registry root."""
    ref: str = DEFAULT_REF
    path: str = "."
    """Where the registry sits inside the source repository."""

    def is_local(self) -> bool:
        """Whether ``git`` is a path on this machine rather than a URL."""
        return not is_url(self.git)

    def pinned(self) -> bool:
        """Whether ``ref`` is a full commit id: it never moves, so a synced copy stays current."""
        return len(self.ref) == 40 and all(c in _HEX for c in self.ref)


def is_url(text: str) -> bool:
    """``scheme://...`` or git's scp-like ``[user@]host:path`` (a colon before any slash).

    A Windows drive (``C:\\``) is a path, as git itself reads it.
    """
    if "://" in text:
        return True
    colon = text.find(":")
    if colon <= 1:  # no colon, or a one-letter drive
        return False
    slash = text.find("/")
    return slash == -1 or colon < slash


def is_source_name(text: str) -> bool:
    """1-40 characters: lower-case ASCII letters, digits and ``-``, starting with a letter."""
    return (
        0 < len(text) <= NAME_MAX
        and text[0] in _LOWER
        and all(c in _NAME_CHARACTERS for c in text)
        and not text.endswith("-")
    )


def split_qualified(text: str) -> tuple[str, str] | None:
    """``("payments", "ADR-0007")`` for ``payments:ADR-0007``; None for a local id."""
    name, colon, local = text.partition(":")
    if not colon or not is_source_name(name) or not local:
        return None
    return name, local


def _entry_line(root: Path | None, where: str, index: int) -> int | None:
    """The line of the ``index``-th (0-based) sources entry in the configuration file.

    tomllib gives no positions, so the header lines are counted in the text: the entry
    that is wrong is named by its line, as every other hinges message does (T-002).
    """
    if root is None:
        return None
    file_name = where.split(" ")[0]
    headers = ("[[sources]]",) if file_name == "hinges.toml" else ("[[tool.hinges.sources]]",)
    try:
        lines = (root / file_name).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    starts = [n for n, line in enumerate(lines, 1) if line.strip().replace(" ", "") in headers]
    if index < len(starts):
        return starts[index]
    # An inline array (sources = [{...}]): the line that opens it.
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("sources") and "=" in line:
            return number
    return None


def parse_sources(value: Any, where: str, root: Path | None = None) -> tuple[Source, ...]:
    """The sources of a configuration's ``sources`` value, or a :class:`ConfigError`."""
    file_name = where.split(" ")[0]
    if not isinstance(value, list):
        raise ConfigError(
            "'sources' must be an array of tables: one [[sources]] header per source",
            path=file_name,
            line=_entry_line(root, where, 0),
        )
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(value):

        def fail(message: str, index: int = index) -> ConfigError:
            return ConfigError(
                f"sources entry {index + 1}: {message}",
                path=file_name,
                line=_entry_line(root, where, index),
            )

        if not isinstance(entry, dict):
            raise fail("must be a table with name and git")
        unknown = [key for key in entry if key not in SOURCE_KEYS]
        if unknown:
            raise fail(f"unknown key '{unknown[0]}'; a source has {', '.join(SOURCE_KEYS)}")
        for key in SOURCE_KEYS:
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                raise fail(f"'{key}' must be a non-empty string")
        name, git = entry.get("name"), entry.get("git")
        if name is None or git is None:
            raise fail(f"'{'name' if name is None else 'git'}' is required")
        if not is_source_name(name):
            raise fail(
                f"name {name!r} must be 1-{NAME_MAX} lower-case letters, digits and '-', "
                "starting with a letter (it qualifies ids: payments:ADR-0007)"
            )
        if name in seen:
            raise fail(f"name '{name}' is used by an earlier source; names must be unique")
        seen.add(name)
        ref = entry.get("ref", DEFAULT_REF)
        if ref.startswith("-") or any(c.isspace() or c in "~^:?*[\\" for c in ref):
            raise fail(f"ref {ref!r} is not a branch, tag or commit name git accepts")
        path = entry.get("path", ".")
        if PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts:
            raise fail(f"path {path!r} must be inside the source repository")
        if git.startswith("-"):
            raise fail(f"git {git!r} must be a URL or a path, not an option")
        sources.append(Source(name, git, ref, path))
    return tuple(sources)


def redact_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced by ``***``.

    ``https://user:token@host/x.git`` becomes ``https://***@host/x.git``: a git message or
    a URL in the configuration may carry a token, and no hinges message or file shows one.
    """
    if "@" not in text:
        return text
    import re  # only when there is something to redact: reading the configuration stays cheap

    return re.sub(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s]+@", r"\1***@", text)
