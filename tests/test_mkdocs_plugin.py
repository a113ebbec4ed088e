"""The MkDocs plugin in real builds: mkdocs.yml and a registry in tmp_path, HTML and JSON out."""

from __future__ import annotations

import json
import logging
import posixpath
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from catalog_fixture import (
    BUILD_DATE,
    LATE_DATE,
    Element,
    decision,
    parse_html,
    write_registry,
    write_site_config,
)
from hinges.config import Config
from hinges.export import export_document
from hinges.loader import load_registry

HOSTILE = decision(
    """
    id: ADR-0005
    title: "</title><script>alert(1)</script>"
    status: accepted
    date: 2026-05-05
    door: two-way
    owner: "javascript:alert(1)"
    deciders: ["@erin"]
    exit_path: Nothing to undo.
    review_by: 2026-12-01
    """,
    "A heading of our own",
)


def build_site(root: Path, *, strict: bool = False, **config: Any) -> Path:
    """Build the site of ``root`` in-process, as ``mkdocs build`` does."""
    config_file = write_site_config(root, **config)
    site = root / "site"
    build(load_config(str(config_file), site_dir=str(site), strict=strict))
    return site


def page(site: Path, url: str) -> Element:
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    return parse_html(path.read_text(encoding="utf-8"))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return build_site(write_registry(tmp_path), strict=True)


EXPECTED_PAGES = [
    "catalog/",
    "catalog/decisions/0001-use-mysql/",
    "catalog/decisions/0002-use-postgres/",
    "catalog/decisions/0003-adopt-kafka/",
    "catalog/decisions/0004-feature-flags/",
    "catalog/tenets/",
    "catalog/tenets/T-001-reversible/",
    "catalog/tenets/T-002-boring/",
    "catalog/matrix/",
    "catalog/one-way-doors/",
    "catalog/review/",
    "catalog/timeline/",
    "catalog/outcomes/",
    "catalog/owners/",
    "catalog/owners/arch/",
    "catalog/owners/payments/",
    "catalog/owners/platform-events/",
    "catalog/graph/",
    "catalog/folders/",
    # short links by id, redirecting to the record's page
    "catalog/ADR-0001/",
    "catalog/ADR-0002/",
    "catalog/ADR-0003/",
    "catalog/ADR-0004/",
    "catalog/T-001/",
    "catalog/T-002/",
]


def test_every_page_is_built(site: Path) -> None:
    built = sorted(
        str(path.parent.relative_to(site)) + "/" for path in (site / "catalog").rglob("index.html")
    )
    assert built == sorted(url.rstrip("/") + "/" for url in EXPECTED_PAGES)
    assert (site / "catalog/assets/catalog.js").is_file()
    assert (site / "catalog/assets/catalog.css").is_file()


def test_catalog_table_rows_carry_their_values(site: Path) -> None:
    rows = page(site, "catalog/").by_id("hinges-catalog").find_all("tr")[1:]
    cells = [[cell.text for cell in row.find_all("td")] for row in rows]
    assert [(row[0], row[3], row[2]) for row in cells] == [
        ("ADR-0001", "two-way", "superseded"),
        ("ADR-0002", "one-way", "accepted"),
        ("ADR-0003", "two-way", "proposed"),
        ("ADR-0004", "two-way", "accepted"),
    ]
    assert cells[2][4] == "@platform/events"
    assert rows[2].attrs == {"data-tags": "messaging"}


def test_registry_json_is_the_export_document(site: Path, tmp_path: Path) -> None:
    exported = json.loads((site / "catalog/registry.json").read_text(encoding="utf-8"))
    registry = load_registry(tmp_path, Config())
    assert exported == export_document(registry, today=BUILD_DATE)


def _nav_links(document: Element) -> list[str]:
    primary = [nav for nav in document.find_all("nav") if "md-nav--primary" in nav.classes()]
    return [a.attrs.get("href") or "" for a in primary[0].find_all("a", "md-nav__link")]


