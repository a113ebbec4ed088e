"""`hinges digest --write FILE` and `--check FILE`: the block between hinges' markers."""

from __future__ import annotations

from pathlib import Path

from conftest import run_hinges
from digest_support import EXPECTED, digest_registry

BLOCK = "<!-- hinges:digest:begin -->\n" + EXPECTED + "<!-- hinges:digest:end -->\n"


def _write(root: Path, target: Path) -> int:
    done = run_hinges("digest", "--root", str(root), "--write", str(target))
    assert done.stdout == ""
    return done.code


def _check(root: Path, target: Path) -> tuple[int, str]:
    done = run_hinges("digest", "--root", str(root), "--check", str(target))
    assert done.stdout == ""
    return done.code, done.stderr


def test_write_creates_a_missing_file_holding_only_the_block(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "AGENTS.md"
    assert _write(root, target) == 0
    assert target.read_text(encoding="utf-8") == BLOCK
    assert _check(root, target) == (0, "")


def test_write_appends_the_block_and_leaves_the_rest_alone(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "CLAUDE.md"
    target.write_bytes(b"# Notes\n\nKeep this \xc3\xa9 line.")
    assert _write(root, target) == 0
    assert target.read_bytes() == b"# Notes\n\nKeep this \xc3\xa9 line.\n\n" + BLOCK.encode()


def test_write_replaces_only_the_block(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "AGENTS.md"
    before = "# Agents\r\n\r\nRun make test.\r\n\r\n"
    after = "\r\n## More\r\n\r\ntext without a final newline"
    old_block = "<!-- hinges:digest:begin -->\r\nold\r\n<!-- hinges:digest:end -->\r\n"
    target.write_bytes((before + old_block + after).encode())
    assert _check(root, target) == (
        1,
        f"hinges: {target} has a stale digest block; run 'hinges digest --write {target}' "
        "and commit the file\n",
    )
    assert _write(root, target) == 0
    crlf_block = BLOCK.replace("\n", "\r\n")
    assert target.read_bytes() == (before + crlf_block + after).encode()
    assert _check(root, target) == (0, "")
    assert _write(root, target) == 0  # a second run changes nothing
    assert target.read_bytes() == (before + crlf_block + after).encode()


def test_check_fails_when_the_registry_changes(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "AGENTS.md"
    assert _write(root, target) == 0
    proposal = root / "decisions/0005-kafka.md"
    proposal.write_text(proposal.read_text().replace("status: proposed", "status: accepted"))
    code, stderr = _check(root, target)
    assert code == 1
    assert "has a stale digest block" in stderr


def test_check_fails_without_a_file_or_a_block(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    missing = tmp_path / "AGENTS.md"
    assert _check(root, missing) == (
        1,
        f"hinges: {missing} does not exist; run 'hinges digest --write {missing}' and commit "
        "the file\n",
    )
    missing.write_text("# Agents\n")
    assert _check(root, missing)[1].startswith(f"hinges: {missing} has no digest block;")


def test_broken_markers_are_refused_with_their_line_and_nothing_is_written(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "AGENTS.md"
    text = "# A\n<!-- hinges:digest:begin -->\nold\n"
    target.write_text(text)
    done = run_hinges("digest", "--root", str(root), "--write", str(target))
    assert (done.code, done.stdout) == (1, "")
    assert done.stderr == (
        f"hinges: {target}:2: '<!-- hinges:digest:begin -->' is never closed by "
        "'<!-- hinges:digest:end -->'; fix or remove the marker; nothing written\n"
    )
    assert target.read_text() == text
    twice = "<!-- hinges:digest:begin -->\n<!-- hinges:digest:end -->\n" * 2
    target.write_text(twice)
    done = run_hinges("digest", "--root", str(root), "--check", str(target))
    assert done.code == 1
    assert done.stderr.startswith(f"hinges: {target}:3: a second '<!-- hinges:digest:begin -->'")
    target.write_text("<!-- hinges:digest:end -->\n")
    done = run_hinges("digest", "--root", str(root), "--write", str(target))
    assert done.code == 1
    assert done.stderr.startswith(f"hinges: {target}:1: '<!-- hinges:digest:end -->' without")


def test_write_and_check_together_is_a_usage_error(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    target = tmp_path / "A.md"
    done = run_hinges("digest", "--root", str(root), "--write", str(target), "--check", str(target))
    assert (done.code, done.stderr) == (2, "hinges: give --write or --check, not both\n")
    assert not target.exists()


def test_write_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    (tmp_path / "AGENTS.md").write_text("# Agents\n")
    link = tmp_path / "CLAUDE.md"
    link.symlink_to("AGENTS.md")
    assert _write(root, link) == 0
    assert link.is_symlink()
    assert (tmp_path / "AGENTS.md").read_text() == "# Agents\n\n" + BLOCK
    assert _check(root, link) == (0, "")
