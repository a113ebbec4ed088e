"""Source links to URLs: what Zensical does to every page, done for MkDocs by the plugin.

Rendered pages link to source files relative to the page's own file (``../owners/x.md``,
``assets/catalog.css``), see :attr:`hinges.site.urls.CatalogLayout.source_links`. MkDocs
converts such links in Markdown but not in raw HTML, where the catalog's tables are, so
the plugin turns them into the URLs MkDocs gives those files, relative to the page's URL.
"""

from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import quote, unquote

from hinges.site.urls import CatalogLayout

# A relative reference in an attribute: no scheme, not absolute, not a bare fragment.
# The attribute follows whitespace, so neither xlink:href (the graph's SVG links are URLs
# already: no generator rewrites them) nor data-href matches; starting with a character
# class, not a lookbehind, lets the scan of several MB of blocks per build run 3x faster.
_REFERENCE = re.compile(r'([ \t\n\r\f](?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"#?]*)')


def _url_folder(layout: CatalogLayout, src_uri: str) -> str:
    url = layout.url(src_uri)
    return url[:-1] if url.endswith("/") else posixpath.dirname(url)


def _parts(path: str) -> tuple[str, ...]:
    """The folders of a normalised relative path ("" and "." are the root)."""
    return tuple(part for part in path.split("/") if part and part != ".")


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two normalised relative paths, whose first
    part is not ``..`` in ``start``: the same answer without asking the file system
    for the working directory, once per link of every page."""
    to, origin = _parts(path), _parts(start)
    common = 0
    for mine, theirs in zip(to, origin, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join(("..",) * (len(origin) - common) + to[common:]) or "."


# The same targets come back on page after page (owners, tenets, the assets): their URLs
# are worked out once per build, not once per link.
@functools.lru_cache(maxsize=1 << 14)
def _target_url(layout: CatalogLayout, source_folder: str, reference: str) -> str:
    return layout.url(posixpath.normpath(posixpath.join(source_folder, unquote(reference))))


@functools.lru_cache(maxsize=1 << 14)
def _quoted(relative: str) -> str:
    return quote(relative, safe="/")


def source_links_to_urls(html: str, src_uri: str, layout: CatalogLayout) -> str:
    """``html`` of the page ``src_uri`` with its source-relative links made URL-relative."""
    source_folder = posixpath.dirname(src_uri)
    url_folder = _url_folder(layout, src_uri)
    done: dict[str, str] = {}

    def convert(match: re.Match[str]) -> str:
        reference = match.group(2)
        converted = done.get(reference)
        if converted is None:
            url = _target_url(layout, source_folder, reference)
            relative = relative_path(url, url_folder)  # "" is the site's root: ".." up to it
            if url.endswith("/") or not url:
                relative = "./" if relative == "." else relative + "/"
            converted = done[reference] = _quoted(relative)
        return match.group(1) + converted

    return _REFERENCE.sub(convert, html)
