"""Small charts as inline SVG: no script, no request, every label escaped.

Each chart scales to the width of the page (``viewBox`` and ``width="100%"``) and says
what it shows in ``<title>`` for screen readers; the numbers are also in the tables beside
it, so nothing depends on reading the picture. Text style is set once (text colour and size
on the ``<svg>``, each kind of label in one group), not on every label.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

STATUS_COLORS = {
    "accepted": "#059669",
    "proposed": "#2563eb",
    "superseded": "#6b7280",
    "deprecated": "#d97706",
    "rejected": "#dc2626",
    "other": "#a855f7",
}
DOOR_COLORS = {"one-way": "#b45309", "two-way": "#0e7490", "other": "#6b7280"}
_ROW_H, _LABEL_W, _WIDTH = 26, 120, 640


def _x(text: object) -> str:
    return html.escape(str(text), quote=True)


def _n(number: float) -> str:
    """A coordinate to one decimal, without a trailing ``.0``."""
    return f"{number:.1f}".removesuffix(".0")


def _svg(title: str, height: int, body: list[str], width: int = _WIDTH) -> str:
    # fill="currentColor" is for the labels: every bar and swatch sets its own fill.
    return (
        f'<svg class="hinges-chart" role="img" viewBox="0 0 {width} {height}" width="100%"'
        f' preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"'
        f' fill="currentColor" font-size="12">'
        f"<title>{_x(title)}</title>" + "".join(body) + "</svg>"
    )


def _group(attributes: str, parts: list[str]) -> str:
    return f"<g {attributes}>{''.join(parts)}</g>" if parts else ""


def _legend(colors: dict[str, str], keys: Sequence[str], y: int) -> list[str]:
    parts, x = [], _LABEL_W
    for key in keys:
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colors[key]}"/>'
            f'<text x="{x + 16}" y="{y + 11}">{_x(key)}</text>'
        )
        x += 24 + 8 * len(key)
    return parts


def stacked_bars(
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    keys: Sequence[str],
    colors: dict[str, str],
) -> str:
    """One horizontal bar per row, split into ``keys`` (counts in ``keys`` order)."""
    top = max((sum(counts) for _, counts in rows), default=0) or 1
    span = _WIDTH - _LABEL_W - 40
    labels: list[str] = []
    body: list[str] = []
    for index, (label, counts) in enumerate(rows):
        y = index * _ROW_H + 4
        labels.append(f'<text x="{_LABEL_W - 8}" y="{y + 15}">{_x(label)}</text>')
        x = float(_LABEL_W)
        for key, count in zip(keys, counts, strict=True):
            if count:
                width = span * count / top
                body.append(
                    f'<rect x="{_n(x)}" y="{y}" width="{_n(width)}" height="{_ROW_H - 8}"'
                    f' fill="{colors[key]}"><title>{_x(label)}, {_x(key)}: {count}</title></rect>'
                )
                x += width
        body.append(f'<text x="{_n(x + 6)}" y="{y + 15}">{sum(counts)}</text>')
    legend_y = len(rows) * _ROW_H + 8
    used = [key for key in keys if any(counts[keys.index(key)] for _, counts in rows)]
    body += _legend(colors, used, legend_y)
    return _svg(title, legend_y + 20, [_group('font-size="13" text-anchor="end"', labels), *body])


def column_bars(
    title: str,
    columns: Sequence[tuple[str, Sequence[int]]],
    keys: Sequence[str],
    colors: dict[str, str],
) -> str:
    """Vertical stacked bars, one per column (quarters), left to right."""
    height, base = 160, 130
    top = max((sum(counts) for _, counts in columns), default=0) or 1
    step = (_WIDTH - 40) / max(len(columns), 1)
    width = max(min(step * 0.7, 48), 4)
    body: list[str] = []
    labels: list[str] = []  # a total above each bar, its quarter below
    for index, (label, counts) in enumerate(columns):
        x = 20 + index * step
        y = float(base)
        for key, count in zip(keys, counts, strict=True):
            if count:
                bar = (base - 20) * count / top
                y -= bar
                body.append(
                    f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(bar)}"'
                    f' fill="{colors[key]}"><title>{_x(label)}, {_x(key)}: {count}</title></rect>'
                )
        middle = _n(x + width / 2)
        labels.append(
            f'<text x="{middle}" y="{_n(y - 4)}">{sum(counts)}</text>'
            f'<text x="{middle}" y="{base + 14}">{_x(label)}</text>'
        )
    used = [key for key in keys if any(counts[keys.index(key)] for _, counts in columns)]
    body.append(_group('font-size="11" text-anchor="middle"', labels))
    body += _legend(colors, used, height - 8)
    return _svg(title, height + 8, body)
