"""`hinges mcp` notices every change to the registry before the next call, whether it asks
the kernel (inotify, the default on Linux) or looks at every file (``--poll``)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from mcp.client.session import ClientSession

from conftest import write_files
from digest_support import digest_registry
from hinges.config import load_config
from hinges.mcp_server.state import LiveRegistry, snapshot
from mcp_support import data_of, error_of, with_server

MODES = pytest.mark.parametrize("mode", [(), ("--poll",)], ids=["kernel", "poll"])


async def _record(session: ClientSession, record_id: str) -> Any:
    return data_of(await session.call_tool("get_record", {"id": record_id}))


async def _missing(session: ClientSession, record_id: str) -> str:
    return error_of(await session.call_tool("get_record", {"id": record_id}))


def _no_record(record_id: str) -> str:
    return f"Error executing tool get_record: no decision or tenet has the id {record_id!r}"


@MODES
def test_edits_additions_removals_and_renames_are_noticed(
    tmp_path: Path, mode: tuple[str, ...]
) -> None:
    root = digest_registry(tmp_path / "r")
    decisions = root / "decisions"
    search = decisions / "0001-search.md"

    async def work(session: ClientSession) -> None:
        assert (await _record(session, "ADR-0001"))["title"] == "Use OpenSearch for search"
        # Same size, and the modification time put back: only the change time and the
        # kernel's note tell the edit apart.
        before = search.stat()
        search.write_text(search.read_text().replace("OpenSearch", "Vespa-Solr"))
        os.utime(search, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = search.stat()
        assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        assert (await _record(session, "ADR-0001"))["title"] == "Use Vespa-Solr for search"

        copy = (decisions / "0005-kafka.md").read_text().replace("ADR-0005", "ADR-0007")
        (decisions / "0007-copy.md").write_text(copy)
        assert (await _record(session, "ADR-0007"))["path"] == "decisions/0007-copy.md"

        (decisions / "0006-rust.md").unlink()
        assert await _missing(session, "ADR-0006") == _no_record("ADR-0006")

        (decisions / "0005-kafka.md").rename(decisions / "0005-events.md")
        assert (await _record(session, "ADR-0005"))["path"] == "decisions/0005-events.md"

        (root / "tenets/T-003-old.md").unlink()
        assert await _missing(session, "T-003") == _no_record("T-003")

    with_server(root, work, *mode)


@MODES
def test_nested_folders_and_the_configuration_are_watched(
    tmp_path: Path, mode: tuple[str, ...]
) -> None:
    root = digest_registry(tmp_path / "r")
    (root / "docs").mkdir()
    (root / "decisions").rename(root / "docs/adr")
    (root / "hinges.toml").write_text('decisions_dir = "docs/adr"\n')
    search = root / "docs/adr/0001-search.md"

    async def work(session: ClientSession) -> None:
        assert (await _record(session, "ADR-0001"))["path"] == "docs/adr/0001-search.md"
        search.write_text(search.read_text().replace("Use OpenSearch", "Use Solr"))
        assert (await _record(session, "ADR-0001"))["title"] == "Use Solr for search"

        # A folder on the way to the records moved away, then back.
        (root / "docs").rename(root / "documents")
        assert "no registry here: docs/adr/ does not exist" in await _missing(session, "ADR-0001")
        (root / "documents").rename(root / "docs")
        assert (await _record(session, "ADR-0001"))["title"] == "Use Solr for search"

        # The configuration points elsewhere, then is removed (the defaults again).
        (root / "docs/other").mkdir()
        (root / "docs/other/0009-x.md").write_text(
            search.read_text().replace("ADR-0001", "ADR-0009")
        )
        (root / "hinges.toml").write_text('decisions_dir = "docs/other"\n')
        assert (await _record(session, "ADR-0009"))["path"] == "docs/other/0009-x.md"
        assert await _missing(session, "ADR-0001") == _no_record("ADR-0001")
        (root / "docs/other/0009-x.md").write_text(search.read_text())  # now ADR-0001
        assert (await _record(session, "ADR-0001"))["path"] == "docs/other/0009-x.md"

        # A broken configuration is reported on every call until it is mended.
        (root / "hinges.toml").write_text('decisions_dir = "docs/other\n')
        for _ in range(2):
            assert "hinges.toml: not valid TOML" in await _missing(session, "ADR-0001")
        (root / "hinges.toml").unlink()
        (root / "docs/adr").rename(root / "decisions")
        assert (await _record(session, "ADR-0001"))["path"] == "decisions/0001-search.md"

    with_server(root, work, *mode)


def _inotify_descriptors(root: Path) -> int:
    """How many inotify instances the ``hinges mcp`` child serving ``root`` holds open."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
            links = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        parent = next(line for line in status.splitlines() if line.startswith("PPid:"))
        if int(parent.split()[1]) == os.getpid() and str(root).encode() in command:
            return links.count("anon_inode:inotify")
    raise AssertionError("the server process was not found")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs Linux's /proc")
