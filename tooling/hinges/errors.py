"""The errors hinges raises to its callers.

Every error a user can cause derives from :class:`HingesError` and carries a message that
names what is wrong and what to do. Only the CLI turns them into output and exit codes:

* :class:`UsageError` and :class:`ConfigError` mean the run could not start (exit 2);
* anything else derived from :class:`HingesError` is a failure of the run (exit 1).

Problems inside records are never raised: they are :class:`hinges.findings.Finding` values.
"""

from __future__ import annotations

from pathlib import Path

from hinges.visible import visible


class HingesError(Exception):
    """Root of every error hinges reports to a user as a message rather than a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.format())

    def format(self) -> str:
        """``path:line: message``; the path as :func:`hinges.visible.visible` shows it.

        A file name is untrusted like a record's content: one holding ``ESC [2J`` must not
        clear the terminal of whoever reads the error.
        """
        if self.path is None:
            return self.message
        path = visible(str(self.path))
        where = path if self.line is None else f"{path}:{self.line}"
        return f"{where}: {self.message}"


class UsageError(HingesError):
    """The command was called in a way that cannot work (a bad option, a missing registry)."""

    exit_code = 2


class ConfigError(HingesError):
    """The configuration file is unreadable or names unknown settings or values."""

    exit_code = 2


def no_registry_error(root: Path, decisions_dir: str) -> UsageError:
    """The one message every command gives when ``root`` has no registry (no decisions folder)."""
    return UsageError(
        f"no registry here: {decisions_dir}/ does not exist in {root}; "
        "run 'hinges init' or pass --root"
    )
