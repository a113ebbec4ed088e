"""Build one registry's catalog with each site generator, for real, as a user would.

* ``mkdocs``: MkDocs with mkdocs-material and the ``hinges`` plugin;
* ``properdocs``: ProperDocs (the maintained fork of MkDocs 1.x) with the same plugin;
* ``zensical``: ``hinges render`` first (Zensical runs no MkDocs plugin), then Zensical.

All three read the same ``mkdocs.yml``, which lists the plugin: Zensical ignores it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from site_registry import BUILD_DATE
from site_support import BUILD_TIMEOUT_SECONDS, SiteBuildError, write_project

GENERATORS = ("mkdocs", "properdocs", "zensical")
BIN = Path(sys.executable).parent


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS
    )
    if done.returncode != 0:
        raise SiteBuildError(
            f"{' '.join(command)} exited {done.returncode}\n"
            f"--- stdout\n{done.stdout}--- stderr\n{done.stderr}"
        )


def build_with(generator: str, root: Path, files: dict[str, str], **plugin: Any) -> Path:
    """Lay out the project at ``root``, build it with ``generator``; the site folder."""
    config = write_project(root, files, plugin_options={"build_date": BUILD_DATE, **plugin})
    return build_project(generator, root, config)


def build_project(generator: str, root: Path, config: Path) -> Path:
    """Build the project laid out at ``root`` (``config``: its mkdocs.yml) with ``generator``."""
    site = root / "site"
    if generator == "mkdocs":
        _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], root)
    elif generator == "properdocs":
        _run([str(BIN / "properdocs"), "build", "--strict", "-f", str(config)], root)
    elif generator == "zensical":
        _run([str(BIN / "hinges"), "render", "--as-of", BUILD_DATE], root)
        _run([str(BIN / "zensical"), "build", "--strict", "-f", str(config)], root)
    else:
        raise ValueError(generator)
    return site


# What a page asks the browser to fetch: src=, and href= of <link> (stylesheets, icons).
_FETCHED = re.compile(r"""<(?:[a-z]+)\b[^>]*?\bsrc=["']([^"']+)|<link\b[^>]*?\bhref=["']([^"']+)""")


def fetched_urls(html: str) -> list[str]:
    return [src or href for src, href in _FETCHED.findall(html)]


def foreign(url: str) -> bool:
    """An address on another host (anything absolute that is not data:)."""
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", url, re.I)) and not url.startswith("data:")
