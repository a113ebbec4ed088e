"""The catalog's page builders, without MkDocs: registry in, Markdown and HTML out."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path
from urllib.parse import unquote

import pytest

from catalog_fixture import BUILD_DATE, LATE_DATE, Element, decision, parse_html, write_registry
from hinges.config import Config
from hinges.errors import HingesError
from hinges.export import DECISION_FIELDS, EXPORT_VERSION, TENET_FIELDS, export_document
from hinges.loader import Registry, load_registry
from hinges.records import Record
from hinges.schema import DECISION_STATUSES, DOORS, TENET_STATUSES
from hinges.site.catalog import Catalog, GeneratedPage, build_catalog
from hinges.site.decision_page import decision_page
from hinges.site.home import home_page
from hinges.site.model import CatalogModel, build_model
from hinges.site.registers import review_page, timeline_page
from hinges.site.tables import tags_attribute
from hinges.site.urls import CatalogLayout

LAYOUT = CatalogLayout()


def load(root: Path) -> Registry:
    return load_registry(root, Config())


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return load(write_registry(tmp_path))


def model_of(registry: Registry, date: dt.date = BUILD_DATE) -> CatalogModel:
    return build_model(registry, LAYOUT, date)


def pages(catalog: Catalog) -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in catalog.pages}


def record(registry: Registry, record_id: str) -> Record:
    return next(r for r in registry.records() if r.id == record_id)


def test_the_catalog_has_every_page(registry: Registry) -> None:
    catalog = build_catalog(registry, BUILD_DATE, LAYOUT)
    assert [path for path, _ in catalog.static] == [
        "catalog/ADR-0001/index.html",
        "catalog/ADR-0002/index.html",
        "catalog/ADR-0003/index.html",
        "catalog/ADR-0004/index.html",
        "catalog/T-001/index.html",
        "catalog/T-002/index.html",
    ]
    assert sorted(pages(catalog)) == [
        "catalog/decisions/0001-use-mysql.md",
        "catalog/decisions/0002-use-postgres.md",
        "catalog/decisions/0003-adopt-kafka.md",
        "catalog/decisions/0004-feature-flags.md",
        "catalog/folders.md",
        "catalog/graph.md",
        "catalog/index.md",
        "catalog/matrix.md",
        "catalog/one-way-doors.md",
        "catalog/outcomes.md",
        "catalog/owners/arch.md",
        "catalog/owners/index.md",
        "catalog/owners/payments.md",
        "catalog/owners/platform-events.md",
        "catalog/review.md",
        "catalog/tenets/T-001-reversible.md",
        "catalog/tenets/T-002-boring.md",
        "catalog/tenets/index.md",
        "catalog/timeline.md",
    ]
    assert [page.src_uri for page in catalog.pages if page.in_nav] == ["catalog/index.md"]
    titles = {page.src_uri: page.title for page in catalog.pages}
    assert titles["catalog/decisions/0002-use-postgres.md"] == "ADR-0002 Use PostgreSQL for orders"
    assert titles["catalog/owners/platform-events.md"] == "@platform/events"
    assert titles["catalog/index.md"] is None  # its own heading is its title


def test_registry_json_is_the_export_document(registry: Registry) -> None:
    catalog = build_catalog(registry, BUILD_DATE, LAYOUT)
    assert json.loads(catalog.registry_json) == export_document(registry, today=BUILD_DATE)


def test_home_counts_doors_and_statuses(registry: Registry) -> None:
    document = parse_html(home_page(model_of(registry)).markdown())
    counts = document.find_all("table", "hinges-counts")[0]
    rows = {
        row.find_all("th")[0].text: [cell.text for cell in row.find_all("td")]
        for row in counts.find_all("tr")[1:]
    }
    assert rows == {  # one-way, two-way, total
        "proposed": ["0", "1", "1"],
        "accepted": ["1", "1", "2"],
        "rejected": ["0", "0", "0"],
        "deprecated": ["0", "0", "0"],
        "superseded": ["0", "1", "1"],
        "all": ["1", "3", "4"],
    }


def test_home_table_rows_say_each_value_once(registry: Registry) -> None:
    document = parse_html(home_page(model_of(registry)).markdown())
    table = document.by_id("hinges-catalog")
    # The header marks the columns the catalog script reads each filter's values from.
    header = [(th.attrs.get("data-filter"), th.text) for th in table.find_all("th")]
    assert header == [
        ("text", "Id"), ("text", "Title"), ("status", "Status"), ("door", "Door"),
        ("owner", "Owner"), ("tenet", "Tenets"), (None, "Date"),
    ]  # fmt: skip
    rows = table.find_all("tr")[1:]
    assert [row.find_all("td")[0].text for row in rows] == [
        "ADR-0001",
        "ADR-0002",
        "ADR-0003",
        "ADR-0004",
    ]
    # Only the tags, which no cell shows, are an attribute.
    assert rows[1].attrs == {"data-tags": "storage data"}
    assert [cell.text for cell in rows[1].find_all("td")] == [
        "ADR-0002", "Use PostgreSQL for orders", "accepted", "one-way", "@payments",
        "T-001, T-002", "2026-03-01",
    ]  # fmt: skip
    assert [cell.attrs for cell in rows[1].find_all("td")] == [{}] * 7
    # One link to the decision, from its title; one to the owner's page.
    links = [(a.attrs["href"], a.text) for a in rows[1].find_all("a")]
    assert links == [
        ("decisions/0002-use-postgres/", "Use PostgreSQL for orders"),
        ("owners/payments/", "@payments"),
    ]
    assert [a.attrs for a in rows[1].find_all("a")] == [
        {"href": "decisions/0002-use-postgres/"},
        {"href": "owners/payments/"},
    ]
    assert "hidden" in document.by_id("hinges-filters").attrs
    assert document.by_id("hinges-count").text == "4 decisions"


def test_the_script_colours_the_badges_the_schema_knows() -> None:
    # The home's status and door cells are text; catalog.js wraps them in the badges that
    # catalog.css colours, for the values it lists, and any other value as "other".
    assets = Path(__file__).parent.parent / "tooling/hinges/site/assets"
    script = (assets / "catalog.js").read_text(encoding="utf-8")
    block = script[script.index("const BADGES = {") :]
    block = block[: block.index("};")]
    listed = {
        kind: re.findall(r'"([a-z-]+)"', values)
        for kind, values in re.findall(r'"(hinges-[a-z]+)": \[(.*?)\]', block, re.S)
    }
    assert listed == {
        "hinges-door": list(DOORS),
        "hinges-status": [*DECISION_STATUSES, *TENET_STATUSES],
    }
    styles = (assets / "catalog.css").read_text(encoding="utf-8")
    for kind, values in listed.items():
        for value in [*values, "other"]:
            assert f".{kind}--{value} " in styles, value


def _panel(document: Element) -> dict[str, Element]:
    panel = document.find_all("dl", "hinges-meta")[0]
    terms = panel.find_all("dt")
    values = panel.find_all("dd")
    return {term.text: value for term, value in zip(terms, values, strict=True)}


def test_decision_page_has_the_panel_under_its_title_then_the_body(registry: Registry) -> None:
    markdown = decision_page(model_of(registry), record(registry, "ADR-0002")).markdown()
    assert markdown.startswith('# Use PostgreSQL for orders\n\n<dl class="hinges-meta"><dt>Id')
    assert "\n## Context\n\nThe quokka benchmark showed" in markdown
    panel = _panel(parse_html(markdown))
    assert {term: value.text for term, value in panel.items()} == {
        "Id": "ADR-0002",
        "Status": "accepted one-way door",
        "Owner": "@payments; deciders @alice, @bob",
        "Date": "2026-03-01; review by 2026-09-01",
        "Tenets": "T-001 Reversible choices over perfect ones, "
        "T-002 Boring technology unless the upside is large",
        "Exit path": "Orders live in PostgreSQL; leaving means a migration of two sprints.",
        "Supersedes": "ADR-0001 Use MySQL for orders",
        "Tags": "storage, data",
        "Source": "decisions/0002-use-postgres.md",
    }
    status, door = panel["Status"].find_all("span")
    assert (status.classes(), door.classes()) == (
        {"hinges-status--accepted"},
        {"hinges-door--one-way"},
    )
    assert panel["Tags"].find_all("ul") == []  # plain text: a list's tags cost every page
    assert panel["Date"].find_all("span") == []  # not due yet: no overdue note
    tenet_links = panel["Tenets"].find_all("a")
    assert [a.attrs["href"] for a in tenet_links] == [
        "../../tenets/T-001-reversible/",
        "../../tenets/T-002-boring/",
    ]
    predecessor = panel["Supersedes"].find_all("a")[0]
    assert predecessor.attrs["href"] == "../../decisions/0001-use-mysql/"
    assert panel["Owner"].find_all("a")[0].attrs["href"] == "../../owners/payments/"
    assert not parse_html(markdown).find_all("div", "hinges-banner")


def _panel_html(front: str, tmp_path: Path, date: dt.date = BUILD_DATE) -> str:
    """The metadata panel of ADR-0005, a decision with ``front`` after id and title."""
    front = "id: ADR-0005\ntitle: Cache sessions\n" + textwrap.dedent(front)
    extra = {"decisions/0005-cache-sessions.md": decision(front, "Cache sessions")}
    registry = load(write_registry(tmp_path, extra))
    markdown = decision_page(model_of(registry, date), record(registry, "ADR-0005")).markdown()
    return markdown[markdown.index("<dl") : markdown.index("</dl>") + 5]


def test_panel_answers_one_question_per_row(tmp_path: Path) -> None:
    """Status with door, owner with deciders (linked when they own a record), date with review."""
    panel = _panel_html(
        """\
        status: accepted
        date: 2026-03-10
        door: two-way
        owner: "@platform/events"
        deciders: ["@payments", "@noor"]
        tags: [cost, latency]
        review_by: 2026-11-19
        """,
        tmp_path,
        LATE_DATE,
    )
    assert panel == (
        '<dl class="hinges-meta"><dt>Id<dd>ADR-0005'
        '<dt>Status<dd><span class="hinges-status--accepted">accepted</span> '
        '<span class="hinges-door--two-way">two-way door</span>'
        '<dt>Owner<dd><a href="../../owners/platform-events/">@platform/events</a>; '
        'deciders <a href="../../owners/payments/">@payments</a>, @noor'
        "<dt>Date<dd>2026-03-10; review by 2026-11-19 "
        '<span class="hinges-overdue">(overdue by 12 days)</span>'
        "<dt>Tags<dd>cost, latency"
        "<dt>Source<dd><code>decisions/0005-cache-sessions.md</code></dl>"
    )


@pytest.mark.parametrize(
    ("dates", "status", "row"),
    [
        ("date: 2026-03-10\n", "accepted", "<dt>Date<dd>2026-03-10"),
        (
            "date: 2026-03-10\nreview_by: 2026-12-01\n",
            "accepted",
            '<dt>Date<dd>2026-03-10; review by 2026-12-01 <span class="hinges-overdue">'
            "(due today)</span>",
        ),
        (  # only an accepted decision's review can be overdue
            "date: 2026-03-10\nreview_by: 2026-11-19\n",
            "proposed",
            "<dt>Date<dd>2026-03-10; review by 2026-11-19",
        ),
        (
            "review_by: 2026-11-19\n",
            "accepted",
            "<dt>Date<dd>not set; review by 2026-11-19 "
            '<span class="hinges-overdue">(overdue by 12 days)</span>',
        ),
        ("", "accepted", "<dt>Id<dd>ADR-0005<dt>Status"),  # no Date row
    ],
)
def test_date_row_reads_right_with_either_date_missing(
    tmp_path: Path, dates: str, status: str, row: str
) -> None:
    panel = _panel_html(
        f'status: {status}\ndoor: two-way\nowner: "@payments"\n{dates}', tmp_path, LATE_DATE
    )
    assert row in panel
    assert panel.count("<dt>") == 4 + bool(dates)  # Id, Status, Owner, [Date], Source


def test_owner_row_without_an_owner_or_deciders(tmp_path: Path) -> None:
    panel = _panel_html("status: proposed\ndate: 2026-03-10\ndoor: two-way\n", tmp_path)
    assert '<dt>Owner<dd><span class="hinges-missing">no owner</span>' in panel
    assert "deciders" not in panel


def test_superseded_decision_has_a_banner_and_links_forward(registry: Registry) -> None:
    markdown = decision_page(model_of(registry), record(registry, "ADR-0001")).markdown()
    document = parse_html(markdown)
    banner = document.find_all("div", "hinges-banner")[0]
    assert banner.classes() == {"admonition", "warning", "hinges-banner"}
    title, text = banner.find_all("p")
    assert title.text == "Superseded"
    assert text.text == "This decision is superseded by ADR-0002 Use PostgreSQL for orders."
    [successor] = banner.find_all("a")
    assert successor.attrs["href"] == "../../decisions/0002-use-postgres/"
    assert "Superseded by" not in _panel(document)  # the banner names the successor


def test_successor_of_a_record_without_a_banner_is_in_the_panel(tmp_path: Path) -> None:
    """An accepted record that another supersedes (hinges check flags it) has no banner."""
    write_registry(tmp_path)
    old = tmp_path / "decisions/0001-use-mysql.md"
    old.write_text(old.read_text().replace("status: superseded\n", "status: accepted\n"))
    registry = load(tmp_path)
    document = parse_html(
        decision_page(model_of(registry), record(registry, "ADR-0001")).markdown()
    )
    assert not document.find_all("div", "hinges-banner")
    [successor] = _panel(document)["Superseded by"].find_all("a")
    assert successor.text == "ADR-0002 Use PostgreSQL for orders"
    assert successor.attrs["href"] == "../../decisions/0002-use-postgres/"


def test_the_successor_is_found_from_either_side(tmp_path: Path) -> None:
    """Only the new record says ``supersedes``; the old one still points forward."""
    write_registry(tmp_path)
    old = tmp_path / "decisions/0001-use-mysql.md"
    old.write_text(old.read_text().replace("superseded_by: [ADR-0002]\n", ""))
    registry = load(tmp_path)
    document = parse_html(
        decision_page(model_of(registry), record(registry, "ADR-0001")).markdown()
    )
    links = document.find_all("div", "hinges-banner")[0].find_all("a")
    assert [a.text for a in links] == ["ADR-0002 Use PostgreSQL for orders"]


def test_review_page_lists_overdue_first_then_due_soon(registry: Registry) -> None:
    late = parse_html(review_page(model_of(registry, LATE_DATE)).markdown())
    overdue, soon = late.find_all("table")[0], late.find_all("table")
    assert len(soon) == 1, "nothing is due soon on the late date"
    rows = [[cell.text for cell in row.find_all("td")] for row in overdue.find_all("tr")[1:]]
    assert rows == [
        ["ADR-0004", "Feature flags in config files", "2026-06-15", "169", "@platform/events"],
        ["ADR-0002", "Use PostgreSQL for orders", "2026-09-01", "91", "@payments"],
    ]
    early = review_page(model_of(registry, BUILD_DATE)).markdown()
    assert "Nothing is due for review." in early
    tables = parse_html(early).find_all("table")
    rows = [[cell.text for cell in row.find_all("td")] for row in tables[0].find_all("tr")[1:]]
    assert rows == [
        ["ADR-0004", "Feature flags in config files", "2026-06-15", "14", "@platform/events"]
    ]


def test_timeline_groups_by_month_newest_first(registry: Registry) -> None:
    markdown = timeline_page(model_of(registry)).markdown()
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## May 2026", "## April 2026", "## March 2026"]
    may = parse_html(markdown).find_all("ul", "hinges-timeline")[0]
    assert [item.text for item in may.find_all("li")] == [
        "2026-05-20 ADR-0003 Adopt Kafka for events · proposed",
        "2026-05-02 ADR-0004 Feature flags in config files · accepted",
    ]
    assert [a.attrs["href"] for a in may.find_all("a")] == [
        "../decisions/0003-adopt-kafka/",
        "../decisions/0004-feature-flags/",
    ]


def test_hostile_front_matter_stays_inert(tmp_path: Path) -> None:
    hostile = decision(
        """
        id: ADR-0005
        title: "</title><script>alert(1)</script>"
        status: accepted
        date: 2026-05-05
        door: "\\"><script>alert(2)</script>"
        owner: "javascript:alert(1)"
        deciders: ["<img src=x onerror=alert(3)>"]
        tags: ["x\\" onmouseover=\\"alert(4)"]
        exit_path: "<b>bold</b>"
        """,
        "A harmless heading",
    )
    registry = load(write_registry(tmp_path, {"decisions/0005-hostile.md": hostile}))
    catalog = build_catalog(registry, BUILD_DATE, LAYOUT)
    for page in catalog.pages:
        if page.src_uri == "catalog/graph.md":
            continue  # S2's drawing has its own escaping tests
        document = parse_html(page.markdown)
        scripts = [e.attrs.get("src") for e in document.iter() if e.tag == "script"]
        assert [src.rsplit("/", 1)[-1] for src in scripts if src] == ["catalog.js"]
        assert len(scripts) == 1, page.src_uri  # only the page's own asset link
        tags = {element.tag for element in document.iter()}
        assert not tags & {"img", "b"}, page.src_uri
        # <title> only as the charts' own captions (inside their <svg>), never from data
        assert page.markdown.count("<title>") == page.markdown.count("</title>"), page.src_uri
        assert "</title><script>" not in page.markdown, page.src_uri
        for element in document.iter():
            assert not any(name.startswith("on") for name in element.attrs), page.src_uri
            href = element.attrs.get("href") or ""
            assert ":" not in href, (page.src_uri, href)
    owner_page = pages(catalog)["catalog/owners/javascript-alert-1-.md"]
    assert "\n\n# javascript:alert\\(1\\)\n" in owner_page.markdown
    assert owner_page.title == "javascript:alert(1)"  # the plugin escapes titles


def test_a_tag_with_a_space_or_a_comma_stays_one_tag_in_the_home_table(tmp_path: Path) -> None:
    """Tags are free text; the row's data-tags keeps each whole (the script decodes them)."""
    tags = ["machine learning", "a, b", "c++", "données", "100%", 'x" onmouseover="y']
    record = decision(
        f"""
        id: ADR-0005
        title: Tagged
        status: accepted
        date: 2026-05-05
        door: two-way
        tags: {json.dumps(tags)}
        """,
        "Body.",
    )
    registry = load(write_registry(tmp_path, {"decisions/0005-tagged.md": record}))
    table = parse_html(home_page(model_of(registry)).markdown()).by_id("hinges-catalog")
    row = next(tr for tr in table.find_all("tr")[1:] if tr.find_all("td")[0].text == "ADR-0005")
    encoded = row.attrs["data-tags"].split(" ")
    assert [unquote(tag) for tag in encoded] == tags
    assert all(re.fullmatch(r"[A-Za-z0-9%._~-]+", tag) for tag in encoded)
    assert tags_attribute(["storage", "data"]) == "storage data"  # plain tags read as before


