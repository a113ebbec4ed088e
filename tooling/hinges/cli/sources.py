"""``hinges sources``: sync other registries into the cache, and list what the cache holds."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hinges.cli._common import echo, resolve_root, root_option

if TYPE_CHECKING:
    from hinges.sources.sync import SyncResult

_NO_SOURCES = "no sources configured: add [[sources]] to hinges.toml (docs/guide/organisation.md)"


@click.group("sources")
def sources_group() -> None:
    """Other registries (organisation tenets, other repositories) named by qualified ids."""


def _short(commit: str | None) -> str:
    return commit[:12] if commit else "-"


def result_line(result: SyncResult) -> str:
    """One line of the sync report for ``result``."""
    name, state = result.source.name, result.state
    commit = _short(state.commit if state else None)
    if result.outcome == "current":
        return f"{name}: up to date at {commit}"
    if result.outcome == "fetched":
        was = f"was {_short(result.previous)}" if result.previous else "first sync"
        return f"{name}: fetched {commit} ({was})"
    kept = (
        f"kept the copy of {state.commit[:12]} synced {state.checked_at}"
        if state is not None
        else "no copy to fall back on"
    )
    return f"{name}: FAILED: {result.error}; {kept}"


@sources_group.command("sync")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1, max=32),
    default=4,
    show_default=True,
    help="How many sources to sync at once.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on standard error.")
@root_option
def sync_command(jobs: int, quiet: bool, root: Path | None) -> int:
    """Fetch every source's registry into .hinges/sources/ (shallow: only its record
    folders and configuration). A source whose commit has not moved costs one
    'git ls-remote'. Authentication is git's own (credential helpers, SSH); git never
    prompts.

    A source that cannot be fetched keeps its cached copy; the others are still synced.

    Exit status: 0 every source synced, 1 a source failed (named), 2 usage or
    configuration error.
    """
    from hinges.sources.cache import ensure_cache_dir
    from hinges.sources.sync import prune, sync_all

    registry_root, config = resolve_root(root)
    if config.sources:
        ensure_cache_dir(registry_root)
    removed = prune(registry_root, config)
    for name in removed:
        echo(f"{name}: removed its cached copy (no longer in the configuration)")
    if not config.sources:
        echo(_NO_SOURCES)
        return 0
    progress = not quiet and sys.stderr.isatty()
    total, done, lock = len(config.sources), [0], threading.Lock()

    def on_done(result: SyncResult) -> None:
        if not progress:
            return
        with lock:
            done[0] += 1
            echo(f"[{done[0]}/{total}] {result_line(result)}", err=True)

    results = sync_all(registry_root, config, jobs=jobs, on_done=on_done)
    for result in results:
        echo(result_line(result))
    failed = [result.source.name for result in results if result.outcome == "failed"]
    if failed:
        echo(
            f"hinges: {len(failed)} of {total} sources could not be synced: {', '.join(failed)}",
            err=True,
        )
        return 1
    return 0


@sources_group.command("list")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@root_option
def list_command(output_format: str, root: Path | None) -> int:
    """Show each source: ref, cached commit, when it was last synced, and whether the
    copy is stale or missing. Reads the cache only (no network).

    Exit status: 0 (even when a copy is stale or missing), 2 usage or configuration error.
    """
    import json

    from hinges.sources import load_sources

    registry_root, config = resolve_root(root)
    sources = load_sources(registry_root, config)
    rows = []
    for name, found in sources.items():
        state = found.state
        if found.problem is not None:
            condition = f"unreadable: {found.problem}"
        elif state is None:
            condition = "not synced"
        else:
            condition = f"stale: {found.stale}" if found.stale else "current"
        rows.append(
            {
                "name": name,
                "ref": found.source.ref,
                "commit": state.commit if state else None,
                "synced_at": state.checked_at if state else None,
                "records": len(found.records()),
                "condition": condition,
            }
        )
    if output_format == "json":
        echo(json.dumps({"format_version": 1, "sources": rows}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        echo(_NO_SOURCES)
        return 0
    header = ("NAME", "REF", "COMMIT", "SYNCED AT", "RECORDS", "CONDITION")
    table = [header] + [
        (
            str(row["name"]),
            str(row["ref"]),
            _short(row["commit"]),  # type: ignore[arg-type]
            str(row["synced_at"] or "-"),
            str(row["records"]),
            str(row["condition"]),
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in table) for column in range(len(header) - 1)]
    for line in table:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        echo("  ".join([*cells, line[-1]]))
    return 0
