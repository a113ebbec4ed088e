"""Turn the Passing/Failing examples of a rule's docstring into a registry on disk.

The examples are written for readers, so they come in a few shapes; every shape below is
understood, and an example in any other shape fails its test (write it in one of these):

- whole front matter between ``---`` fences, optionally followed by a body: the file's
  text as written (a body is added when there is none);
- ``key: value`` lines without fences: those values over a complete valid record; a key
  followed by indented lines (a block list or mapping) takes those lines as its value;
- either of the above after a ``# decisions/NNNN-slug.md`` (or ``# tenets/...``) line,
  which names the file; several such sections are several files. ``# PATH exists`` adds a
  complete record at PATH, and other ``#`` lines are remarks;
- after a ``# PATH`` line naming a file outside the record folders (``# services/x.py``),
  that file's text exactly as written, ``#`` lines included (code for guards and ids);
- a body alone (starting with ``# Title``): a complete front matter above it;
- lines starting with a path, each a file: a complete record, with ``key: value`` pairs
  after the path (separated by two or more spaces), or ``-> TARGET`` (a symlink), or one of
  ``(a FIFO)``, ``(a regular file)``; and ``git mv OLD NEW``, ``git rm PATH`` lines.

Where a record's file or id is not given, the other is derived from it (``ADR-0042`` lives
in ``decisions/0042-example.md``). Label qualifiers set the scene: ``(checked on DATE)``,
``(CODEOWNERS: `...`)``, ``(saved as Latin-1...)``, and for the rules that compare with the
base branch ``(the base has `PATH`)``, ``(at the base `key: value`, ...)`` (the value, in flow
style where it is a list, replaces the key's whole value) and ``(added in this pull request)``;
for the rules on qualified ids ``(source `NAME` synced, holding ID, ...)`` and ``(source
`NAME` configured, never synced)``, which write the configuration and the cache.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

TODAY = dt.date(2026, 11, 26)
_PATH = re.compile(r"^((?:decisions|tenets)/[^\s]+\.md)")
_PATH_REMARK = re.compile(r"^# ((?:decisions|tenets)/[^\s]+\.md)(?:\s+(exists))?\s*$")
# A file of code: a relative path with a folder and an extension (no spaces), alone on the line.
_CODE_REMARK = re.compile(r"^# ((?!decisions/|tenets/)[\w.-]+(?:/[\w.-]+)*\.\w+)\s*$")
_KEY_LINE = re.compile(r"^[a-z_]+:")
_NUMBER = re.compile(r"^(?:T-)?(\d+)-")
_ID_LINE = re.compile(r"^id:\s*(\S+)", re.MULTILINE)
_QUALIFIER_VALUE = re.compile(r"`([^`]*)`")
_SECTIONS = "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nWhat follows.\n"


class UnsupportedExample(Exception):
    """The example is in no shape the collector understands."""


@dataclass
class Scene:
    """What an example describes: files now, files at the base, and the day of the check."""

    files: dict[str, bytes | str] = field(default_factory=dict)
    """Path -> content; a ``str`` starting with ``->`` is a symlink, ``"FIFO"`` a FIFO."""
    base: dict[str, bytes] | None = None
    today: dt.date = TODAY
    extra: dict[str, str] = field(default_factory=dict)


def _id_for(path: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    match = _NUMBER.match(name)
    if match is None:
        return None
    number = int(match[1])
    return f"T-{number:03d}" if path.startswith("tenets/") else f"ADR-{number:04d}"


def _path_for(record_id: str | None) -> str:
    if record_id and record_id.startswith("T-") and record_id[2:].isdigit():
        return f"tenets/T-{int(record_id[2:]):03d}-example.md"
    if record_id and "-" in record_id and record_id.rsplit("-", 1)[1].isdigit():
        return f"decisions/{int(record_id.rsplit('-', 1)[1]):04d}-example.md"
    return "decisions/0001-example.md"


def _title(path: str) -> str:
    slug = re.sub(r"^(?:T-)?\d+-", "", path.rsplit("/", 1)[-1].removesuffix(".md"))
    return slug.replace("-", " ").replace("_", " ").capitalize() or "Example"


def complete(path: str, values: dict[str, str]) -> str:
    """A valid record at ``path`` (accepted two-way decision, or active tenet) with ``values``."""
    record_id = _id_for(path) or ("T-999" if path.startswith("tenets/") else "ADR-9999")
    front: dict[str, str] = {"id": record_id, "title": _title(path)}
    if path.startswith("tenets/"):
        front.update(status="active", owner='"@arch"', priority=str(int(record_id[2:])))
    else:
        front.update(
            status="accepted",
            date="2026-01-10",
            door="two-way",
            owner='"@payments"',
            exit_path="Revert the change; about a day of work.",
        )
    front.update(values)
    title = front["title"].strip("\"'")
    body = f"# {title}\n" if path.startswith("tenets/") else f"# {title}\n\n{_SECTIONS}"
    # A block value (from ``_pairs``) starts with its newline: no space after the colon.
    lines = "".join(f"{k}:{v}\n" if v.startswith("\n") else f"{k}: {v}\n" for k, v in front.items())
    return "---\n" + lines + "---\n" + body


def _pairs(text: str) -> dict[str, str]:
    """Key -> value; an indented line continues the key above it (its value is then a block,
    kept as written after a newline)."""
    pairs: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line[0] in " \t" and key:
            pairs[key] = pairs[key] + "\n" + line.rstrip()
            continue
        key, _, value = line.partition(":")
        key = key.strip()
        pairs[key] = value.strip()
    return pairs


def _is_keys(text: str) -> bool:
    """``key: value`` lines, where a key may be followed by the indented lines of its block."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(
        _KEY_LINE.match(line) or (index > 0 and line[0] in " \t")
        for index, line in enumerate(lines)
    )


