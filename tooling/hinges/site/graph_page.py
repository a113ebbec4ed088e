"""The relation graph page: S2's inline SVG inside the figure the catalog script expects."""

from __future__ import annotations

from dataclasses import replace

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import SEARCH_EXCLUDE
from hinges.site.model import CatalogModel


def graph_page(model: CatalogModel) -> PageContent:
    # Imported here: the drawing is the heaviest module of the site and only this page needs it.
    from hinges.site.graph_svg import graph_legend, relation_graph_svg

    # URL links: the nodes link with xlink:href, which no generator rewrites (see
    # CatalogLayout.source_links), so they are written as the URLs the pages will have.
    linker = replace(model.layout, source_links=False).linker(model.layout.page("graph"))

    def link_for(record: Record) -> str | None:
        return linker.href(model.record_src(record))

    svg = relation_graph_svg(model.registry, link_for)
    caption = (
        "Solid arrows: a decision supersedes another. Dashed lines: a decision follows a"
        " tenet. Every node links to its record."
    )
    # The picture fits the page's width without a script; the catalog script adds zoom
    # buttons and dragging (it changes the SVG's viewBox, never the element's size).
    figure = (
        f'<figure class="hinges-graph"{SEARCH_EXCLUDE}>\n{graph_legend()}\n'
        f'<div class="hinges-graph-view">{svg.strip()}</div>\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )
    return page("# Relation graph", Html(figure))
