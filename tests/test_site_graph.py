"""The relation graph SVG, parsed back with xml.etree: nodes, edges, escaping, large inputs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

from hinges.config import load_config
from hinges.loader import Registry, load_registry
from hinges.records import Record
from hinges.site.graph_svg import NODE_H, NODE_W, STATUSES, relation_graph_svg
from hinges.site.layout import layers, place_decisions

ASSETS = files("hinges.site") / "assets"
SVG = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"
ALLOWED_TAGS = {"svg", "desc", "defs", "marker", "path", "g", "rect", "text", "title", "a"}


def write_decision(root: Path, number: int, **fields: str) -> None:
    values = {
        "id": f"ADR-{number:04d}",
        "title": f"Decision number {number}",
        "status": "accepted",
        "door": "two-way",
        "owner": '"@team"',
        **fields,
    }
    front = "\n".join(f"{key}: {value}" for key, value in values.items())
    path = root / "decisions" / f"{number:04d}-decision.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\n# Decision {number}\n", encoding="utf-8")


def write_tenet(root: Path, number: int, priority: int, title: str) -> None:
    path = root / "tenets" / f"T-{number:03d}-tenet.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'---\nid: T-{number:03d}\ntitle: {title}\nstatus: active\nowner: "@arch"\n'
        f"priority: {priority}\n---\n# {title}\n",
        encoding="utf-8",
    )


def load(root: Path) -> Registry:
    (root / "decisions").mkdir(exist_ok=True)
    return load_registry(root, load_config(root))


def decision_link(record: Record) -> str | None:
    stem = record.path.rsplit("/", 1)[-1].removesuffix(".md")
    return f"../decisions/{stem}/" if record.kind == "decision" else None


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def nodes(root: ET.Element) -> dict[str, ET.Element]:
    """Each node (a link, or a group when it has none) by the id it shows first."""
    groups = [g for g in root.iter(f"{SVG}g") if "hinges-graph-nodes" in classes(g)]
    return {node.findtext(f"{SVG}text", ""): node for group in groups for node in group}


def box(node: ET.Element) -> tuple[int, int, int, int]:
    """x, y, width and height of a node: its place is its translation, its size fixed."""
    found = re.fullmatch(r"translate\((\d+),(\d+)\)", node.get("transform", ""))
    assert found is not None, node.get("transform")
    return int(found[1]), int(found[2]), NODE_W, NODE_H


def edges(root: ET.Element, kind: str) -> list[str]:
    wanted = f"hinges-graph-edge--{kind}"
    groups = [g for g in root.iter(f"{SVG}g") if wanted in classes(g)]
    return [p.get("d", "") for group in groups for p in group.iter(f"{SVG}path")]


def small_registry(root: Path) -> Registry:
    write_tenet(root, 1, 2, "Second by priority")
    write_tenet(root, 2, 1, "First by priority")
    write_decision(root, 1, status="superseded", superseded_by="[ADR-0002]")
    write_decision(root, 2, supersedes="[ADR-0001]", tenets="[T-001, T-002]")
    write_decision(root, 3, door="one-way", status="proposed", tenets="[T-001]")
    write_decision(root, 4, status="rejected")
    return load(root)


def test_every_record_is_a_node_and_every_relation_an_edge(tmp_path: Path) -> None:
    svg = parse(relation_graph_svg(small_registry(tmp_path), decision_link))
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img" and "4 decisions, 2 tenets" in (svg.get("aria-label") or "")
    assert sorted(nodes(svg)) == ["ADR-0001", "ADR-0002", "ADR-0003", "ADR-0004", "T-001", "T-002"]
    # Written on both sides, the supersedes relation is still one edge.
    assert len(edges(svg, "supersedes")) == 1
    assert len(edges(svg, "follows")) == 3
    hrefs = sorted(a.get(HREF, "") for a in svg.iter(f"{SVG}a"))
    assert hrefs == [f"../decisions/{n:04d}-decision/" for n in (1, 2, 3, 4)]


def test_width_height_and_view_box_contain_every_node_without_overlap(tmp_path: Path) -> None:
    svg = parse(relation_graph_svg(small_registry(tmp_path), decision_link))
    width, height = int(svg.get("width", "0")), int(svg.get("height", "0"))
    assert width > 0 and height > 0 and svg.get("viewBox") == f"0 0 {width} {height}"
    boxes = []
    for node in nodes(svg).values():
        x, y, w, h = box(node)
        assert x >= 0 and x + w <= width and y >= 0 and y + h <= height
        boxes.append((x, y, w, h))
    for i, (x, y, w, h) in enumerate(boxes):
        for ox, oy, ow, oh in boxes[i + 1 :]:
            assert x + w <= ox or ox + ow <= x or y + h <= oy or oy + oh <= y


def test_tenets_are_on_top_by_priority_and_a_successor_right_of_its_predecessor(
    tmp_path: Path,
) -> None:
    svg = parse(relation_graph_svg(small_registry(tmp_path), decision_link))

    def corner(node_id: str) -> tuple[float, float, float]:
        x, y, width, _ = box(nodes(svg)[node_id])
        return x, y, x + width

    assert corner("T-002")[0] < corner("T-001")[0]  # priority 1 first
    assert max(corner(t)[1] for t in ("T-001", "T-002")) < corner("ADR-0001")[1]
    old, new = corner("ADR-0001"), corner("ADR-0002")
    assert old[1] == new[1] and old[0] < new[0]
    # The arrow starts at the successor's left side and ends on the predecessor's right side.
    (path,) = edges(svg, "supersedes")
    numbers = [int(n) for n in re.findall(r"\d+", path)]
    assert abs(numbers[0] - new[0]) <= 1 and abs(numbers[-1] - old[2]) <= 1


def test_status_and_a_one_way_door_are_classes_the_stylesheet_colours(tmp_path: Path) -> None:
    write_decision(tmp_path, 5, status="draft")  # no colour: no class, a white box
    svg = parse(relation_graph_svg(small_registry(tmp_path), decision_link))
    assert {node_id: node.get("class") for node_id, node in nodes(svg).items()} == {
        "T-001": "hinges-node--active",
        "T-002": "hinges-node--active",
        "ADR-0001": "hinges-node--superseded",
        "ADR-0002": "hinges-node--accepted",
        "ADR-0003": "hinges-node--proposed hinges-node--one-way",
        "ADR-0004": "hinges-node--rejected",
        "ADR-0005": None,
    }
    tenets = [g for g in svg.iter(f"{SVG}g") if "hinges-graph-tenets" in classes(g)]
    assert [sorted(nodes(group)) for group in tenets] == [["T-001", "T-002"]]
    # Every node's box is an empty <rect/>: size and colour come from catalog.css.
    rects = [rect for node in nodes(svg).values() for rect in node.iter(f"{SVG}rect")]
    assert len(rects) == 7 and all(rect.attrib == {} for rect in rects)
    title = nodes(svg)["ADR-0003"].find(f"{SVG}title")
    assert title is not None
    assert title.text == "ADR-0003: Decision number 3 (proposed, one-way door)"


def test_the_stylesheet_colours_every_status_the_graph_names() -> None:
    css = (ASSETS / "catalog.css").read_text(encoding="utf-8")
    colour = "#[0-9a-f]{6}"
    rule = rf"\.hinges-node--([a-z-]+) \{{ --hinges-node-fill: {colour};"
    rule += rf" --hinges-node-stroke: {colour}; \}}"
    assert sorted(re.findall(rule, css)) == sorted(STATUSES)


HOSTILE_TITLES = ("'</svg><script>x</script>'", """'"><a href="javascript:x">'""")


def test_hostile_titles_come_out_as_inert_text(tmp_path: Path) -> None:
    write_decision(tmp_path, 1, title=HOSTILE_TITLES[0])
    write_decision(tmp_path, 2, title=HOSTILE_TITLES[1], supersedes="[ADR-0001]")
    write_decision(tmp_path, 3, title="Hostile status", status="""'x" onmouseover="y'""")
    links = {1: '../d/1/?a=1&b="2"', 2: "../d/2/", 3: "../d/3/"}
    registry = load(tmp_path)
    text = relation_graph_svg(registry, lambda r: links[r.number or 0])
    assert "<script" not in text and 'javascript:x">' not in text
    svg = parse(text)
    assert {element.tag.removeprefix(SVG) for element in svg.iter()} <= ALLOWED_TAGS
    titles = [t.text or "" for t in svg.iter(f"{SVG}title")]
    assert titles == [
        "ADR-0001: </svg><script>x</script> (accepted, two-way door)",
        'ADR-0002: "><a href="javascript:x"> (accepted, two-way door)',
        'ADR-0003: Hostile status (x" onmouseover="y, two-way door)',
    ]
    assert nodes(svg)["ADR-0003"].get("class") is None  # not a status with a colour
    for element in svg.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            if name.endswith("href"):
                assert value in links.values(), value
            for reference in re.findall(r"url\(([^)]*)\)", value):
                assert reference.startswith("#hinges-graph-"), reference


def test_output_is_deterministic_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    small_registry(tmp_path)
    program = (
        "import sys; from pathlib import Path; from hinges.config import load_config;"
        "from hinges.loader import load_registry;"
        "from hinges.site.graph_svg import relation_graph_svg;"
        "root = Path(sys.argv[1]); registry = load_registry(root, load_config(root));"
        "sys.stdout.write(relation_graph_svg(registry, lambda r: r.path))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", program, str(tmp_path)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    registry = load(tmp_path)
    assert outputs == {relation_graph_svg(registry, lambda r: r.path)}


@pytest.mark.timeout(60)  # about 3 s; a layout quadratic in the chain's length would not be
def test_a_chain_of_three_thousand_records_is_drawn_whole_and_wrapped(tmp_path: Path) -> None:
    for number in range(1, 3001):
        fields = {"supersedes": f"[ADR-{number - 1:04d}]"} if number > 1 else {}
        write_decision(tmp_path, number, **fields)
    svg = parse(relation_graph_svg(load(tmp_path), decision_link))
    assert len(nodes(svg)) == 3000 and len(edges(svg, "supersedes")) == 2999
    assert svg.get("data-omitted") == "0"
    assert int(svg.get("width", "0")) < 1100  # wrapped like text, not one row 600,000 px wide
    assert len({box(node) for node in nodes(svg).values()}) == 3000


def test_cycles_self_references_and_dangling_references_do_not_stop_the_drawing(
    tmp_path: Path,
) -> None:
    write_decision(tmp_path, 1, supersedes="[ADR-0003, ADR-0001]")
    write_decision(tmp_path, 2, supersedes="[ADR-0001, ADR-0404]")
    write_decision(tmp_path, 3, supersedes="[ADR-0002]", tenets="[T-999]")
    svg = parse(relation_graph_svg(load(tmp_path), decision_link))
    assert sorted(nodes(svg)) == ["ADR-0001", "ADR-0002", "ADR-0003"]
    assert len(edges(svg, "supersedes")) == 3
    notes = [t.text for t in svg.iter(f"{SVG}text")]
    assert "2 references to missing records are not drawn." in notes


def test_a_large_registry_draws_only_chains_and_one_way_doors_and_says_so(
    tmp_path: Path,
) -> None:
    for number in range(1, 402):
        write_decision(tmp_path, number)
    write_decision(tmp_path, 402, supersedes="[ADR-0401]")
    write_decision(tmp_path, 403, door="one-way")
    svg = parse(relation_graph_svg(load(tmp_path), decision_link))
    assert sorted(nodes(svg)) == ["ADR-0401", "ADR-0402", "ADR-0403"]
    assert svg.get("data-omitted") == "400"
    notes = [t.text or "" for t in svg.iter(f"{SVG}text")]
    assert "Showing 3 of 403 decisions: above" in notes
    assert "Showing 3 of 403 decisions" in (svg.get("aria-label") or "")


def test_an_empty_registry_is_still_a_valid_picture(tmp_path: Path) -> None:
    svg = parse(relation_graph_svg(load(tmp_path), decision_link))
    assert int(svg.get("width", "0")) > 0 and int(svg.get("height", "0")) > 0
    assert "No records to draw." in [t.text for t in svg.iter(f"{SVG}text")]


def test_layers_follow_the_longest_path_and_break_cycles_at_the_oldest() -> None:
    # 1 and 2 supersede 0; 3 supersedes 1 and 2 (a diamond); 4 supersedes 0 directly.
    diamond = [(1, 0), (2, 0), (3, 1), (3, 2), (4, 0)]
    assert layers(range(5), diamond) == {0: 0, 1: 1, 2: 1, 3: 2, 4: 1}
    # 0 -> 2 -> 1 -> 0 is a cycle; 3 supersedes 1.
    cycle = [(0, 2), (2, 1), (1, 0), (3, 1)]
    assert layers(range(4), cycle) == {0: 0, 1: 1, 2: 2, 3: 2}


def test_placement_puts_chains_first_and_wraps_them() -> None:
    placement = place_decisions(5, [(2, 1), (3, 2), (4, 3)], max_columns=3)
    # The chain 1-2-3-4 wraps after three columns; the lone decision 0 comes after it.
    assert placement.cells == [(0, 2), (0, 0), (1, 0), (2, 0), (0, 1)]
    assert (placement.columns, placement.rows) == (3, 3)


@pytest.mark.browser
def test_the_graph_renders_visibly_in_chromium_and_hostile_text_stays_text(
    tmp_path: Path,
) -> None:
    from site_support import launch_chromium, save_screenshot

    registry = small_registry(tmp_path)
    write_decision(tmp_path, 5, title=HOSTILE_TITLES[0], supersedes="[ADR-0004]")
    write_decision(tmp_path, 6, title=HOSTILE_TITLES[1], door="one-way")
    registry = load(tmp_path)
    svg = relation_graph_svg(registry, decision_link)
    # Every catalog page links catalog.css, which draws the nodes' boxes.
    style = f"<style>{(ASSETS / 'catalog.css').read_text(encoding='utf-8')}</style>"
    with launch_chromium() as browser:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.set_content(f'<!doctype html>{style}<figure class="hinges-graph">{svg}</figure>')
        box = page.locator("figure > svg").bounding_box()
        assert box is not None and box["width"] > 500 and box["height"] > 200
        assert page.locator("script").count() == 0
        assert page.locator("svg a").count() == 6  # the decisions; tenets have no link
        assert page.locator(".hinges-graph-nodes rect").first.is_visible()
        # The stylesheet sizes each box to its cell (thick borders inside) and colours it.
        shapes = page.eval_on_selector_all(
            ".hinges-graph-nodes > *",
            """nodes => nodes.map(n => {
                const r = n.querySelector('rect'), s = getComputedStyle(r), b = r.getBBox();
                return [n.querySelector('text').textContent, s.fill, s.strokeWidth,
                        b.width + parseFloat(s.strokeWidth), b.height + parseFloat(s.strokeWidth)];
            })""",
        )
        expected_size = [float(NODE_W), float(NODE_H)]
        assert all(shape[3:] == expected_size for shape in shapes), shapes
        fills = {shape[0]: shape[1:3] for shape in shapes}
        assert fills["T-001"] == ["rgb(237, 233, 254)", "1.25px"]
        assert fills["ADR-0001"] == ["rgb(229, 231, 235)", "1.25px"]
        assert fills["ADR-0003"] == ["rgb(219, 234, 254)", "4px"]
        assert fills["ADR-0004"] == ["rgb(254, 226, 226)", "1.25px"]
        # A straight edge has a flat box, which playwright calls invisible: ask the stroke.
        edge = page.locator(".hinges-graph-edge--supersedes path").first
        stroke = edge.evaluate(
            "e => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth, e.getBBox().width]"
        )
        # currentColor: the figure's text colour (#1f2937 outside material's colour scheme)
        assert stroke[:2] == ["rgb(31, 41, 55)", "1.6px"] and stroke[2] > 0
        first_link = page.locator("svg a").first.evaluate("a => a.href.baseVal")
        assert first_link == "../decisions/0001-decision/"
        # Clicking a node follows its link.
        page.set_content(
            f'<!doctype html><base href="http://127.0.0.1:9/catalog/graph/">{style}{svg}'
        )
        page.route("**/*", lambda route: route.fulfill(body="<p>record</p>"))
        with page.expect_navigation():
            page.locator(".hinges-graph-decisions a").first.click()
        assert page.url == "http://127.0.0.1:9/catalog/decisions/0001-decision/"
        save_screenshot(page, "relation-graph")
        assert dialogs == []