def _raw(path: str | None, text: str) -> tuple[str, str]:
    """A fenced example as a file: its path, and its text with a body when it has none."""
    found = _ID_LINE.search(text)
    path = path or _path_for(found[1] if found else None)
    lines = text.splitlines()
    closing = next((i for i, line in enumerate(lines[1:], 1) if line == "---"), None)
    if closing is not None and not "\n".join(lines[closing + 1 :]).strip():
        title = re.search(r"^title:\s*(.+)$", text, re.MULTILINE)
        heading = title[1].strip("\"'") if title else _title(path)
        text = "\n".join(lines[: closing + 1]) + f"\n# {heading}\n\n{_SECTIONS}"
    return path, text + ("" if text.endswith("\n") else "\n")


def _sections(code: str) -> list[tuple[str | None, bool, str]]:
    """(path, exists, text) of each ``# PATH`` section; the first may have no path."""
    sections: list[tuple[str | None, bool, str]] = []
    path: str | None = None
    exists = False
    lines: list[str] = []
    # With fences or keys, a "# ..." line is a remark; without, it is a body's heading.
    described = "---" in code.splitlines() or any(_KEY_LINE.match(x) for x in code.splitlines())
    for line in code.splitlines():
        remark = _PATH_REMARK.match(line) or _CODE_REMARK.match(line)
        if remark is not None:
            if path is not None or any(part.strip() for part in lines):
                sections.append((path, exists, "\n".join(lines)))
            path, exists, lines = remark[1], remark.re is _PATH_REMARK and bool(remark[2]), []
        elif path is not None and not _is_record_path(path):
            lines.append(line)  # code: its "#" lines are its own comments
        elif line.startswith("# ") and not any(part.strip() for part in lines) and described:
            continue  # a remark before a record ("# there is no tenet T-010")
        else:
            lines.append(line)
    sections.append((path, exists, "\n".join(lines)))
    return sections


def _is_record_path(path: str) -> bool:
    return path.startswith(("decisions/", "tenets/"))


def _records(code: str) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {}
    lines = [line for line in code.splitlines() if line.strip()]
    if lines and all(
        _PATH.match(line) or line.startswith(("git mv ", "git rm ")) for line in lines
    ):
        return _listing(lines)
    for path, exists, text in _sections(code):
        text = text.strip("\n")
        if exists:
            assert path is not None
            files[path] = complete(path, {})
            path = None  # what follows is another record
        if not text:
            continue
        if path is not None and not _is_record_path(path):
            files[path] = text + "\n"
        elif text.startswith("---"):
            where, content = _raw(path, text)
            files[where] = content
        elif _is_keys(text):
            values = _pairs(text)
            where = path or _path_for(values.get("id"))
            files[where] = complete(where, values)
        elif text.startswith("# "):
            where = path or "decisions/0001-example.md"
            heading = text.splitlines()[0][2:].strip()
            files[where] = complete(where, {"title": heading}).split("---\n# ", 1)[0] + (
                f"---\n{text}\n"
            )
        elif text.strip():
            raise UnsupportedExample(f"cannot tell what this describes: {text[:60]!r}")
    return files


