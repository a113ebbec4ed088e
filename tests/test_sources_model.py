"""Sources in the configuration, the cache layout, and qualified ids resolved offline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from check_fixtures import valid_registry
from conftest import GOOD_DECISION, GOOD_TENET, write_files
from hinges.config import load_config
from hinges.errors import ConfigError
from hinges.source_config import Source, is_url, redact_credentials, split_qualified
from hinges.sources import load_sources, resolve
from hinges.sources.cache import SourceState, ensure_cache_dir, write_state

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def _config_error(root: Path, text: str, file: str = "hinges.toml") -> str:
    write_files(root, {file: text})
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    return str(caught.value)


def test_sources_are_read_with_their_defaults(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "hinges.toml": """\
                sources_max_age_hours = 6

                [[sources]]
                name = "org"
                git = "../org-registry"

                [[sources]]
                name = "payments"
                git = "https://git.example/payments.git"
                ref = "release"
                path = "docs/registry"
                """
        },
    )
    config = load_config(tmp_path)
    assert config.sources == (
        Source("org", "../org-registry", "HEAD", "."),
        Source("payments", "https://git.example/payments.git", "release", "docs/registry"),
    )
    assert config.sources_max_age_hours == 6
    assert [source.is_local() for source in config.sources] == [True, False]


def test_sources_in_pyproject(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "pyproject.toml": """\
                [project]
                name = "x"

                [[tool.hinges.sources]]
                name = "org"
                git = "git@git.example:org/registry.git"
                """
        },
    )
    assert load_config(tmp_path).sources == (Source("org", "git@git.example:org/registry.git"),)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'name = "Payments"\ngit = "x"',
            "name 'Payments' must be 1-40 lower-case letters, digits and '-', starting with a "
            "letter (it qualifies ids: payments:ADR-0007)",
        ),
        ('git = "x"', "'name' is required"),
        ('name = "pay"', "'git' is required"),
        ('name = "pay"\ngit = ""', "'git' must be a non-empty string"),
        (
            'name = "pay"\ngit = "x"\nbranch = "main"',
            "unknown key 'branch'; a source has name, git, ref, path",
        ),
        (
            'name = "pay"\ngit = "x"\npath = "../up"',
            "path '../up' must be inside the source repository",
        ),
        (
            'name = "pay"\ngit = "x"\nref = "--upload-pack=evil"',
            "ref '--upload-pack=evil' is not a branch, tag or commit name git accepts",
        ),
        (
            'name = "pay"\ngit = "--upload-pack=evil"',
            "git '--upload-pack=evil' must be a URL or a path, not an option",
        ),
    ],
)
def test_a_bad_entry_is_named_by_file_line_and_position(
    tmp_path: Path, entry: str, message: str
) -> None:
    text = '[[sources]]\nname = "org"\ngit = "o"\n\n# the second one\n[[sources]]\n' + entry
    assert _config_error(tmp_path, text) == f"hinges.toml:6: sources entry 2: {message}"


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    text = '[[sources]]\nname = "org"\ngit = "a"\n[[sources]]\nname = "org"\ngit = "b"\n'
    assert _config_error(tmp_path, text) == (
        "hinges.toml:4: sources entry 2: name 'org' is used by an earlier source; "
        "names must be unique"
    )


def test_a_bad_entry_in_pyproject_names_its_line(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[[tool.hinges.sources]]\nname = "9lives"\ngit = "a"\n'
    assert _config_error(tmp_path, text, "pyproject.toml").startswith(
        "pyproject.toml:4: sources entry 1: name '9lives' must be"
    )


def test_sources_must_be_an_array_of_tables(tmp_path: Path) -> None:
    assert _config_error(tmp_path, 'sources = "org"\n') == (
        "hinges.toml:1: 'sources' must be an array of tables: one [[sources]] header per source"
    )


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://git.example/x.git", True),
        ("ssh://git@git.example/x.git", True),
        ("git@git.example:org/x.git", True),
        ("file:///srv/x.git", True),
        ("../x", False),
        ("/srv/git/x.git", False),
        ("C:/repos/x", False),
        ("repos/x:y", False),
    ],
)
def test_urls_and_paths_are_told_apart_as_git_does(text: str, url: bool) -> None:
    assert is_url(text) is url


def test_qualified_ids_split_on_a_source_name() -> None:
    assert split_qualified("payments:ADR-0007") == ("payments", "ADR-0007")
    assert split_qualified("org:T-003") == ("org", "T-003")
    assert split_qualified("T-003") is None
    assert split_qualified("Org:T-003") is None
    assert split_qualified("org:") is None


def test_credentials_are_redacted_from_any_url_in_a_text() -> None:
    text = "fatal: unable to access 'https://bot:ghp_s3cret@git.example/x.git/': 404"
    assert redact_credentials(text) == (
        "fatal: unable to access 'https://***@git.example/x.git/': 404"
    )
    assert redact_credentials("https://ghp_s3cret@h/x") == "https://***@h/x"
    assert redact_credentials("git@git.example:org/x.git") == "git@git.example:org/x.git"


def _synced(root: Path, name: str, files: dict[str, str], checked_at: str, **state: str) -> None:
    """A source as a sync leaves it: a tree of files and the state that names it."""
    ensure_cache_dir(root)
    write_files(root / ".hinges" / "sources" / name / "tree-1", files)
    values = {
        "git": "../org",
        "ref": "HEAD",
        "path": ".",
        "commit": "a" * 40,
        "fetched_at": checked_at,
        "checked_at": checked_at,
        **state,
    }
    write_state(root, SourceState(name=name, tree="tree-1", **values))


def _registry_with_sources(root: Path) -> Path:
    valid_registry(root)
    write_files(
        root,
        {
            "hinges.toml": """\
                [[sources]]
                name = "org"
                git = "../org"

                [[sources]]
                name = "payments"
                git = "../payments"
                """
        },
    )
    return root


def test_a_synced_source_resolves_its_ids_and_a_missing_one_says_so(tmp_path: Path) -> None:
    root = _registry_with_sources(tmp_path)
    _synced(
        root,
        "org",
        {"tenets/T-003-x.md": GOOD_TENET.replace("T-001", "T-003"), "decisions/.keep": ""},
        "2026-12-03T08:00:00Z",
    )
    sources = load_sources(root, load_config(root), NOW)
    assert list(sources) == ["org", "payments"]
    org, payments = sources["org"], sources["payments"]
    assert (org.missing, org.stale, org.state and org.state.commit) == (False, None, "a" * 40)
    assert [record.id for record in org.records()] == ["T-003"]
    assert (payments.missing, payments.state) == (True, None)

    found = resolve("org:T-003", sources)
    assert found is not None and found.record is not None and found.record.id == "T-003"
    assert resolve("T-003", sources) is None
    assert [
        (r.source, r.local_id, r.problem)
        for r in (
            resolve("org:T-999", sources),
            resolve("payments:ADR-0001", sources),
            resolve("billing:ADR-0001", sources),
        )
        if r is not None
    ] == [
        ("org", "T-999", "unknown-id"),
        ("payments", "ADR-0001", "not-synced"),
        ("billing", "ADR-0001", "unknown-source"),
    ]


def test_a_copy_older_than_the_setting_or_from_elsewhere_is_stale(tmp_path: Path) -> None:
    root = _registry_with_sources(tmp_path)
    files = {"decisions/0001-a.md": GOOD_DECISION}
    _synced(root, "org", files, "2026-12-01T08:00:00Z")
    _synced(root, "payments", files, "2026-12-03T08:00:00Z", ref="release")
    sources = load_sources(root, load_config(root), NOW)
    assert sources["org"].stale == "last synced 2 days ago (sources_max_age_hours is 24)"
    assert sources["payments"].stale == (
        "synced from another git, ref or path than the configuration names"
    )
    assert sources["org"].records()[0].id == "ADR-0001"  # stale, still read


def test_a_copy_that_is_not_a_registry_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    root = _registry_with_sources(tmp_path)
    _synced(root, "org", {"README.md": "not a registry"}, "2026-12-03T08:00:00Z")
    org = load_sources(root, load_config(root), NOW)["org"]
    assert org.missing and org.problem is not None
    assert org.problem.startswith("no registry here: decisions/ does not exist in ")


def test_an_unusable_state_file_counts_as_never_synced(tmp_path: Path) -> None:
    root = _registry_with_sources(tmp_path)
    _synced(root, "org", {"decisions/0001-a.md": GOOD_DECISION}, "2026-12-03T08:00:00Z")
    state = root / ".hinges" / "sources" / "org" / "state.json"
    data = json.loads(state.read_text())
    state.write_text(json.dumps({**data, "tree": ".."}))
    assert load_sources(root, load_config(root), NOW)["org"].state is None


def test_the_cache_ignores_itself_and_leaves_the_users_gitignore_alone(tmp_path: Path) -> None:
    ensure_cache_dir(tmp_path)
    assert (tmp_path / ".hinges" / ".gitignore").read_text().endswith("\n*\n")
    assert not (tmp_path / ".gitignore").exists()
