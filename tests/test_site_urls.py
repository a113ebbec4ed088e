"""Page names, relative links, owner slugs and inert Markdown text of the catalog."""

from __future__ import annotations

import posixpath

import pytest

from hinges.site.content import Html, fill_blocks, page
from hinges.site.markup import esc, md_inline
from hinges.site.record_page import split_title
from hinges.site.urls import CatalogLayout, owner_slug


@pytest.mark.parametrize(
    ("handle", "slug"),
    [
        ("@payments", "payments"),
        ("@Payments/Platform", "payments-platform"),
        ("alice", "alice"),
        ("javascript:alert(1)", "javascript-alert-1-"),
        ("../../etc", "------etc"),
        ("@", "unnamed"),
    ],
)
def test_owner_slug(handle: str, slug: str) -> None:
    assert owner_slug(handle) == slug


@pytest.mark.parametrize(
    ("directory_urls", "src_uri", "url"),
    [
        (True, "catalog/index.md", "catalog/"),
        (True, "catalog/decisions/0001-x.md", "catalog/decisions/0001-x/"),
        (True, "catalog/registry.json", "catalog/registry.json"),
        (True, "index.md", ""),
        (False, "catalog/index.md", "catalog/index.html"),
        (False, "catalog/decisions/0001-x.md", "catalog/decisions/0001-x.html"),
    ],
)
def test_urls_follow_mkdocs(directory_urls: bool, src_uri: str, url: str) -> None:
    assert CatalogLayout(directory_urls=directory_urls).url(src_uri) == url


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("prefix", ["catalog", "governance/decisions"])
def test_links_resolve_to_their_target_from_any_page(directory_urls: bool, prefix: str) -> None:
    """Resolving each href against the page's URL, as a browser does, reaches the target."""
    layout = CatalogLayout(prefix, directory_urls)
    sources = [
        layout.home,
        layout.tenets_index,
        layout.page("matrix"),
        f"{prefix}/decisions/0001-a b#c.md",
        layout.owner("payments"),
        "index.md",
        "guide/deep/page.md",
    ]
    targets = [*sources, layout.registry_json, layout.asset("catalog.js")]
    for source in sources:
        base = "/site/sub/" + layout.url(source)
        linker = layout.linker(source)
        for target in targets:
            href = linker.href(target)
            assert ":" not in href and not href.startswith("/")
            folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
            resolved = posixpath.normpath(folder + href.replace("%20", " ").replace("%23", "#"))
            expected = posixpath.normpath("/site/sub/" + layout.url(target))
            assert resolved == expected, (source, target, href)


def test_links_inside_the_catalog_stay_short() -> None:
    layout = CatalogLayout()
    assert layout.linker(layout.home).href(layout.page("review")) == "review/"
    assert layout.linker(layout.page("review")).href(layout.home) == "../"
    decision = "catalog/decisions/0001-x.md"
    assert layout.linker(decision).href(layout.owner("a")) == "../../owners/a/"
    assert layout.linker("index.md").href(layout.home) == "catalog/"


def test_markdown_text_is_inert() -> None:
    assert md_inline("*a* [b](javascript:c) <i>d</i> & it's #1\n\n- x") == (
        "\\*a\\* \\[b\\]\\(javascript:c\\) &lt;i&gt;d&lt;/i&gt; &amp; it&#x27;s \\#1 \\- x"
    )


def test_html_text_is_escaped_on_one_line() -> None:
    assert esc('"x"\n\n<y>') == "&quot;x&quot; &lt;y&gt;"


@pytest.mark.parametrize(
    ("body", "heading", "rest"),
    [
        ("# Title\n\ntext\n", "# Title\n", "\ntext\n"),
        ("\n\n#\tTitle\ntext", "\n\n#\tTitle\n", "text"),
        ("Title\n=====\n\ntext\n", "Title\n=====\n", "\ntext\n"),
        ("## Not a title\n", "", "## Not a title\n"),
        ("#hashtag\n", "", "#hashtag\n"),
        ("text\n# Late\n", "", "text\n# Late\n"),
        ("", "", ""),
    ],
)
def test_split_title(body: str, heading: str, rest: str) -> None:
    assert split_title(body) == (heading, rest)


def test_html_blocks_are_deferred_and_put_back_in_order() -> None:
    content = page("# Title", Html("<table>1</table>"), "", "Text.", Html("<ul>2</ul>"))
    assert content.markdown() == "# Title\n\n<table>1</table>\n\nText.\n\n<ul>2</ul>\n"
    markdown, blocks = content.deferred()
    assert markdown == ("# Title\n\n<!-- hinges-block-0 -->\n\nText.\n\n<!-- hinges-block-1 -->\n")
    rendered = "<h1>Title</h1>\n<!-- hinges-block-0 -->\n<p>Text.</p>\n<!-- hinges-block-1 -->"
    assert fill_blocks(rendered, blocks) == (
        "<h1>Title</h1>\n<table>1</table>\n<p>Text.</p>\n<ul>2</ul>"
    )
    with pytest.raises(ValueError, match="marker of block 1 is missing"):
        fill_blocks("<!-- hinges-block-0 -->", blocks)
