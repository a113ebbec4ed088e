"""benchmarks/zensical_pages.py: each page through Zensical's own Python steps, by group."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import write_files

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "zensical_pages.py"


def test_every_page_is_counted_in_its_group(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: T\ntheme:\n  name: material\n",
            "docs/index.md": "# Home\n",
            "docs/catalog/index.md": "---\ntitle: Catalog\n---\n# Catalog\n\n[a](decisions/a.md)\n",
            "docs/catalog/decisions/a.md": "# A\n\n<table><tr><td>x</td></tr></table>\n",
            "docs/catalog/decisions/b.md": "# B\n\nText.\n",
        },
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, ""), done
    lines = [line.replace("every page", "every") for line in done.stdout.splitlines()[1:]]
    rows = {line.split()[0]: line.split()[1:3] for line in lines}
    sizes = {
        "decisions/": str(len("# A\n\n<table><tr><td>x</td></tr></table>\n# B\n\nText.\n")),
        "catalog/index.md": str(
            len("---\ntitle: Catalog\n---\n# Catalog\n\n[a](decisions/a.md)\n")
        ),
        "index.md": "7",
    }
    assert {name: row[1] for name, row in rows.items() if name != "every"} == sizes
    assert {name: row[0] for name, row in rows.items()} == {
        "decisions/": "2",
        "catalog/index.md": "1",
        "index.md": "1",
        "every": "4",
    }