def _listing(lines: list[str]) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {}
    for line in lines:
        if line.startswith("git "):
            files[line] = "GIT"  # applied to the base's files by the caller
            continue
        path = _PATH.match(line)
        assert path is not None
        rest = line[path.end() :].strip()
        if rest.startswith("->"):
            target = rest[2:].split("(", 1)[0].strip()
            files[path[1]] = f"->{target}"
        elif rest == "(a FIFO)":
            files[path[1]] = "FIFO"
        elif rest in ("", "(a regular file)"):
            files[path[1]] = complete(path[1], {})
        elif all(_KEY_LINE.match(part) for part in re.split(r"\s{2,}", rest)):
            files[path[1]] = complete(path[1], _pairs("\n".join(re.split(r"\s{2,}", rest))))
        else:
            raise UnsupportedExample(f"cannot tell what follows the path: {rest!r}")
    return files


def scene(label: str, code: str) -> Scene:
    """The registry an example describes; raises UnsupportedExample for other shapes."""
    qualifier = label.split(" (", 1)[1].rstrip(")") if " (" in label else ""
    result = Scene()
    files = _records(code)
    if qualifier.startswith("checked on "):
        result.today = dt.date.fromisoformat(qualifier.removeprefix("checked on "))
    elif qualifier.startswith("CODEOWNERS: "):
        result.extra[".github/CODEOWNERS"] = _QUALIFIER_VALUE.findall(qualifier)[0] + "\n"
    elif qualifier.startswith("saved as Latin-1"):
        files = {
            path: content.encode("latin-1") if isinstance(content, str) else content
            for path, content in files.items()
        }
    elif qualifier.startswith("the base has "):
        base_paths = _QUALIFIER_VALUE.findall(qualifier)
        result.base = {p: complete(p, {}).encode() for p in base_paths}
    elif qualifier.startswith("at the base "):
        (path,) = files
        content = files[path]
        assert isinstance(content, str)
        result.base = {path: _at_base(content, _QUALIFIER_VALUE.findall(qualifier)).encode()}
    elif qualifier == "added in this pull request":
        result.base = {}
    elif qualifier.startswith("source "):
        name = _QUALIFIER_VALUE.findall(qualifier)[0]
        holding = qualifier.partition("holding ")[2]
        synced = [i.strip() for i in holding.split(",")] if holding else None
        result.extra.update(source_files(name, synced))
    elif qualifier:
        raise UnsupportedExample(f"unknown qualifier: ({qualifier})")
    if result.base is not None:
        current: dict[str, bytes | str] = dict(result.base)
        for path, content in files.items():
            if content == "GIT":
                _git_command(current, path)
            else:
                current[path] = content
        files = current
    result.files = files
    return result


def source_files(name: str, ids: list[str] | None) -> dict[str, str]:
    """A configuration naming the source ``name`` and, unless ``ids`` is None, a synced copy
    of it holding complete records with those ids (never stale: the examples do not age)."""
    files = {
        "hinges.toml": f'sources_max_age_hours = 0\n\n[[sources]]\nname = "{name}"\n'
        f'git = "https://git.example/{name}.git"\n'
    }
    if ids is None:
        return files
    cache = f".hinges/sources/{name}"
    files[f"{cache}/state.json"] = json.dumps(
        {
            "format": 1,
            "name": name,
            "git": f"https://git.example/{name}.git",
            "ref": "HEAD",
            "path": ".",
            "commit": "0123456789ab" * 3 + "0123",
            "tree": "tree-example",
            "fetched_at": "2026-11-26T08:00:00Z",
            "checked_at": "2026-11-26T08:00:00Z",
        }
    )
    files[f"{cache}/tree-example/decisions/README.md"] = "The source's decisions.\n"
    for record_id in ids:
        path = _path_for(record_id)
        files[f"{cache}/tree-example/{path}"] = complete(path, {"id": record_id})
    return files


def _at_base(content: str, values: list[str]) -> str:
    for pair in values:
        key, _, value = pair.partition(":")
        # The key's line and the indented lines of its block, if its value is one.
        line = re.compile(rf"^{re.escape(key)}:.*(?:\n[ \t].*)*$", re.MULTILINE)
        replacement = f"{key}:{value}"
        if line.search(content):
            content = line.sub(replacement, content, count=1)
        else:
            content = content.replace("\n---\n", f"\n{replacement}\n---\n", 1)
    return content


def _git_command(files: dict[str, bytes | str], command: str) -> None:
    words = command.split()
    if words[:2] == ["git", "mv"] and len(words) == 4:
        files[words[3]] = files.pop(words[2])
    elif words[:2] == ["git", "rm"] and len(words) == 3:
        del files[words[2]]
    else:
        raise UnsupportedExample(f"unknown command: {command}")


def write(root: Path, files: dict[str, bytes | str]) -> None:
    for folder in ("decisions", "tenets"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if content == "FIFO":
            os.mkfifo(path)
        elif isinstance(content, str) and content.startswith("->"):
            path.symlink_to(content[2:])
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode())
