"""The catalog as files on disk: ``hinges render`` and, from memory, the MkDocs plugin.

:func:`catalog_files` turns a built :class:`~hinges.site.catalog.Catalog` into the bytes
of every file under the catalog's folder (pages, ``registry.json``, assets). The same
registry and date give the same bytes, in the same order.

A manifest (:data:`MANIFEST_NAME`, in the output folder) lists what the last render wrote,
with a digest of each file. A render:

* refuses, before writing anything, when a file it would write exists and the manifest
  does not list it (someone else's file: it is never overwritten);
* writes each new or changed file atomically and leaves identical files alone;
* removes the files the previous render wrote that this one no longer writes (a renamed
  or deleted record), and the folders that leaves empty, and nothing else;
* writes the manifest last, so an interrupted render is finished by the next one.

A first render, into an absent or empty folder, takes another path:
:mod:`hinges.site.staged`.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from hinges.atomic import write_bytes
from hinges.errors import HingesError
from hinges.site.catalog import ASSET_NAMES, Catalog, Piece, asset_path
from hinges.site.urls import CatalogLayout

MANIFEST_NAME = ".hinges-render.json"
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class CatalogFile:
    path: str
    """Relative to the catalog's folder, with '/' separators (``decisions/0001-x.md``)."""
    data: bytes


def catalog_files(catalog: Catalog, layout: CatalogLayout) -> list[CatalogFile]:
    """Every file of the catalog, pages first (in catalog order), then the JSON and assets."""
    files = piece_files(Piece(catalog.pages, catalog.registry_json, catalog.static), layout)
    return files + asset_files(layout)


def piece_files(piece: Piece, layout: CatalogLayout) -> list[CatalogFile]:
    """The files of one part of the catalog (:func:`hinges.site.catalog.catalog_jobs`)."""
    start = len(layout.prefix) + 1
    files = [CatalogFile(page.src_uri[start:], page.markdown.encode()) for page in piece.pages]
    if piece.registry_json is not None:
        files.append(CatalogFile(layout.registry_json[start:], piece.registry_json.encode()))
    files += [CatalogFile(path[start:], text.encode()) for path, text in piece.static]
    return files


def asset_files(layout: CatalogLayout) -> list[CatalogFile]:
    """The catalog's style and script, as packaged."""
    start = len(layout.prefix) + 1
    files = []
    for name in ASSET_NAMES:
        source = asset_path(name)
        try:
            data = source.read_bytes()
        except OSError:
            raise HingesError(f"{source} is missing; reinstall hinges") from None
        files.append(CatalogFile(layout.asset(name)[start:], data))
    return files


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_text(files: list[CatalogFile]) -> str:
    return manifest_of({file.path: digest(file.data) for file in files})


def manifest_of(digests: dict[str, str]) -> str:
    """The manifest, laid out as ``json.dumps(..., indent=1)`` would, by the C encoder."""
    encode = json.JSONEncoder().encode
    listing = sorted(digests.items())
    entries = ",\n".join(f"  {encode(path)}: {encode(sha)}" for path, sha in listing)
    files_text = f"{{\n{entries}\n }}" if listing else "{}"
    return (
        f'{{\n "format": {MANIFEST_FORMAT},\n "generator": "hinges render",\n'
        f' "files": {files_text}\n}}\n'
    )


def read_manifest(out: Path) -> dict[str, str]:
    """Path -> digest of what the last render wrote; {} when none did."""
    path = out / MANIFEST_NAME
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise HingesError(
            f"cannot read the render manifest ({error}); delete the folder's generated "
            "pages and this file, then render again",
            path=path,
        ) from None
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        raise HingesError("not a render manifest; delete it and render again", path=path)
    return files


@dataclass
class RenderPlan:
    write: list[CatalogFile] = field(default_factory=list)
    """New files and files whose bytes differ from what is on disk."""
    remove: list[str] = field(default_factory=list)
    """Files the previous render wrote that this one does not."""
    foreign: list[str] = field(default_factory=list)
    """Files in the way that no render wrote: the render stops before writing anything."""
    manifest: str = ""
    manifest_stale: bool = False

    @property
    def stale(self) -> bool:
        return bool(self.write or self.remove or self.foreign or self.manifest_stale)


def _safe(relative: str) -> bool:
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and ".." not in parts


def plan_render(out: Path, files: list[CatalogFile]) -> RenderPlan:
    """What a render into ``out`` would change (reads only)."""
    plan = RenderPlan(manifest=manifest_text(files))
    previous = read_manifest(out)
    wanted = {file.path for file in files}
    for file in files:
        target = out / file.path
        try:
            on_disk = target.read_bytes()
        except FileNotFoundError:
            plan.write.append(file)
            continue
        except IsADirectoryError:
            plan.foreign.append(file.path)
            continue
        if file.path not in previous:
            plan.foreign.append(file.path)
        elif on_disk != file.data:
            plan.write.append(file)
    for relative in sorted(previous):
        # A manifest is data on disk: never let it name a file outside the folder.
        if relative not in wanted and _safe(relative) and (out / relative).is_file():
            plan.remove.append(relative)
    try:
        plan.manifest_stale = (out / MANIFEST_NAME).read_text(encoding="utf-8") != plan.manifest
    except (FileNotFoundError, UnicodeDecodeError):
        plan.manifest_stale = True
    return plan


def _replace(target: Path, data: bytes) -> None:
    """Atomically replace ``target``: a sibling temporary file, then a rename over it.

    Cheaper than :func:`hinges.atomic.write_bytes` for thousands of pages: the folder is
    the render's own (the manifest says so), so the temporary name can be fixed instead of
    drawn at random, and the pages are regenerated at will, so no fsync per page.
    """
    temporary = target.with_name(f".{target.name}.hinges-tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def apply_render(out: Path, plan: RenderPlan) -> None:
    """Carry out ``plan`` (see the module doc); refuses when it has foreign files."""
    if plan.foreign:
        raise HingesError(
            f"{len(plan.foreign)} file(s) in the way were not written by hinges render, "
            f"first {plan.foreign[0]}; move them or render into another folder with --out",
            path=out,
        )
    made: set[Path] = set()
    for file in plan.write:
        target = out / file.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _replace(target, file.data)
    for relative in plan.remove:
        target = out / relative
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    if plan.manifest_stale or plan.write or plan.remove:
        out.mkdir(parents=True, exist_ok=True)
        write_bytes(out / MANIFEST_NAME, plan.manifest.encode())
