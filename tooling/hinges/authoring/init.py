"""Make a registry in any repository: folders, a first tenet, a config, an ``mkdocs.yml``.

Idempotent and never destructive: every step creates something only if it is not there
yet (files with exclusive create), and reports what it created and what it left alone.
The commented configuration is generated from :class:`hinges.config.Config` (its fields,
defaults and attribute docstrings), so it can never drift from the settings hinges reads.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import itertools
import json
import os
import re
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Literal

from hinges.authoring.naming import file_name, highest_number
from hinges.authoring.templates import TenetDraft, tenet_text
from hinges.config import Config
from hinges.yamlwrite import quote

DEFAULT_OWNER = "@architecture"
Action = Literal["created", "kept", "skipped"]
FIRST_TENET = TenetDraft(
    id="T-001",
    title="Reversible choices over perfect ones",
    owner=DEFAULT_OWNER,
    priority=1,
    date=dt.date(2000, 1, 1),  # replaced by today when written
    statement=(
        "When two options are close, we choose the one we can walk back from, and we decide\n"
        "it quickly. We save slow, careful deliberation for the few choices that cannot be\n"
        "undone. (This is an example tenet written by `hinges init`: edit it into one your\n"
        "team holds, or retire it.)"
    ),
    rationale=(
        "Most technology decisions are two-way doors: a library behind an interface, a\n"
        "configuration flag, a tool one team uses. Treating them as one-way doors slows\n"
        "everyone down, and the time spent seeking a perfect answer is rarely repaid. What we\n"
        "give up is the occasional better option that would have taken weeks to prove."
    ),
    tension=(
        "Speed against certainty. When a team wants more evidence before choosing and the\n"
        "choice is cheap to reverse, this tenet says: decide now, write down the exit path,\n"
        "and set a date to look again."
    ),
)
MKDOCS_TEXT = """\
# The decision catalog of this repository. Three generators build it from this file:
# - Zensical (pip install 'hinges[zensical]'): it runs no MkDocs plugin, so write the
#   catalog's pages first: hinges render && zensical build --strict
# - ProperDocs (pip install 'hinges[properdocs]'): properdocs build --strict -f mkdocs.yml
# - MkDocs 1.x (pip install 'hinges[catalog]'): mkdocs build --strict, or mkdocs serve
# ProperDocs and MkDocs run the hinges plugin below, which builds the same pages itself.
site_name: {site_name}
theme:
  name: material
  # Off: material would otherwise load Google Fonts, and the catalog must work offline.
  font: false
plugins:
  - search
  - hinges
nav:
  - Home: index.md
  - Catalog: catalog/index.md
"""
CATALOG_INFO_TEXT = """\
# Backstage: this repository's decisions in the ADR plugin and its catalog in TechDocs.
# adr-location: the folder the ADR plugin reads (records named NNNN-title.md, the first
# heading as title, status and date in front matter). techdocs-ref: TechDocs builds
# mkdocs.yml from here; see the hinges guide "The catalog site" for what it needs.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: {name}
  description: Technology decisions and the tenets behind them
  annotations:
    backstage.io/adr-location: {decisions}
    backstage.io/techdocs-ref: dir:.
spec:
  type: documentation
  lifecycle: production
  owner: {owner}
"""
DOCS_INDEX_TEXT = """\
# Decisions