def test_hostile_values_in_the_merged_rows_stay_escaped_text(tmp_path: Path) -> None:
    """HTML, quotes, control characters, blank lines and a long value, in every merged row."""
    long_tag = "<i>" + "x" * 5000
    panel = _panel_html(
        f"""\
        status: "<s>accepted"
        date: 2026-03-10
        door: "'><u>two-way"
        owner: "@o\\" onclick=\\"alert(1)"
        deciders: ["<img src=x onerror=alert(2)>", "@d\\e[2J\\a\\u202e\\n\\n@next"]
        tags: ["a, b", "<script>alert(3)</script>", "{long_tag}"]
        review_by: 2026-11-19
        """,
        tmp_path,
        LATE_DATE,
    )
    rows = dict(re.findall(r"<dt>(.*?)<dd>(.*?)(?=<dt>|</dl>)", panel))
    assert rows["Status"] == (
        '<span class="hinges-status--other">&lt;s&gt;accepted</span> '
        '<span class="hinges-door--other">&#x27;&gt;&lt;u&gt;two-way</span>'
    )
    assert rows["Owner"] == (
        '<a href="../../owners/o--onclick--alert-1-/">@o&quot; onclick=&quot;alert(1)</a>; '
        "deciders &lt;img src=x onerror=alert(2)&gt;, "
        "@d\x1b[2J\x07\u202e @next"  # whitespace runs, blank lines too, become one space
    )
    assert rows["Date"] == "2026-03-10; review by 2026-11-19"  # not accepted: never overdue
    assert rows["Tags"] == ("a, b, &lt;script&gt;alert(3)&lt;/script&gt;, &lt;i&gt;" + "x" * 5000)
    assert "\n" not in panel  # a blank line would end Markdown's raw HTML block
    document = parse_html(panel)
    assert {e.tag for e in document.iter()} == {"#document", "dl", "dt", "dd", "span", "a", "code"}
    assert not any(name.startswith("on") for e in document.iter() for name in e.attrs)


