"""``hinges sources sync`` and ``hinges sources list`` against real local git repositories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import GOOD_TENET, run_hinges, write_files
from gate_support import commit_all, git
from sources_support import (
    TWO_SOURCES,
    cached_files,
    head,
    org_repo,
    payments_repo,
    sources_config,
    state,
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    """A registry (``tmp_path/registry``) whose two sources are real repositories beside it."""
    org_repo(tmp_path / "org")
    payments_repo(tmp_path / "payments")
    return sources_config(tmp_path / "registry", TWO_SOURCES)


def _sync(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_hinges("sources", "sync", "--root", str(root), *args)
    return result.code, result.stdout, result.stderr


def test_first_sync_fetches_only_the_registry_folders(org: Path) -> None:
    tmp = org.parent
    code, out, err = _sync(org)
    org_head, payments_head = head(tmp / "org"), head(tmp / "payments")
    assert (code, err) == (0, "")
    assert out == (
        f"org: fetched {org_head[:12]} (first sync)\n"
        f"payments: fetched {payments_head[:12]} (first sync)\n"
    )
    assert cached_files(org, "org") == [
        "decisions/README.md",
        "tenets/T-003-contracts-outlive-code.md",
    ]
    assert cached_files(org, "payments") == [
        "registry/decisions/0007-use-postgres.md",
        "registry/hinges.toml",
        "registry/tenets/T-001-reversible.md",
    ]
    recorded = state(org, "payments")
    assert (recorded["commit"], recorded["ref"], recorded["path"], recorded["git"]) == (
        payments_head,
        "main",
        "registry",
        "../payments",
    )
    assert recorded["fetched_at"] == recorded["checked_at"]
    # The cache holds plain files: no repository (nor a remote URL) is kept.
    assert not list((org / ".hinges").rglob(".git"))
    assert (org / ".hinges" / ".gitignore").read_text().endswith("*\n")


def test_a_second_sync_with_nothing_changed_only_asks_for_the_commit(
    org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _sync(org)[0] == 0
    before = {name: state(org, name) for name in ("org", "payments")}
    trace = tmp_path / "trace.log"
    monkeypatch.setenv("GIT_TRACE", str(trace))
    code, out, _ = _sync(org)
    assert code == 0
    assert out == (
        f"org: up to date at {before['org']['commit'][:12]}\n"
        f"payments: up to date at {before['payments']['commit'][:12]}\n"
    )
    commands = [
        line.split("built-in: ")[1]
        for line in trace.read_text().splitlines()
        if "built-in: git " in line
    ]
    # upload-pack is the serving side of a local remote, answering each ls-remote.
    client = [command.split()[1] for command in commands if "upload-pack" not in command]
    assert sorted(client) == ["ls-remote", "ls-remote"]
    # Nothing is written in a source's folder; the new age of both is one file.
    for name in ("org", "payments"):
        assert state(org, name) == before[name]
    checked = json.loads((org / ".hinges/sources/checked.json").read_text())
    assert sorted(checked) == ["org", "payments"]
    assert checked["org"]["commit"] == before["org"]["commit"]
    assert checked["org"]["checked_at"] >= before["org"]["checked_at"]


def test_a_moved_source_is_fetched_again_and_the_old_copy_removed(org: Path) -> None:
    tmp = org.parent
    assert _sync(org)[0] == 0
    old = state(org, "org")
    write_files(tmp / "org", {"tenets/T-004-new.md": GOOD_TENET.replace("T-001", "T-004")})
    commit_all(tmp / "org", "a second tenet")
    code, out, _ = _sync(org)
    assert code == 0
    assert (
        out.splitlines()[0] == f"org: fetched {head(tmp / 'org')[:12]} (was {old['commit'][:12]})"
    )
    assert "tenets/T-004-new.md" in cached_files(org, "org")
    assert sorted(p.name for p in (org / ".hinges" / "sources" / "org").iterdir()) == [
        "state.json",
        state(org, "org")["tree"],
    ]


def test_an_unreachable_source_fails_by_name_and_keeps_its_copy(org: Path) -> None:
    tmp = org.parent
    assert _sync(org)[0] == 0
    kept = state(org, "org")
    shutil.rmtree(tmp / "org")
    write_files(
        tmp / "payments", {"registry/tenets/T-002-new.md": GOOD_TENET.replace("T-001", "T-002")}
    )
    commit_all(tmp / "payments", "more")
    code, out, err = _sync(org)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"org: FAILED: cannot reach {tmp / 'org'}: fatal: ")
    assert "does not appear to be a git repository" in lines[0]
    assert lines[0].endswith(
        f"; kept the copy of {kept['commit'][:12]} synced {kept['checked_at']}"
    )
    assert lines[1].startswith(f"payments: fetched {head(tmp / 'payments')[:12]} (was ")
    assert err == "hinges: 1 of 2 sources could not be synced: org\n"
    assert state(org, "org") == kept
    assert cached_files(org, "org") == [
        "decisions/README.md",
        "tenets/T-003-contracts-outlive-code.md",
    ]


def test_credentials_never_appear_in_a_message(tmp_path: Path) -> None:
    root = sources_config(
        tmp_path,
        """\
        [[sources]]
        name = "secret"
        git = "https://bot:s3cr3t-t0ken@127.0.0.1:1/org/registry.git"
        """,
    )
    code, out, err = _sync(root)
    assert code == 1
    assert out.startswith("secret: FAILED: cannot reach https://***@127.0.0.1:1/org/registry.git: ")
    assert out.endswith("; no copy to fall back on\n")
    assert "s3cr3t" not in out + err
    assert err == "hinges: 1 of 1 sources could not be synced: secret\n"


def test_a_broken_fetch_leaves_the_previous_copy_whole(org: Path) -> None:
    tmp = org.parent
    assert _sync(org)[0] == 0
    kept = state(org, "payments")
    write_files(tmp / "payments", {"registry/hinges.toml": "id_prefx = 'PAY'\n"})
    commit_all(tmp / "payments", "a typo in the configuration")
    code, out, _ = _sync(org)
    assert code == 1
    assert out.splitlines()[1] == (
        "payments: FAILED: its configuration is unusable: hinges.toml: unknown setting "
        "'id_prefx'; did you mean 'id_prefix'?; "
        f"kept the copy of {kept['commit'][:12]} synced {kept['checked_at']}"
    )
    assert state(org, "payments") == kept
    assert sorted(p.name for p in (org / ".hinges" / "sources" / "payments").iterdir()) == [
        "state.json",
        kept["tree"],
    ]


def test_a_bare_repository_a_tag_and_a_pinned_commit(tmp_path: Path) -> None:
    org_repo(tmp_path / "work")
    git(tmp_path / "work", "tag", "-a", "v1", "-m", "first")
    pinned = head(tmp_path / "work")
    git(tmp_path, "clone", "-q", "--bare", str(tmp_path / "work"), str(tmp_path / "org.git"))
    root = sources_config(
        tmp_path / "registry",
        f"""\
        [[sources]]
        name = "tagged"
        git = "file://{tmp_path / "org.git"}"
        ref = "v1"

        [[sources]]
        name = "pinned"
        git = "../org.git"
        ref = "{pinned}"
        """,
    )
    code, out, _ = _sync(root)
    assert (code, out) == (
        0,
        f"tagged: fetched {pinned[:12]} (first sync)\npinned: fetched {pinned[:12]} (first sync)\n",
    )
    assert (
        _sync(root)[1]
        == f"tagged: up to date at {pinned[:12]}\npinned: up to date at {pinned[:12]}\n"
    )


def test_a_missing_ref_is_named(org: Path) -> None:
    text = (org / "hinges.toml").read_text().replace('ref = "main"', 'ref = "release"')
    (org / "hinges.toml").write_text(text)
    code, out, _ = _sync(org)
    assert code == 1
    assert out.splitlines()[1] == (
        f"payments: FAILED: {org.parent / 'payments'} has no branch or tag 'release'; "
        "no copy to fall back on"
    )


def test_list_shows_each_copy_and_a_removed_source_is_pruned(org: Path) -> None:
    listing = run_hinges("sources", "list", "--root", str(org))
    assert listing.code == 0
    assert listing.stdout == (
        "NAME      REF   COMMIT  SYNCED AT  RECORDS  CONDITION\n"
        "org       HEAD  -       -          0        not synced\n"
        "payments  main  -       -          0        not synced\n"
    )
    assert _sync(org)[0] == 0
    listing = run_hinges("sources", "list", "--root", str(org))
    assert listing.code == 0
    synced = state(org, "org")["checked_at"]
    assert listing.stdout.splitlines()[1] == (
        f"org       HEAD  {state(org, 'org')['commit'][:12]}  {synced}  1        current"
    )
    (org / "hinges.toml").write_text('[[sources]]\nname = "org"\ngit = "../org"\n')
    code, out, _ = _sync(org)
    assert code == 0
    assert (
        out.splitlines()[0] == "payments: removed its cached copy (no longer in the configuration)"
    )
    assert sorted(p.name for p in (org / ".hinges" / "sources").iterdir()) == [
        "checked.json",
        "org",
    ]


def test_no_sources_configured(tmp_path: Path) -> None:
    root = sources_config(tmp_path, "")
    code, out, _ = _sync(root)
    assert (code, out) == (
        0,
        "no sources configured: add [[sources]] to hinges.toml (docs/guide/organisation.md)\n",
    )


def test_a_cache_folder_that_cannot_be_made_is_a_message(org: Path) -> None:
    (org / ".hinges").write_text("not a folder\n")
    code, out, err = _sync(org)
    assert (code, out) == (1, "")
    assert err == (
        "hinges: .hinges/sources: cannot create the cache of sources: Not a directory; "
        ".hinges/ must be a folder hinges can write\n"
    )


def test_progress_is_reported_once_per_source_as_each_finishes(org: Path) -> None:
    from hinges.config import load_config
    from hinges.sources.sync import sync_all

    seen: list[str] = []
    results = sync_all(org, load_config(org), jobs=2, on_done=lambda r: seen.append(r.source.name))
    assert sorted(seen) == ["org", "payments"]
    assert [(r.source.name, r.outcome) for r in results] == [
        ("org", "fetched"),
        ("payments", "fetched"),
    ]


def test_a_source_path_with_quotes_and_spaces(tmp_path: Path) -> None:
    odd = org_repo(tmp_path / 'the "org" \\ registry')
    root = sources_config(
        tmp_path / "registry",
        '[[sources]]\nname = "org"\ngit = \'../the "org" \\ registry\'\n',
    )
    code, out, _ = _sync(root)
    assert (code, out) == (0, f"org: fetched {head(odd)[:12]} (first sync)\n")
    assert cached_files(root, "org") == [
        "decisions/README.md",
        "tenets/T-003-contracts-outlive-code.md",
    ]
