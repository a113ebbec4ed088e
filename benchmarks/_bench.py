"""Helpers shared by the benchmark scripts (a sibling module, not a package)."""

from __future__ import annotations

import compileall
import subprocess
import sys
import time
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tooling" / "hinges"


def compile_package() -> None:
    """Byte-compile hinges, as ``pip install`` does for a regular install.

    An editable install is never compiled by pip, and where PYTHONDONTWRITEBYTECODE is set
    (as on our CI machines) Python never caches the compiled modules either, so every run
    would compile hinges from source while click and PyYAML load cached bytecode. That
    would measure the compiler, not hinges.
    """
    compileall.compile_dir(PACKAGE, quiet=1)


def hinges_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m hinges``."""
    script = Path(sys.executable).with_name("hinges")
    return [str(script)] if script.exists() else [sys.executable, "-m", "hinges"]


def timed(command: list[str], cwd: Path, allowed: tuple[int, ...] = (0,)) -> tuple[float, str]:
    """Wall time of one run of ``command`` and its standard output; exit if it failed."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in allowed:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}")
    return elapsed, done.stdout.strip()
