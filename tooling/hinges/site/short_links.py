"""Short links by id: ``catalog/ADR-0007/`` leads to the record's page.

File names change when a title is reworded; ids do not. A link pasted into chat or a
commit message as ``catalog/ADR-0007/`` keeps working: the page is a redirect (a meta
refresh, which needs no script and no server rule) with a plain link for readers whose
browser does not follow it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterator

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import esc, link
from hinges.site.model import CatalogModel

# Only ids that are safe as a file name and cannot meet a catalog page's own name.
_SHORT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,15}-[0-9]{1,9}$")


def short_link_src(model: CatalogModel, record_id: str) -> str:
    return model.layout.page(record_id)


def _redirect(model: CatalogModel, record_id: str, record: Record) -> PageContent:
    src = short_link_src(model, record_id)
    target = model.record_src(record)
    href = model.layout.linker(src).href(target)
    # No generator rewrites a meta refresh: it gets the URL itself.
    url = replace(model.layout, source_links=False).linker(src).href(target)
    text = f"{record_id} {record.title or ''}".strip()
    return page(
        f"# {record_id}",
        Html(
            '<div class="hinges-short-link">'
            f'<meta http-equiv="refresh" content="0; url={esc(url)}">'
            f"<p>This record is at {link(href, text)}.</p></div>"
        ),
    )


def short_link_pages(model: CatalogModel) -> Iterator[tuple[str, PageContent]]:
    """(source URI, page) of a redirect per decision and tenet id (the first record wins)."""
    seen: set[str] = set()
    for ids in (model.decision_by_id, model.tenet_by_id):
        for record_id, record in ids.items():
            if _SHORT_ID.match(record_id) and record_id.lower() not in seen:
                seen.add(record_id.lower())  # case-insensitive file systems
                yield short_link_src(model, record_id), _redirect(model, record_id, record)
