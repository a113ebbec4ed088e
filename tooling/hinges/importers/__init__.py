"""Import decision records written for other tools: adr-tools, MADR and log4brains.

The import is computed first as a :class:`hinges.importers.plan.Plan` (nothing is written),
then written by :mod:`hinges.importers.writing` and described by
:mod:`hinges.importers.report`. The source folder is only ever read.
"""

from __future__ import annotations

from hinges.errors import UsageError
from hinges.importers import adr_tools, log4brains, madr
from hinges.importers.formats import SourceFormat
from hinges.importers.scan import SourceFile

FORMATS: dict[str, SourceFormat] = {
    module.FORMAT.name: module.FORMAT for module in (adr_tools, madr, log4brains)
}


def detect_format(files: list[SourceFile]) -> SourceFormat:
    """The format most of ``files`` look like; UsageError when none fits."""
    totals = {
        name: sum(fmt.score(file.relpath.rsplit("/", 1)[-1], file.text) for file in files)
        for name, fmt in FORMATS.items()
    }
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == 0 or ranked[0][1] == ranked[1][1]:
        raise UsageError(
            "cannot tell which tool wrote these records; pass --from adr-tools, madr or log4brains"
        )
    return FORMATS[ranked[0][0]]
