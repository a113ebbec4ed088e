"""``forbid_dependency`` guards on real git repositories, manifests in each real format."""

from __future__ import annotations

from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, check_base, commit_all, git
from guard_support import GUARDED, guarded_repo

NO_MYSQL = GUARDED.replace(
    "guards:\n",
    """guards:
  - forbid_dependency:
      [mysqlclient, PyMySQL, mysql-connector-python, mysql2, github.com/go-sql-driver/mysql,
       mysql_async]
    message: Orders live in PostgreSQL.
""",
)
PYPROJECT = """\
[project]
name = "shop"
dependencies = [
    "psycopg>=3",
    "PyMySQL[rsa]>=1.1; python_version >= '3.11'",
]

[project.optional-dependencies]
legacy = ["mysqlclient==2.2"]

[dependency-groups]
dev = ["pytest", {include-group = "lint"}, "pymysql"]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.11"
mysqlclient = "^2.2"

[tool.poetry.group.test.dependencies]
"MySQL_Connector.Python" = {version = "*"}
"""
REQUIREMENTS = """\
# pinned
-r requirements/base.in
-c constraints.txt
psycopg==3.1 \\
    --hash=sha256:abc
-e git+https://example.com/x.git#egg=PyMySQL
--index-url https://pypi.example.com/simple
mysqlclient>=2 ; sys_platform != "win32"  # legacy
"""
BASE_IN = "requests\nmysql-client\nMySQLclient\n"
CONSTRAINTS = "pymysql<2\n"
PACKAGE_JSON = """{
  "name": "web",
  "dependencies": {
    "pg": "^8.11"
  },
  "devDependencies": {
    "mysql2": "^3.9"
  },
  "peerDependencies": {"mysql": "*"}
}
"""
GO_MOD = """module example.com/shop

go 1.22

require github.com/lib/pq v1.10.9

require (
\tgithub.com/go-sql-driver/mysql v1.8.1 // indirect
\tgolang.org/x/sync v0.7.0
)
"""
CARGO = """[package]
name = "shop"
version = "0.1.0"

[dependencies]
tokio = "1"
db = { package = "mysql-async", version = "0.34" }

[target.'cfg(unix)'.dev-dependencies]
mysql_async = "0.34"
"""


def _lines(root: Path) -> tuple[int, list[str]]:
    done = run_hinges(
        "check", "--root", str(root), "--as-of", AS_OF, "--format", "text", env=NOT_ON_GITHUB
    )
    assert done.stderr == "", done
    return done.code, [line for line in done.stdout.splitlines() if "HG1001" in line]


def _forbids(name: str) -> str:
    return (
        f"error HG1001 ADR-0001 (owner @orders) forbids depending on {name}: "
        "Orders live in PostgreSQL."
    )


def test_each_ecosystem_reports_its_declarations_at_their_lines(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": NO_MYSQL,
            "pyproject.toml": PYPROJECT,
            "services/api/requirements.txt": REQUIREMENTS,
            "services/api/requirements/base.in": BASE_IN,
            "services/api/constraints.txt": CONSTRAINTS,
            "web/package.json": PACKAGE_JSON,
            "go/go.mod": GO_MOD,
            "rust/Cargo.toml": CARGO,
            "docs/notes.txt": "mysqlclient\n",  # not a manifest
        },
    )
    code, lines = _lines(repo)
    assert code == 1
    assert lines == [
        f"go/go.mod:8:1: {_forbids('github.com/go-sql-driver/mysql')}",
        f"pyproject.toml:5:1: {_forbids('PyMySQL')}",
        f"pyproject.toml:9:1: {_forbids('mysqlclient')}",
        f"pyproject.toml:12:1: {_forbids('pymysql')}",
        f"pyproject.toml:17:1: {_forbids('mysqlclient')}",
        f"pyproject.toml:20:1: {_forbids('MySQL_Connector.Python')}",
        f"rust/Cargo.toml:7:1: {_forbids('mysql-async')}",
        f"rust/Cargo.toml:10:1: {_forbids('mysql_async')}",
        f"services/api/requirements.txt:6:1: {_forbids('PyMySQL')}",
        f"services/api/requirements.txt:8:1: {_forbids('mysqlclient')}",
        f"services/api/requirements/base.in:3:1: {_forbids('MySQLclient')}",
        f"web/package.json:7:1: {_forbids('mysql2')}",
    ]


def test_base_reports_only_declarations_the_branch_adds(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {"decisions/0001-use-postgres.md": NO_MYSQL, "web/package.json": PACKAGE_JSON},
    )
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {
            "requirements-dev.txt": "pytest\nmysqlclient\n",
            # The old mysql2 stays; the branch changes another line of the same manifest.
            "web/package.json": PACKAGE_JSON.replace('"^8.11"', '"^8.12"'),
        },
    )
    commit_all(repo, "dev tools", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        f"requirements-dev.txt:2:1: {_forbids('mysqlclient')}",
        "2 files checked, 2 code files scanned: 1 error, 0 warnings, 0 notes",
    ]


def test_in_limits_the_manifests_and_a_broken_one_declares_nothing(tmp_path: Path) -> None:
    limited = NO_MYSQL.replace(
        "    message: Orders live in PostgreSQL.\n",
        '    in: ["services/**"]\n    message: Orders live in PostgreSQL.\n',
    )
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": limited,
            "services/web/package.json": '{"dependencies": {"mysql2": "1"}}\n',
            "web/package.json": PACKAGE_JSON,  # outside 'in'
            "services/x/pyproject.toml": "[project\nnot toml",
        },
    )
    assert _lines(repo) == (1, [f"services/web/package.json:1:1: {_forbids('mysql2')}"])


def test_a_name_no_ecosystem_allows_is_reported_at_the_record(tmp_path: Path) -> None:
    bad = NO_MYSQL.replace("[mysqlclient,", '["my sql",')
    repo = guarded_repo(tmp_path / "repo", {"decisions/0001-use-postgres.md": bad})
    done = run_hinges(
        "check", "--root", str(repo), "--as-of", AS_OF, "--format", "text", env=NOT_ON_GITHUB
    )
    assert done.code == 1, done
    assert done.stdout.splitlines()[0] == (
        "decisions/0001-use-postgres.md:15:7: error HG105 'my sql' is not a package name; "
        "the guard does not run until it is fixed"
    )
