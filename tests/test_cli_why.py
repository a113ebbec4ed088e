"""`hinges why PATH...`: the decisions in force that govern each path, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import GOOD_TENET, run_hinges, write_files
from gate_support import DECISION, commit_all, decision, init_repo

ORDERS = DECISION.replace(
    "review_by: 2099-01-10",
    'review_by: 2099-01-10\napplies_to: ["services/orders/**", "schemas/*.sql"]',
).replace('owner: "@payments"', 'owner: "@orders"')
SCHEMA = (
    decision(2, "Keep schemas in SQL files", status="accepted", door="one-way")
    .replace('deciders: ["@alice"]', 'deciders: ["@alice", "@bob"]')
    .replace("review_by: 2099-01-10", 'review_by: 2099-01-10\napplies_to: ["schemas/**"]')
)
OLD = decision(3, "Old schema rule", status="superseded").replace(
    "review_by: 2099-01-10", 'review_by: 2099-01-10\napplies_to: ["**"]\nsuperseded_by: [ADR-0002]'
)
PROPOSED = decision(4, "Proposed rule").replace(
    "review_by: 2099-01-10", 'review_by: 2099-01-10\napplies_to: ["**"]'
)


def _repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "repo")
    write_files(
        repo,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-orders.md": ORDERS,
            "decisions/0002-schemas.md": SCHEMA,
            "decisions/0003-old.md": OLD,
            "decisions/0004-proposed.md": PROPOSED,
            "services/orders/store.py": "x = 1\n",
            "schemas/orders.sql": "CREATE TABLE orders ();\n",
            "README.md": "hello\n",
        },
    )
    commit_all(repo, "registry")
    return repo


ORDERS_TEXT = """\
  ADR-0001 Use PostgreSQL for orders
    two-way door, owner @orders
    tenets: T-001 Reversible choices over perfect ones
    exit path: Orders are stored in plain SQL tables; moving to another database costs a sprint.
"""


def test_text_lists_each_path_one_way_doors_first(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_hinges("why", "schemas/orders.sql", "README.md", "services/orders/new.py", cwd=repo)
    assert done.code == 0, done
    assert done.stdout == (
        "schemas/orders.sql\n"
        "  ADR-0002 Keep schemas in SQL files\n"
        "    one-way door, owner @payments\n"
        "    tenets: T-001 Reversible choices over perfect ones\n"
        "    exit path: Orders are stored in plain SQL tables; moving to another database "
        "costs a sprint.\n"
        "    matched by: schemas/**\n"
        f"{ORDERS_TEXT}"
        "    matched by: schemas/*.sql\n"
        "README.md\n"
        "  no decision in force governs this path\n"
        "services/orders/new.py\n"
        f"{ORDERS_TEXT}"
        "    matched by: services/orders/**\n"
    )


def test_paths_relative_to_the_current_folder_or_the_root(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    from_below = run_hinges("why", "store.py", cwd=repo / "services" / "orders")
    from_root = run_hinges("why", "services/orders/store.py", cwd=repo)
    root_relative_from_below = run_hinges(
        "why", "services/orders/store.py", cwd=repo / "services" / "orders"
    )
    assert from_below.code == from_root.code == root_relative_from_below.code == 0
    assert from_below.stdout == from_root.stdout == root_relative_from_below.stdout
    assert from_root.stdout.startswith("services/orders/store.py\n  ADR-0001 ")


def test_a_folder_is_governed_by_what_governs_its_files(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_hinges("why", "services", "--format", "json", cwd=repo)
    assert done.code == 0, done
    document = json.loads(done.stdout)
    assert [d["id"] for d in document["paths"][0]["decisions"]] == ["ADR-0001"]


def test_json(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_hinges("why", "--root", str(repo), "--format", "json", "schemas/orders.sql")
    assert done.code == 0, done
    document = json.loads(done.stdout)
    assert document["version"] == 1
    assert document["paths"][0]["path"] == "schemas/orders.sql"
    assert document["paths"][0]["decisions"][0] == {
        "id": "ADR-0002",
        "title": "Keep schemas in SQL files",
        "door": "one-way",
        "owner": "@payments",
        "tenets": [{"id": "T-001", "title": "Reversible choices over perfect ones"}],
        "exit_path": "Orders are stored in plain SQL tables; moving to another database "
        "costs a sprint.",
        "record": "decisions/0002-schemas.md",
        "patterns": ["schemas/**"],
    }
    assert [d["id"] for d in document["paths"][0]["decisions"]] == ["ADR-0002", "ADR-0001"]


def test_a_path_outside_the_root_is_a_usage_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_hinges("why", "--root", str(repo), str(tmp_path / "elsewhere.py"))
    assert done.code == 2
    assert (
        done.stderr
        == f"hinges: '{tmp_path / 'elsewhere.py'}' is outside the registry root {repo}\n"
    )


def test_an_unloadable_record_is_noted_not_hidden(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {"decisions/0001-orders.md": ORDERS.replace("title:", "title: [")})
    done = run_hinges("why", "services/orders/store.py", cwd=repo)
    assert done.code == 0
    assert done.stdout == "services/orders/store.py\n  no decision in force governs this path\n"
    assert done.stderr == (
        "hinges: note: 1 file could not be loaded and is left out; run 'hinges check' to see why\n"
    )


def test_control_characters_in_a_path_are_made_visible(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_hinges("why", "services/\x1b[31mx.py", cwd=repo)
    assert done.code == 0, done
    assert done.stdout == "services/\\x1b[31mx.py\n  no decision in force governs this path\n"