def test_only_the_catalog_home_is_in_the_navigation(site: Path) -> None:
    for url in ("", "catalog/", "catalog/decisions/0002-use-postgres/", "catalog/owners/arch/"):
        targets = {_resolve(site, url, href) for href in _nav_links(page(site, url))}
        assert targets == {site / "index.html", site / "catalog/index.html"}, url


def _resolve(site: Path, url_of_page: str, href: str) -> Path:
    folder = url_of_page if url_of_page.endswith("/") else posixpath.dirname(url_of_page) + "/"
    target = posixpath.normpath(folder + unquote(urlsplit(href).path))
    path = site / target.lstrip("/")
    return path / "index.html" if path.is_dir() else path


def _panel_value(document: Element, term: str) -> Element:
    """The value of ``term`` in the page's metadata panel."""
    panel = document.find_all("dl", "hinges-meta")[0]
    values = dict(zip(panel.find_all("dt"), panel.find_all("dd"), strict=True))
    return next(value for key, value in values.items() if key.text == term)


def test_a_decision_links_to_its_tenets_and_successor_and_back(site: Path) -> None:
    old_url = "catalog/decisions/0001-use-mysql/"
    old = page(site, old_url)
    banner = old.find_all("div", "hinges-banner")[0]
    [successor] = banner.find_all("a")
    new_path = _resolve(site, old_url, successor.attrs["href"] or "")
    assert new_path == site / "catalog/decisions/0002-use-postgres/index.html"
    new = parse_html(new_path.read_text(encoding="utf-8"))
    back = _panel_value(new, "Supersedes").find_all("a")[0]
    assert _resolve(site, "catalog/decisions/0002-use-postgres/", back.attrs["href"] or "") == (
        site / old_url / "index.html"
    )
    tenets = _panel_value(new, "Tenets").find_all("a")
    targets = [
        _resolve(site, "catalog/decisions/0002-use-postgres/", a.attrs["href"] or "")
        for a in tenets
    ]
    assert targets == [
        site / "catalog/tenets/T-001-reversible/index.html",
        site / "catalog/tenets/T-002-boring/index.html",
    ]
    tenet = parse_html(targets[0].read_text(encoding="utf-8"))
    # Grouped by status, in lifecycle order: ADR-0002 is accepted, ADR-0001 superseded.
    (groups,) = tenet.find_all("dl", "hinges-by-status")
    assert groups.text == (
        "accepted (1) ADR-0002 Use PostgreSQL for orders"
        " superseded (1) ADR-0001 Use MySQL for orders"
    )
    followers = [
        [item.text.split()[0] for item in listing.find_all("li")]
        for listing in groups.find_all("ul", "hinges-decision-list")
    ]
    assert followers == [["ADR-0002"], ["ADR-0001"]]


def test_every_link_of_every_catalog_page_resolves_under_a_sub_path(tmp_path: Path) -> None:
    site = build_site(
        write_registry(tmp_path), strict=True, site_url="https://intranet.example/teams/x/"
    )
    for html_file in (site / "catalog").rglob("*.html"):
        url = str(html_file.parent.relative_to(site)) + "/"
        text = html_file.read_text(encoding="utf-8")
        document = parse_html(text)
        articles = document.find_all("article")  # the page's content, not the theme's
        if not articles:  # a short link: a static redirect, no theme
            articles = document.find_all("body")
            assert '<meta http-equiv="refresh"' in text, url
        for element in articles[0].iter():
            for name in ("href", "src"):
                link = element.attrs.get(name)
                if not link or link.startswith("#"):
                    continue
                assert "://" not in link and not link.startswith("/"), (url, link)
                assert _resolve(site, url, link).exists(), (url, link)


