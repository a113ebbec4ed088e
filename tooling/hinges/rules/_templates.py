"""Text left in a record from a template, found by comparing with the templates (not a rule).

The placeholders come from the templates themselves, never from a list kept beside them:
hinges' own (:mod:`hinges.template_prompts`, the text ``hinges new`` and ``hinges tenet
new`` write) and the files named by the ``templates`` setting
(:mod:`hinges.rules._template_files`). Structure a real record keeps (the section
headings) is not a placeholder; every prompt line of hinges' templates, the option
template (heading included) and the example ``exit_path`` of its commented-out
front-matter line are (not the example deciders: an ``@alice`` and a ``@bob`` are real
people in many teams).

Lines are compared with runs of whitespace made one, case, list markers and numbers
ignored (``### Option 3: name it`` is the option template), and whole paragraphs too, so a
prompt rewrapped onto one line is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from hinges import template_prompts
from hinges.markdown import parse_outline
from hinges.records import Record
from hinges.rules._body import file_line, outline_of
from hinges.visible import quoted

_WHITESPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"[0-9]+")
_LIST_MARKER = re.compile(r"^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+")
_CACHE_KEY = "template_placeholders"


def key(text: str) -> str:
    """What two lines are compared by: spacing, case, a list marker and numbers ignored."""
    text = _LIST_MARKER.sub("", _WHITESPACE.sub(" ", text).strip())
    # lower(), not casefold(): the same case rule as the (?i) search in `starts`
    return _NUMBER.sub("0", text.lower())


@dataclass(frozen=True, slots=True)
class Placeholder:
    """Template text in a record: its file line, the text there, and which template it is from."""

    line: int
    text: str
    template: str


@dataclass
class TemplateText:
    """Every placeholder of a set of templates, by :func:`key`, each naming its template."""

    lines: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, str] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    """Front-matter key -> placeholder value (by :func:`key`) -> template."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """Configured templates that could not be read: (path, what is wrong)."""

    def merge(self, other: TemplateText) -> None:
        for mine, theirs in (
            (self.lines, other.lines),
            (self.paragraphs, other.paragraphs),
            (self.headings, other.headings),
        ):
            for text, template in theirs.items():
                mine.setdefault(text, template)
        for name, values in other.values.items():
            for value, template in values.items():
                self.values.setdefault(name, {}).setdefault(value, template)
        self.problems.extend(other.problems)

    def add_prose(self, prose: str, template: str) -> None:
        """A prompt: each of its lines, and the whole of it as one paragraph."""
        for line in prose.splitlines():
            if line.strip():
                self.lines.setdefault(key(line), template)
        self.paragraphs.setdefault(key(prose), template)

    @cached_property
    def starts(self) -> re.Pattern[str] | None:
        """Where a placeholder can begin: a line starting with the first word of one.

        A cheap test that rules most records out in one pass of the regular expression
        engine (the literal newline lets it skip from line to line), so the line-by-line
        comparison runs only on the few records that may hold template text. Searched in
        the body with a newline put in front.
        """
        keys = [*self.lines, *self.paragraphs, *self.headings]
        words = sorted({k.split(" ", 1)[0] for k in keys if k}, key=len, reverse=True)
        if not words:
            return None
        alternatives = "|".join(re.escape(word).replace("0", "[0-9]+") for word in words)
        return re.compile(
            r"\n[^\S\n]*(?:#{1,6}[ \t]+)?(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?"
            rf"(?i:{alternatives})(?!\S)"
        )

    def is_placeholder_heading(self, text: str) -> bool:
        return key(text) in self.headings

    def is_placeholder_line(self, text: str) -> bool:
        return key(text) in self.lines


@cache
def builtin_text() -> TemplateText:
    """The placeholders of hinges' own templates."""
    prompts = template_prompts
    text = TemplateText()
    for door, guidance in (
        ("one-way", prompts.ONE_WAY_GUIDANCE),
        ("two-way", prompts.TWO_WAY_GUIDANCE),
    ):
        for prompt in guidance.values():
            text.add_prose(prompt, f"hinges' {door} template")
    text.add_prose(prompts.REQUIRED_SECTION_PROMPT, "hinges' template")
    option = parse_outline(prompts.OPTION_TEMPLATE.format(n=1))
    for number, line in enumerate(option.lines, start=1):
        heading = next((h for h in option.headings if h.line == number), None)
        if heading is not None:
            text.headings[key(heading.text)] = "hinges' one-way template"
        elif line.strip():
            text.add_prose(line, "hinges' one-way template")
    for prompt in (prompts.TENET_STATEMENT, prompts.TENET_RATIONALE, prompts.TENET_TENSION):
        text.add_prose(prompt, "hinges' tenet template")
    text.values["exit_path"] = {key(prompts.EXIT_PATH_PROMPT): "hinges' template"}
    # Not the example deciders: "@alice" and "@bob" are real people in many teams.
    return text


