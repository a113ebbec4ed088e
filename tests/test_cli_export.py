"""``hinges export``: JSON (the shared document) and CSV (one row per decision)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_hinges, write_files


def test_json_is_the_export_document(registry: Path) -> None:
    result = run_hinges("export", "--root", str(registry), "--as-of", "2026-02-01")
    assert (result.code, result.stderr) == (0, ""), result
    document = json.loads(result.stdout)
    assert [document[key] for key in ("version", "generated", "id_prefix")] == [
        1, "2026-02-01", "ADR"
    ]  # fmt: skip
    assert document["decisions"][0]["id"] == "ADR-0001"
    assert document["relations"] == [{"type": "follows", "from": "ADR-0001", "to": "T-001"}]


def test_csv_rows_and_output_file(registry: Path) -> None:
    out = registry / "out.csv"
    result = run_hinges("export", "--root", str(registry), "--format", "csv", "-o", str(out))
    assert (result.code, result.stdout) == (0, "")
    assert out.read_bytes().decode("utf-8") == (
        "id,path,title,status,date,door,owner,deciders,tenets,tags,exit_path,review_by,"
        "supersedes,superseded_by\r\n"
        "ADR-0001,decisions/0001-use-postgres.md,Use PostgreSQL for orders,accepted,"
        "2026-01-10,two-way,@payments,@alice,T-001,,"
        "Orders are stored in plain SQL tables; moving to another database costs a sprint.,"
        "2027-01-10,,\r\n"
    )


def test_unreadable_file_is_named_and_fails(registry: Path) -> None:
    write_files(registry, {"decisions/0002-broken.md": "no front matter\n"})
    result = run_hinges("export", "--root", str(registry), "--format", "csv")
    assert result.code == 1
    assert result.stderr == (
        "hinges: decisions/0002-broken.md:1: not exported: no front matter: a record starts "
        "with '---' on line 1\n"
    )
