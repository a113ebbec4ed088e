"""A record file that is not a regular file inside the registry is reported and not read.

hinges reads only regular files whose real path lies inside the registry root, and checks
a file's size before reading it. A symlink that leads outside the root or loops, a FIFO,
a device, a socket, a folder named `*.md`, a file larger than `max_file_bytes` (1 MiB by
default) or a file that cannot be opened is reported by name and skipped, so a hostile
checkout can neither hang the check nor make it read other files. A record folder that
cannot be listed is reported on the folder, never taken for an empty one.

Passing:

    decisions/0001-use-postgres.md      (a regular file)

Failing:

    decisions/0002-secrets.md -> /etc/passwd   (a symlink leaving the registry)
    decisions/0003-pipe.md                     (a FIFO)
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.UNREADABLE, "unreadable-file", Severity.ERROR)
