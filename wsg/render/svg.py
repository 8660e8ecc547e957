"""Horizontal bar charts as inline SVG: no script, a <title> and <desc>, scalable.

Each chart is an image with a text alternative: ``<title>`` names it, ``<desc>``
reads out every bar, and the page puts the same numbers in a table beside it.
Bars are drawn in a viewBox and the SVG scales to its container's width.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Narrow on purpose: on a phone the chart shrinks to about 0.7 of this, text stays legible.
WIDTH = 520
LABEL_WIDTH = 165
VALUE_WIDTH = 72
BAR_HEIGHT = 26
GAP = 8


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[tuple[str, float, str]],
    scale_max: float | None = None,
) -> Markup:
    """``bars`` are (label, value, shown value); the longest bar spans the plot unless
    ``scale_max`` fixes the scale (100 for percentages)."""
    top = max([scale_max or 0, *(value for _, value, _ in bars)]) or 1
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = max(len(bars), 1) * (BAR_HEIGHT + GAP) + GAP
    description = "; ".join(f"{label}: {shown}" for label, _, shown in bars) or "no data"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'font-family="system-ui, sans-serif" font-size="17" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]
    for row, (label, value, shown) in enumerate(bars):
        y = GAP + row * (BAR_HEIGHT + GAP)
        length = round(plot * max(value, 0) / top, 1)
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{middle}" fill="#1f2933" '
            f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>',
            f'<rect class="chart-track" x="{LABEL_WIDTH}" y="{y}" width="{plot}" '
            f'height="{BAR_HEIGHT}" fill="#e8edf3"/>',
            f'<rect class="chart-bar" x="{LABEL_WIDTH}" y="{y}" width="{length}" '
            f'height="{BAR_HEIGHT}" fill="#1b5e9e"/>',
            f'<text class="chart-value" x="{LABEL_WIDTH + plot + 8}" y="{middle}" fill="#1f2933" '
            f'dominant-baseline="middle">{escape(shown)}</text>',
        ]
    parts.append("</svg>")
    return Markup("\n".join(parts))
