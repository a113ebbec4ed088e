"""hinges: a registry for technology decisions and the tenets behind them.

The core library (everything outside :mod:`hinges.cli`) never imports click or mkdocs,
so the validator, the authoring commands and the MkDocs plugin share one implementation.
"""

from __future__ import annotations

__version__ = "0.1.0"
