"""The catalog site's pages, built as strings from a loaded registry.

Everything here is pure: a :class:`hinges.loader.Registry`, a build date and a
:class:`hinges.site.urls.CatalogLayout` go in, Markdown (with raw HTML blocks) comes out.
The MkDocs plugin (:mod:`hinges.mkdocs_plugin`) only turns these strings into generated
files, so every page can be tested without running MkDocs. Nothing here imports mkdocs.

Every value from a record's front matter that reaches HTML goes through
:func:`hinges.site.markup.esc`; record bodies are passed through as the repository's own
Markdown (see docs/trust.md).
"""
