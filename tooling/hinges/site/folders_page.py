"""The folders page: the repository's folders and the decisions in force that govern each.

A folder is governed by what governs a file in it, or the folder itself (as ``hinges why
FOLDER`` answers): :func:`hinges.inforce.governing` is asked once about every listed file
and folder, and each folder's answers are merged (:func:`hinges.inforce.merge_governing`).
The folders are the top-level and second-level folders that hold files ``hinges check``
lists, in path order, at most :data:`MAX_FOLDERS` of them.
"""

from __future__ import annotations

from hinges.inforce import Governing, governing, merge_governing
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import door_badge, esc, link, table
from hinges.site.model import CatalogModel
from hinges.site.tables import plural
from hinges.site.urls import Linker

MAX_FOLDERS = 300
"""A page a reader can scan; the rest are counted, and ``hinges why FOLDER`` answers."""


def folders_of(files: tuple[str, ...]) -> dict[str, list[str]]:
    """Top-level and second-level folder -> the files under it, folders in path order."""
    found: dict[str, list[str]] = {}
    for path in files:
        parts = path.split("/")
        for depth in (1, 2):
            if len(parts) > depth:
                found.setdefault("/".join(parts[:depth]), []).append(path)
    return dict(sorted(found.items()))


def _decision_item(model: CatalogModel, linker: Linker, entry: Governing) -> str:
    record = entry.decision
    text = f"{record.id or ''} {record.title or ''}".strip() or record.path
    patterns = ", ".join(f"<code>{esc(pattern)}</code>" for pattern in entry.patterns)
    return (
        f'<li data-id="{esc(record.id or "")}">'
        f"{link(linker.href(model.layout.decision(record)), text, 'hinges-decision-link')}"
        f" {door_badge(record.str_value('door'))}"
        f" {model.owner_link(linker, record.str_value('owner'))}"
        f' <span class="hinges-via">via {patterns}</span></li>'
    )


def folders_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.page("folders"))
    folders = folders_of(model.tracked_files())
    shown = list(folders)[:MAX_FOLDERS]
    asked = [*shown, *sorted({path for folder in shown for path in folders[folder]})]
    # A source's decisions govern their own repository, not this one's folders.
    own = model.registry if model.organisation is None else model.organisation.local
    answer = governing(own, asked)
    rows = []
    for folder in shown:
        inside = folders[folder]
        found = merge_governing(answer[path] for path in (folder, *inside))
        items = "".join(_decision_item(model, linker, entry) for entry in found)
        decisions = f'<ul class="hinges-governing">{items}</ul>' if found else "none"
        rows.append(
            f'<tr data-folder="{esc(folder)}"><td><code>{esc(folder)}/</code></td>'
            f"<td>{len(inside)}</td><td>{decisions}</td></tr>"
        )
    parts: list[str | Html] = [
        "# Folders",
        "The repository's folders (top level and one level down) and the decisions in force"
        " whose `applies_to` covers a file in them, one-way doors first. "
        "`hinges why PATH` answers the same for any file or folder.",
    ]
    if rows:
        header = ("Folder", "Files", "Decisions in force")
        parts.append(Html(table(header, rows, ' class="hinges-list hinges-folders"')))
    else:
        parts.append("No folder holds a file hinges lists.")
    if len(folders) > len(shown):
        parts.append(f"{plural(len(folders) - len(shown), 'more folder')} not shown.")
    return page(*parts)
