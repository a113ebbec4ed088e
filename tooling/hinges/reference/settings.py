"""The configuration reference, from the attribute docstrings of ``Config``."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json

from hinges import config as config_module
from hinges.config import Config
from hinges.reference._common import GENERATED_NOTE, cell


def setting_docs(source: str | None = None) -> dict[str, str]:
    """The attribute docstrings of ``Config``, read from the config module's source."""
    tree = ast.parse(source if source is not None else inspect.getsource(config_module))
    docs: dict[str, str] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ClassDef) and node.name == Config.__name__):
            continue
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items())
        return f"{{ {items} }}" if items else "{}"
    raise TypeError(f"no TOML form for {value!r}")


def _toml_type(value: object, name: str = "") -> str:
    if name == "sources":
        return "array of tables"
    for kind, name in ((bool, "boolean"), (int, "integer"), (str, "string")):
        if isinstance(value, kind):
            return name
    return "list of strings" if isinstance(value, tuple) else "table"


def config_markdown() -> str:
    """The configuration reference page."""
    docs = setting_docs()
    defaults = Config()
    out = [
        "# Configuration",
        "",
        "Everything works with zero configuration. To change a setting, add it to",
        "`[tool.hinges]` in `pyproject.toml`, or, in a repository that is not a Python project,",
        "to a `hinges.toml` (top-level keys) in the registry root. Keep one of the two: when",
        "both exist, hinges stops with a configuration error (exit 2), as it does for an",
        "unknown setting or a value of the wrong type. This page is generated from the",
        "`Config` class in `tooling/hinges/config.py`.",
        GENERATED_NOTE,
        "",
        "```toml",
        "[tool.hinges]",
        'id_prefix = "ADR"',
        'owners = ["@payments/platform", "@architecture"]',
        'required_sections = ["Context", "Options considered", "Decision", "Consequences"]',
        "",
        "[tool.hinges.severity]",
        'HG009 = "off"             # by code',
        '"unknown-key" = "warning" # or by slug',
        "```",
        "",
        "| Setting | Type | Default |",
        "| --- | --- | --- |",
    ]
    # The settings a configuration file may set: exactly those the config loader accepts.
    settings = [f for f in dataclasses.fields(Config) if f.name in config_module._SETTINGS]
    undocumented = [field.name for field in settings if field.name not in docs]
    if undocumented:
        raise ValueError(f"settings without a docstring in config.py: {', '.join(undocumented)}")
    for field in settings:
        value = getattr(defaults, field.name)
        out.append(
            f"| [`{field.name}`](#{field.name}) | {_toml_type(value, field.name)} "
            f"| `{cell(_toml_value(value))}` |"
        )
    for field in settings:
        value = getattr(defaults, field.name)
        out += ["", f"## {field.name}", "", docs[field.name].replace("``", "`"), ""]
        out.append(f"Type: {_toml_type(value, field.name)}. Default: `{_toml_value(value)}`.")
    return "\n".join(out) + "\n"
