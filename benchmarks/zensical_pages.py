"""Where a Zensical build's Python time goes, page group by page group.

    python benchmarks/zensical_pages.py PROJECT [--repeat N]

PROJECT holds a ``mkdocs.yml`` and its ``docs/`` (``bench_render.py`` leaves three under
``benchmarks/out/zensical-d1000-s0/``). Each Markdown page goes, in this process, through
the two Python steps a cold ``zensical build`` runs for it: ``zensical.markdown.render``
(Python-Markdown with the configured extensions, front matter stripped as Zensical's Rust
side does before calling it) and the reference collector
``zensical.collectors.references`` (the whole file). Printed per group (a folder under the
catalog, or a single page): pages, bytes, and CPU seconds of each step, best of
``--repeat``. CPU time, not wall time, so a busy machine disturbs it less than whole builds.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _best(repeat: int, step: Callable[..., object], *args: object) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        result = step(*args)
        if isinstance(result, Iterator):  # the collector yields: consume it
            list(result)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    from zensical.collectors.references import references
    from zensical.config import parse_config
    from zensical.markdown.render import render

    project = args.project.resolve()
    parse_config(str(project / "mkdocs.yml"))
    docs = project / "docs"
    groups: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0.0])
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        text = path.read_text("utf-8")
        parts = relative.split("/")
        group = groups[parts[1] + "/" if len(parts) > 2 else relative]
        group[0] += 1
        group[1] += len(text.encode())
        body = _FRONT_MATTER.sub("", text, count=1)
        group[2] += _best(args.repeat, render, body, relative, relative[:-3] + "/")
        group[3] += _best(args.repeat, references, text.encode())
    print(f"{'group':32} {'pages':>6} {'bytes':>10} {'render s':>9} {'references s':>13}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for name, values in sorted(groups.items(), key=lambda item: -(item[1][2] + item[1][3])):
        pages, size, rendering, scanning = values
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        print(f"{name:32} {pages:6.0f} {size:10,.0f} {rendering:9.2f} {scanning:13.2f}")
    print(
        f"{'every page':32} {totals[0]:6.0f} {totals[1]:10,.0f} {totals[2]:9.2f} {totals[3]:13.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
