"""Every page of the catalog from one registry: what the MkDocs plugin writes into the site."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from hinges.errors import HingesError
from hinges.export import export_document
from hinges.loader import Registry
from hinges.records import Record
from hinges.site.content import Html, PageContent
from hinges.site.decision_page import decision_page
from hinges.site.folders_page import folders_page
from hinges.site.graph_page import graph_page
from hinges.site.home import home_page
from hinges.site.model import CatalogModel, build_model
from hinges.site.outcomes_page import outcomes_page
from hinges.site.owner_pages import owned, owner_page, owners_index_page
from hinges.site.registers import one_way_doors_page, review_page, timeline_page
from hinges.site.short_links import ShortLink, short_link_files, short_links
from hinges.site.tenet_pages import matrix_page, tenet_page, tenets_index_page
from hinges.site.urls import CatalogLayout

if TYPE_CHECKING:
    from hinges.site.organisation import Organisation

ASSETS_DIR = Path(__file__).parent / "assets"
ASSET_NAMES = ("catalog.css", "catalog.js")
T = TypeVar("T")


@dataclass(frozen=True)
class GeneratedPage:
    """One Markdown page of the catalog."""

    src_uri: str
    content: PageContent
    title: str | None
    """The page's title as plain text, when it comes from a record (the plugin escapes it);
    None when the page's own heading is the title."""
    in_nav: bool = False

    @property
    def markdown(self) -> str:
        """The page as one Markdown document (its HTML blocks inline)."""
        return self.content.markdown()


@dataclass(frozen=True)
class Catalog:
    pages: list[GeneratedPage]
    registry_json: str
    """The export document (:func:`hinges.export.export_document`) as JSON text."""
    static: list[tuple[str, str]]
    """Files the generator copies as they are: (path in the site, text), the short links."""


@dataclass(frozen=True)
class Piece:
    """What one :class:`Job` makes: pages, the export's JSON text, or short links."""

    pages: list[GeneratedPage] = field(default_factory=list)
    registry_json: str | None = None
    static: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    """One independent part of the catalog (see :func:`catalog_jobs`)."""

    kind: Literal["page", "decisions", "export", "links"]
    """A page or a few; a run of decision pages; the export; a run of short links."""
    run: Callable[[], Piece]


CHUNKS = 64
"""Decision pages and short links are cut into at most this many jobs of each."""


def build_catalog(
    registry: Registry,
    build_date: dt.date,
    layout: CatalogLayout,
    generated: tuple[Path, ...] = (),
    organisation: Organisation | None = None,
) -> Catalog:
    """Every catalog page, in one pass over the registry's precomputed indexes.

    ``generated``: the folders the catalog or site is written to; their files are not
    counted as the repository's (scope counts, the folders page). ``organisation``: the
    sources ``registry`` merges (:func:`hinges.site.organisation.catalog_input`).
    """
    _, jobs = catalog_jobs(registry, build_date, layout, generated, organisation)
    pieces = [job.run() for job in jobs]
    pages = _checked([page for piece in pieces for page in piece.pages])
    registry_json = next(p.registry_json for p in pieces if p.registry_json is not None)
    return Catalog(pages, registry_json, [item for piece in pieces for item in piece.static])


def catalog_jobs(
    registry: Registry,
    build_date: dt.date,
    layout: CatalogLayout,
    generated: tuple[Path, ...] = (),
    organisation: Organisation | None = None,
) -> tuple[CatalogModel, list[Job]]:
    """The model, and the catalog cut into jobs that run in any order, in any process
    (``hinges render`` shares them between two): each reads only the model, built here,
    and what the model caches is the same whichever job computes it first. Run in the
    order given, their pages are :func:`build_catalog`'s, in its order.
    """
    inside = tuple(_relative(registry.root, folder) for folder in generated)
    model = build_model(registry, layout, build_date, tuple(f for f in inside if f), organisation)
    mark = _marker(model, organisation)

    def finished(pages: list[GeneratedPage], marked: bool = True) -> Piece:
        return Piece([_with_assets(layout, mark(page) if marked else page) for page in pages])

    def single(src_uri: str, build: Callable[[CatalogModel], PageContent]) -> Job:
        in_nav = src_uri == layout.home
        return Job("page", lambda: finished([GeneratedPage(src_uri, build(model), None, in_nav)]))

    def decisions(records: list[Record]) -> Piece:
        return finished(
            [
                GeneratedPage(
                    layout.decision(record),
                    decision_page(model, record),
                    _record_title(record.id, record.title, record.path),
                )
                for record in records
            ]
        )

    jobs = [
        single(layout.home, home_page),
        single(layout.tenets_index, tenets_index_page),
        single(layout.page("matrix"), matrix_page),
        single(layout.page("one-way-doors"), one_way_doors_page),
        single(layout.page("review"), review_page),
        single(layout.page("timeline"), timeline_page),
        single(layout.page("outcomes"), outcomes_page),
        single(layout.page("graph"), graph_page),
        single(layout.page("folders"), folders_page),
    ]
    jobs += [Job("decisions", partial(decisions, run)) for run in _runs(model.decisions)]
    jobs.append(Job("page", lambda: finished(_tenet_and_owner_pages(model))))
    if organisation is not None:
        sources = organisation  # the sources' own pages carry no marker
        jobs.append(Job("page", lambda: finished(_source_pages(model, sources), marked=False)))
    jobs.append(
        Job("export", lambda: Piece(registry_json=_export(registry, build_date, organisation)))
    )
    links = short_links(model)
    jobs += [Job("links", partial(_links, model, run)) for run in _runs(links)]
    return model, jobs


