"""``hinges init``: what it creates, what it leaves alone, and that the result passes check."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from authoring_support import assert_check_passes
from conftest import run_hinges, write_files
from hinges.authoring.init import config_text
from hinges.config import Config, load_config

TENET = "tenets/T-001-reversible-choices-over-perfect-ones.md"


def test_init_creates_a_complete_registry(tmp_path: Path) -> None:
    result = run_hinges("init", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == (
        "created decisions/\n"
        "created tenets/\n"
        f"created {TENET} (an example: edit it)\n"
        "created hinges.toml\n"
        "created mkdocs.yml\n"
        "created docs/index.md (the site's home page)\n"
        "Next: edit the example tenet, then run 'hinges new \"Your first decision\"'.\n"
    )
    tenet = (tmp_path / TENET).read_text("utf-8")
    assert tenet.startswith(
        '---\nid: T-001\ntitle: "Reversible choices over perfect ones"\nstatus: active\n'
        f'owner: "@architecture"\npriority: 1\ndate: {dt.date.today()}\n---\n'
        "# Reversible choices over perfect ones\n"
    )
    assert "\n## Rationale\n" in tenet
    assert "\n## Tension it settles\n" in tenet
    assert (
        (tmp_path / "mkdocs.yml")
        .read_text("utf-8")
        .endswith(
            f'site_name: "{tmp_path.name} decisions"\n'
            "theme:\n  name: material\n"
            "  # Off: material would otherwise load Google Fonts, and the catalog must work"
            " offline.\n  font: false\n"
            "plugins:\n  - search\n  - hinges\n"
            "nav:\n  - Home: index.md\n  - Catalog: catalog/index.md\n"
        )
    )
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == []
    result = assert_check_passes(tmp_path)
    assert result.stdout.count(": info HG602 ") == 1  # the example tenet is not cited yet


def test_the_site_init_creates_builds_with_the_catalog(tmp_path: Path) -> None:
    assert run_hinges("init", cwd=tmp_path).code == 0
    created = run_hinges(
        "new", "Use PostgreSQL", "--no-input", "--door", "two-way", "--owner", "@data",
        cwd=tmp_path,
    )  # fmt: skip
    assert created.code == 0, created
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    # The proposed record's acceptance-readiness warning is logged, and does not fail the
    # strict build (as `hinges check` exits 0 on warnings).
    assert build.returncode == 0, build.stderr
    assert (
        "HG405 before this can be accepted it needs: an exit_path, its own text in place of "
        "the template's (4 lines, from line 14) (warning)"
    ) in build.stderr
    assert (tmp_path / "out" / "catalog" / "index.html").is_file()
    assert (
        tmp_path / "out" / "catalog" / "decisions" / "0001-use-postgresql" / "index.html"
    ).is_file()


def test_init_twice_changes_nothing(tmp_path: Path) -> None:
    assert run_hinges("init", cwd=tmp_path).code == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = run_hinges("init", cwd=tmp_path)
    assert (result.code, result.stdout) == (
        0,
        "kept    decisions/ (exists)\n"
        "kept    tenets/ (exists)\n"
        "kept    tenets/T-*.md (tenets exist)\n"
        "kept    hinges.toml (exists)\n"
        "kept    mkdocs.yml (exists)\n"
        "Nothing to do: the registry is complete.\n",
    )
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_never_overwrites_and_respects_pyproject_settings(tmp_path: Path) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "x"\n\n[tool.hinges]\ntenets_dir = "principles"\n',
        "mkdocs.yaml": "site_name: Mine\n",
        "principles/T-004-ours.md": "our own tenet, kept as it is\n",
    }
    write_files(tmp_path, files)
    result = run_hinges("init", "--root", str(tmp_path))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == (
        "created decisions/\n"
        "kept    principles/ (exists)\n"
        "kept    principles/T-*.md (tenets exist)\n"
        "skipped hinges.toml (settings are in pyproject.toml [tool.hinges])\n"
        "kept    mkdocs.yaml (exists; add the hinges plugin to it yourself)\n"
        "Next: run 'hinges new \"Your first decision\"'.\n"
    )
    for relpath, text in files.items():
        assert (tmp_path / relpath).read_text("utf-8") == text
    assert not (tmp_path / "hinges.toml").exists()
    assert not (tmp_path / "mkdocs.yml").exists()


def test_init_creates_a_missing_root_and_uses_an_allowed_owner(tmp_path: Path) -> None:
    root = tmp_path / "new" / "repo"
    write_files(tmp_path, {"new/repo/CODEOWNERS": "* @platform/arch @payments\n"})
    result = run_hinges("init", "--root", str(root))
    assert result.code == 0, result
    assert 'owner: "@platform/arch"\n' in (root / TENET).read_text("utf-8")
    assert_check_passes(root)


def test_init_owner_option_is_validated(tmp_path: Path) -> None:
    result = run_hinges("init", "--owner", "https://example.com/team", cwd=tmp_path)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        "hinges: owner 'https://example.com/team' looks like a URL; write a handle such as "
        "@team, @org/team or alice\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_generated_config_is_valid_and_documents_every_setting() -> None:
    text = config_text()
    assert tomllib.loads(text) == {}  # everything commented out: the defaults apply
    uncommented = "\n".join(
        line.removeprefix("# ") for line in text.splitlines() if line.startswith("# ")
        and (" = " in line or line.startswith("# ["))
    )  # fmt: skip
    settings = tomllib.loads(uncommented)
    defaults = Config()
    for name, value in settings.items():
        if name == "severity":
            continue
        expected = getattr(defaults, name)
        assert value == (list(expected) if isinstance(expected, tuple) else expected), name
    documented = set(settings) | {"severity"}
    assert documented == {f for f in Config.__dataclass_fields__ if f != "source"}
    assert "# Folder of decision records, relative to the registry root.\n" in text


def test_uncommented_config_loads(tmp_path: Path) -> None:
    uncommented = "\n".join(
        line.removeprefix("# ") if " = " in line or line.startswith("# [") else line
        for line in config_text().splitlines()
    )
    (tmp_path / "hinges.toml").write_text(uncommented, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.severity == {"review-overdue": "error"}
    assert config.decisions_dir == "decisions"


def test_init_counts_tenet_zero_as_a_tenet(tmp_path: Path) -> None:
    # Number 0 is a record number (T-000, like ADR-0000): the folder is not empty.
    write_files(tmp_path, {"decisions/.keep": "", "tenets/T-000-first.md": "x"})
    result = run_hinges("init", cwd=tmp_path)
    assert result.code == 0, result
    assert "kept    tenets/T-*.md (tenets exist)\n" in result.stdout
    assert sorted(p.name for p in (tmp_path / "tenets").iterdir()) == ["T-000-first.md"]