This site is the catalog of this repository's technology decisions and the tenets behind
them: see the [catalog](catalog/index.md). It is built from `decisions/` and `tenets/` by
the hinges MkDocs plugin.
"""


@dataclass(frozen=True)
class Step:
    path: str
    """Relative to the registry root; folders end with ``/``."""
    action: Action
    """``created``; ``kept`` (it exists, left as it is); ``skipped`` (not needed here)."""
    note: str = ""

    @property
    def created(self) -> bool:
        return self.action == "created"


def _made(path: str, written: bool, note: str = "") -> Step:
    """``created`` when ``written``; otherwise ``kept``, as the file exists."""
    return Step(path, "created", note) if written else Step(path, "kept", note or "exists")


def _attribute_docs(cls: type) -> dict[str, str]:
    """The docstring written on the line after each attribute of a class, by attribute name."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for previous, node in itertools.pairwise(body):
        if (
            isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            text = " ".join(node.value.value.split())
            docs[previous.target.id] = text.replace("``", "`")  # reST literals as Markdown
    return docs


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(json.dumps(item) for item in value) + "]"
    return json.dumps(value)


# The lines of each table setting: severity has no defaults, so an example stands in.
_TABLE_LINES = {
    "severity": ['review-overdue = "error"'],
    "governed_annotation": ['one-way = "notice"', 'two-way = "notice"'],
}


def config_text() -> str:
    """``hinges.toml`` with every setting commented out at its default, and what it does."""
    docs = _attribute_docs(Config)
    lines = [
        "# hinges configuration. Every setting is optional: the defaults below are what hinges",
        "# uses without this file. Uncomment a line to change it.",
    ]
    tables = []
    for setting in fields(Config):
        if setting.name == "source":
            continue
        if setting.default is MISSING:  # a table (severity): TOML needs tables last
            tables.append(setting.name)
            continue
        lines += ["", f"# {docs.get(setting.name, setting.name)}"]
        lines.append(f"# {setting.name} = {_toml_value(setting.default)}")
    for name in tables:
        lines += [
            "",
            f"# {docs.get(name, name)}",
            f"# [{name}]",
            *(f"# {line}" for line in _TABLE_LINES[name]),
        ]
    return "\n".join(lines) + "\n"


def _has_tool_table(root: Path) -> bool:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return False
    import tomllib

    try:
        return "hinges" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return b"[tool.hinges]" in pyproject.read_bytes()


def _create_file(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it exists (exclusive create); True if written."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return True


def _folder(root: Path, name: str) -> Step:
    path = root / name
    if path.is_dir():
        return Step(f"{name}/", "kept", "exists")
    path.mkdir(parents=True)
    return Step(f"{name}/", "created")


def _entity_name(text: str) -> str:
    """A Backstage entity name: letters, digits and ``-_.``, at most 63, alphanumeric ends."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-_.")[:63].strip("-_.")
    return name.lower() or "decisions"


def backstage_step(root: Path, config: Config, owner: str) -> Step:
    """``catalog-info.yaml`` for Backstage, unless the repository has one already."""
    path = root / "catalog-info.yaml"
    if path.exists():
        has = b"backstage.io/adr-location" in path.read_bytes()
        note = "exists" if has else "exists; add the backstage.io/adr-location annotation"
        return Step("catalog-info.yaml", "kept", note)
    text = CATALOG_INFO_TEXT.format(
        name=_entity_name(f"{root.resolve().name}-decisions"),
        decisions=quote(config.decisions_dir),
        owner=_entity_name(owner.lstrip("@").rsplit("/", 1)[-1]),
    )
    return _made("catalog-info.yaml", _create_file(path, text))


def init_registry(
    root: Path, config: Config, today: dt.date, owner: str, *, backstage: bool = False
) -> list[Step]:
    """Create what is missing of a registry at ``root``; returns every step, done or not."""
    steps = [_folder(root, config.decisions_dir), _folder(root, config.tenets_dir)]
    tenets = root / config.tenets_dir
    if highest_number(tenets, "tenet") is None:
        name = file_name("tenet", 1, "reversible-choices-over-perfect-ones")
        draft = FIRST_TENET._replace(owner=owner, date=today)
        written = _create_file(tenets / name, tenet_text(draft))
        steps.append(_made(f"{config.tenets_dir}/{name}", written, "an example: edit it"))
    else:
        steps.append(Step(f"{config.tenets_dir}/T-*.md", "kept", "tenets exist"))
    if _has_tool_table(root):
        note = "settings are in pyproject.toml [tool.hinges]"
        steps.append(Step("hinges.toml", "skipped", note))
    else:
        steps.append(_made("hinges.toml", _create_file(root / "hinges.toml", config_text())))
    existing = [name for name in ("mkdocs.yml", "mkdocs.yaml") if (root / name).exists()]
    if existing:
        has_plugin = b"hinges" in (root / existing[0]).read_bytes()
        note = "exists" if has_plugin else "exists; add the hinges plugin to it yourself"
        steps.append(Step(existing[0], "kept", note))
    else:
        site_name = quote(f"{root.resolve().name} decisions")
        written = _create_file(root / "mkdocs.yml", MKDOCS_TEXT.format(site_name=site_name))
        steps.append(_made("mkdocs.yml", written))
        if written and not (root / "docs").exists():
            # MkDocs needs its docs folder, and the site a home page.
            (root / "docs").mkdir()
            _create_file(root / "docs" / "index.md", DOCS_INDEX_TEXT)
            steps.append(Step("docs/index.md", "created", "the site's home page"))
    if backstage:
        steps.append(backstage_step(root, config, owner))
    return steps
