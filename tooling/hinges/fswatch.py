"""Ask the kernel what changed in some folders, instead of looking at every file (Linux).

A process that answers from files it read once (``hinges mcp``) must notice, before each
answer, a file edited, added, removed or renamed since. Looking means one ``stat`` per
file: at 10,000 records, 35-60 ms per answer on a virtual machine. Linux's inotify puts
a note in a queue in the kernel while the write, rename or unlink is being made, before
that system call returns; so one non-blocking ``read`` of the queue sees every change
completed before it, whatever the resolution of the file system's timestamps, and an
edit that keeps a file's size and modification time is seen too.

:func:`start_watch` returns ``None`` where that does not hold and the caller must look at
the files instead: not Linux, no inotify, a watch limit reached, or a folder on a file
system whose changes can be made where this kernel does not see them (NFS, SMB, FUSE,
9p and virtiofs shares from a host, ...): only the local file systems in
:data:`LOCAL_FILE_SYSTEMS` are watched. Not seen either way: writes through a memory map,
and writes to a hard link of a file in a folder that is not watched.
"""

from __future__ import annotations

import errno
import os
import re
import struct
import sys
from collections.abc import Callable

LOCAL_FILE_SYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "f2fs", "zfs", "bcachefs", "overlay"}
)
"""File systems whose every change passes through this kernel (``overlay``: a container's)."""

# From <sys/inotify.h>.
_MODIFY, _ATTRIB = 0x2, 0x4
_MOVED_FROM, _MOVED_TO, _CREATE, _DELETE = 0x40, 0x80, 0x100, 0x200
_DELETE_SELF, _MOVE_SELF, _UNMOUNT, _OVERFLOW, _IGNORED = 0x400, 0x800, 0x2000, 0x4000, 0x8000
_ONLYDIR = 0x01000000
_MASK = _MODIFY | _ATTRIB | _MOVED_FROM | _MOVED_TO | _CREATE | _DELETE | _DELETE_SELF
_MASK |= _MOVE_SELF | _ONLYDIR
_THE_FOLDER_ITSELF = _DELETE_SELF | _MOVE_SELF | _UNMOUNT | _OVERFLOW | _IGNORED
_OCTAL = re.compile(r"\\([0-7]{3})")
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, length of the name that follows

Wants = Callable[[str], bool]
"""Which names in a watched folder matter (a change to any other is ignored)."""


def _unescape(field: str) -> str:
    """A path from /proc/self/mountinfo, where space, tab, newline, backslash are octal."""
    return _OCTAL.sub(lambda match: chr(int(match.group(1), 8)), field)


def file_system_of(path: str, mountinfo: str) -> str | None:
    """The type of the file system holding ``path`` (a real path), from mountinfo's text."""
    best, kind = "", None
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if " - " not in line or len(fields) < 5:
            continue
        point = _unescape(fields[4])
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):  # the last mount over a point wins
            best, kind = point, line.split(" - ", 1)[1].split(" ", 1)[0]
    return kind


class FolderWatch:
    """Changes to chosen names in chosen folders, since the watch began or was last asked."""

    def __init__(self, fd: int, add: Callable[[int, bytes, int], int], mountinfo: str) -> None:
        self._fd = fd
        self._add = add
        self._mountinfo = mountinfo
        self._wants: dict[int, list[Wants]] = {}

    def add(self, folder: str, wants: Wants) -> bool | None:
        """Watch ``folder`` for changes to the names ``wants`` accepts, and for the folder
        itself being moved or removed. False when it is not there (or not a folder); None
        when it cannot be watched, and the whole watch must not be trusted."""
        real = os.path.realpath(folder)
        if file_system_of(real, self._mountinfo) not in LOCAL_FILE_SYSTEMS:
            return None
        wd = self._add(self._fd, os.fsencode(real), _MASK)
        if wd < 0:
            code = _errno()
            return False if code in (errno.ENOENT, errno.ENOTDIR) else None
        self._wants.setdefault(wd, []).append(wants)  # one folder may be asked for twice
        return True

    def changed(self) -> bool:
        """Whether anything wanted changed since the last call (reads the whole queue)."""
        found = False
        while True:
            try:
                data = os.read(self._fd, 64 * 1024)
            except BlockingIOError:
                return found
            offset = 0
            while offset < len(data):
                wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size
                name = os.fsdecode(data[offset : offset + length].rstrip(b"\0"))
                offset += length
                # An event without a name is about the watched folder itself.
                itself = mask & _THE_FOLDER_ITSELF or not name
                if itself or any(wants(name) for wants in self._wants.get(wd, ())):
                    found = True

    def close(self) -> None:
        os.close(self._fd)


def _errno() -> int:
    import ctypes

    return ctypes.get_errno()


def start_watch(mountinfo: str | None = None) -> FolderWatch | None:
    """An empty watch to :meth:`~FolderWatch.add` folders to, or None where the kernel
    cannot tell this process about changes (then look at the files). ``mountinfo``: the
    mount table to judge file systems by, instead of this process's."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        init, add = libc.inotify_init1, libc.inotify_add_watch
        if mountinfo is None:
            with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as file:
                mountinfo = file.read()
    except (OSError, AttributeError):
        return None
    init.argtypes, init.restype = [ctypes.c_int], ctypes.c_int
    add.argtypes, add.restype = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32], ctypes.c_int
    fd = init(os.O_NONBLOCK | os.O_CLOEXEC)  # IN_NONBLOCK, IN_CLOEXEC
    if fd < 0:  # too many inotify instances for this user
        return None
    return FolderWatch(fd, add, mountinfo)
