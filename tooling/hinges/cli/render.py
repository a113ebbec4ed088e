"""``hinges render``: the catalog as plain Markdown pages for any site generator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hinges.cli._common import DATE, resolve_root, root_option

if TYPE_CHECKING:
    from hinges.loader import Registry
    from hinges.site.organisation import Organisation


@click.command("render")
@root_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The catalog's folder (default: 'catalog' under docs_dir of the mkdocs.yml beside "
    "the registry, or the hinges plugin's 'path').",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the pages are stale.")
@click.option("--as-of", type=DATE, default=None, help="The catalog's date (default: today).")
def render_command(root: Path | None, out: Path | None, check: bool, as_of: dt.date | None) -> int:
    """Write the catalog (pages, assets, registry.json) for Zensical, ProperDocs, MkDocs.

    Same registry and date, same bytes. A manifest (.hinges-render.json) in the folder lists
    what was written: the next render removes pages it no longer writes and never touches
    a file it did not write. Exit status: 0 written (or, with --check, up to date),
    1 stale with --check, or a file in the way, 2 usage or configuration error.
    """
    from hinges.loader import collector_paused, load_registry
    from hinges.site.catalog import build_catalog
    from hinges.site.docsconfig import read_docs_config
    from hinges.site.organisation import catalog_input
    from hinges.site.render import apply_render, catalog_files, plan_render
    from hinges.site.staged import first_render, render_staged
    from hinges.site.urls import CatalogLayout

    registry_root, config = resolve_root(root)
    docs = read_docs_config(registry_root)
    target = out.resolve() if out is not None else docs.catalog_dir
    layout = CatalogLayout(docs.path, docs.directory_urls, source_links=True)
    shown = _shown(target)
    build_date = as_of or dt.date.today()
    with collector_paused():
        registry = load_registry(registry_root, config)
        shown_registry, organisation = catalog_input(registry)
        if not check and first_render(target):
            count = render_staged(target, shown_registry, build_date, layout, organisation)
            click.echo(
                f"hinges: rendered {count} files into {shown}: {count} written, "
                "0 removed, 0 unchanged"
            )
            _report_skipped(registry, organisation)
            return 0
        catalog = build_catalog(shown_registry, build_date, layout, (target,), organisation)
        files = catalog_files(catalog, layout)
    plan = plan_render(target, files)
    if check:
        if not plan.stale:
            click.echo(f"hinges: {shown} is up to date ({len(files)} files)")
            return 0
        for path in plan.foreign:
            click.echo(f"{shown}/{path}: in the way (not written by hinges render)")
        for file in plan.write:
            click.echo(f"{shown}/{file.path}: stale")
        for path in plan.remove:
            click.echo(f"{shown}/{path}: no longer rendered")
        click.echo(f"hinges: {shown} is stale; run 'hinges render'", err=True)
        return 1
    apply_render(target, plan)
    click.echo(
        f"hinges: rendered {len(files)} files into {shown}: {len(plan.write)} written, "
        f"{len(plan.remove)} removed, {len(files) - len(plan.write)} unchanged"
    )
    _report_skipped(registry, organisation)
    return 0


def _report_skipped(registry: Registry, organisation: Organisation | None) -> None:
    from hinges.visible import visible

    for finding in registry.findings:
        click.echo(
            f"hinges: {visible(finding.path)}:{finding.line}: not rendered: "
            f"{visible(finding.message)}",
            err=True,
        )
    if organisation is not None:
        from hinges.site.source_pages import source_warnings

        for warning in source_warnings(organisation):
            click.echo(f"hinges: {visible(warning)}", err=True)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
