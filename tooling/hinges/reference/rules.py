"""The rules reference, from the rule modules' docstrings."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hinges.reference._common import GENERATED_NOTE, cell
from hinges.rules import RuleInfo, all_rules

# "Passing:", or with a qualifier: "Failing (checked on 2026-11-26):".
_EXAMPLE_LABEL = re.compile(r"^([A-Z][A-Za-z ]*(?: \(.*\))?):$")


@dataclass(frozen=True)
class Example:
    label: str
    code: str

    @property
    def kind(self) -> str:
        """The label without its qualifier: ``Passing`` or ``Failing``."""
        return self.label.split(" (", 1)[0]


@dataclass(frozen=True)
class RuleDoc:
    """A rule docstring taken apart: summary line, prose paragraphs and labelled examples."""

    summary: str
    parts: tuple[str | Example, ...]

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(part for part in self.parts if isinstance(part, Example))


def parse_rule_doc(doc: str) -> RuleDoc:
    """Split a docstring; a ``Label:`` line followed by an indented block is an example."""
    lines = inspect.cleandoc(doc).splitlines() or [""]
    rest = lines[1:]
    parts: list[str | Example] = []
    prose: list[str] = []
    index = 0
    while index < len(rest):
        line = rest[index]
        label = _EXAMPLE_LABEL.match(line)
        following = next((later for later in rest[index + 1 :] if later.strip()), "")
        if label is None or not following.startswith((" ", "\t")):
            prose.append(line)
            index += 1
            continue
        parts.extend(_paragraphs(prose))
        prose = []
        index += 1
        block: list[str] = []
        while index < len(rest) and (not rest[index].strip() or rest[index][0] in " \t"):
            block.append(rest[index])
            index += 1
        code = inspect.cleandoc("\n".join(block))
        parts.append(Example(label.group(1), code))
    parts.extend(_paragraphs(prose))
    return RuleDoc(lines[0].strip(), tuple(parts))


def _paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(lines).strip()
    return [paragraph.strip() for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()]


def _code_language(code: str) -> str:
    if not code.startswith("---"):
        return "text"
    body = code.split("\n---", 1)[1:] or [""]
    return "markdown" if body[0].strip() else "yaml"


def rule_anchor(info: RuleInfo) -> str:
    """The anchor MkDocs gives the rule's heading ``HG101 missing-key``."""
    return f"{info.code}-{info.slug}".lower()


def rules_table(rules: Iterable[RuleInfo]) -> str:
    """A plain-text table of code, slug, default severity and summary (``hinges rules``)."""
    rows = [("CODE", "SLUG", "SEVERITY", "SUMMARY")]
    rows += [(i.code, i.slug, i.rule.severity.value, parse_rule_doc(i.doc).summary) for i in rules]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["  ".join(cell.ljust(widths[n]) for n, cell in enumerate(row[:3])) for row in rows]
    return "\n".join(f"{line}  {row[3]}".rstrip() for line, row in zip(lines, rows, strict=True))


def rules_markdown(rules: Sequence[RuleInfo] | None = None) -> str:
    """The rules reference page."""
    rules = all_rules() if rules is None else rules
    out = [
        "# Rules",
        "",
        "Every finding names the rule that produced it. This page is generated from the rule",
        "modules' docstrings in `tooling/hinges/rules/`.",
        GENERATED_NOTE,
        "",
        "A rule's severity can be changed, or the rule turned off, by code or slug in the",
        "[configuration](configuration.md#severity). `error` fails `hinges check`; `warning`",
        "fails it under `--strict`; `info` never fails it.",
        "",
        "| Code | Slug | Severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    docs = [(info, parse_rule_doc(info.doc)) for info in rules]
    for info, doc in docs:
        out.append(
            f"| [{info.code}](#{rule_anchor(info)}) | `{info.slug}` "
            f"| {info.rule.severity.value} | {cell(doc.summary)} |"
        )
    for info, doc in docs:
        out += ["", f"## {info.code} {info.slug}", "", f"**{doc.summary}**", ""]
        out += [f"Default severity: **{info.rule.severity.value}**."]
        for part in doc.parts:
            if isinstance(part, Example):
                language = _code_language(part.code)
                out += ["", f"{part.label}:", "", f"```{language}", part.code, "```"]
            else:
                out += ["", part]
    return "\n".join(out) + "\n"
