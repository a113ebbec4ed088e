"""hinges.fswatch: the kernel's notes of changed files, read without blocking (Linux)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from hinges.fswatch import FolderWatch, file_system_of, start_watch

MOUNTS = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 253:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 27 0:50 / /home/me/my\\040repo rw,relatime shared:7 - nfs4 server:/x rw
41 27 0:51 / /home/me/my\\040repo/local rw - tmpfs tmpfs rw
42 27 0:52 / /mnt rw - ext4 /dev/vdb rw
43 42 0:53 / /mnt rw - fuse.sshfs host:/ rw
"""

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="inotify is Linux's; elsewhere files are looked at"
)


def test_the_file_system_of_a_path_is_that_of_its_nearest_and_last_mount() -> None:
    assert file_system_of("/home/me/project", MOUNTS) == "ext4"
    assert file_system_of("/home/me/my repo/decisions", MOUNTS) == "nfs4"
    assert file_system_of("/home/me/my repo", MOUNTS) == "nfs4"
    assert file_system_of("/home/me/my repo/local/x", MOUNTS) == "tmpfs"
    assert file_system_of("/home/me/my repository", MOUNTS) == "ext4"
    assert file_system_of("/mnt/share", MOUNTS) == "fuse.sshfs"  # mounted over /mnt
    assert file_system_of("/x", "") is None


def _watch(mountinfo: str | None = None) -> FolderWatch:
    watch = start_watch(mountinfo)
    assert watch is not None
    return watch


def test_only_wanted_names_and_the_folder_itself_count(tmp_path: Path) -> None:
    folder = tmp_path / "decisions"
    folder.mkdir()
    (folder / "a.md").write_text("one")
    watch = _watch()
    try:
        assert watch.add(str(folder), lambda name: name.endswith(".md")) is True
        assert watch.changed() is False
        (folder / ".a.md.swp").write_text("editor state")
        (folder / "notes.txt").write_text("x")
        assert watch.changed() is False
        with open(folder / "a.md", "r+") as file:  # in place, same size
            file.write("two")
        assert watch.changed() is True
        assert watch.changed() is False  # each note is read once
        (folder / "a.md").rename(folder / "b.md")
        (folder / "b.md").unlink()
        (folder / "c.md").write_text("three")
        assert watch.changed() is True
        assert watch.changed() is False  # all of them, at once
        os.chmod(folder / "c.md", 0o600)
        assert watch.changed() is True
        shutil.rmtree(folder)
        assert watch.changed() is True
        assert watch.add(str(folder), lambda name: True) is False
        (tmp_path / "file").write_text("")
        assert watch.add(str(tmp_path / "file"), lambda name: True) is False
    finally:
        watch.close()


def test_many_changes_overflowing_the_queue_still_count(tmp_path: Path) -> None:
    watch = _watch()
    try:
        assert watch.add(str(tmp_path), "wanted.md".__eq__) is True
        limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
        noise = [str(tmp_path / "a"), str(tmp_path / "b")]
        for path in noise:
            Path(path).touch()
        for number in range(limit + 10):  # alternately: equal notes in a row are merged
            os.utime(noise[number % 2])
        assert watch.changed() is True  # the overflow note: something may have been lost
    finally:
        watch.close()


def test_a_folder_on_a_shared_file_system_is_not_trusted(tmp_path: Path) -> None:
    real = os.path.realpath(tmp_path)
    shared = f"27 1 253:0 / / rw - ext4 /dev/vda rw\n40 27 0:50 / {real} rw - nfs4 s:/x rw\n"
    watch = _watch(shared)
    try:
        assert watch.add(str(tmp_path), lambda name: True) is None
    finally:
        watch.close()
    watch = _watch(f"27 1 253:0 / / rw - ext4 /dev/vda rw\n40 27 0:50 / {real} rw - xfs v rw\n")
    try:
        assert watch.add(str(tmp_path), lambda name: True) is True
    finally:
        watch.close()
