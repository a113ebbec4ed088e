"""``forbid_import`` guards on real git repositories: Python's import graph, by syntax."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files
from gate_support import check_base, commit_all, git
from guard_support import GUARDED, assert_one_finding_at, check_text, guarded_repo
from hinges.codescan.imports import ModuleMatcher, module_pattern_problem, python_modules

BOUNDARY = GUARDED.replace(
    "guards:\n",
    """guards:
  - forbid_import: {from: ["shop.orders.api.**"], to: ["shop.orders.db"]}
    message: The API goes through the service layer, never to the tables.
""",
)
PACKAGES = {
    "src/shop/__init__.py": "",
    "src/shop/orders/__init__.py": "",
    "src/shop/orders/api/__init__.py": "",
    "src/shop/orders/db/__init__.py": "class Table: ...\n",
    "src/shop/orders/db/models.py": "",
    "src/shop/orders/service.py": "from shop.orders.db import models\n",  # allowed: not api
}


def _forbids(module: str) -> str:
    return (
        f"error HG1001 ADR-0001 (owner @orders) forbids importing {module} here: "
        "The API goes through the service layer, never to the tables."
    )


def _repo(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    return guarded_repo(
        tmp_path / "repo", {"decisions/0001-use-postgres.md": BOUNDARY, **PACKAGES, **files}
    )


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    code, lines = check_text(root, *args)
    return code, [line for line in lines if "HG" in line]


def test_every_form_of_import_is_resolved_and_reported_at_its_line(tmp_path: Path) -> None:
    views = (
        "import os\n"
        "import shop.orders.db.models\n"  # 2: absolute, a submodule
        "from shop.orders.db import Table\n"  # 3: a name of the package -> shop.orders.db
        "from ..db import models\n"  # 4: relative -> shop.orders.db.models
        "from .. import db\n"  # 5: relative -> shop.orders.db
        "from .. import service\n"  # 6: allowed
        "def late():\n"
        "    from shop.orders import db as d\n"  # 8: inside a function
        "from shop.orders.dbx import y\n"  # 9: not shop.orders.db
    )
    repo = _repo(tmp_path, {"src/shop/orders/api/views.py": views})
    code, lines = _check(repo)
    assert code == 1
    assert lines == [
        f"src/shop/orders/api/views.py:2:1: {_forbids('shop.orders.db.models')}",
        f"src/shop/orders/api/views.py:3:1: {_forbids('shop.orders.db')}",
        f"src/shop/orders/api/views.py:4:1: {_forbids('shop.orders.db.models')}",
        f"src/shop/orders/api/views.py:5:1: {_forbids('shop.orders.db')}",
        f"src/shop/orders/api/views.py:8:5: {_forbids('shop.orders.db')}",
    ]


def test_the_package_init_resolves_relative_imports_from_itself(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"src/shop/orders/api/__init__.py": "from ..db import Table\n"})
    assert _check(repo) == (
        1,
        [f"src/shop/orders/api/__init__.py:1:1: {_forbids('shop.orders.db')}"],
    )


def test_base_reports_only_imports_the_branch_adds(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"src/shop/orders/api/old.py": "from shop.orders import db\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {
            "src/shop/orders/api/old.py": "# touched\nfrom shop.orders import db\n",
            "src/shop/orders/api/new.py": (
                "import json\nfrom shop.orders.db import (\n    Table,\n)\n"
            ),
        },
    )
    commit_all(repo, "a new view", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        f"src/shop/orders/api/new.py:2:1: {_forbids('shop.orders.db')}",
        "2 files checked, 2 code files scanned: 1 error, 0 warnings, 0 notes",
    ]


def test_json_and_sarif_locate_the_import(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"src/shop/orders/api/v.py": "import os\n\nimport shop.orders.db\n"})
    assert_one_finding_at(repo, "src/shop/orders/api/v.py", 3)


def test_in_limits_the_files_and_unparsable_files_are_skipped(tmp_path: Path) -> None:
    limited = BOUNDARY.replace(
        "    message: The API",
        '    in: ["src/shop/orders/api/public/**"]\n    message: The API',
    )
    repo = _repo(
        tmp_path,
        {
            "decisions/0001-use-postgres.md": limited,
            "src/shop/orders/api/public/__init__.py": "import shop.orders.db\n",
            "src/shop/orders/api/internal.py": "import shop.orders.db\n",  # outside 'in'
            "src/shop/orders/api/broken.py": "import shop.orders.db\ndef (:\n",
        },
    )
    assert _check(repo) == (
        1,
        [f"src/shop/orders/api/public/__init__.py:1:1: {_forbids('shop.orders.db')}"],
    )


def test_malformed_and_invalid_import_guards_are_reported_at_the_record(tmp_path: Path) -> None:
    no_to = BOUNDARY.replace(', to: ["shop.orders.db"]', "")
    repo = _repo(tmp_path, {"decisions/0001-use-postgres.md": no_to})
    code, lines = _check(repo)
    assert code == 1
    assert lines[0].startswith(
        "decisions/0001-use-postgres.md:14:20: error HG102 'guards' forbid_import has no 'to'"
    )
    spaced = BOUNDARY.replace('to: ["shop.orders.db"]', 'to: ["shop.orders db"]')
    write_files(repo, {"decisions/0001-use-postgres.md": spaced})
    code, lines = _check(repo)
    assert code == 1
    assert lines == [
        "decisions/0001-use-postgres.md:14:20: error HG105 'shop.orders db' is not a module "
        "pattern (dotted names; `*` is one part, `**` any number); the guard does not run "
        "until it is fixed"
    ]


def test_module_patterns() -> None:
    api = ModuleMatcher(["shop.*.api.**"])
    assert api.covers("shop.orders.api.views")
    assert api.covers("shop.orders.api.v1.views")
    assert api.covers("shop.orders.api")  # `**` is any number of parts, none too
    assert ModuleMatcher(["shop.**.db"]).covers("shop.db")
    assert not api.covers("shop.api.views")
    plain = ModuleMatcher(["shop.orders"])
    assert plain.covers("shop.orders") and plain.covers("shop.orders.db")
    assert not plain.covers("shop.ordersx")
    assert module_pattern_problem("a.b-c") is not None
    assert module_pattern_problem("a..b") is not None
    assert module_pattern_problem("a.**.b") is None


def test_module_names_follow_the_packages() -> None:
    modules = python_modules(
        [
            "src/a/__init__.py",
            "src/a/b.py",
            "src/a/c/__init__.py",
            "src/a/c/d.py",
            "tools/x.py",
            "src/a/not-a-module.py",
        ]
    )
    assert {path: (m.name, m.is_package) for path, m in modules.items()} == {
        "src/a/__init__.py": ("a", True),
        "src/a/b.py": ("a.b", False),
        "src/a/c/__init__.py": ("a.c", True),
        "src/a/c/d.py": ("a.c.d", False),
        "tools/x.py": ("x", False),
    }


PATH_BOUNDARY = GUARDED.replace(
    "guards:\n",
    """guards:
  - forbid_import:
      from: ["web/src/api/**", "go/api/**"]
      to: ["web/src/db/**", mysql2, "@acme/legacy", "example.com/shop/db/**", unsafe]
    message: The API goes through the service layer, never to the tables.
