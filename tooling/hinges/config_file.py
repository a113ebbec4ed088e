"""Finding and reading the configuration file: ``hinges.toml`` or ``[tool.hinges]``.

Only the TOML: which file holds the settings, its table, and the registry root a command
starts from. What the settings mean, their defaults and their checks are in
:mod:`hinges.config`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hinges.errors import ConfigError


def read_settings(root: Path) -> tuple[dict[str, Any], str] | None:
    """The settings table of the registry at ``root`` and where it was read (for messages),
    or None when neither ``hinges.toml`` nor ``[tool.hinges]`` holds any."""
    own = root / "hinges.toml"
    in_pyproject = _pyproject_table(root)
    if own.is_file():
        if in_pyproject is not None:
            raise ConfigError(
                "settings found in both hinges.toml and [tool.hinges] of pyproject.toml; keep one",
                path="hinges.toml",
            )
        return _read_toml(own), "hinges.toml"
    if in_pyproject is not None:
        return in_pyproject, "pyproject.toml [tool.hinges]"
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", path=path.name) from None
    if _only_comments(data):
        return {}
    import tomllib  # only for a file that sets something: importing it takes ~3 ms

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        where = f"byte {error.start + 1}: {error.reason}"
        raise ConfigError(
            f"is not UTF-8 text ({where}); save it as UTF-8", path=path.name
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", path=path.name) from None


# Characters TOML allows nowhere outside strings, not even in comments (a CR only before LF).
_TOML_CONTROLS = tuple(chr(code) for code in [*range(0x09), *range(0x0A + 1, 0x20), 0x7F])


def _only_comments(data: bytes) -> bool:
    """Whether ``data`` is TOML holding only comments and blank lines: an empty table.

    The ``hinges.toml`` that ``hinges init`` writes is all comments until someone changes
    a setting; reading it this way spares every ``hinges new`` the import of tomllib.
    Anything else, valid or not, is left to tomllib.
    """
    try:
        text = data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return False
    if any(control in text for control in _TOML_CONTROLS):
        return False
    return all(
        not line.lstrip(" \t") or line.lstrip(" \t").startswith("#") for line in text.split("\n")
    )


def _pyproject_table(root: Path) -> dict[str, Any] | None:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return None
    table = _read_toml(pyproject).get("tool", {}).get("hinges")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.hinges] must be a table", path="pyproject.toml")
    return table


def _configures_hinges(pyproject: Path) -> bool:
    """Whether ``pyproject`` has a ``[tool.hinges]`` table (in any TOML spelling)."""
    try:
        data = pyproject.read_bytes()
    except OSError:  # absent or unreadable: not a registry root we can use
        return False
    import tomllib

    try:
        return "hinges" in tomllib.loads(data.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Broken but meant for us: choose this root so load_config reports the error.
        return b"tool.hinges" in data


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds a registry or its configuration.

    Falls back to ``start`` itself, so a missing registry is reported where the user is.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "hinges.toml").is_file() or (folder / "decisions").is_dir():
            return folder
        if _configures_hinges(folder / "pyproject.toml"):
            return folder
        if (folder / ".git").exists():
            break
    return start
