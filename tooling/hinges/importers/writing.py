"""Write a plan's records: each one complete or not at all, never over an existing file.

A record is written to a temporary file in the decisions folder and then hard-linked to
its name, which fails if that name exists: so a reader never sees half a record, and no
file is ever replaced. Nothing is written outside the registry's decisions folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hinges.authoring.create import folder_lock, record_folder
from hinges.errors import HingesError
from hinges.importers.plan import Plan
from hinges.importers.render import render_record


def _create_exclusive(path: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.link(temporary, path)
    finally:
        os.unlink(temporary)


def write_plan(plan: Plan, root: Path) -> list[Path]:
    """Write every planned record; returns the paths written. Raises HingesError."""
    directory = record_folder(root, plan.folder, "decision")
    written: list[Path] = []
    with folder_lock(directory):
        for planned in plan.records:
            path = directory / planned.file_name
            try:
                _create_exclusive(path, render_record(planned, plan.source_format.name))
            except FileExistsError:
                raise HingesError(
                    f"{path.name} appeared while importing; nothing was overwritten. "
                    f"{_records_written(len(written))}; run the import again to add the rest",
                    path=f"{plan.folder}/{planned.file_name}",
                ) from None
            except OSError as error:
                raise HingesError(
                    f"cannot write: {error.strerror or error}. {len(written)} records were "
                    "written; run the import again to add the rest",
                    path=f"{plan.folder}/{planned.file_name}",
                ) from None
            written.append(path)
    return written


def _records_written(count: int) -> str:
    return "1 record was written" if count == 1 else f"{count} records were written"
