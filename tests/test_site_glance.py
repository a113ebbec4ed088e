"""The catalog home's "at a glance" section: charts and lists from a known registry."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import write_files
from hinges.config import load_config
from hinges.loader import load_registry
from hinges.site.glance import due_for_review, per_quarter, status_by_door, tenets_by_priority
from hinges.site.model import CatalogModel, build_model
from hinges.site.urls import CatalogLayout
from site_registry import hostile_registry_files, registry_files

LAYOUT = CatalogLayout(source_links=True)


def model_of(root: Path, date: dt.date = dt.date(2026, 6, 1)) -> CatalogModel:
    return build_model(load_registry(root, load_config(root)), LAYOUT, date)


def test_status_by_door_counts_every_decision(tmp_path: Path) -> None:
    model = model_of(write_files(tmp_path, dict(registry_files())))
    svg = status_by_door(model)
    assert svg.startswith('<svg class="hinges-chart" role="img" viewBox="0 0 640 ')
    assert "<title>Decisions by door and status</title>" in svg
    bars = [part.split("</title>")[0] for part in svg.split("<rect")[1:] if "<title>" in part]
    counted = sum(int(bar.rsplit(": ", 1)[1]) for bar in bars)
    assert counted == len(model.decisions) == 12
    assert "<script" not in svg and "href" not in svg


def test_per_quarter_shows_the_last_eight_quarters(tmp_path: Path) -> None:
    model = model_of(write_files(tmp_path, dict(registry_files())))
    svg = per_quarter(model)
    (labels,) = re.findall(r'<g font-size="11" text-anchor="middle">(.*?)</g>', svg)
    quarters = [label for label in re.findall(r">([^<]*)</text>", labels) if " Q" in label]
    assert quarters == sorted(quarters) and 0 < len(quarters) <= 8


def test_due_for_review_lists_overdue_first(tmp_path: Path) -> None:
    root = write_files(tmp_path, dict(registry_files()))
    later = model_of(root, dt.date(2031, 1, 1))
    html = due_for_review(later, LAYOUT.linker(LAYOUT.home))
    assert html.startswith('<div class="hinges-glance-due"><p><strong>')
    assert "days overdue" in html and 'href="decisions/' in html


def test_tenets_by_priority_counts_citations(tmp_path: Path) -> None:
    model = model_of(write_files(tmp_path, dict(registry_files())))
    html = tenets_by_priority(model, LAYOUT.linker(LAYOUT.home))
    ids = [chunk.split(" ")[0] for chunk in re.findall(r'<li><a href="[^"]+">([^<]+)</a>', html)]
    assert ids == [t.id for t in model.tenets if t.status != "retired"]
    for tenet_id in ids:
        count = len(model.followers.get(tenet_id, []))
        assert f"{count} decision" in html


def test_hostile_values_are_escaped_in_the_glance(tmp_path: Path) -> None:
    model = model_of(write_files(tmp_path, dict(hostile_registry_files())))
    linker = LAYOUT.linker(LAYOUT.home)
    for html in (status_by_door(model), per_quarter(model), tenets_by_priority(model, linker)):
        assert "<svg onload" not in html and "<img" not in html and "<script" not in html