def test_pages_without_directory_urls(tmp_path: Path) -> None:
    site = build_site(write_registry(tmp_path), strict=True, directory_urls=False)
    home = page(site, "catalog/index.html")
    first = home.by_id("hinges-catalog").find_all("a")[0]
    assert first.attrs["href"] == "decisions/0001-use-mysql.html"
    assert (site / "catalog/decisions/0001-use-mysql.html").is_file()


def _logged(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level and "hinges" in r.name]


def test_strict_build_fails_on_an_error_and_logs_it_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_registry(tmp_path)
    path = tmp_path / "decisions/0003-adopt-kafka.md"
    path.write_text(path.read_text().replace("door: two-way", "door: sideways"))
    with caplog.at_level(logging.INFO), pytest.raises(Abort, match="in strict mode"):
        build_site(tmp_path, strict=True)
    assert _logged(caplog, logging.ERROR) == [
        "hinges: decisions/0003-adopt-kafka.md:6:7: HG102 'door' must be one of one-way, "
        "two-way, not 'sideways'"
    ]


def test_strict_build_fails_on_warnings_only_when_asked(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """On LATE_DATE both reviews are overdue: a warning each, like `hinges check` says."""
    write_registry(tmp_path)
    options = {"build_date": LATE_DATE.isoformat()}
    advice = "review it and record what you found"
    advice += " (hinges review ID --outcome ... --note ...), or supersede it with a new decision"
    overdue = [
        "hinges: decisions/0002-use-postgres.md:12:12: HG501 review was due on 2026-09-01, "
        f"91 days ago; {advice}",
        "hinges: decisions/0004-feature-flags.md:10:12: HG501 review was due on 2026-06-15, "
        f"169 days ago; {advice}",
    ]
    with caplog.at_level(logging.INFO):
        site = build_site(tmp_path, strict=True, options=options)  # as `hinges check`: exit 0
    assert _logged(caplog, logging.WARNING) == []
    assert [line for line in _logged(caplog, logging.INFO) if "HG501" in line] == [
        f"{line} (warning)" for line in overdue
    ]
    rows = page(site, "catalog/review/").find_all("tr")
    assert [row.find_all("td")[0].text for row in rows[1:]] == ["ADR-0004", "ADR-0002"]
    caplog.clear()
    strict = {**options, "fail_on_warnings": True}
    with caplog.at_level(logging.INFO), pytest.raises(Abort, match="2 warnings in strict mode"):
        build_site(tmp_path, strict=True, options=strict)
    assert _logged(caplog, logging.WARNING) == overdue


def test_validate_false_skips_the_checks(tmp_path: Path) -> None:
    write_registry(tmp_path)
    path = tmp_path / "decisions/0003-adopt-kafka.md"
    path.write_text(path.read_text().replace("door: two-way", "door: sideways"))
    site = build_site(tmp_path, strict=True, options={"validate": False})
    assert (site / "catalog/decisions/0003-adopt-kafka/index.html").is_file()


URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})


def _assert_inert(document: Element, where: str) -> None:
    for element in document.iter():
        if element.tag == "script":
            assert "alert" not in element.text, where
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (where, name)
            if name in URL_ATTRIBUTES:
                assert "javascript:" not in (value or "").lower().replace(" ", ""), (where, value)


def test_hostile_title_and_owner_come_out_as_inert_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_registry(tmp_path, {"decisions/0005-hostile.md": HOSTILE})
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path)  # not strict: the owner is a finding, the page still renders
    assert any("decisions/0005-hostile.md:" in r.getMessage() for r in caplog.records)
    for html_file in site.rglob("*.html"):
        _assert_inert(parse_html(html_file.read_text(encoding="utf-8")), str(html_file))
    hostile = page(site, "catalog/decisions/0005-hostile/")
    title = hostile.find_all("title")[0]
    assert title.text == "ADR-0005 </title><script>alert(1)</script> - Test registry"
    owner = _panel_value(hostile, "Owner").find_all("a")[0]
    assert owner.text == "javascript:alert(1)"
    assert owner.attrs["href"] == "../../owners/javascript-alert-1-/"
    row = page(site, "catalog/").by_id("hinges-catalog").find_all("tr")[5]
    cells = [cell.text for cell in row.find_all("td")]
    assert cells[1] == "</title><script>alert(1)</script>"
    assert cells[4] == "javascript:alert(1)"
    assert row.find_all("a")[1].attrs["href"] == "owners/javascript-alert-1-/"


