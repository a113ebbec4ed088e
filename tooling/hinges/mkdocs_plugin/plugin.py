"""MkDocs events: load the registry once, log its findings, inject the catalog's pages."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from hinges.config import Config, load_config
from hinges.errors import HingesError
from hinges.findings import Finding, Severity
from hinges.mkdocs_plugin.config import CatalogConfig
from hinges.site.urls import CatalogLayout
from hinges.visible import visible

log = get_plugin_logger(__name__)


def finding_line(finding: Finding) -> str:
    """``path:line:col: CODE message``, the shape editors and CI logs turn into links."""
    return (
        f"{visible(finding.path)}:{finding.line}:{finding.column}: "
        f"{finding.code} {visible(finding.message)}"
    )


class CatalogPlugin(BasePlugin[CatalogConfig]):  # type: ignore[no-untyped-call]
    """Adds the registry's catalog (decisions, tenets, registers, graph, JSON export)."""

    def __init__(self) -> None:
        self.root = Path()
        self.registry_config = Config()
        self.build_date = dt.date.today()
        self.layout = CatalogLayout(source_links=True)
        self.titles: dict[str, str] = {}
        """Generated page -> its escaped title, for the pages whose title is record data."""
        self.blocks: dict[str, list[str]] = {}
        """Generated page -> its HTML blocks, put back into the finished page (see
        :mod:`hinges.site.content`: Markdown and search never parse the big tables)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        folder = os.path.dirname(config.config_file_path or os.path.abspath("mkdocs.yml"))
        self.root = Path(self.config.root or folder).resolve()
        try:
            self.registry_config = load_config(self.root)
        except HingesError as error:
            raise PluginError(f"hinges: {error.format()}") from None
        self.build_date = self.config.build_date or dt.date.today()
        # No extra_css/extra_javascript: each page links the catalog's style and script
        # itself, the same page `hinges render` writes for the other generators.
        font = config.theme.get("font")
        if config.theme.name == "material" and font is not False:
            log.warning(
                "theme.font is not false: the material theme will load Google Fonts, so the "
                "catalog is not usable offline; set 'font: false' under 'theme' in mkdocs.yml"
            )
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        # Imported here: nothing of the site is loaded when the plugin is disabled.
        from hinges.checker import check
        from hinges.loader import collector_paused, load_registry
        from hinges.site.catalog import build_catalog
        from hinges.site.organisation import catalog_input
        from hinges.site.render import catalog_files, read_manifest

        layout = CatalogLayout(self.config.path, config.use_directory_urls, source_links=True)
        self.layout = layout
        decisions = self.root / self.registry_config.decisions_dir
        if not decisions.is_dir() and not self.registry_config.sources:
            raise PluginError(
                f"hinges: no registry at {self.root}: {decisions.name}/ does not exist; set "
                "the plugin's 'root' option to the folder of decisions/ and tenets/"
            )
        try:
            with collector_paused():
                registry = load_registry(self.root, self.registry_config)
                if self.config.validate_:
                    # The check itself, not only its rules: a violation the guard
                    # baseline knows must not fail this build when `hinges check` passes.
                    result = check(
                        self.root, self.registry_config, today=self.build_date, registry=registry
                    )
                    self._log_findings(result.findings)
                written = (Path(config.site_dir), Path(config.docs_dir) / layout.prefix)
                shown, organisation = catalog_input(registry)
                catalog = build_catalog(shown, self.build_date, layout, written, organisation)
            rendered = read_manifest(Path(config.docs_dir) / layout.prefix)
            others = catalog_files(catalog, layout)[len(catalog.pages) :]
        except HingesError as error:
            raise PluginError(f"hinges: {error.format()}") from None
        self.titles, self.blocks = {}, {}
        generated: list[File] = []
        for page in catalog.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            markdown, self.blocks[page.src_uri] = page.content.deferred()
            generated.append(
                File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
            )
            if page.title is not None:
                self.titles[page.src_uri] = html.escape(page.title, quote=True)
        for other in others:  # registry.json and the assets, the same bytes render writes
            generated.append(
                File.generated(
                    config,
                    f"{layout.prefix}/{other.path}",
                    content=other.data,
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        self._add(files, generated, rendered, layout.prefix, config)
        if organisation is not None:
            from hinges.site.source_pages import source_warnings

            # Info, not warning: a source not synced is said on the site; it must not fail
            # a --strict build of everything else.
            for warning in source_warnings(organisation):
                log.info(visible(warning))
        return files

    def _add(
        self,
        files: Files,
        generated: list[File],
        rendered: dict[str, str],
        prefix: str,
        config: MkDocsConfig,
    ) -> None:
        """Add the generated files; pages `hinges render` left in docs_dir give way to them.

        Those pages are the same pages built from the same registry (or an older one), so
        the build always shows the registry as it is now, whether or not they are stale.
        A file in the way that no render wrote is someone's own page: the build stops.
        """
        replaced = 0
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                if file.src_uri[len(prefix) + 1 :] not in rendered:
                    raise PluginError(
                        f"hinges: {config.docs_dir}/{file.src_uri} is in the way of the "
                        "catalog; move it or set the plugin's 'path' option"
                    )
                files.remove(existing)
                replaced += 1
            files.append(file)
        for relative in rendered:  # a page an older render wrote that is no longer built
            stale = files.get_file_from_path(f"{prefix}/{relative}")
            if stale is not None and stale.generated_by is None:
                files.remove(stale)
                replaced += 1
        if replaced:
            log.info(
                f"{replaced} files under {prefix}/ were written by 'hinges render'; "
                "the catalog built now takes their place"
            )

    def _log_findings(self, findings: list[Finding]) -> None:
        # The build fails exactly when `hinges check` does: on errors, and on warnings only
        # when asked (fail_on_warnings, like `hinges check --strict`). A proposed decision
        # is a warning (what acceptance needs), not a broken registry.
        # Errors are logged as errors, not warnings: `mkdocs build -q` drops warnings before
        # --strict can count them, and a broken registry must fail the build all the same.
        for finding in findings:
            if finding.severity is Severity.ERROR:
                log.error(finding_line(finding))
            elif finding.severity is Severity.WARNING and self.config.fail_on_warnings:
                log.warning(finding_line(finding))
            else:
                log.info(f"{finding_line(finding)} ({finding.severity.value})")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Themes put the title into <title>, the header and the navigation without escaping
        # it. material prefers meta.title, and its fallback for <title> is
        # `page.title | striptags`, which would unescape an escaped page.title: set both.
        title = self.titles.get(page.file.src_uri)
        if title is not None:
            page.title = title
            page.meta["title"] = title
        return markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        blocks = self.blocks.pop(page.file.src_uri, None)
        if not blocks:
            return output
        from hinges.site.content import fill_blocks
        from hinges.site.links import source_links_to_urls

        src_uri = page.file.src_uri
        try:
            return fill_blocks(
                output, [source_links_to_urls(block, src_uri, self.layout) for block in blocks]
            )
        except ValueError as error:  # a theme or plugin dropped the page's content
            raise PluginError(f"hinges: {visible(page.file.src_uri)}: {error}") from None

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            for folder in (self.registry_config.decisions_dir, self.registry_config.tenets_dir):
                if (self.root / folder).is_dir():
                    server.watch(str(self.root / folder))
        return server
