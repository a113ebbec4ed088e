"""``hinges sources sync``: bring each source's cached copy up to date, one source at a time.

A source whose remote commit is the one cached costs one ``git ls-remote`` (its age is
reset in ``checked.json``, written once for the whole sync); a moved one is fetched into
a new folder that the state is then switched to atomically (:mod:`hinges.sources.cache`).
A source that fails keeps its cached copy, and never stops the others: the caller reports
every failure.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from hinges.config import Config, load_config
from hinges.errors import HingesError
from hinges.net.gitremote import fetch_tree, remote_commit
from hinges.source_config import Source, redact_credentials
from hinges.sources.cache import (
    STATE_FILE,
    Checked,
    SourceState,
    ensure_cache_dir,
    iso,
    read_checked,
    read_state,
    source_dir,
    sources_dir,
    tree_dir,
    utc_now,
    write_checked,
    write_state,
)

Outcome = Literal["fetched", "current", "failed"]


@dataclass(frozen=True)
class SyncResult:
    """What a sync did to one source."""

    source: Source
    outcome: Outcome
    state: SourceState | None
    """The state after the sync: for a failure, the copy that was kept (None: no copy)."""
    previous: str | None = None
    """The commit cached before, when a fetch replaced it."""
    error: str | None = None


def location(root: Path, source: Source) -> str:
    """What git is given: the URL, or a local path made absolute from the registry root."""
    # Lexically (no file system calls): the root is already resolved, and git reads the path.
    return os.path.normpath(root / source.git) if source.is_local() else source.git


def _registry_folders(registry_root: Path) -> list[str]:
    """The record folders a source's own configuration names (defaults without one)."""
    try:
        config = load_config(registry_root)
    except HingesError as error:
        raise HingesError(f"its configuration is unusable: {error.format()}") from None
    return [config.decisions_dir, config.tenets_dir]


def _clear_leftovers(folder: Path, keep: str | None) -> None:
    """Remove what an interrupted or superseded sync left: every tree the state does not name."""
    for entry in folder.iterdir():
        if entry.name not in (STATE_FILE, keep) and not entry.name.startswith(f".{STATE_FILE}"):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _is_current(state: SourceState | None, source: Source, commit: str, root: Path) -> bool:
    return (
        state is not None
        and state.commit == commit
        and (state.git, state.ref, state.path)
        == (redact_credentials(source.git), source.ref, source.path)
        and tree_dir(root, state).is_dir()
    )


def sync_source(
    root: Path, source: Source, now: dt.datetime | None = None, checked: Checked | None = None
) -> SyncResult:
    """Bring one source's cached copy up to date; a failure is a result, never raised.

    An unchanged source writes nothing: the caller records its new ``checked_at`` (the
    result's state) with :func:`hinges.sources.cache.write_checked`.
    """
    moment = iso(now or utc_now())
    folder = source_dir(root, source.name)
    state = read_state(root, source.name, checked)
    where = location(root, source)
    temporary = folder / f"tmp-{secrets.token_hex(4)}"
    try:
        # The full name ls-remote matched is fetched: "main" could also be a tag there.
        commit, refname = (
            (source.ref, source.ref) if source.pinned() else remote_commit(where, source.ref, root)
        )
        if state is not None and _is_current(state, source, commit, root):
            return SyncResult(source, "current", replace(state, checked_at=moment))
        folder.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(folder, state.tree if state else None)
        fetched = fetch_tree(where, refname, source.path, temporary, _registry_folders)
        tree = f"tree-{fetched[:12]}-{temporary.name[4:]}"
        temporary.rename(folder / tree)
        new = SourceState(
            source.name,
            redact_credentials(source.git),
            source.ref,
            source.path,
            fetched,
            tree,
            moment,
            moment,
        )
        write_state(root, new)  # the switch: from here on readers see the new tree
    except (HingesError, OSError) as error:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)
        message = error.message if isinstance(error, HingesError) else str(error)
        return SyncResult(source, "failed", state, error=message)
    if state is not None and state.tree != tree:
        shutil.rmtree(tree_dir(root, state), ignore_errors=True)
    return SyncResult(source, "fetched", new, previous=state.commit if state else None)


def prune(root: Path, config: Config) -> list[str]:
    """Remove the cached copies of sources the configuration no longer names."""
    folder = sources_dir(root)
    if not folder.is_dir():
        return []
    names = {source.name for source in config.sources}
    removed = sorted(
        entry.name for entry in folder.iterdir() if entry.is_dir() and entry.name not in names
    )
    for name in removed:
        shutil.rmtree(folder / name)
    return removed


def sync_all(
    root: Path,
    config: Config,
    *,
    jobs: int = 4,
    on_done: Callable[[SyncResult], None] | None = None,
    now: dt.datetime | None = None,
) -> list[SyncResult]:
    """Sync every configured source, ``jobs`` at a time; results in configuration order.

    ``on_done`` is called (from worker threads, one call at a time per result) as each
    source finishes, for progress on a terminal.
    """
    ensure_cache_dir(root)
    moment = now or utc_now()
    checked = read_checked(root)

    def one(source: Source) -> SyncResult:
        result = sync_source(root, source, moment, checked)
        if on_done is not None:
            on_done(result)
        return result

    if jobs <= 1 or len(config.sources) <= 1:
        results = [one(source) for source in config.sources]
    else:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(one, config.sources))
    names = {source.name for source in config.sources}
    kept = {name: entry for name, entry in checked.items() if name in names}
    for result in results:
        if result.outcome == "current" and result.state is not None:
            kept[result.source.name] = (result.state.commit, result.state.checked_at)
    if kept or checked:
        write_checked(root, kept)
    return results
