"""What ``hinges render`` needs from the ``mkdocs.yml`` next to a registry.

MkDocs, ProperDocs and Zensical all read ``mkdocs.yml``; only three settings matter to the
catalog's files: ``docs_dir`` (where pages go), ``use_directory_urls`` (how links between
pages are written) and the ``path`` option of the ``hinges`` plugin, if listed (the folder
of the catalog). The file may hold tags such as ``!!python/name:`` or ``!ENV`` that only
the generator understands; they are read as nothing, never executed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hinges.errors import ConfigError

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "zensical.yml")
DEFAULT_PATH = "catalog"


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag as None instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


@dataclass(frozen=True)
class DocsConfig:
    docs_dir: Path
    """Absolute folder of the site's Markdown pages."""
    path: str = DEFAULT_PATH
    """The catalog's folder inside ``docs_dir``."""
    directory_urls: bool = True
    config_file: Path | None = None

    @property
    def catalog_dir(self) -> Path:
        return self.docs_dir / self.path


def _plugin_path(plugins: Any) -> str:
    entries = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        entries = [
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
            for item in plugins
        ]
    for name, options in entries:
        if name == "hinges" and isinstance(options, dict):
            path = options.get("path")
            if isinstance(path, str) and path.strip("/"):
                return path.strip("/")
    return DEFAULT_PATH


def read_docs_config(root: Path) -> DocsConfig:
    """The site settings of the registry at ``root`` (defaults when no config file exists)."""
    for name in CONFIG_NAMES:
        config_file = root / name
        if config_file.is_file():
            break
    else:
        return DocsConfig(root / "docs")
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(
            f"cannot read it: {str(error).splitlines()[0]}; fix it or pass --out",
            path=config_file,
        ) from None
    if not isinstance(data, dict):
        data = {}
    docs_dir = data.get("docs_dir")
    directory_urls = data.get("use_directory_urls")
    return DocsConfig(
        root / (docs_dir if isinstance(docs_dir, str) and docs_dir else "docs"),
        _plugin_path(data.get("plugins")),
        directory_urls if isinstance(directory_urls, bool) else True,
        config_file,
    )
