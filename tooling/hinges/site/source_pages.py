"""The organisation catalog's own pages: the sources, a page per source, and the notices.

A page per source says where its records come from (repository, ref, commit, when it was
synced) and whether the catalog shows them current, from a stale copy, or not at all
(never synced, unreadable), then its counts, tenets and decisions. A stale source's
notice sits on every page of its records; the home lists every source that is not current.
Every value from the configuration or the cache is escaped: ``state.json`` is a file on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.home import counts_table
from hinges.site.markup import definition_list, esc, link, status_badge, table
from hinges.site.model import CatalogModel
from hinges.site.organisation import Organisation, source_status
from hinges.site.tables import decision_table, plural
from hinges.site.urls import Linker
from hinges.sources import SourceRegistry

_STATUS_WORDS = {
    "current": "current",
    "stale": "stale copy",
    "not-synced": "never synced",
    "unreadable": "unreadable copy",
}

_NOTICE_TITLES = {
    "stale": "Stale source",
    "not-synced": "Source never synced",
    "unreadable": "Source unreadable",
}


def status_sentence(source: SourceRegistry) -> str:
    """Why the source's records are shown as they are, as plain text (escaped by callers)."""
    status = source_status(source)
    if status == "not-synced":
        return (
            f"Source {source.name} has never been synced: its records are not in this catalog. "
            "Run hinges sources sync."
        )
    if status == "unreadable":
        return (
            f"Source {source.name} was synced but its copy cannot be read ({source.problem}): "
            "its records are not in this catalog. Run hinges sources sync."
        )
    if status == "stale":
        return (
            f"Source {source.name} is shown from a stale copy: {source.stale}. "
            "Run hinges sources sync."
        )
    return f"Source {source.name} is current."


def _notice(title: str, body: str, css: str) -> str:
    """An admonition (MkDocs' and Zensical's markup); ``body`` is block HTML, escaped."""
    return (
        f'<div class="admonition warning {css}">'
        f'<p class="admonition-title">{esc(title)}</p>{body}</div>'
    )


def stale_notice(model: CatalogModel, linker: Linker, source: SourceRegistry) -> Html:
    """The warning on every page of a source that is not current."""
    href = linker.href(model.layout.source(source.name))
    text = esc(status_sentence(source)) + " " + link(href, f"About source {source.name}")
    title = _NOTICE_TITLES[source_status(source)]
    return Html(_notice(title, f"<p>{text}</p>", "hinges-source-stale"))


def home_notice(model: CatalogModel, organisation: Organisation) -> Html:
    """The home's line about the sources, and a warning naming each one not current."""
    linker = model.layout.linker(model.layout.home)
    count = plural(len(organisation.sources), "source")
    own = len(organisation.local.decisions) + len(organisation.local.tenets)
    also = f" and {plural(own, 'record')} of this registry" if own else ""
    line = (
        f'<p class="hinges-sources-line">This catalog gathers the records of '
        f"{link(linker.href(model.layout.sources_index), count)}{also}.</p>"
    )
    unavailable = organisation.unavailable()
    if not unavailable:
        return Html(line)
    items = "".join(
        f'<li data-source="{esc(source.name)}">'
        f"{link(linker.href(model.layout.source(source.name)), source.name)}: "
        f"{esc(_STATUS_WORDS[source_status(source)])}"
        f"{esc(': ' + source.stale) if source.stale and source.registry else ''}</li>"
        for source in unavailable
    )
    title = f"{plural(len(unavailable), 'source')} not current"
    return Html(line + _notice(title, f"<ul>{items}</ul>", "hinges-sources-notice"))


def with_notice(content: PageContent, notice: Html) -> PageContent:
    """``content`` with ``notice`` right under its title heading (its first part)."""
    parts = content.parts
    return PageContent((*parts[:1], notice, *parts[1:]))


def _by_source(records: list[Record]) -> dict[str | None, list[Record]]:
    grouped: dict[str | None, list[Record]] = {}
    for record in records:
        grouped.setdefault(record.source, []).append(record)
    return grouped


def sources_index_page(model: CatalogModel, organisation: Organisation) -> PageContent:
    linker = model.layout.linker(model.layout.sources_index)
    decisions = _by_source(model.decisions)
    tenets = _by_source(model.tenets)
    rows = []
    for name, source in organisation.sources.items():
        status = source_status(source)
        commit = source.state.commit[:12] if source.state is not None else ""
        cells = (
            link(linker.href(model.layout.source(name)), name),
            f"<code>{esc(source.source.ref)}</code>",
            f"<code>{esc(commit)}</code>",
            esc(source.state.checked_at if source.state is not None else "never"),
            esc(_STATUS_WORDS[status]),
            str(len(decisions.get(name, []))),
            str(len(tenets.get(name, []))),
        )
        rows.append(
            f'<tr data-source="{esc(name)}" data-status="{status}">'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + "</tr>"
        )
    header = ("Source", "Ref", "Commit", "Synced at", "State", "Decisions", "Tenets")
    own = len(organisation.local.decisions) + len(organisation.local.tenets)
    return page(
        "# Sources",
        "The repositories whose registries this catalog gathers, as `hinges sources sync` "
        "last fetched them. Their records are named by qualified ids (`payments:ADR-0007`)"
        + (f"; this registry's own {plural(own, 'record')} keep their ids." if own else "."),
        Html(table(header, rows, ' class="hinges-list hinges-sources"')),
    )


