"""``hinges init --backstage``, and records that the Backstage ADR plugin reads as they are.

The ADR plugin's defaults: files named like ``^(?:.*\\/)?\\d{4}-.+\\.md$`` under the
``backstage.io/adr-location`` folder, the first H1 as the title, ``status`` and ``date``
from the front matter, MADR status words.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import run_hinges

ADR_FILE = re.compile(r"^(?:.*\/)?\d{4}-.+\.md$")
MADR_STATUSES = {"proposed", "rejected", "accepted", "deprecated", "superseded"}


def test_init_backstage_writes_catalog_info_once(tmp_path: Path) -> None:
    run = run_hinges("init", "--backstage", "--owner", "@Platform/Arch_Team", cwd=tmp_path)
    assert run.code == 0, run
    assert "created catalog-info.yaml\n" in run.stdout
    info = yaml.safe_load((tmp_path / "catalog-info.yaml").read_text(encoding="utf-8"))
    assert info == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Component",
        "metadata": {
            "name": f"{tmp_path.name.lower()}-decisions",
            "description": "Technology decisions and the tenets behind them",
            "annotations": {
                "backstage.io/adr-location": "decisions",
                "backstage.io/techdocs-ref": "dir:.",
            },
        },
        "spec": {"type": "documentation", "lifecycle": "production", "owner": "arch_team"},
    }
    again = run_hinges("init", "--backstage", cwd=tmp_path)
    assert again.code == 0, again
    assert "kept    catalog-info.yaml (exists)\n" in again.stdout
    plain = run_hinges("init", "--root", str(tmp_path / "other"))
    assert plain.code == 0, plain
    assert "catalog-info.yaml" not in plain.stdout


def test_init_backstage_keeps_a_catalog_info_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "catalog-info.yaml").write_text("kind: System\n", encoding="utf-8")
    run = run_hinges("init", "--backstage", cwd=tmp_path)
    assert run.code == 0, run
    assert (
        "kept    catalog-info.yaml (exists; add the backstage.io/adr-location annotation)\n"
        in run.stdout
    )
    assert (tmp_path / "catalog-info.yaml").read_text(encoding="utf-8") == "kind: System\n"


def _new(root: Path, title: str, *extra: str, accept: bool = False) -> None:
    run = run_hinges(
        "new", title, "--no-input", "--door", "two-way", "--owner", "@data",
        "--exit-path", "Swap it behind the adapter; a week.", *extra, cwd=root,
    )  # fmt: skip
    assert run.code == 0, run
    if accept:
        record_id = "ADR-" + run.stdout.strip().rsplit("/", 1)[-1][:4]
        accepted = run_hinges("status", record_id, "accepted", cwd=root)
        assert accepted.code == 0, accepted


def test_every_record_hinges_writes_meets_the_adr_plugin_rules(tmp_path: Path) -> None:
    assert run_hinges("init", "--backstage", cwd=tmp_path).code == 0
    # These records are about names and statuses, not prose: accept them with the template's
    # text still in place, which hinges status allows once HG803 is below an error.
    with (tmp_path / "hinges.toml").open("a", encoding="utf-8") as config:
        config.write('\n[severity]\nHG803 = "warning"\n')
    _new(tmp_path, "Use PostgreSQL for orders", accept=True)
    _new(tmp_path, "Use Kafka: events *and* replay", accept=True)
    _new(tmp_path, "Try NATS")
    _new(tmp_path, "Use Redpanda", "--supersedes", "ADR-0002", accept=True)
    _new(tmp_path, "Use Memcached")
    assert run_hinges("status", "ADR-0003", "rejected", cwd=tmp_path).code == 0
    assert run_hinges("status", "ADR-0001", "deprecated", cwd=tmp_path).code == 0
    info = yaml.safe_load((tmp_path / "catalog-info.yaml").read_text(encoding="utf-8"))
    folder = tmp_path / info["metadata"]["annotations"]["backstage.io/adr-location"]
    seen = {}
    for path in sorted(folder.iterdir()):
        assert ADR_FILE.match(path.relative_to(tmp_path).as_posix()), path
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        assert meta["status"] in MADR_STATUSES, path
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date"])), path
        first_heading = next(line for line in body.splitlines() if line.startswith("#"))
        assert first_heading == f"# {meta['title']}", path
        seen[meta["id"]] = meta["status"]
    assert seen == {
        "ADR-0001": "deprecated",
        "ADR-0002": "superseded",
        "ADR-0003": "rejected",
        "ADR-0004": "accepted",
        "ADR-0005": "proposed",
    }
