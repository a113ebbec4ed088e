"""Where synced sources live: ``.hinges/sources/<name>/`` under the registry root.

Each source's folder holds ``state.json`` (what was fetched, from where, when) and one
checked-out tree that the state names. A sync writes a new tree beside the old one and
then replaces ``state.json`` atomically, so a reader (or an interrupted sync) always finds
the state pointing at a complete tree; trees the state no longer names are removed by the
next sync. ``.hinges/`` carries its own ``.gitignore`` (``*``), so the cache is never
committed and the user's ``.gitignore`` is left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from hinges import atomic
from hinges.errors import HingesError

CACHE_DIR = ".hinges"
SOURCES_DIR = "sources"
STATE_FILE = "state.json"
CHECKED_FILE = "checked.json"
"""In ``.hinges/sources/``: when each source was last found current, for the whole sync."""
STATE_FORMAT = 1
_GITIGNORE = "# hinges' cache (hinges sources sync): never committed\n*\n"


@dataclass(frozen=True)
class SourceState:
    """What the last successful sync of one source fetched."""

    name: str
    git: str
    """The source's git URL or path, with credentials redacted."""
    ref: str
    path: str
    commit: str
    """The commit id the tree was checked out from."""
    tree: str
    """The folder (inside the source's cache folder) holding the checked-out files."""
    fetched_at: str
    """When the tree was fetched (UTC, ISO 8601)."""
    checked_at: str
    """When a sync last found the tree current (UTC, ISO 8601): the age of the cache."""

    def checked_time(self) -> dt.datetime | None:
        try:
            moment = dt.datetime.fromisoformat(self.checked_at)
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    """``2026-12-03T08:30:00Z``: seconds, UTC."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sources_dir(root: Path) -> Path:
    return root / CACHE_DIR / SOURCES_DIR


def source_dir(root: Path, name: str) -> Path:
    return sources_dir(root) / name


def ensure_cache_dir(root: Path) -> Path:
    """Create ``.hinges/sources/`` with the ``.gitignore`` that keeps it out of git."""
    folder = sources_dir(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = root / CACHE_DIR / ".gitignore"
        if not ignore.exists():
            atomic.write_text(ignore, _GITIGNORE)
    except OSError as error:
        raise HingesError(
            f"cannot create the cache of sources: {error.strerror or error}; "
            f"{CACHE_DIR}/ must be a folder hinges can write",
            path=f"{CACHE_DIR}/{SOURCES_DIR}",
        ) from None
    return folder


Checked = dict[str, tuple[str, str]]
"""Source name -> (commit, when a sync last found that commit current)."""


def read_checked(root: Path) -> Checked:
    """The times syncs last found each source current (empty when unreadable)."""
    try:
        data = json.loads((sources_dir(root) / CHECKED_FILE).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: (entry["commit"], entry["checked_at"])
        for name, entry in data.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("commit"), str)
        and isinstance(entry.get("checked_at"), str)
    }


def write_checked(root: Path, checked: Checked) -> None:
    """Record, in one file for the whole sync, when each source was last found current.

    A sync that finds a source unchanged writes nothing in that source's folder: one
    write for all of them keeps an unchanged source's cost to its ``git ls-remote``.
    """
    data = {name: {"commit": c, "checked_at": at} for name, (c, at) in sorted(checked.items())}
    _replace(sources_dir(root) / CHECKED_FILE, json.dumps(data, indent=2) + "\n")


def read_state(root: Path, name: str, checked: Checked | None = None) -> SourceState | None:
    """The state of a synced source; None when it was never synced or the state is unusable.

    An unusable state (edited by hand, from a future format) counts as no cache: the next
    sync fetches again, and nothing is read from a tree the state does not vouch for. Its
    ``checked_at`` is the later of its own and the one ``checked.json`` holds for the same
    commit (``checked``: that file, already read by the caller).
    """
    try:
        data = json.loads((source_dir(root, name) / STATE_FILE).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return None
    keys = SourceState.__dataclass_fields__
    if not all(isinstance(data.get(key), str) for key in keys):
        return None
    state = SourceState(**{key: data[key] for key in keys})
    if state.name != name or "/" in state.tree or state.tree in ("", ".", ".."):
        return None
    commit, checked_at = (read_checked(root) if checked is None else checked).get(name, ("", ""))
    if commit == state.commit and checked_at > state.checked_at:  # ISO UTC: text order is time
        state = replace(state, checked_at=checked_at)
    return state


def write_state(root: Path, state: SourceState) -> None:
    """Replace the state atomically (a temporary file renamed over it), without ``fsync``.

    Readers never see a half-written state. After a power loss the state may be empty,
    which :func:`read_state` treats as never synced: the next sync fetches again. Syncing
    to disk would cost about a millisecond per source on every sync, a large part of what
    an unchanged source otherwise costs besides its ``git ls-remote``.
    """
    data = {"format": STATE_FORMAT, **asdict(state)}
    _replace(source_dir(root, state.name) / STATE_FILE, json.dumps(data, indent=2) + "\n")


def _replace(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def tree_dir(root: Path, state: SourceState) -> Path:
    return source_dir(root, state.name) / state.tree