def _state_rows(source: SourceRegistry) -> list[tuple[str, str]]:
    config, state = source.source, source.state
    rows = [
        ("Repository", f"<code>{esc(state.git if state else config.git)}</code>"),
        ("Ref", f"<code>{esc(config.ref)}</code>"),
        ("Path", f"<code>{esc(config.path)}</code>"),
    ]
    if state is None:
        rows.append(("Synced", "never"))
    else:
        rows += [
            ("Commit", f"<code>{esc(state.commit)}</code>"),
            ("Fetched at", esc(state.fetched_at)),
            ("Synced at", esc(state.checked_at)),
        ]
    rows.append(("State", esc(_STATUS_WORDS[source_status(source)])))
    if source.stale:
        rows.append(("Stale because", esc(source.stale)))
    if source.problem:
        rows.append(("Problem", esc(source.problem)))
    return rows


def _tenet_rows(model: CatalogModel, linker: Linker, tenets: list[Record]) -> Iterator[str]:
    for record in tenets:
        href = linker.href(model.layout.tenet(record))
        cells = (
            link(href, record.id or record.path),
            link(href, record.title or record.path),
            status_badge(record.status),
            model.owner_link(linker, record.str_value("owner")),
        )
        yield (
            f'<tr class="hinges-tenet-row" data-id="{esc(record.id or "")}">'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + "</tr>"
        )


def source_pages(
    model: CatalogModel, organisation: Organisation
) -> Iterator[tuple[str, PageContent]]:
    """(source URI, content) of the sources index and of each source's page."""
    layout = model.layout
    yield layout.sources_index, sources_index_page(model, organisation)
    decisions = _by_source(model.decisions)
    tenets = _by_source(model.tenets)
    for name, source in organisation.sources.items():
        src_uri = layout.source(name)
        linker = layout.linker(src_uri)
        own_decisions, own_tenets = decisions.get(name, []), tenets.get(name, [])
        parts: list[str | Html] = [f"# Source {name}"]
        if source_status(source) != "current":
            parts.append(stale_notice(model, linker, source))
        parts.append(Html(f'<div class="hinges-meta">{definition_list(_state_rows(source))}</div>'))
        if source.registry is not None:
            parts += [
                f"{plural(len(own_decisions), 'decision')} and {plural(len(own_tenets), 'tenet')}.",
                "## Counts",
                Html(counts_table(model, own_decisions)),
                "## Tenets",
            ]
            header = ("Id", "Title", "Status", "Owner")
            rows = list(_tenet_rows(model, linker, own_tenets))
            parts.append(Html(table(header, rows, ' class="hinges-list"')) if rows else "None.")
            parts.append("## Decisions")
            parts.append(
                Html(decision_table(model, linker, own_decisions)) if own_decisions else "None."
            )
        yield src_uri, page(*parts)


def page_marker(
    model: CatalogModel, organisation: Organisation
) -> Callable[[str, PageContent], PageContent]:
    """Adds the home's notice to the home, and a stale source's notice to its record pages."""
    layout = model.layout
    stale = {
        name: source
        for name, source in organisation.sources.items()
        if source_status(source) == "stale"  # the others have no record pages
    }
    inside = f"{layout.prefix}/sources/"

    def mark(src_uri: str, content: PageContent) -> PageContent:
        if src_uri == layout.home:
            return with_notice(content, home_notice(model, organisation))
        if stale and src_uri.startswith(inside):
            source = stale.get(src_uri[len(inside) :].split("/", 1)[0])
            if source is not None:
                return with_notice(content, stale_notice(model, layout.linker(src_uri), source))
        return content

    return mark


def source_warnings(organisation: Organisation) -> Iterator[str]:
    """What a render says about the sources it could not show as they are (and their
    unreadable record files), one line each: never a reason to fail."""
    for name, source in organisation.sources.items():
        if source_status(source) != "current":
            yield status_sentence(source)
        if source.registry is not None:
            for finding in source.registry.findings:
                yield f"{name}:{finding.path}:{finding.line}: not rendered: {finding.message}"