""",
)


def _path_forbids(target: str) -> str:
    return (
        f"error HG1001 ADR-0001 (owner @orders) forbids importing {target} here: "
        "The API goes through the service layer, never to the tables."
    )


def test_javascript_typescript_and_go_imports_by_their_syntax(tmp_path: Path) -> None:
    handler = (
        'import { get } from "./service";\n'  # 1: allowed
        'import * as db from "../db/tables";\n'  # 2
        "import type { Row } from '../db';\n"  # 3: ../db resolves to web/src/db (index)
        'export { save } from "../db/save.js";\n'  # 4
        'const pool = require("mysql2/promise");\n'  # 5: the package mysql2
        'const lazy = await import("@acme/legacy/client");\n'  # 6
        '// import x from "../db/commented";\n'  # 7: a comment
        "/* require('mysql2') */\n"  # 8: a comment
        'import left from "left-pad";\n'  # 9: allowed
    )
    go = (
        "package api\n"
        "\n"
        'import "fmt"\n'  # 3: allowed
        "\n"
        "import (\n"
        '\tdb "example.com/shop/db/orders"\n'  # 6
        '\t"example.com/shop/service"\n'  # 7: allowed
        '\t"unsafe"\n'  # 8
        ")\n"
    )
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": PATH_BOUNDARY,
            "web/src/api/handler.ts": handler,
            "web/src/db/index.ts": "export const Row = 1;\n",
            "web/src/service.ts": 'import * as db from "./db";\n',  # not in 'from'
            "go/api/api.go": go,
        },
    )
    code, lines = _check(repo)
    assert code == 1
    assert lines == [
        f"go/api/api.go:6:5: {_path_forbids('example.com/shop/db/orders')}",
        f"go/api/api.go:8:2: {_path_forbids('unsafe')}",
        f"web/src/api/handler.ts:2:1: {_path_forbids('../db/tables')}",
        f"web/src/api/handler.ts:3:1: {_path_forbids('../db')}",
        f"web/src/api/handler.ts:4:1: {_path_forbids('../db/save.js')}",
        f"web/src/api/handler.ts:5:14: {_path_forbids('mysql2/promise')}",
        f"web/src/api/handler.ts:6:20: {_path_forbids('@acme/legacy/client')}",
    ]


def test_base_reports_only_the_javascript_imports_the_branch_adds(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": PATH_BOUNDARY,
            "web/src/api/old.js": 'const db = require("../db/x");\n',
        },
    )
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {"web/src/api/old.js": '// touched\nconst db = require("../db/x");\nimport "mysql2";\n'},
    )
    commit_all(repo, "more", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines()[:-1] == [f"web/src/api/old.js:3:1: {_path_forbids('mysql2')}"]
