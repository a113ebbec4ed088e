"""Where each catalog page lives, and relative links between them.

Pages are named by their MkDocs source URI (``catalog/decisions/0001-x.md``). Links are
relative to the page that holds them, so a site works wherever it is served from (a
sub-path of an internal host, a file share, ``mkdocs serve``) and the builders never need
the site's URL.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote

from hinges.records import Record

_NOT_SLUG = re.compile(r"[^a-z0-9-]")


def owner_slug(handle: str) -> str:
    """``@Payments/Platform`` -> ``payments-platform``: the owner's page name."""
    slug = _NOT_SLUG.sub("-", handle.lower().replace("@", "").replace("/", "-"))
    return slug or "unnamed"


def record_stem(record: Record) -> str:
    """The record's file name without ``.md``: the last part of its page's URL."""
    name = record.path.rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") else name


@dataclass(frozen=True)
class CatalogLayout:
    """The catalog's place in the site: its URL prefix and MkDocs' URL style."""

    prefix: str = "catalog"
    directory_urls: bool = True
    source_links: bool = False
    """Link to the target's source file (``../owners/x.md``), relative to the page's own
    source file, instead of to its URL. Zensical rewrites every relative link in a page,
    raw HTML included, from source paths to URLs, so pages written for any generator
    link this way; MkDocs leaves raw HTML alone, and the plugin converts these links
    itself (:func:`hinges.site.links.source_links_to_urls`)."""

    # Source URIs of the pages ------------------------------------------------------------
    @property
    def home(self) -> str:
        return f"{self.prefix}/index.md"

    @property
    def tenets_index(self) -> str:
        return f"{self.prefix}/tenets/index.md"

    @property
    def owners_index(self) -> str:
        return f"{self.prefix}/owners/index.md"

    def page(self, name: str) -> str:
        """One of the single pages: matrix, one-way-doors, review, timeline, graph, folders."""
        return f"{self.prefix}/{name}.md"

    def decision(self, record: Record) -> str:
        return f"{self._records(record)}/decisions/{record_stem(record)}.md"

    def tenet(self, record: Record) -> str:
        return f"{self._records(record)}/tenets/{record_stem(record)}.md"

    def _records(self, record: Record) -> str:
        """The folder of the record's page: a source's records have their own, so two
        repositories' ``0001-x.md`` never meet."""
        if record.source is None:
            return self.prefix
        return f"{self.prefix}/sources/{record.source}"

    @property
    def sources_index(self) -> str:
        return f"{self.prefix}/sources/index.md"

    def source(self, name: str) -> str:
        """A source's page (``sources/<name>/index.md``: a source may be named ``index``)."""
        return f"{self.prefix}/sources/{name}/index.md"

    def owner(self, slug: str) -> str:
        return f"{self.prefix}/owners/{slug}.md"

    @property
    def registry_json(self) -> str:
        return f"{self.prefix}/registry.json"

    def asset(self, name: str) -> str:
        return f"{self.prefix}/assets/{name}"

    # URLs --------------------------------------------------------------------------------
    def url(self, src_uri: str) -> str:
        """The page's URL relative to the site root, as MkDocs computes it (unquoted)."""
        if not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[:-3]
        folder, name = posixpath.split(stem)
        if self.directory_urls:
            if name == "index":
                return f"{folder}/" if folder else ""
            return f"{stem}/"
        return f"{stem}.html"

    def _depth(self, src_uri: str) -> int:
        """How many folders deep the page's URL is (``catalog/decisions/x/`` -> 3)."""
        url = self.url(src_uri)
        folder = url[:-1] if url.endswith("/") else posixpath.dirname(url)
        return folder.count("/") + 1 if folder else 0

    def linker(self, src_uri: str) -> Linker:
        if self.source_links:
            depth = src_uri.count("/")
            inside = src_uri.startswith(f"{self.prefix}/")
        else:
            depth = self._depth(src_uri)
            inside = self.url(src_uri).startswith(f"{self.prefix}/")
        prefix_depth = self.prefix.count("/") + 1
        to_prefix = "../" * (depth - prefix_depth) if inside else None
        return Linker(self, "../" * depth, to_prefix)


# Every page links the same few hundred targets (tenets, owners, the assets).
@functools.lru_cache(maxsize=1 << 16)
def _quoted(path: str) -> str:
    return quote(path, safe="/")


@dataclass(frozen=True)
class Linker:
    """Makes links from one page: computed once per page, so each link is a concatenation."""

    layout: CatalogLayout
    up: str
    """From the page to the site root."""
    to_prefix: str | None
    """From the page to the catalog's folder, when the page is inside it (shorter links)."""

    def href(self, target_src_uri: str) -> str:
        layout = self.layout
        url = _quoted(target_src_uri if layout.source_links else layout.url(target_src_uri))
        start = len(self.layout.prefix) + 1
        if self.to_prefix is not None and url[:start] == f"{self.layout.prefix}/":
            return self.to_prefix + url[start:] or "./"
        return self.up + url or "./"