def test_owner_slugs_never_collide_or_take_the_index(tmp_path: Path) -> None:
    extra = {}
    for number, owner in ((5, "@Payments"), (6, "@index")):
        extra[f"decisions/000{number}-x{number}.md"] = decision(
            f"""
            id: ADR-000{number}
            title: Decision {number}
            status: proposed
            date: 2026-05-05
            door: two-way
            owner: "{owner}"
            """,
            f"Decision {number}",
        )
    registry = load(write_registry(tmp_path, extra))
    model = model_of(registry)
    assert model.owner_slugs == {
        "@Payments": "payments",
        "@arch": "arch",
        "@index": "index-2",
        "@payments": "payments-2",
        "@platform/events": "platform-events",
    }


def test_a_record_named_like_a_catalog_page_is_refused(tmp_path: Path) -> None:
    write_registry(tmp_path)
    (tmp_path / "hinges.toml").write_text('ignore = ["README.md"]\n')
    tenet = (tmp_path / "tenets/T-002-boring.md").read_text()
    (tmp_path / "tenets/index.md").write_text(tenet)
    registry = load_registry(tmp_path, Config(ignore=("README.md",)))
    with pytest.raises(HingesError, match="two catalog pages would be written to"):
        build_catalog(registry, BUILD_DATE, LAYOUT)


