"""Configuration: zero by default, optionally ``hinges.toml`` or ``[tool.hinges]``.

Every setting has a default, so a repository with just ``decisions/`` and ``tenets/`` works.
Settings are read from ``hinges.toml`` (top-level keys, for repositories that are not
Python) or from the ``[tool.hinges]`` table of ``pyproject.toml``, in the registry root
(:mod:`hinges.config_file` finds and reads them); this module declares the settings and
checks their values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from hinges.config_file import read_settings
from hinges.errors import ConfigError
from hinges.globs import glob_problem
from hinges.source_config import Source, parse_sources

SEVERITY_NAMES = ("error", "warning", "info", "off")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_PREFIX_CHARACTERS = _UPPER | frozenset("0123456789")


@dataclass(frozen=True)
class Config:
    """The settings of one registry. Field docs are the configuration reference."""

    decisions_dir: str = "decisions"
    """Folder of decision records, relative to the registry root."""
    tenets_dir: str = "tenets"
    """Folder of tenet records, relative to the registry root."""
    id_prefix: str = "ADR"
    """Prefix of decision ids: ``ADR`` gives ``ADR-0001``. Upper-case letters and digits."""
    owners: tuple[str, ...] = ()
    """Allowed owner handles. Empty means: the teams in CODEOWNERS if there is one, else any."""
    use_codeowners: bool = True
    """When ``owners`` is empty, accept only the teams and people a CODEOWNERS file names."""
    required_sections: tuple[str, ...] = ("Context", "Decision", "Consequences")
    """H2 sections every decision body must have (compared case-insensitively)."""
    templates: tuple[str, ...] = ()
    """Template files your team writes records from, besides hinges' own (paths from the
    registry root). Text left from them in a record is reported (HG803 template-text)."""
    one_way_min_deciders: int = 2
    """How many deciders an accepted one-way door needs at least."""
    review_interval_months: int = 6
    """Default distance of ``review_by`` from the decision date for new one-way doors, and
    from the review date when ``hinges review ID --outcome`` records a one-way door's review."""
    review_interval_two_way_months: int = 12
    """How far ``hinges review ID --outcome`` moves a two-way door's ``review_by`` (from the
    review date) when ``--next`` is not given."""
    ignore: tuple[str, ...] = ("README.md", "index.md")
    """File names inside the record folders that are not records."""
    max_file_bytes: int = 1024 * 1024
    """Records larger than this are reported and not read; code files larger than this are
    skipped (and counted) by guards and the id check."""
    scan_exclude: tuple[str, ...] = ()
    """Glob patterns of files that guards and the id check never read (vendored code,
    fixtures that quote ids on purpose). The record folders and ``hinges.toml`` are always
    excluded."""
    mutable_when_accepted: tuple[str, ...] = (
        "status",
        "date",
        "superseded_by",
        "review_by",
        "tags",
        "reviews",
        "applies_to",
        "guards",
        "summary",
    )
    """Front-matter keys an accepted decision may still change (``hinges check --base``).

    Any other change, body included, is an error: supersede the decision instead. ``date``
    is here because ``hinges status`` and ``hinges new --supersedes`` set it; ``reviews``
    because ``hinges review ID --outcome`` appends to it (rewriting a recorded review is
    still reported, by review-rewritten); ``applies_to``, ``guards`` and ``summary`` because
    teams add them to the decisions they already have."""
    governed_annotation: dict[str, str] = field(
        default_factory=lambda: {"one-way": "notice", "two-way": "notice"}
    )
    """Annotation level, per door, on each changed file that a decision in force governs
    (``hinges check --base REF --format github``): a table of door (``one-way``,
    ``two-way``) -> notice | warning | off. Doors left out stay ``notice``. These
    annotations never change the exit status."""
    digest_budget_tokens: int = 8000
    """Size budget of ``hinges digest`` (and the MCP server's ``get_digest``), in tokens
    counted as characters / 4. Over it, two-way doors shrink to id and title first; the
    digest says what it left out."""
    sources: tuple[Source, ...] = ()
    """Other registries whose records this one may name by qualified id (``org:T-003``,
    ``payments:ADR-0007``): an array of tables, one ``[[sources]]`` per source, with
    ``name`` (lower-case letters, digits and ``-``; it qualifies the ids), ``git`` (any git
    URL, or a local path relative to the registry root), ``ref`` (branch, tag or full
    commit id; default ``HEAD``, the source's default branch) and ``path`` (where the
    registry sits in that repository; default ``.``). ``hinges sources sync`` fetches them
    into ``.hinges/sources/`` (docs/guide/organisation.md)."""
    sources_max_age_hours: int = 24
    """How old (since its last sync) a source's cached copy may be before ``hinges check``
    warns that it is stale and says to run ``hinges sources sync``; 0: never."""
    severity: dict[str, str] = field(default_factory=dict)
    """Rule severity overrides: code or slug -> error | warning | info | off."""
    source: str | None = None
    """Where the configuration was read from (not a setting)."""


