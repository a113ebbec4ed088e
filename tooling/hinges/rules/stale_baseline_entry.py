"""An entry of the guard baseline no longer occurs: the violation was fixed (or moved files).

`hinges check --update-baseline` records today's guard violations in
`hinges-baseline.json`, so that a full `hinges check` fails only on new ones (see the
guide on guard rails). An entry whose violation is gone is reported at its line of the
baseline file, so the file can shrink: run `hinges check --update-baseline` again and
commit the smaller file. With `--base` the baseline is not read (only added lines count
there anyway).

Passing:

    # decisions/0007-use-postgresql.md
    guards:
      - forbid: "^import mysql"
        in: ["services/orders/**/*.py"]
        message: "Orders live in PostgreSQL; no MySQL clients here."
    # services/orders/store.py
    import mysql.connector
    # hinges-baseline.json
    {"version": 1, "entries": [
      {"fingerprint": "427155f72e97c8e68fa4058c", "rule": "HG1001",
       "path": "services/orders/store.py", "decision": "ADR-0007",
       "text": "import mysql.connector"}
    ]}

Failing:

    # decisions/0007-use-postgresql.md
    guards:
      - forbid: "^import mysql"
        in: ["services/orders/**/*.py"]
        message: "Orders live in PostgreSQL; no MySQL clients here."
    # services/orders/store.py
    import psycopg
    # hinges-baseline.json
    {"version": 1, "entries": [
      {"fingerprint": "427155f72e97c8e68fa4058c", "rule": "HG1001",
       "path": "services/orders/store.py", "decision": "ADR-0007",
       "text": "import mysql.connector"}
    ]}
"""

from __future__ import annotations

from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the checker, which applies the baseline after every rule has run.
RULE = Rule("HG1005", "stale-baseline-entry", Severity.WARNING)