def test_rows_are_right_on_every_page_even_when_a_title_holds_the_row_marker(
    tmp_path: Path,
) -> None:
    """Rows are built once and re-pointed per page; a NUL in a title must not confuse that."""
    write_registry(tmp_path)
    path = tmp_path / "decisions/0002-use-postgres.md"
    path.write_text(path.read_text().replace("title: Use PostgreSQL", 'title: "Use\\0PostgreSQL'))
    path.write_text(path.read_text().replace("for orders\nstatus", 'for orders"\nstatus', 1))
    registry = load(tmp_path)
    assert record(registry, "ADR-0002").title == "Use\0PostgreSQL for orders"
    catalog = pages(build_catalog(registry, BUILD_DATE, LAYOUT))
    expected = {
        "catalog/index.md": "decisions/0002-use-postgres/",
        "catalog/tenets/T-001-reversible.md": "../../decisions/0002-use-postgres/",
        "catalog/owners/payments.md": "../../decisions/0002-use-postgres/",
    }
    for src_uri, href in expected.items():
        # The home's table rows and the tenet and owner pages' list items.
        document = parse_html(catalog[src_uri].markdown)
        if src_uri == "catalog/index.md":
            rows = document.by_id("hinges-catalog").find_all("tr")[1:]
        else:
            lists = document.find_all("ul", "hinges-decision-list")  # one per status
            rows = [item for listing in lists for item in listing.find_all("li")]
        row = next(row for row in rows if "ADR-0002" in row.text)
        assert row.find_all("a")[0].attrs["href"] == href, src_uri
        assert "\0" in row.find_all("a")[0].text, src_uri
        other = next(row for row in rows if "ADR-0002" not in row.text)
        assert "\0" not in (other.find_all("a")[0].attrs["href"] or "")


