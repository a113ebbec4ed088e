"""The ratchet: guard violations a team already knows of, recorded so only new ones fail.

``hinges check --update-baseline`` writes every current guard violation (HG1001) to
:data:`BASELINE_FILE` at the registry root, to be committed. A later full ``hinges check``
drops the violations the file lists and reports the entries that no longer occur
(HG1005), so the file only shrinks. An entry is a fingerprint of the rule, the file and
the text of the violating line (stripped), not its number: moving a line, or adding lines
above it, keeps it known. A ``require`` violation has no line of its own: its text is the
required pattern. Identical lines in one file are counted, not merged.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hinges.atomic import write_text
from hinges.errors import ConfigError

BASELINE_FILE = "hinges-baseline.json"
FORMAT_VERSION = 1
MAX_TEXT = 200
"""Characters of the line kept in an entry, for the reader (the fingerprint uses all)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One known violation."""

    fingerprint: str
    code: str
    path: str
    decision: str
    text: str


def fingerprint(code: str, path: str, text: str) -> str:
    digest = hashlib.sha256(f"{code}\0{path}\0{text.strip()}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:24]


def make_entry(code: str, path: str, decision: str, text: str) -> Entry:
    return Entry(fingerprint(code, path, text), code, path, decision, text.strip()[:MAX_TEXT])


def write_baseline(root: Path, entries: list[Entry]) -> Path:
    """Write ``entries`` (sorted, one a line, so diffs stay small) atomically."""
    ordered = sorted(entries, key=lambda e: (e.path, e.code, e.decision, e.fingerprint))
    lines = [
        "  "
        + json.dumps(
            {
                "fingerprint": e.fingerprint,
                "rule": e.code,
                "path": e.path,
                "decision": e.decision,
                "text": e.text,
            },
            ensure_ascii=False,
        )
        for e in ordered
    ]
    body = ",\n".join(lines)
    text = f'{{"version": {FORMAT_VERSION}, "entries": [\n{body}\n]}}\n'
    target = root / BASELINE_FILE
    write_text(target, text)
    return target


def load_baseline(root: Path) -> list[tuple[Entry, int]] | None:
    """The committed entries with the line each is on; None when there is no file."""
    path = root / BASELINE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the baseline: {error}", path=path) from None
    try:
        data = json.loads(text)
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {FORMAT_VERSION}")
        raw = data["entries"]
        entries = [
            Entry(
                str(e["fingerprint"]),
                str(e["rule"]),
                str(e["path"]),
                str(e["decision"]),
                str(e.get("text", "")),
            )
            for e in raw
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(
            f"the baseline is not one hinges wrote ({error}); run hinges check "
            "--update-baseline to write it again",
            path=path,
        ) from None
    located = []
    search_from = 0
    lines = text.splitlines()
    for entry in entries:
        number = next(
            (n for n in range(search_from, len(lines)) if entry.fingerprint in lines[n]),
            None,
        )
        if number is not None:
            search_from = number + 1
        located.append((entry, (number or 0) + 1))
    return located


@dataclass
class Ratchet:
    """What the baseline did to one check."""

    known: Counter[str]
    """Decision -> violations found that the baseline lists."""
    stale: list[tuple[Entry, int]]
    """Entries (with their line in the file) that no longer occur."""


def apply_baseline(
    current: list[Entry], baseline: list[tuple[Entry, int]]
) -> tuple[list[bool], Ratchet]:
    """For each current violation, whether the baseline knows it; and the ratchet's tally.
    Matching is by fingerprint, counted: two identical lines need two entries."""
    remaining = Counter(entry.fingerprint for entry, _ in baseline)
    known_flags = []
    known: Counter[str] = Counter()
    for entry in current:
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            known_flags.append(True)
            known[entry.decision] += 1
        else:
            known_flags.append(False)
    stale = []
    for entry, line in baseline:
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            stale.append((entry, line))
    return known_flags, Ratchet(known, stale)


@dataclass(frozen=True)
class DecisionTally:
    """What the baseline holds for one decision, as of one full scan."""

    id: str
    """The decision as the entries name it: its id, or its path when it has none."""
    title: str | None
    known: int
    """Violations found that the baseline lists (still to fix)."""
    fixed: int
    """Entries that no longer occur (fixed; the baseline can shrink)."""


def tally_by_decision(
    known: Counter[str], stale: list[tuple[Entry, int]], titles: Mapping[str, str | None]
) -> list[DecisionTally]:
    """One tally per decision with known violations or fixed entries, in id order;
    ``titles`` maps a decision's name (id, else path) to its title."""
    fixed = Counter(entry.decision for entry, _ in stale)
    return [
        DecisionTally(name, titles.get(name), known[name], fixed[name])
        for name in sorted(set(known) | set(fixed))
        if known[name] or fixed[name]
    ]
