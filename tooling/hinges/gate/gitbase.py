"""Read the registry as it is at a git ref, without checking anything out.

A handful of git processes whatever the size of the registry: ``rev-parse`` resolves the
ref, ``ls-tree`` lists the record files (with their sizes) under the configured folders,
``merge-base`` finds where HEAD forked from it, and one ``cat-file --batch`` streams every
blob. When HEAD is behind the ref, the fork's record files are listed as well and the
records the base changed since are read in the same batch. The blobs go through the same
:func:`hinges.loader.load_record` as files on disk, so the same limits hold and a broken
record at the base is a finding (kept in :attr:`Registry.findings`), never an exception.

Only objects are read, so this works from a shallow clone as soon as the base commit has
been fetched (``git fetch --depth=1 origin main``). The registry root may be a subfolder of
the work tree; its folders are looked up at the same place in the ref. The configuration
used is the working tree's (the folders a pull request changes are read at both sides
with the same settings).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hinges.config import Config
from hinges.errors import HingesError, UsageError
from hinges.findings import Finding, Severity
from hinges.gate.compare import BaseRegistry, Fork
from hinges.git import GitUnavailable, git_text, run_git
from hinges.loader import UNREADABLE, collector_paused, load_record
from hinges.records import Record, RecordKind
from hinges.schema import fields_for


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a record folder at the ref."""

    relpath: str
    """Relative to the registry root, with forward slashes."""
    mode: str
    kind: str
    object_id: str
    size: int | None


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return run_git(cwd, *args, stdin=stdin)
    except GitUnavailable as error:
        raise UsageError(f"{error.message}; --base needs git") from None


def work_tree_of(root: Path) -> tuple[Path, str]:
    """The top of the git work tree holding ``root``, and ``root``'s prefix in it ("" or "a/b/")."""
    done = _git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    if done.returncode != 0:
        raise UsageError(
            f"--base needs the registry to be in a git repository, and {root} is not "
            f"({git_text(done.stderr) or 'git rev-parse failed'})"
        )
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    top = Path(lines[0])
    prefix = lines[1] if len(lines) > 1 else ""
    return top, prefix


def resolve_commit(top: Path, ref: str) -> str:
    """The commit id ``ref`` names; a UsageError telling how to fetch it when there is none."""
    if not ref or ref.startswith("-"):
        raise UsageError(f"--base {ref!r} is not a git ref")
    done = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if done.returncode != 0:
        branch = ref.removeprefix("origin/")
        raise UsageError(
            f"the base ref '{ref}' is not a commit in this repository; in a shallow CI "
            f"checkout fetch it first, e.g. 'git fetch --depth=1 origin {branch}' "
            f"(then pass --base origin/{branch} or --base FETCH_HEAD)"
        )
    return git_text(done.stdout)


def _parse_tree_listing(output: bytes, prefix: str) -> list[TreeEntry]:
    entries = []
    for record in output.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, object_id, size = meta.decode("ascii").split()
        path = raw_path.decode("utf-8", "surrogateescape")
        entries.append(
            TreeEntry(
                path.removeprefix(prefix),
                mode,
                kind,
                object_id,
                int(size) if size.isdigit() else None,
            )
        )
    return entries


def list_folder(top: Path, commit: str, prefix: str, folder: str) -> list[TreeEntry]:
    """The direct entries of ``folder`` (relative to the registry root) at ``commit``."""
    done = _git(top, "ls-tree", "-z", "-l", "--full-tree", commit, "--", f"{prefix}{folder}/")
    if done.returncode != 0:
        raise HingesError(f"git ls-tree failed at {commit}: {git_text(done.stderr)}")
    return _parse_tree_listing(done.stdout, prefix)


def read_blobs(top: Path, object_ids: list[str]) -> dict[str, bytes]:
    """The contents of ``object_ids``, read by one ``git cat-file --batch`` process."""
    if not object_ids:
        return {}
    request = "".join(f"{object_id}\n" for object_id in object_ids).encode("ascii")
    done = _git(top, "cat-file", "--batch", stdin=request)
    if done.returncode != 0:
        raise HingesError(f"git cat-file failed: {git_text(done.stderr)}")
    blobs: dict[str, bytes] = {}
    output, position = done.stdout, 0
    for object_id in object_ids:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].decode("ascii").split()
        if len(header) != 3:  # "<id> missing": not fetched in a partial clone
            raise UsageError(
                f"object {object_id} is missing from this clone; fetch the base ref fully"
            )
        size = int(header[2])
        start = header_end + 1
        blobs[object_id] = output[start : start + size]
        position = start + size + 1  # the content is followed by a newline
    return blobs