def test_the_catalog_guide_documents_every_export_field() -> None:
    guide = (Path(__file__).parent.parent / "docs/guide/catalog-site.md").read_text(
        encoding="utf-8"
    )
    for name in (*DECISION_FIELDS, *TENET_FIELDS, "review_overdue_days", "cited_by", "body"):
        assert f"`{name}`" in guide, name
    assert f'"version": {EXPORT_VERSION}' in guide


def test_tenet_and_owner_pages_group_decisions_by_status(tmp_path: Path) -> None:
    """The status is said once per group, known statuses in lifecycle order, then others
    alphabetically (escaped), then decisions without one; every decision keeps its link."""
    write_registry(tmp_path)
    extra = {
        "0005-parked.md": ("status: 'waiting <i>now</i>'", "Parked <b>idea</b>"),
        "0006-unset.md": ("", "No status here"),
        "0007-draft.md": ("status: proposed", "A proposal"),
    }
    for number, (name, (status, title)) in enumerate(extra.items(), start=5):
        front = f"id: ADR-000{number}\ntitle: {title}\n{status}\nowner: '@arch'\ntenets: [T-002]"
        (tmp_path / "decisions" / name).write_text(decision(front, title), encoding="utf-8")
    catalog = pages(build_catalog(load(tmp_path), BUILD_DATE, LAYOUT))
    tenet = catalog["catalog/tenets/T-002-boring.md"].markdown
    start = tenet.index('<dl class="hinges-by-status" data-search-exclude>')
    assert tenet[start : tenet.index("\n</dl>", start) + 6] == (
        '<dl class="hinges-by-status" data-search-exclude>\n'
        '<dt>proposed (2)</dt><dd><ul class="hinges-decision-list">\n'
        '<li><a href="../../decisions/0003-adopt-kafka/">ADR-0003 Adopt Kafka for events</a></li>\n'
        '<li><a href="../../decisions/0007-draft/">ADR-0007 A proposal</a></li></ul></dd>\n'
        '<dt>accepted (1)</dt><dd><ul class="hinges-decision-list">\n'
        '<li><a href="../../decisions/0002-use-postgres/">ADR-0002 Use PostgreSQL for orders</a>'
        "</li></ul></dd>\n"
        '<dt>waiting &lt;i&gt;now&lt;/i&gt; (1)</dt><dd><ul class="hinges-decision-list">\n'
        '<li><a href="../../decisions/0005-parked/">ADR-0005 Parked &lt;b&gt;idea&lt;/b&gt;</a>'
        "</li></ul></dd>\n"
        '<dt>no status (1)</dt><dd><ul class="hinges-decision-list">\n'
        '<li><a href="../../decisions/0006-unset/">ADR-0006 No status here</a></li></ul></dd>\n'
        "</dl>"
    )
    owner = parse_html(catalog["catalog/owners/arch.md"].markdown)
    (groups,) = owner.find_all("dl", "hinges-by-status")
    assert [term.text for term in groups.find_all("dt")] == [
        "proposed (1)", "waiting <i>now</i> (1)", "no status (1)",
    ]  # fmt: skip
