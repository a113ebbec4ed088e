"""``python -m hinges.reference --write docs``: regenerate the reference pages."""

from __future__ import annotations

import sys

from hinges.reference import main

sys.exit(main())