def placeholders_in(record: Record, text: TemplateText) -> list[Placeholder]:
    """Every placeholder left in ``record``, in file order."""
    cached = record.extra.get(_CACHE_KEY)
    if cached is not None and cached[0] is text:
        return list(cached[1])
    found: list[Placeholder] = []
    for name, values in text.values.items():
        value = record.values.get(name)
        shown = ", ".join(value) if isinstance(value, list) else value
        if isinstance(shown, str) and key(shown) in values:
            found.append(Placeholder(record.where(name)[0], f"{name}: {shown}", values[key(shown)]))
    starts = text.starts
    if starts is not None and starts.search("\n" + record.body):
        _body_placeholders(record, text, found)
    found.sort(key=lambda placeholder: placeholder.line)
    record.extra[_CACHE_KEY] = (text, tuple(found))
    return found


def _body_placeholders(record: Record, text: TemplateText, found: list[Placeholder]) -> None:
    outline = outline_of(record)
    heading_lines = {heading.line: heading for heading in outline.headings}
    paragraph: list[tuple[int, str]] = []
    for number, line in enumerate([*outline.lines, ""], start=1):
        stripped = line.strip()
        heading = heading_lines.get(number)
        if heading is not None or not stripped or number in outline.code_lines:
            _paragraph(record, text, paragraph, found)
            paragraph = []
            if heading is not None and key(heading.text) in text.headings:
                template = text.headings[key(heading.text)]
                found.append(Placeholder(file_line(record, number), stripped, template))
            continue
        paragraph.append((number, stripped))
        if key(stripped) in text.lines:
            template = text.lines[key(stripped)]
            found.append(Placeholder(file_line(record, number), stripped, template))


def _paragraph(
    record: Record, text: TemplateText, lines: list[tuple[int, str]], found: list[Placeholder]
) -> None:
    """A paragraph that is a whole prompt rewrapped, unless one of its lines was found."""
    if not lines:
        return
    joined = key(" ".join(line for _, line in lines))
    if joined in text.paragraphs:
        first = file_line(record, lines[0][0])
        if not any(first <= p.line < first + len(lines) for p in found):
            found.append(Placeholder(first, lines[0][1], text.paragraphs[joined]))


def one_line(text: str) -> str:
    """``text`` on one line, cut and quoted for a message (never inside a character)."""
    return quoted(_WHITESPACE.sub(" ", text).strip(), 60)


def describe(found: list[Placeholder]) -> str:
    """The placeholders as a message: the first quoted, the lines of the others."""
    first = found[0]
    message = f"{one_line(first.text)} is text left from {first.template}"
    others = sorted({p.line for p in found[1:]} - {first.line})
    if others:
        shown = ", ".join(str(line) for line in others[:8])
        more = f" and {len(others) - 8} more" if len(others) > 8 else ""
        message += f" (more at line{'s' if len(others) > 1 else ''} {shown}{more})"
    return message
