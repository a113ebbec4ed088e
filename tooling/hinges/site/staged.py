"""A first render: the whole catalog built beside its folder and renamed into place.

When the catalog's folder is absent or empty, nothing in it can be someone else's, so
:func:`render_staged` writes every file once, at its final name, into a sibling folder
only a render uses (``.catalog.hinges-render``), adds the manifest, and renames the folder
into place: a reader or a crash sees no catalog or all of it, and no file is written
twice. A staging folder left by an interrupted render is removed by the next one.

A first render is building pages and creating files (two per record: its page and its
short link). Where ``os.fork`` exists, this process and a forked child share the work:
the catalog comes as about a hundred jobs (:func:`hinges.site.catalog.catalog_jobs`), and
each process takes the next job when it has built and written the files of the last, so
both finish at about the same time whatever each job costs and however busy the machine
is. The bytes are those of :func:`hinges.site.render.catalog_files`, which tests compare.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from hinges.errors import HingesError
from hinges.loader import Registry
from hinges.site.catalog import Job, catalog_jobs
from hinges.site.render import (
    MANIFEST_NAME,
    CatalogFile,
    asset_files,
    digest,
    manifest_of,
    piece_files,
)
from hinges.site.urls import CatalogLayout

if TYPE_CHECKING:
    from hinges.site.organisation import Organisation

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def first_render(out: Path) -> bool:
    """True when ``out`` is absent or an empty folder (a link to one is rendered through)."""
    if out.is_symlink():
        return False  # renaming a folder over it would replace the link, not fill its target
    try:
        with os.scandir(out) as entries:
            return next(entries, None) is None
    except FileNotFoundError:
        return True
    except NotADirectoryError:
        return False  # the usual path says what is in the way


def staging_folder(out: Path) -> Path:
    return out.with_name(f".{out.name}.hinges-render")


def render_staged(
    out: Path,
    registry: Registry,
    build_date: dt.date,
    layout: CatalogLayout,
    organisation: Organisation | None = None,
) -> int:
    """Write the catalog into the absent or empty ``out`` (see the module doc); file count."""
    staging = staging_folder(out)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        digests = _build_and_write(staging, registry, build_date, layout, (out,), organisation)
        (staging / MANIFEST_NAME).write_bytes(manifest_of(digests).encode())
        if out.is_dir():
            out.rmdir()  # empty: first_render said so (a file put there since stops here)
        os.rename(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise HingesError(f"cannot write the catalog: {error}", path=out) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(digests)


def _build_and_write(
    staging: Path,
    registry: Registry,
    build_date: dt.date,
    layout: CatalogLayout,
    generated: tuple[Path, ...],
    organisation: Organisation | None,
) -> dict[str, str]:
    """Path -> digest of every file written into ``staging``."""
    model, jobs = catalog_jobs(registry, build_date, layout, generated, organisation)
    model.share()
    writer = _Writer(str(staging), layout)
    order = _claim_order(jobs)
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        writer.run(jobs, iter(order))
    else:
        writer.written += _shared(writer, jobs, order)
    writer.write(asset_files(layout))
    digests = dict(writer.written)
    if len(digests) < len(writer.written):  # each file is created once: a bug, not input
        raise HingesError("two of the catalog's jobs wrote the same file")
    return digests


def _claim_order(jobs: list[Job]) -> bytes:
    """The jobs' indexes in the order they are taken: the export and the single pages
    first (the longest jobs, so no process is left with one at the end), then runs of
    decision pages and of short links by turns (two processes creating files in one
    folder wait for each other)."""
    if len(jobs) > 255:
        raise ValueError("a job's index must fit in one byte")
    kinds: dict[str, list[int]] = {"export": [], "page": [], "decisions": [], "links": []}
    for index, job in enumerate(jobs):
        kinds[job.kind].append(index)
    runs = itertools.zip_longest(kinds["decisions"], kinds["links"])
    return bytes(
        kinds["export"] + kinds["page"] + [i for pair in runs for i in pair if i is not None]
    )


def _shared(writer: _Writer, jobs: list[Job], order: bytes) -> list[tuple[str, str]]:
    """Runs ``jobs`` in this process and a forked child, each taking the next job when
    done with one (one byte each from a pipe: a read of one byte is atomic), so the two
    finish together however the jobs' costs and the machine's load fall; the files
    written in the child, with their digests."""
    tokens, filling = os.pipe()
    os.write(filling, order)  # far below a pipe's capacity: 255 bytes at most
    os.close(filling)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; its output is what is tested)
        os.close(reading)
        code, report = 0, b""
        try:
            writer.run(jobs, _claims(tokens))
            report = json.dumps(writer.written).encode()
        except HingesError as error:
            _drain(tokens)  # the parent stops after the job it is on
            code, report = 1, json.dumps([error.message, _text(error.path)]).encode()
        except BaseException as error:  # reported to the parent, which raises it
            _drain(tokens)
            code, report = 2, f"{type(error).__name__}: {error}".encode()
        with os.fdopen(writing, "wb") as out_pipe:
            out_pipe.write(report)
        os._exit(code)
    os.close(writing)
    try:
        writer.run(jobs, _claims(tokens))
    except BaseException:
        _drain(tokens)  # the child stops after the job it is on
        raise
    finally:
        with os.fdopen(reading, "rb") as in_pipe:
            report = in_pipe.read()
        _, status = os.waitpid(child, 0)
        os.close(tokens)
    code = os.waitstatus_to_exitcode(status)
    if code == 1:
        message, path = json.loads(report)
        raise HingesError(message, path=path)
    if code != 0:
        raise HingesError(f"building the catalog failed: {report.decode(errors='replace')}")
    return [(path, sha) for path, sha in json.loads(report)]


def _claims(tokens: int) -> Iterator[int]:
    while claimed := os.read(tokens, 1):
        yield claimed[0]


def _drain(tokens: int) -> None:
    while os.read(tokens, 4096):
        pass


def _text(path: Path | str | None) -> str | None:
    return None if path is None else str(path)


class _Writer:
    """Runs jobs and creates their files under ``root``, which holds none of them."""

    def __init__(self, root: str, layout: CatalogLayout) -> None:
        self.root = root
        self.layout = layout
        self.written: list[tuple[str, str]] = []
        """(path, digest) of every file created, in order."""
        self._made = {""}

    def run(self, jobs: list[Job], claims: Iterator[int]) -> None:
        for index in claims:
            self.write(piece_files(jobs[index].run(), self.layout))

    def write(self, files: list[CatalogFile]) -> None:
        root, made = self.root, self._made
        for file in files:
            folder = file.path.rpartition("/")[0]
            if folder not in made:
                _make_folder(f"{root}/{folder}")
                made.add(folder)
            try:
                descriptor = os.open(f"{root}/{file.path}", _CREATE, 0o644)
            except (FileExistsError, NotADirectoryError):
                # The staging folder was empty: only this render can have made the file.
                where = f"{self.layout.prefix}/{file.path}"
                raise HingesError(
                    f"two catalog pages would be written to {where}; rename the record file",
                    path=where,
                ) from None
            try:
                view = memoryview(file.data)
                while view:
                    view = view[os.write(descriptor, view) :]
            finally:
                os.close(descriptor)
            self.written.append((file.path, digest(file.data)))


def _make_folder(path: str) -> None:
    """``os.makedirs(path, exist_ok=True)``, in one call when the parent exists (a short
    link's folder, five thousand times)."""
    try:
        os.mkdir(path)
    except FileExistsError:
        pass  # made by the other process
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)
