"""What decision and tenet pages share: the body split around its title heading."""

from __future__ import annotations

import re

from hinges.markdown import collapse, parse_outline
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import md_inline

_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


def split_title(body: str) -> tuple[str, str]:
    """(the body's leading H1 with what precedes it, the rest); ("", body) if none leads.

    The metadata panel goes between the two, so it sits under the record's own title
    while the body reaches MkDocs exactly as written.
    """
    lines = body.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if _ATX_H1.match(line):
            return "".join(lines[: index + 1]), "".join(lines[index + 1 :])
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _SETEXT_H1.match(following):
            return "".join(lines[: index + 2]), "".join(lines[index + 2 :])
        break
    return "", body


def record_page(
    title: str, body: str, panel: tuple[Html, ...], after: tuple[str | Html, ...] = ()
) -> PageContent:
    """Title heading, panel, the rest of the body as written, then ``after``.

    The body is trusted as repository content (ADR-0012), but an H1 that says the title
    (as HG801 asks of every record) is the title, a front-matter value: it is written from
    ``title`` as inert text, as a missing H1 is. Written as it stood, "Adopt Option<T>"
    lost "<T>" to the HTML parser, and a title holding markup ran as markup on the page
    while the navigation and every list showed it as text.
    """
    heading, rest = split_title(body)
    if not heading or _says(heading, title):
        heading = f"# {md_inline(title)}\n"
    return page(heading.rstrip("\n"), *panel, rest.strip("\n"), *after)


def _says(heading: str, title: str) -> bool:
    """Whether the ATX H1 in ``heading`` says ``title``, as HG801 compares them."""
    h1 = parse_outline(heading).first(1)
    return h1 is not None and collapse(h1.text) == collapse(title)
