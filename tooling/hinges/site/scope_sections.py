"""A decision page's Scope and Guards sections: where the decision applies, what it forbids
and how often the code does it anyway.

Counts come from :meth:`hinges.site.model.CatalogModel.files_matching`: the files
``hinges check`` lists (tracked files under the registry root), listed once per build. A
pattern that matches nothing is flagged, as the pattern-matches-nothing rule flags it.
The counts are in the text only: no attribute repeats them (every byte is paid per page).
"""

from __future__ import annotations

from hinges.globs import glob_problem
from hinges.records import Guard, Record
from hinges.site.content import Html
from hinges.site.guard_violations import violations_item
from hinges.site.markup import esc
from hinges.site.model import CatalogModel
from hinges.site.tables import plural


def _pattern_item(model: CatalogModel, pattern: str) -> str:
    code = f"<code>{esc(pattern)}</code>"
    problem = glob_problem(pattern)
    if problem is not None:
        return (
            f"<li>{code}: not a usable pattern ({esc(problem)}); see <code>hinges check</code></li>"
        )
    count = model.files_matching(pattern)
    if count == 0:
        return f"<li>{code}: <strong>matches no file</strong></li>"
    return f"<li>{code}: {plural(count, 'file')}</li>"


def scope_section(model: CatalogModel, record: Record) -> tuple[str | Html, ...]:
    """``## Scope`` with each ``applies_to`` pattern and its file count; () without any."""
    patterns = record.list_value("applies_to")
    if not patterns:
        return ()
    if record.source is not None:  # paths of another repository: not counted here
        items = "".join(f"<li><code>{esc(pattern)}</code></li>" for pattern in patterns)
        where = f"Paths in the repository of source <code>{esc(record.source)}</code>."
        return ("## Scope", Html(f"<p>{where}</p><ul>{items}</ul>"))
    items = "".join(_pattern_item(model, pattern) for pattern in patterns)
    return ("## Scope", Html(f"<ul>{items}</ul>"))


def _guard_what(guard: Guard) -> tuple[str, str]:
    """The guard's kind as a heading, and what it names, escaped."""
    if guard.kind == "forbid_import":
        sources = ", ".join(f"<code>{esc(module)}</code>" for module in guard.sources)
        targets = ", ".join(f"<code>{esc(module)}</code>" for module in guard.targets)
        return "Forbids imports", f"from {sources} to {targets}"
    if guard.kind == "forbid_dependency":
        names = ", ".join(f"<code>{esc(name)}</code>" for name in guard.targets)
        return "Forbids dependencies", names
    heading = "Requires" if guard.kind == "require" else "Forbids"
    return heading, f"<code>{esc(guard.pattern)}</code>"


def _guard_item(model: CatalogModel, record: Record, guard: Guard) -> str:
    where = ", ".join(f"<code>{esc(glob)}</code>" for glob in guard.globs)
    heading, what = _guard_what(guard)
    return (
        f"<li><dl><dt>{heading}</dt><dd>{what}</dd>"
        f"<dt>In</dt><dd>{where}</dd>"
        f"<dt>Message</dt><dd>{esc(guard.message)}</dd>"
        f"{violations_item(model, record, guard)}</dl></li>"
    )


def guards_section(model: CatalogModel, record: Record) -> tuple[str | Html, ...]:
    """``## Guards`` with each guard's pattern, where it applies, its message and its
    violations (:mod:`hinges.site.guard_violations`); () without any."""
    guards = record.guards()
    if not guards:
        return ()
    items = "".join(_guard_item(model, record, guard) for guard in guards)
    return ("## Guards", Html(f"<ul>{items}</ul>"))
