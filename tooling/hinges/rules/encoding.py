"""Records are UTF-8 text without NUL bytes or control characters.

A UTF-8 byte-order mark and CRLF line endings are accepted. UTF-16 or UTF-32 files, bytes
that are not valid UTF-8 (for example Latin-1 text), NUL bytes and control characters other
than tab and newline are reported with their line, and the file is not read further.
Re-save the file as UTF-8.

Passing:

    ---
    title: Café menus are UTF-8
    ---

Failing (saved as Latin-1, so é is the single byte 0xe9):

    ---
    title: Caf\xe9 menus are UTF-8
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.ENCODING, "encoding", Severity.ERROR)
