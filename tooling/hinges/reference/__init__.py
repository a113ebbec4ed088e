"""Reference pages generated from their single sources, so the docs cannot drift.

* the rules reference, from the rule modules' docstrings (:func:`hinges.rules.all_rules`);
* the configuration reference, from the attribute docstrings of :class:`hinges.config.Config`;
* the front-matter field tables, from :mod:`hinges.schema`'s field declarations, written
  between ``<!-- fields:KIND:start -->`` and ``<!-- fields:KIND:end -->`` markers of the
  hand-written format page.

Regenerate the committed pages with ``python -m hinges.reference --write docs``;
``--check docs`` exits 1 when they are stale.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hinges.reference._common import GENERATED_NOTE, REGENERATE
from hinges.reference.fields import fields_table, fill_field_tables
from hinges.reference.rules import Example, RuleDoc, parse_rule_doc, rules_markdown, rules_table
from hinges.reference.settings import config_markdown, setting_docs

__all__ = [
    "GENERATED_NOTE",
    "REGENERATE",
    "Example",
    "RuleDoc",
    "config_markdown",
    "fields_table",
    "fill_field_tables",
    "generated_pages",
    "main",
    "parse_rule_doc",
    "rules_markdown",
    "rules_table",
    "setting_docs",
    "stale_pages",
]

RULES_PAGE = Path("reference/rules.md")
CONFIG_PAGE = Path("reference/configuration.md")
FORMAT_PAGE = Path("reference/format.md")


def generated_pages(docs_dir: Path) -> dict[Path, str]:
    """Every generated page (path inside ``docs_dir`` -> its text as generated now)."""
    format_path = docs_dir / FORMAT_PAGE
    return {
        docs_dir / RULES_PAGE: rules_markdown(),
        docs_dir / CONFIG_PAGE: config_markdown(),
        format_path: fill_field_tables(format_path.read_text(encoding="utf-8")),
    }


def stale_pages(docs_dir: Path) -> list[Path]:
    pages = generated_pages(docs_dir)
    return [
        path
        for path, text in pages.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hinges.reference", description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="DOCS_DIR", type=Path, help="regenerate the pages")
    action.add_argument("--check", metavar="DOCS_DIR", type=Path, help="exit 1 if any is stale")
    args = parser.parse_args(argv)
    from hinges.atomic import write_text

    try:
        if args.check is not None:
            stale = stale_pages(args.check)
            for path in stale:
                print(f"{path}: out of date; run {REGENERATE}", file=sys.stderr)
            return 1 if stale else 0
        for path, text in generated_pages(args.write).items():
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_text(path, text)
                print(f"wrote {path}")
    except (OSError, ValueError) as error:
        print(f"hinges.reference: {error}", file=sys.stderr)
        return 2
    return 0
