"""The registry arranged for the pages, computed once per build.

Every index a page needs (records by id, followers of each tenet, successors and
predecessors both ways, owner pages) is built here in one pass, so each page costs time
in proportion to what it shows and the whole build stays linear in the registry's size.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hinges.errors import HingesError
from hinges.globs import matching_sorted
from hinges.inforce import is_in_force
from hinges.loader import Registry
from hinges.records import Record
from hinges.site.markup import esc, link
from hinges.site.urls import CatalogLayout, Linker, owner_slug
from hinges.visible import visible

if TYPE_CHECKING:
    from hinges.codescan.files import Listing
    from hinges.codescan.tally import GuardViolations

if TYPE_CHECKING:
    from hinges.site.organisation import Organisation

_RESERVED_SLUGS = frozenset({"index"})  # owners/index.md is the owners index


def _number_order(record: Record) -> tuple[int, str]:
    number = record.number
    return (number if number is not None else 1 << 62, record.path)


def _priority_order(record: Record) -> tuple[int, int, str]:
    priority = record.values.get("priority")
    return (priority if isinstance(priority, int) else 1 << 62, *_number_order(record))


def _add(index: dict[str, list[str]], key: str, value: str) -> None:
    values = index.setdefault(key, [])
    if value not in values:
        values.append(value)


@dataclass
class CatalogModel:
    """What the page builders read; see :func:`build_model`."""

    registry: Registry
    layout: CatalogLayout
    build_date: dt.date
    decisions: list[Record] = field(default_factory=list)
    """In id (file number) order."""
    tenets: list[Record] = field(default_factory=list)
    """In priority order (then number)."""
    decision_by_id: dict[str, Record] = field(default_factory=dict)
    tenet_by_id: dict[str, Record] = field(default_factory=dict)
    followers: dict[str, list[Record]] = field(default_factory=dict)
    """Tenet id -> the decisions that cite it, in id order."""
    successors: dict[str, list[str]] = field(default_factory=dict)
    """Decision id -> ids of the decisions that replace it (whichever side wrote it)."""
    predecessors: dict[str, list[str]] = field(default_factory=dict)
    """Decision id -> ids of the decisions it replaces (whichever side wrote it)."""
    owner_slugs: dict[str, str] = field(default_factory=dict)
    """Owner handle -> the name of its page; distinct handles get distinct names."""
    row_cache: dict[str, str] = field(default_factory=dict)
    """Record path -> its decision-table row (see :func:`hinges.site.tables.decision_row`)."""
    link_cache: dict[tuple[str | None, ...], str] = field(default_factory=dict)
    """(page's climb to the root and to the catalog, kind, id) -> the link: every
    decision page links the same tenets and owners."""
    generated: tuple[str, ...] = ()
    """Folders (relative to the registry root) the site is written to: their files are the
    catalog's own output, left out of :meth:`tracked_files` so a render stays the same."""
    _listing: Listing | None = None
    organisation: Organisation | None = None
    """The sources of an organisation catalog (:mod:`hinges.site.organisation`); None for
    one registry's catalog."""
    _files: tuple[str, ...] | None = None
    _pattern_counts: dict[str, int] = field(default_factory=dict)
    _violations: GuardViolations | str | None = None

    def listing(self) -> Listing:
        """The repository's files as ``hinges check`` lists them (tracked files under the
        registry root, every file outside git), without the catalog's own output folders;
        listed once per build, on first use."""
        if self._listing is None:
            from hinges.codescan.files import Listing, list_files

            found = list_files(self.registry.root, self.registry.config)
            prefixes = tuple(folder.rstrip("/") + "/" for folder in self.generated)
            if prefixes:
                found = Listing(
                    tuple(p for p in found.paths if not p.startswith(prefixes)),
                    tuple(p for p in found.scanned if not p.startswith(prefixes)),
                    found.in_git,
                )
            self._listing = found
        return self._listing

    def tracked_files(self) -> tuple[str, ...]:
        """The paths of :meth:`listing`."""
        if self._files is None:
            self._files = self.listing().paths
        return self._files

    def guard_violations(self) -> GuardViolations | str:
        """The guard violations a full ``hinges check`` finds (with the baseline applied),
        computed once per build on first use; or why they cannot be counted."""
        if self._violations is None:
            self._violations = self._count_violations()
        return self._violations

    def _count_violations(self) -> GuardViolations | str:
        from hinges.codescan.tally import count_violations, guard_rule_off

        config = self.registry.config
        if guard_rule_off(config):
            return "the guard-violation rule (HG1001) is turned off in the configuration"
        try:
            listing = self.listing()
            if not listing.in_git:
                return (
                    "the registry is not in a git work tree, so there is no list of "
                    "tracked files to count in"
                )
            return count_violations(self.registry, listing)
        except HingesError as error:
            # Relative: an absolute path would differ from one machine to the next.
            where = ""
            if error.path is not None:
                where = os.path.relpath(error.path, self.registry.root).replace(os.sep, "/")
                where = f"{visible(where)}: "
            return where + visible(error.message)

    def share(self) -> None:
        """Compute now what pages compute on first use, before the build is shared between
        processes (:mod:`hinges.site.staged`) that would each compute it: when a decision in
        force has guards, the guard violations (a scan of the repository, and the listing);
        else, when one of this registry's decisions has ``applies_to``, the listing (the
        folders page and the decision pages read it). Otherwise only the folders page reads
        the listing, in whichever process builds it."""
        decisions = self.decisions
        if any(record.guards() and is_in_force(record) for record in decisions):
            self.guard_violations()
        elif any(record.source is None and record.has("applies_to") for record in decisions):
            self.listing()

    def files_matching(self, pattern: str) -> int:
        """How many of :meth:`tracked_files` the (usable) glob ``pattern`` matches."""
        if pattern not in self._pattern_counts:
            count = len(matching_sorted(self.tracked_files(), pattern))
            self._pattern_counts[pattern] = count
        return self._pattern_counts[pattern]

    def owner_of(self, record: Record) -> str | None:
        return record.str_value("owner")

    # Links --------------------------------------------------------------------------------
    def record_src(self, record: Record) -> str:
        if record.kind == "decision":
            return self.layout.decision(record)
        return self.layout.tenet(record)

    def decision_link(self, linker: Linker, decision_id: str, css_class: str) -> str:
        """A link to the decision with this id showing its id and title, else the bare id."""
        key = (linker.up, linker.to_prefix, "decision", decision_id, css_class)
        if (cached := self.link_cache.get(key)) is None:
            cached = self.link_cache[key] = self._decision_link(linker, decision_id, css_class)
        return cached

    def _decision_link(self, linker: Linker, decision_id: str, css_class: str) -> str:
        record = self.decision_by_id.get(decision_id)
        if record is None:
            return f'<span class="hinges-missing">{esc(decision_id)}</span>'
        text = f"{decision_id} {record.title or ''}".strip()
        return link(linker.href(self.layout.decision(record)), text, css_class)

    def tenet_link(
        self, linker: Linker, tenet_id: str, css_class: str | None = "hinges-tenet-link"
    ) -> str:
        """A link to the tenet showing its id and title, else the bare id marked missing."""
        key = (linker.up, linker.to_prefix, "tenet", tenet_id, css_class)
        if (cached := self.link_cache.get(key)) is None:
            cached = self.link_cache[key] = self._tenet_link(linker, tenet_id, css_class)
        return cached

    def _tenet_link(self, linker: Linker, tenet_id: str, css_class: str | None) -> str:
        record = self.tenet_by_id.get(tenet_id)
        if record is None:
            return f'<span class="hinges-missing">{esc(tenet_id)}</span>'
        text = f"{tenet_id} {record.title or ''}".strip()
        return link(linker.href(self.layout.tenet(record)), text, css_class)

    def owner_link(
        self, linker: Linker, handle: str | None, css_class: str | None = "hinges-owner-link"
    ) -> str:
        """A link to the owner's page (a handle without one as text), or "no owner"."""
        if handle is None:
            return '<span class="hinges-missing">no owner</span>'
        key = (linker.up, linker.to_prefix, "owner", handle, css_class)
        if (cached := self.link_cache.get(key)) is None:
            cached = self.link_cache[key] = self._owner_link(linker, handle, css_class)
        return cached

    def _owner_link(self, linker: Linker, handle: str, css_class: str | None) -> str:
        slug = self.owner_slugs.get(handle)
        if slug is None:
            return esc(handle)
        return link(linker.href(self.layout.owner(slug)), handle, css_class)


def _allocate_slugs(handles: list[str]) -> dict[str, str]:
    slugs: dict[str, str] = {}
    taken = set(_RESERVED_SLUGS)
    for handle in sorted(handles):
        base = owner_slug(handle)
        slug, counter = base, 1
        while slug in taken:
            counter += 1
            slug = f"{base}-{counter}"
        taken.add(slug)
        slugs[handle] = slug
    return slugs


def _by_source(
    organisation: Organisation | None, order: Callable[[Record], tuple[Any, ...]], *, tenets: bool
) -> Callable[[Record], tuple[Any, ...]]:
    """``order``, within each source in the organisation's order (:meth:`Organisation.rank`
    and :meth:`Organisation.tenet_rank`)."""
    if organisation is None:
        return order
    rank = organisation.tenet_rank if tenets else organisation.rank
    return lambda record: (rank(record), *order(record))


def build_model(
    registry: Registry,
    layout: CatalogLayout,
    build_date: dt.date,
    generated: tuple[str, ...] = (),
    organisation: Organisation | None = None,
) -> CatalogModel:
    model = CatalogModel(registry, layout, build_date, generated=generated)
    model.organisation = organisation
    decision_order = _by_source(organisation, _number_order, tenets=False)
    model.decisions = sorted(registry.decisions, key=decision_order)
    model.tenets = sorted(
        registry.tenets, key=_by_source(organisation, _priority_order, tenets=True)
    )
    owners: set[str] = set()
    for tenet in model.tenets:
        if tenet.id is not None:
            model.tenet_by_id.setdefault(tenet.id, tenet)
        if (owner := tenet.str_value("owner")) is not None:
            owners.add(owner)
    for decision in model.decisions:
        if (owner := decision.str_value("owner")) is not None:
            owners.add(owner)
        if decision.id is None:
            continue
        model.decision_by_id.setdefault(decision.id, decision)
        for tenet_id in decision.list_value("tenets"):
            followers = model.followers.setdefault(tenet_id, [])
            if not followers or followers[-1] is not decision:
                followers.append(decision)
        for old in decision.list_value("supersedes"):
            _add(model.successors, old, decision.id)
            _add(model.predecessors, decision.id, old)
        for new in decision.list_value("superseded_by"):
            _add(model.successors, decision.id, new)
            _add(model.predecessors, new, decision.id)
    model.owner_slugs = _allocate_slugs(list(owners))
    return model
