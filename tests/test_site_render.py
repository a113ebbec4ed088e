"""``hinges render``: exact bytes, determinism, the manifest, stale pages and foreign files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run_hinges, write_files
from hinges.site.render import MANIFEST_NAME, digest
from site_registry import BUILD_DATE, registry_files

AS_OF = ("--as-of", BUILD_DATE)


def rendered(root: Path, *args: str) -> dict[str, bytes]:
    """Render into root/docs/catalog; every file there by relative path."""
    run = run_hinges("render", "--root", str(root), *AS_OF, *args)
    assert run.code == 0, run
    out = root / "docs" / "catalog"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def project(tmp_path: Path) -> Path:
    return write_files(tmp_path, dict(registry_files()))


def test_short_link_page_is_exact(tmp_path: Path) -> None:
    files = rendered(project(tmp_path))
    assert files["ADR-0002/index.html"].decode() == (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<title>ADR-0002</title>\n<link rel="icon" href="data:,">\n'
        '<meta http-equiv="refresh"'
        ' content="0; url=../decisions/0002-use-nats-for-order-events/">\n'
        '<link rel="canonical" href="../decisions/0002-use-nats-for-order-events/">\n</head>\n'
        '<body>\n<p>This record is at <a href="../decisions/0002-use-nats-for-order-events/">'
        "ADR-0002 Use NATS for order events</a>.</p>\n</body>\n</html>\n"
    )


def test_render_writes_every_page_and_a_manifest_of_them(tmp_path: Path) -> None:
    root = project(tmp_path)
    files = rendered(root)
    manifest = json.loads(files.pop(MANIFEST_NAME))
    assert manifest["format"] == 1
    assert manifest["files"] == {name: digest(data) for name, data in sorted(files.items())}
    assert list(manifest["files"]) == sorted(manifest["files"])
    for number in range(1, 13):
        assert any(name.startswith(f"decisions/{number:04d}-") for name in files)
        assert f"ADR-{number:04d}/index.html" in files
    assert {"index.md", "registry.json", "assets/catalog.css", "assets/catalog.js"} <= set(files)
    page = files["decisions/0002-use-nats-for-order-events.md"].decode()
    assert (
        '\n\n# Use NATS for order events\n\n<div class="admonition warning hinges-banner">' in page
    )


def test_render_is_deterministic_and_leaves_identical_files_alone(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = rendered(root)
    page = root / "docs/catalog/decisions/0002-use-nats-for-order-events.md"
    before = page.stat().st_mtime_ns
    run = run_hinges("render", "--root", str(root), *AS_OF)
    assert run.code == 0, run
    assert run.stdout.endswith(f"0 written, 0 removed, {len(first) - 1} unchanged\n")
    assert page.stat().st_mtime_ns == before
    other = write_files(tmp_path / "again", dict(registry_files()))
    assert rendered(other) == first


def test_a_later_render_removes_its_old_pages_and_nothing_else(tmp_path: Path) -> None:
    root = project(tmp_path)
    rendered(root)
    mine = write_files(
        root / "docs/catalog", {"notes.md": "# Our notes\n", "decisions/extra.txt": "ours\n"}
    )
    old = root / "decisions/0004-store-orders-in-postgresql.md"
    old.rename(root / "decisions/0004-orders-in-postgresql.md")
    files = rendered(root)
    assert "decisions/0004-store-orders-in-postgresql.md" not in files
    assert "decisions/0004-orders-in-postgresql.md" in files
    assert (mine / "notes.md").read_text() == "# Our notes\n"
    assert (mine / "decisions/extra.txt").read_text() == "ours\n"
    # A whole folder of pages that is no longer rendered goes, and so does the folder.
    assert (root / "docs/catalog/owners").is_dir()
    for record in (root / "decisions").iterdir():
        text = record.read_text()
        record.write_text(
            "\n".join(line for line in text.split("\n") if not line.startswith("owner:"))
        )
    for record in (root / "tenets").iterdir():
        text = record.read_text()
        record.write_text(
            "\n".join(line for line in text.split("\n") if not line.startswith("owner:"))
        )
    files = rendered(root)
    assert [name for name in files if name.startswith("owners/")] == ["owners/index.md"]


def test_a_file_in_the_way_stops_the_render_before_it_writes(tmp_path: Path) -> None:
    root = project(tmp_path)
    write_files(root, {"docs/catalog/decisions/0002-use-nats-for-order-events.md": "# Mine\n"})
    run = run_hinges("render", "--root", str(root), *AS_OF)
    assert run.code == 1
    assert (
        "not written by hinges render, first decisions/0002-use-nats-for-order-events.md"
        in run.stderr
    )
    assert sorted(p.name for p in (root / "docs/catalog").rglob("*")) == [
        "0002-use-nats-for-order-events.md",
        "decisions",
    ]
    assert (
        root / "docs/catalog/decisions/0002-use-nats-for-order-events.md"
    ).read_text() == "# Mine\n"


def test_check_exits_1_when_stale_and_0_when_current(tmp_path: Path) -> None:
    root = project(tmp_path)
    never = run_hinges("render", "--root", str(root), "--check", *AS_OF)
    assert never.code == 1
    assert "docs/catalog/index.md: stale" in never.stdout
    assert not (root / "docs/catalog").exists()  # --check writes nothing
    files = rendered(root)
    current = run_hinges("render", "--root", str(root), "--check", *AS_OF)
    assert current.code == 0, current
    assert current.stdout.endswith(f"is up to date ({len(files) - 1} files)\n")
    record = root / "decisions/0003-use-kafka-for-order-events.md"
    record.write_text(record.read_text().replace("Use Kafka", "Use Pulsar"))
    stale = run_hinges("render", "--root", str(root), "--check", *AS_OF)
    assert stale.code == 1
    assert "docs/catalog/decisions/0003-use-kafka-for-order-events.md: stale" in stale.stdout
    assert "is stale; run 'hinges render'" in stale.stderr
    later = run_hinges("render", "--root", str(root), "--check", "--as-of", "2026-06-02")
    assert later.code == 1  # the pages say their date: another day is another catalog


def test_default_folder_follows_mkdocs_yml(tmp_path: Path) -> None:
    root = project(tmp_path)
    write_files(
        root,
        {
            "mkdocs.yml": """
                site_name: x
                docs_dir: site-src
                use_directory_urls: false
                plugins:
                  - search
                  - hinges:
                      path: governance/adr
                markdown_extensions:
                  - pymdownx.emoji:
                      emoji_index: !!python/name:material.extensions.emoji.twemoji
            """
        },
    )
    run = run_hinges("render", "--root", str(root), *AS_OF)
    assert run.code == 0, run
    page = root / "site-src/governance/adr/ADR-0002/index.html"
    assert 'url=../decisions/0002-use-nats-for-order-events.html"' in page.read_text()


def test_out_option_and_a_broken_manifest(tmp_path: Path) -> None:
    root = project(tmp_path)
    out = tmp_path / "elsewhere"
    run = run_hinges("render", "--root", str(root), "--out", str(out), *AS_OF)
    assert run.code == 0, run
    assert (out / "index.md").is_file()
    (out / MANIFEST_NAME).write_text('{"files": ["../../etc/passwd"]}')
    broken = run_hinges("render", "--root", str(root), "--out", str(out), *AS_OF)
    assert broken.code == 1
    assert broken.stderr.endswith("not a render manifest; delete it and render again\n")


def test_a_first_render_is_staged_beside_the_folder_and_renamed_into_place(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    (root / "docs/catalog").mkdir(parents=True)  # empty: nothing in it can be someone's
    # Left by a render interrupted before its rename: incomplete, and only a render's.
    write_files(root, {"docs/.catalog.hinges-render/decisions/half.md": "# Half\n"})
    files = rendered(root)
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["catalog"]
    assert "decisions/half.md" not in files
    assert json.loads(files[MANIFEST_NAME])["files"].keys() == files.keys() - {MANIFEST_NAME}
    other = write_files(tmp_path / "in-place", dict(registry_files()))
    write_files(other, {"docs/catalog/notes.md": "# Ours\n"})  # not empty: rendered in place
    in_place = rendered(other)
    assert in_place.pop("notes.md") == b"# Ours\n"
    assert in_place == files


def test_a_folder_that_is_a_symbolic_link_is_rendered_through(tmp_path: Path) -> None:
    root = project(tmp_path)
    target = tmp_path / "elsewhere"
    target.mkdir()
    (root / "docs").mkdir()
    (root / "docs/catalog").symlink_to(target, target_is_directory=True)
    files = rendered(root)
    assert (root / "docs/catalog").is_symlink()
    assert (target / "index.md").read_bytes() == files["index.md"]


def test_a_file_where_the_staging_folder_goes_is_left_alone_with_a_message(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    write_files(root, {"docs/.catalog.hinges-render": "someone's file\n"})
    run = run_hinges("render", "--root", str(root), *AS_OF)
    assert run.code == 1, run
    assert run.stderr.startswith("hinges: ") and "cannot write the catalog: " in run.stderr
    assert "File exists" in run.stderr and "Traceback" not in run.stderr
    assert (root / "docs/.catalog.hinges-render").read_text() == "someone's file\n"
    assert not (root / "docs/catalog").exists()


def test_two_pages_at_one_path_stop_a_first_render_and_leave_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    tenets = sorted((root / "tenets").iterdir())
    # A tenet file named like the tenets index: its page and the index share a path, and
    # a first render builds them in separate jobs, possibly in separate processes.
    (root / "tenets/index.md").write_text(tenets[0].read_text())
    write_files(root, {"hinges.toml": 'ignore = ["README.md"]\n'})
    run = run_hinges("render", "--root", str(root), *AS_OF)
    assert run.code == 1, run
    assert run.stderr == (
        "hinges: catalog/tenets/index.md: two catalog pages would be written to "
        "catalog/tenets/index.md; rename the record file\n"
    )
    assert list((root / "docs").iterdir()) == []  # neither the catalog nor its staging


def test_a_first_render_without_a_second_process_writes_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = rendered(project(tmp_path / "shared"))
    # One CPU (or no os.fork, on Windows): every job runs in this process.
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    alone = rendered(project(tmp_path / "alone"))
    assert alone == shared
