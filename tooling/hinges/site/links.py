"""Source links to URLs: what Zensical does to every page, done for MkDocs by the plugin.

Rendered pages link to source files relative to the page's own file (``../owners/x.md``,
``assets/catalog.css``), see :attr:`hinges.site.urls.CatalogLayout.source_links`. MkDocs
converts such links in Markdown but not in raw HTML, where the catalog's tables are, so
the plugin turns them into the URLs MkDocs gives those files, relative to the page's URL.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote

from hinges.site.urls import CatalogLayout

# A relative reference in an attribute: no scheme, not absolute, not a bare fragment.
# Not xlink:href: the graph's SVG links are URLs already (no generator rewrites them).
_REFERENCE = re.compile(r'((?<![:\w])(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"#?]*)')


def _url_folder(layout: CatalogLayout, src_uri: str) -> str:
    url = layout.url(src_uri)
    return url[:-1] if url.endswith("/") else posixpath.dirname(url)


def source_links_to_urls(html: str, src_uri: str, layout: CatalogLayout) -> str:
    """``html`` of the page ``src_uri`` with its source-relative links made URL-relative."""
    source_folder = posixpath.dirname(src_uri)
    url_folder = _url_folder(layout, src_uri)
    done: dict[str, str] = {}

    def convert(match: re.Match[str]) -> str:
        reference = match.group(2)
        converted = done.get(reference)
        if converted is None:
            target = posixpath.normpath(posixpath.join(source_folder, unquote(reference)))
            url = layout.url(target)
            relative = posixpath.relpath(url, url_folder or ".") if url else "."
            if url.endswith("/") or not url:
                relative = "./" if relative == "." else relative + "/"
            converted = quote(relative, safe="/")
            done[reference] = converted
        return match.group(1) + converted

    return _REFERENCE.sub(convert, html)
