"""Short links by id: ``catalog/ADR-0007/`` leads to the record's page.

File names change when a title is reworded; ids do not. A link pasted into chat or a
commit message as ``catalog/ADR-0007/`` keeps working: ``catalog/ADR-0007/index.html`` is
a small static redirect (a meta refresh, which needs no script and no server rule, and a
plain link for readers whose browser does not follow it). It is a file the generator
copies, not a page it renders: a thousand records would otherwise add a thousand pages
to every build, at the cost of a real page each.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import quote

from hinges.records import Record
from hinges.site.markup import esc
from hinges.site.model import CatalogModel

# Only ids that are safe as a folder name and cannot meet a catalog page's own name.
_SHORT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,15}-[0-9]{1,9}$")


def _redirect(model: CatalogModel, folder: str, record_id: str, record: Record) -> str:
    prefix = model.layout.prefix
    url = model.layout.url(model.record_src(record))
    if folder.count("/") == prefix.count("/") + 1:
        # Right under the catalog's folder, as every local record's link is: one climb
        # (what posixpath.relpath gives, without its cost a thousand times over).
        relative = "../" + url[len(prefix) + 1 :]
    else:
        relative = posixpath.relpath(url, folder) + ("/" if url.endswith("/") else "")
    href = esc(quote(relative, safe="/"))
    text = esc(f"{record_id} {record.title or ''}".strip())
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        # An empty icon: otherwise the browser asks the server for /favicon.ico.
        f'<title>{esc(record_id)}</title>\n<link rel="icon" href="data:,">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n</head>\n'
        f'<body>\n<p>This record is at <a href="{href}">{text}</a>.</p>\n</body>\n</html>\n'
    )


ShortLink = tuple[str, str, Record]
"""(folder of the link, the record's id, the record)."""


def short_links(model: CatalogModel) -> list[ShortLink]:
    """Every short link of the catalog, in order: one per decision and tenet id (first
    record wins). Cheap: the redirects themselves are made by :func:`short_link_files`.

    A source's record (``payments:ADR-0007``) has its link in its source's folder:
    ``catalog/sources/payments/ADR-0007/``.
    """
    links: list[ShortLink] = []
    seen: set[str] = set()
    for ids in (model.decision_by_id, model.tenet_by_id):
        for record_id, record in ids.items():
            qualifier = "" if record.source is None else f"{record.source}:"
            local = record_id[len(qualifier) :]
            if not record_id.startswith(qualifier) or not _SHORT_ID.match(local):
                continue
            if record.source is None:
                folder = f"{model.layout.prefix}/{local}"
            else:
                folder = f"{model.layout.prefix}/sources/{record.source}/{local}"
            if folder.lower() not in seen:
                seen.add(folder.lower())  # case-insensitive file systems
                links.append((folder, record_id, record))
    return links


def short_link_files(
    model: CatalogModel, links: list[ShortLink] | None = None
) -> Iterator[tuple[str, str]]:
    """(path in the site, HTML) of the redirect of each of ``links`` (default: all of
    :func:`short_links`)."""
    for folder, record_id, record in short_links(model) if links is None else links:
        yield f"{folder}/index.html", _redirect(model, folder, record_id, record)