def _runs(items: list[T]) -> list[list[T]]:
    """``items`` in at most :data:`CHUNKS` runs of at least 100."""
    size = max(100, -(-len(items) // CHUNKS))
    return [items[start : start + size] for start in range(0, len(items), size)]


def _tenet_and_owner_pages(model: CatalogModel) -> list[GeneratedPage]:
    layout = model.layout
    pages = [
        GeneratedPage(
            layout.tenet(record),
            tenet_page(model, record),
            _record_title(record.id, record.title, record.path),
        )
        for record in model.tenets
    ]
    by_owner = owned(model)
    pages.append(GeneratedPage(layout.owners_index, owners_index_page(model, by_owner), None))
    for handle, (decisions, tenets) in sorted(by_owner.items()):
        src_uri = layout.owner(model.owner_slugs[handle])
        pages.append(GeneratedPage(src_uri, owner_page(model, handle, decisions, tenets), handle))
    return pages


def _source_pages(model: CatalogModel, organisation: Organisation) -> list[GeneratedPage]:
    from hinges.site.source_pages import source_pages

    return [GeneratedPage(uri, content, None) for uri, content in source_pages(model, organisation)]


def _export(registry: Registry, build_date: dt.date, organisation: Organisation | None) -> str:
    document = export_document(registry, today=build_date)
    if organisation is not None:
        from hinges.site.organisation import organisation_document

        document = organisation_document(document, organisation)
    return export_text(document)


def _links(model: CatalogModel, links: list[ShortLink]) -> Piece:
    return Piece(static=list(short_link_files(model, links)))


def _marker(
    model: CatalogModel, organisation: Organisation | None
) -> Callable[[GeneratedPage], GeneratedPage]:
    """Puts the organisation's marker (which source a record comes from) on a page."""
    if organisation is None:
        return lambda page: page
    from hinges.site.source_pages import page_marker

    mark = page_marker(model, organisation)
    return lambda page: replace(page, content=mark(page.src_uri, page.content))


def _checked(pages: list[GeneratedPage]) -> list[GeneratedPage]:
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # only a record file named like a catalog page can do this
            raise HingesError(
                f"two catalog pages would be written to {page.src_uri}; rename the record file",
                path=page.src_uri,
            )
        seen.add(page.src_uri)
    return pages


def export_text(document: dict[str, Any]) -> str:
    """The export as JSON text, one line per record and relation.

    Easy to read and to diff line by line, and written by the C encoder: ``indent`` makes
    ``json`` fall back to its pure-Python encoder, which took longer than any page.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ["{"]
    last = len(document) - 1
    for index, (key, value) in enumerate(document.items()):
        comma = "," if index < last else ""
        if isinstance(value, list) and value:
            items = ",\n    ".join(map(encode, value))
            lines.append(f"  {encode(key)}: [\n    {items}\n  ]{comma}")
        else:
            lines.append(f"  {encode(key)}: {encode(value)}{comma}")
    lines.append("}\n")
    return "\n".join(lines)


def title_front_matter(title: str) -> str:
    """Front matter naming the page's title, HTML-escaped.

    Generators put a page's title into ``<title>`` and the navigation without escaping it
    (Zensical takes the first heading's text, unescaped; MkDocs themes take ``page.title``),
    so a title that comes from record data is given to them already escaped. JSON's
    string syntax is YAML's double-quoted scalar.
    """
    return f"---\ntitle: {json.dumps(html.escape(title, quote=True), ensure_ascii=False)}\n---"


def _with_assets(layout: CatalogLayout, page: GeneratedPage) -> GeneratedPage:
    """The page with its own links to the catalog's style and script, first thing.

    The page carries them itself (not the generator's configuration), so the same file
    works in MkDocs, ProperDocs, Zensical and TechDocs without a line of configuration.
    """
    linker = layout.linker(page.src_uri)
    css, js = (linker.href(layout.asset(name)) for name in ASSET_NAMES)
    block = Html(
        f'<div class="hinges-assets" hidden><link rel="stylesheet" href="{css}">'
        f'<script src="{js}" defer></script></div>'
    )
    parts: tuple[str | Html, ...] = (block, *page.content.parts)
    if page.title is not None:
        parts = (title_front_matter(page.title), *parts)
    content = PageContent(parts)
    return GeneratedPage(page.src_uri, content, page.title, page.in_nav)


def _relative(root: Path, folder: Path) -> str | None:
    """``folder`` relative to ``root`` with '/' separators; None when outside it (or it)."""
    try:
        relative = folder.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return relative.as_posix() if relative.parts else None


def _record_title(record_id: str | None, title: str | None, path: str) -> str:
    if record_id and title:
        return f"{record_id} {title}"
    return title or record_id or path


def asset_path(name: str) -> Path:
    """The packaged file of a catalog asset (its absence is a broken installation)."""
    return ASSETS_DIR / name
