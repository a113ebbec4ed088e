"""Helpers for the import tests: fixture folders copied to tmp_path, a fresh registry."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import Run, run_hinges

FIXTURES = Path(__file__).parent / "import_fixtures"


def copy_fixture(name: str, tmp_path: Path) -> Path:
    """The fixture folder ``name`` copied to tmp_path (outside any git repository)."""
    target = tmp_path / "source" / name
    shutil.copytree(FIXTURES / name, target)
    return target


def new_registry(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    (root / "decisions").mkdir(parents=True)
    return root


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def import_into(root: Path, source: Path, *args: str) -> Run:
    return run_hinges("import", str(source), "--root", str(root), *args)


def front_matter(path: Path) -> str:
    text = path.read_text("utf-8")
    return text[: text.index("\n---\n", 4) + 5]