def test_a_file_in_the_way_of_the_catalog_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_registry(tmp_path)
    (tmp_path / "docs/catalog").mkdir(parents=True)
    (tmp_path / "docs/catalog/index.md").write_text("# Mine\n")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path)
    # mkdocs logs the plugin's error and aborts; the user's page is left as it was.
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        f"hinges: {tmp_path / 'docs'}/catalog/index.md "
        "is in the way of the catalog; move it or set the plugin's 'path' option"
    ]
    assert (tmp_path / "docs/catalog/index.md").read_text() == "# Mine\n"


def test_mkdocs_cli_strict_build(tmp_path: Path) -> None:
    """The command users run: exit 0 on a clean registry, 1 with the finding on stderr."""
    config_file = write_site_config(write_registry(tmp_path))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file)]
    clean = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    (tmp_path / "decisions/0002-use-postgres.md").write_text(
        (tmp_path / "decisions/0002-use-postgres.md")
        .read_text()
        .replace('owner: "@payments"\n', "")
    )
    broken = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert broken.returncode == 1
    assert "hinges: decisions/0002-use-postgres.md:" in broken.stderr
    assert "HG" in broken.stderr and "owner" in broken.stderr


def test_theme_fonts_are_reported_because_they_leave_the_machine(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_site_config(write_registry(tmp_path))
    config_file.write_text(config_file.read_text().replace("font: false", "font: {text: Roboto}"))
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="1 warnings"):
        build(load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True))
    assert [m.split(":")[:2] for m in _logged(caplog, logging.WARNING)] == [
        ["hinges", " theme.font is not false"]
    ]


def test_disabled_plugin_adds_nothing(tmp_path: Path) -> None:
    write_registry(tmp_path)
    config_file = write_site_config(tmp_path, options={"enabled": False})
    config_file.write_text(config_file.read_text().replace("- Catalog: catalog/index.md\n", ""))
    (tmp_path / "docs/index.md").write_text("# Home\n")
    site = tmp_path / "site"
    build(load_config(str(config_file), site_dir=str(site), strict=True))
    assert (site / "index.html").is_file()
    assert not (site / "catalog").exists()


def test_root_option_points_at_a_registry_elsewhere(tmp_path: Path) -> None:
    write_registry(tmp_path / "registry")
    (tmp_path / "site-project").mkdir()
    site = build_site(tmp_path / "site-project", strict=True, options={"root": "../registry"})
    assert (site / "catalog/decisions/0002-use-postgres/index.html").is_file()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"build_date": "June 1st"}, "expected a date as YYYY-MM-DD, got 'June 1st'"),
        ({"path": "../up"}, "expected a folder name such as 'catalog'"),
        ({"root": "missing"}, "isn't an existing directory"),
    ],
)
def test_bad_options_are_configuration_errors(
    tmp_path: Path, options: dict[str, Any], message: str, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_site_config(write_registry(tmp_path), options=options)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match="configuration error"):
        load_config(str(config_file))
    (logged,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert logged.startswith("Config value 'plugins': Plugin 'hinges' option"), logged
    assert message in logged


def test_a_missing_registry_is_a_clear_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "project").mkdir()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match="BuildError"):
        build_site(tmp_path / "project")
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        f"hinges: no registry at {tmp_path / 'project'}: decisions/ does not exist; set the "
        "plugin's 'root' option to the folder of decisions/ and tenets/"
    ]
