"""Templates a team configures (the ``templates`` setting), read into placeholders (not a rule).

In a configured template, a placeholder is every text line of three words or more, every
line or heading holding a bracketed placeholder (``{title of option 1}``, ``<name>``), and
front-matter values that are prose or bracketed (``date: {YYYY-MM-DD}``), but not short
values such as ``status: proposed`` that a real record keeps. Headings without brackets
are structure; HTML comments are left alone (they do not show, and many teams keep a
template's ``<!-- optional -->`` notes). A template is read like a record: a regular file
whose real path is inside the registry root, no larger than ``max_file_bytes``, UTF-8.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from hinges import frontmatter
from hinges.loader import Registry
from hinges.markdown import parse_outline
from hinges.rules._templates import TemplateText, builtin_text, key

_COMMENT = re.compile(r"^<!--.*-->$")
# Bounded, so a long line costs linear time: {placeholder}, <placeholder>, [placeholder]
# (but not a link or a reference); one with a letter inside (not a "[ ]" task box).
_BRACKETED = re.compile(r"\{[^{}\n]{1,200}\}|<[^<>\n]{1,200}>|\[[^\[\]\n]{1,200}\](?![(\[])")
_KEY_VALUE = re.compile(r"^(?:#[ \t]*)?([A-Za-z_][A-Za-z0-9_-]*):(.*)$")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _bracketed(text: str) -> bool:
    return any(_WORD.search(match[0]) for match in _BRACKETED.finditer(text))


def _is_placeholder_value(value: str) -> bool:
    return _bracketed(value) or len(_WORD.findall(value)) >= 3


def _unquoted(value: str) -> str:
    if value[:1] in "\"'":
        end = value.find(value[0], 1)
        return value[1:end] if end > 0 else value[1:]
    return value.split(" #", 1)[0].strip()


def parse_template(source: str, name: str) -> TemplateText:
    """The placeholders of a template file's text, named ``template name`` in findings."""
    template = f"template {name}"
    text = TemplateText()
    framed = frontmatter.split(source)
    body = source
    if isinstance(framed, frontmatter.Framed):
        body = framed.body
        for line in framed.front_matter.splitlines():
            match = _KEY_VALUE.match(line.strip())
            value = _unquoted(match[2].strip()) if match else ""
            if match and _is_placeholder_value(value):
                text.values.setdefault(match[1], {}).setdefault(key(value), template)
    outline = parse_outline(body)
    headings = {heading.line: heading.text for heading in outline.headings}
    paragraph: list[str] = []
    for number, line in enumerate([*outline.lines, ""], start=1):
        stripped = line.strip()
        heading = headings.get(number)
        if heading is not None or not stripped or _COMMENT.match(stripped):
            joined = " ".join(paragraph)
            if len(paragraph) > 1 and _is_placeholder_value(joined):
                text.paragraphs.setdefault(key(joined), template)
            paragraph = []
            if heading is not None and _bracketed(heading):
                text.headings.setdefault(key(heading), template)
            continue
        paragraph.append(stripped)
        if _is_placeholder_value(stripped):
            text.lines.setdefault(key(stripped), template)
    return text


# A configured template as read: its name, path and (mtime, size), or what is wrong with it.
_Source = tuple[str, Path, tuple[int, int], str | None]


@lru_cache(maxsize=64)
def _configured(path: Path, name: str, stamp: tuple[int, int], limit: int) -> TemplateText:
    """A configured template's placeholders, read again only when the file changes."""
    if stamp[1] > limit:  # (mtime, size): the mtime is there to read a changed file again
        return TemplateText(problems=[(name, f"larger than max_file_bytes ({limit})")])
    decoded = frontmatter.decode(path.read_bytes())
    if isinstance(decoded, frontmatter.FramingProblem):
        return TemplateText(problems=[(name, f"{decoded.message}, so it is not read")])
    return parse_template(decoded, name)


def _source(root: Path, name: str) -> _Source:
    """Where a configured template is, or why it cannot be read (like a record: a regular
    file whose real path is inside the registry root)."""
    path = root / name
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(root):
            return (name, path, (0, 0), "it leads outside the registry root")
        status = real.stat()
        if not real.is_file():
            return (name, path, (0, 0), "not a regular file")
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        missing = isinstance(error, FileNotFoundError)
        return (name, path, (0, 0), "no such file" if missing else "not readable")
    return (name, real, (status.st_mtime_ns, status.st_size), None)


@lru_cache(maxsize=16)
def _merged(sources: tuple[_Source, ...], limit: int) -> TemplateText:
    """hinges' placeholders and the configured templates', one object for every rule."""
    text = TemplateText()
    text.merge(builtin_text())
    for name, path, stamp, problem in sources:
        if problem is not None:
            text.problems.append((name, f"{problem}; fix 'templates' in the configuration"))
            continue
        try:
            text.merge(_configured(path, name, stamp, limit))
        except OSError:
            text.problems.append((name, "not readable; fix 'templates' in the configuration"))
    return text


def template_text(registry: Registry) -> TemplateText:
    """The placeholders of hinges' templates and of the registry's configured ones."""
    configured = registry.config.templates
    if not configured:
        return builtin_text()
    root = registry.root.resolve()
    sources = tuple(_source(root, name) for name in configured)
    return _merged(sources, registry.config.max_file_bytes)
