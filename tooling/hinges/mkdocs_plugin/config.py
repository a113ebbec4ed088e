"""The plugin's options (``plugins: - hinges: {...}`` in mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
import re

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

_URL_PREFIX = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*$")


class BuildDate(BaseConfigOption[dt.date | None]):
    """A YYYY-MM-DD date (YAML reads an unquoted one as a date already), or none for today."""

    def run_validation(self, value: object) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValidationError(f"expected a date as YYYY-MM-DD, got {value!r}")


class UrlPrefix(BaseConfigOption[str]):
    """Folder of the generated pages in the site: letters, digits, '-', '_', and '/'."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and _URL_PREFIX.match(value.strip("/")):
            return value.strip("/")
        raise ValidationError(
            f"expected a folder name such as 'catalog' or 'docs/decisions', got {value!r}"
        )


# mkdocs' Config.__init_subclass__ is untyped; the class itself is the typed API.
class CatalogConfig(Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    """Build the catalog (set false to build the site without it)."""
    root = c.Optional(c.Dir(exists=True))
    """The registry root (where decisions/ and tenets/ are); default: the folder of mkdocs.yml."""
    path = UrlPrefix(default="catalog")
    """The folder of the generated pages in the site."""
    validate_ = c.Type(bool, default=True)  # the key is 'validate'; Config.validate is a method
    """Run hinges' checks during the build and log each finding (errors fail --strict)."""
    fail_on_warnings = c.Type(bool, default=False)
    """Log hinges' warnings as MkDocs warnings, so --strict fails on them too (like
    ``hinges check --strict``); by default they are logged as information."""
    build_date = BuildDate()
    """The date the review page and the export count from (YYYY-MM-DD); default: today."""
