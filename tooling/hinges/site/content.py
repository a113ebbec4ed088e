"""A page as Markdown text and raw HTML blocks, kept apart until the last moment.

The catalog's tables hold thousands of rows. Given to Markdown as raw HTML, every block
would be parsed by Python-Markdown's HTML preprocessor and again by the search plugin,
which is most of the cost of a large catalog. The plugin therefore hands MkDocs the
Markdown with a marker comment in place of each block (:meth:`PageContent.deferred`) and
puts the blocks back into the finished page. :meth:`PageContent.markdown` is the same page
as one ordinary Markdown document (blocks inline), for tests and other tools.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Html:
    """A raw HTML block: already escaped, no blank lines."""

    text: str


def marker(index: int) -> str:
    return f"<!-- hinges-block-{index} -->"


@dataclass(frozen=True)
class PageContent:
    parts: tuple[str | Html, ...]
    """Markdown paragraphs and HTML blocks, in page order (empty strings are dropped)."""

    def markdown(self) -> str:
        """The page as one Markdown document, HTML blocks inline."""
        texts = (part.text if isinstance(part, Html) else part for part in self.parts)
        return "\n\n".join(text for text in texts if text) + "\n"

    def deferred(self) -> tuple[str, list[str]]:
        """The Markdown with a marker comment for each HTML block, and the blocks in order."""
        blocks: list[str] = []
        texts: list[str] = []
        for part in self.parts:
            if isinstance(part, Html):
                texts.append(marker(len(blocks)))
                blocks.append(part.text)
            elif part:
                texts.append(part)
        return "\n\n".join(texts) + "\n", blocks


def page(*parts: str | Html) -> PageContent:
    return PageContent(tuple(part for part in parts if part != "" and part != Html("")))


def fill_blocks(html: str, blocks: list[str]) -> str:
    """Put the blocks back in place of their markers (each marker once, in order)."""
    pieces: list[str] = []
    position = 0
    for index, block in enumerate(blocks):
        found = html.find(marker(index), position)
        if found < 0:
            raise ValueError(f"marker of block {index} is missing from the rendered page")
        pieces += [html[position:found], block]
        position = found + len(marker(index))
    pieces.append(html[position:])
    return "".join(pieces)