_SETTINGS = {f.name: f for f in fields(Config) if f.name != "source"}


def _did_you_mean(name: str, choices: list[str]) -> str:
    import difflib  # imported when needed: start-up time of every command

    close = difflib.get_close_matches(name, choices, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _coerce(name: str, value: Any, where: str, root: Path | None) -> Any:
    default = Config.__dataclass_fields__[name].default
    if name == "sources":
        return parse_sources(value, where, root)
    if name == "severity":
        if not isinstance(value, dict):
            raise ConfigError(f"'{name}' must be a table of rule = level", path=where)
        for rule, level in value.items():
            if level not in SEVERITY_NAMES:
                raise ConfigError(
                    f"severity of '{rule}' must be one of "
                    f"{', '.join(SEVERITY_NAMES)}, not {level!r}",
                    path=where,
                )
        return dict(value)
    if name == "governed_annotation":
        return _annotation_levels(value, where)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"'{name}' must be true or false", path=where)
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"'{name}' must be a whole number of 0 or more", path=where)
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ConfigError(f"'{name}' must be a list of strings", path=where)
        return tuple(value)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"'{name}' must be a non-empty string", path=where)
    return value


ANNOTATION_LEVELS = ("notice", "warning", "off")
DOORS = ("one-way", "two-way")


def _annotation_levels(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError("'governed_annotation' must be a table of door = level", path=where)
    levels = {"one-way": "notice", "two-way": "notice"}
    for door, level in value.items():
        if door not in DOORS:
            raise ConfigError(
                f"governed_annotation names {door!r}, not a door ({' or '.join(DOORS)})",
                path=where,
            )
        if level not in ANNOTATION_LEVELS:
            raise ConfigError(
                f"governed_annotation of {door!r} must be one of "
                f"{', '.join(ANNOTATION_LEVELS)}, not {level!r}",
                path=where,
            )
        levels[door] = level
    return levels


def _from_table(table: dict[str, Any], where: str, root: Path | None = None) -> Config:
    values: dict[str, Any] = {}
    for name, value in table.items():
        if name == "tool" and where == "hinges.toml":
            raise ConfigError(
                "hinges.toml takes its settings at the top level; remove the "
                "[tool.hinges] header (that form is for pyproject.toml)",
                path=where,
            )
        if name not in _SETTINGS:
            hint = _did_you_mean(name, list(_SETTINGS))
            raise ConfigError(f"unknown setting '{name}'{hint}", path=where)
        values[name] = _coerce(name, value, where, root)
    config = Config(**values, source=where)
    if not is_id_prefix(config.id_prefix):
        raise ConfigError(
            f"id_prefix {config.id_prefix!r} must be 1-10 upper-case letters or digits, "
            "starting with a letter",
            path=where,
        )
    for pattern in config.scan_exclude:
        problem = glob_problem(pattern)
        if problem is not None:
            raise ConfigError(f"scan_exclude pattern {problem}", path=where)
    for folder in (config.decisions_dir, config.tenets_dir, *config.templates):
        if Path(folder).is_absolute() or ".." in Path(folder).parts:
            kind = "template" if folder in config.templates else "folder"
            raise ConfigError(f"{kind} {folder!r} must be inside the registry root", path=where)
    return config


def is_id_prefix(text: str) -> bool:
    """1-10 ASCII upper-case letters or digits, starting with a letter (``ADR``, ``DEC2``).

    String tests, not a regular expression: every command reads the configuration, and
    ``hinges new`` must not pay for compiling a pattern (tests/test_new_path.py).
    """
    return 0 < len(text) <= 10 and text[0] in _UPPER and all(c in _PREFIX_CHARACTERS for c in text)


def load_config(root: Path) -> Config:
    """Read the configuration of the registry at ``root`` (defaults when there is none)."""
    found = read_settings(root)
    if found is None:
        return Config()
    table, where = found
    return _from_table(table, where, root)