@MODES
def test_on_linux_the_kernel_is_asked_unless_told_to_poll(
    tmp_path: Path, mode: tuple[str, ...]
) -> None:
    root = digest_registry(tmp_path / "r")

    async def work(session: ClientSession) -> int:
        await _record(session, "ADR-0001")
        return _inotify_descriptors(root)

    assert with_server(root, work, *mode) == (0 if mode else 1)


def _title(live: LiveRegistry, record_id: str) -> str | None:
    return live.current().decisions_by_id()[record_id][0].title


@pytest.mark.parametrize("poll", [False, True], ids=["kernel", "poll"])
def test_a_linked_record_is_watched_where_it_lives(tmp_path: Path, poll: bool) -> None:
    root = digest_registry(tmp_path / "r")
    shared = root / "shared/search.md"
    shared.parent.mkdir()
    (root / "decisions/0001-search.md").rename(shared)
    (root / "decisions/0001-search.md").symlink_to("../shared/search.md")
    live = LiveRegistry(root, poll=poll)
    assert live.watching is not poll
    assert _title(live, "ADR-0001") == "Use OpenSearch for search"
    shared.write_text(shared.read_text().replace("Use OpenSearch", "Use Solr"))
    assert _title(live, "ADR-0001") == "Use Solr for search"
    assert live.loads == 2


def test_files_that_are_not_records_do_not_reload_the_registry(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    live = LiveRegistry(root)
    assert live.watching
    for name in ("decisions/.0001-search.md.swp", "decisions/0001-search.md~", "README.md"):
        (root / name).write_text("an editor's or someone else's file")
    (root / "decisions/README.md").write_text("# Decisions\n")  # ignored by the loader
    (root / "src").mkdir()
    (root / "src/app.py").write_text("print()\n")
    assert _title(live, "ADR-0001") == "Use OpenSearch for search"
    assert live.loads == 1
    search = root / "decisions/0001-search.md"
    search.write_text(search.read_text().replace("Use OpenSearch", "Use Solr"))
    assert _title(live, "ADR-0001") == "Use Solr for search"
    assert live.loads == 2


def test_overlapping_calls_all_see_a_change_made_before_them(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    text = (root / "decisions/0004-new.md").read_text()
    for number in range(10, 200):  # enough records that a reload takes a while
        (root / f"decisions/{number:04d}-x.md").write_text(
            text.replace("ADR-0004", f"ADR-{number:04d}").replace("supersedes: [ADR-0003]", "")
        )
    live = LiveRegistry(root)
    search = root / "decisions/0001-search.md"
    search.write_text(search.read_text().replace("Use OpenSearch", "Use Solr"))
    start = threading.Barrier(8)
    titles: list[str | None] = []

    def call() -> None:
        start.wait()
        titles.append(_title(live, "ADR-0001"))

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert titles == ["Use Solr for search"] * 8
    assert live.loads == 2


@pytest.mark.parametrize("by_folder", [True, False], ids=["stat-in-folder", "scandir"])
def test_looking_at_every_file_sees_every_kind_of_change(tmp_path: Path, by_folder: bool) -> None:
    root = digest_registry(tmp_path / "r")
    config = load_config(root)
    search = root / "decisions/0001-search.md"
    before = search.stat()

    def edit_keeping_size_and_time() -> None:
        search.write_text(search.read_text().replace("OpenSearch", "Vespa-Solr"))
        os.utime(search, ns=(before.st_atime_ns, before.st_mtime_ns))

    changes = [
        edit_keeping_size_and_time,
        lambda: (root / "decisions/0007-new.md").write_text("---\nid: ADR-0007\n---\n"),
        lambda: (root / "decisions/0006-rust.md").unlink(),
        lambda: (root / "decisions/0005-kafka.md").rename(root / "decisions/0005-x.md"),
        lambda: (root / "tenets/T-003-old.md").unlink(),
        lambda: (root / "hinges.toml").write_text("# settings\n"),
        lambda: write_files(root, {".github/CODEOWNERS": "* @arch\n"}),
        lambda: (root / "tenets").rename(root / "old-tenets"),
    ]
    seen = snapshot(root, config, by_folder=by_folder)
    (root / "decisions/notes.txt").write_text("not a record")
    assert snapshot(root, config, by_folder=by_folder) == seen
    for number, change in enumerate(changes):
        change()
        now = snapshot(root, config, by_folder=by_folder)
        assert now != seen, number
        seen = now
