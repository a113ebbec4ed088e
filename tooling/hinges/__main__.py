"""Allow ``python -m hinges``."""

from __future__ import annotations

from hinges.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess test
    main()
