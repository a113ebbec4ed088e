"""A first render: the whole catalog built beside its folder and renamed into place.

When the catalog's folder is absent or empty, nothing in it can be someone else's, so
:func:`render_staged` writes every file once, at its final name, into a sibling folder
only a render uses (``.catalog.hinges-render``), adds the manifest, and renames the folder
into place: a reader or a crash sees no catalog or all of it, and no file is written
twice. A staging folder left by an interrupted render is removed by the next one.

A first render is mostly creating files (two per record: its page and its short link),
kernel work that runs on every core without Python's lock. Where ``os.fork`` exists, a
child process builds and writes the decision pages while this one builds and writes the
rest; both create their files from a few threads. The bytes are those of
:func:`hinges.site.render.catalog_files`, which tests compare.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from hinges.errors import HingesError
from hinges.loader import Registry
from hinges.site.catalog import Part, build_catalog
from hinges.site.render import MANIFEST_NAME, CatalogFile, catalog_files, digest, manifest_of
from hinges.site.urls import CatalogLayout

if TYPE_CHECKING:
    from hinges.site.organisation import Organisation

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_MAX_THREADS = 4


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

    def part(which: Part) -> dict[str, str]:
        catalog = build_catalog(registry, build_date, layout, generated, organisation, part=which)
        files = catalog_files(catalog, layout)
        if which == "decisions":
            files = files[: len(catalog.pages)]  # the assets are the other half's
        create_all(str(staging), files)
        return {file.path: digest(file.data) for file in files}

    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return part("all")
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; its output is what is tested)
        os.close(reading)
        code, report = 0, b""
        try:
            report = json.dumps(part("decisions")).encode()
        except HingesError as error:
            code, report = 1, error.format().encode()
        except BaseException as error:  # reported to the parent, which raises it
            code, report = 1, f"{type(error).__name__}: {error}".encode()
        with os.fdopen(writing, "wb") as out_pipe:
            out_pipe.write(report)
        os._exit(code)
    os.close(writing)
    try:
        digests = part("others")
    finally:
        with os.fdopen(reading, "rb") as in_pipe:
            report = in_pipe.read()
        _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise HingesError(f"building the decision pages failed: {report.decode(errors='replace')}")
    digests.update(json.loads(report))
    return digests


def create_all(root: str, files: list[CatalogFile]) -> None:
    """Create ``files`` under ``root``, which holds none of them, from a few threads.

    Creations in one folder wait for each other, so the pages (mostly in decisions/) and
    the short links (a folder each) are interleaved, and each thread takes the next file
    when it is done with one.
    """
    links = [file for file in files if file.path.endswith("/index.html")]
    pages = [file for file in files if not file.path.endswith("/index.html")]
    order = [file for pair in itertools.zip_longest(pages, links) for file in pair if file]
    lock = threading.Lock()
    queue = iter(order)
    made = {""}

    def work() -> None:
        while True:
            with lock:
                file = next(queue, None)
            if file is None:
                return
            folder = file.path.rpartition("/")[0]
            if folder not in made:
                os.makedirs(f"{root}/{folder}", exist_ok=True)
                made.add(folder)
            descriptor = os.open(f"{root}/{file.path}", _CREATE, 0o644)
            try:
                view = memoryview(file.data)
                while view:
                    view = view[os.write(descriptor, view) :]
            finally:
                os.close(descriptor)

    threads = max(1, min(_MAX_THREADS, os.cpu_count() or 1))
    with ThreadPoolExecutor(threads) as pool:
        for done in [pool.submit(work) for _ in range(threads)]:
            done.result()