def _entry_problem(entry: TreeEntry, ref: str, max_bytes: int) -> str | None:
    if entry.kind != "blob":
        return f"is a {entry.kind} at {ref}, not a file; not read"
    if entry.mode == "120000":
        return f"is a symlink at {ref}; not read"
    if entry.size is not None and entry.size > max_bytes:
        return f"is {entry.size} bytes at {ref}, more than max_file_bytes ({max_bytes}); not read"
    return None


def _list_records(
    top: Path, commit: str, prefix: str, config: Config, ref: str
) -> tuple[dict[str, RecordKind], list[tuple[RecordKind, TreeEntry]], list[Finding]]:
    """Every record file at ``commit``, those that can be read, and why the others cannot."""
    files: dict[str, RecordKind] = {}
    wanted: list[tuple[RecordKind, TreeEntry]] = []
    problems: list[Finding] = []
    folders: list[tuple[RecordKind, str]] = [
        ("decision", config.decisions_dir),
        ("tenet", config.tenets_dir),
    ]
    for kind, folder in folders:
        for entry in list_folder(top, commit, prefix, folder):
            name = entry.relpath.rsplit("/", 1)[-1]
            if not name.endswith(".md") or name in config.ignore or name.startswith("."):
                continue
            files[entry.relpath] = kind
            problem = _entry_problem(entry, ref, config.max_file_bytes)
            if problem is None:
                wanted.append((kind, entry))
            else:
                problems.append(Finding(UNREADABLE, Severity.ERROR, entry.relpath, 1, 1, problem))
    return files, wanted, problems


def _load(
    wanted: list[tuple[RecordKind, TreeEntry]], blobs: dict[str, bytes], config: Config
) -> Iterator[Record | Finding]:
    with collector_paused():
        specs = {kind: fields_for(kind, config) for kind in ("decision", "tenet")}
        for kind, entry in wanted:
            yield load_record(
                kind, entry.relpath, blobs[entry.object_id], config, specs=specs[kind]
            )


def diff_start(root: Path, ref: str) -> str:
    """The commit a branch's changes are counted from: where HEAD forked from ``ref``, or
    ``ref`` itself when that cannot be known (see :func:`fork_commit`)."""
    top, _prefix = work_tree_of(root)
    commit = resolve_commit(top, ref)
    return fork_commit(top, commit) or commit


def fork_commit(top: Path, commit: str) -> str | None:
    """Where HEAD forked from ``commit`` (their merge-base), or None when it is ``commit``
    itself (HEAD contains the base, as a merge result does) or cannot be known (no common
    history, no HEAD yet, or a shallow clone that lacks it)."""
    done = _git(top, "merge-base", commit, "HEAD")
    fork = git_text(done.stdout) if done.returncode == 0 else ""
    return fork if fork and fork != commit else None


def load_base_registry(root: Path, config: Config, ref: str) -> BaseRegistry:
    """The registry under ``root`` as it is at git ref ``ref`` (loaded with ``config``).

    When the working tree's HEAD is behind ``ref`` (forked from it before its latest
    commits), the record files at the fork are listed too, and the fork's version of each
    record the base has changed or removed since is read, so the gate can tell which side
    made a change (:class:`hinges.gate.compare.Fork`).
    """
    top, prefix = work_tree_of(root)
    commit = resolve_commit(top, ref)
    registry = BaseRegistry(root, config, ref=ref)
    registry.files, wanted, registry.findings = _list_records(top, commit, prefix, config, ref)
    forked = fork_commit(top, commit)
    fork_files: dict[str, RecordKind] = {}
    fork_wanted: list[tuple[RecordKind, TreeEntry]] = []
    if forked is not None:
        fork_files, at_fork, _ = _list_records(top, forked, prefix, config, ref)
        at_base = {entry.relpath: entry.object_id for _, entry in wanted}
        fork_wanted = [
            item for item in at_fork if at_base.get(item[1].relpath) != item[1].object_id
        ]
    object_ids = {entry.object_id for _, entry in [*wanted, *fork_wanted]}
    blobs = read_blobs(top, sorted(object_ids))
    for loaded in _load(wanted, blobs, config):
        if isinstance(loaded, Finding):
            registry.findings.append(loaded)
        elif loaded.kind == "decision":
            registry.decisions.append(loaded)
        else:
            registry.tenets.append(loaded)
    if forked is not None:
        versions = [loaded for loaded in _load(fork_wanted, blobs, config)]
        records = {loaded.path: loaded for loaded in versions if isinstance(loaded, Record)}
        registry.fork = Fork(fork_files, records)
    return registry
