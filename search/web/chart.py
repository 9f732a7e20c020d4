"""An indicator's series as inline SVG: one line per series, gaps left as gaps, each value a link to its page.

Drawn here rather than by a plotting library so the page needs no script and
no file: the chart is part of the HTML, styled by presentation attributes.
"""
from __future__ import annotations

from html import escape

from markupsafe import Markup

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 24, 86
# actual bold and solid, targets dashed, comparators dotted: told apart without colour too
STYLE = {"actual": ("#1a4f8b", "3", ""), "target": ("#b3261e", "2", "8 4"), "baseline": ("#6b6b6b", "1.5", "2 3")}
COMPARATOR = [("#2e7d32", "1.5", "3 3"), ("#8a4baf", "1.5", "3 3"), ("#a15c00", "1.5", "3 3"), ("#00838f", "1.5", "3 3")]
TICKS = 5


def series_chart(indicator: dict, periods: list[str], lines: dict[str, list[dict | None]]) -> Markup:
    """lines: series name -> per period None or {"value", "href", "source"}; returns the <svg> element."""
    values = [p["value"] for points in lines.values() for p in points if p]
    label = escape(indicator["label"])
    if not values:
        return Markup(f'<p>No numeric values to chart for {label}.</p>')
    low, high = _range(values)
    x = lambda i: LEFT + (i + 0.5) * (WIDTH - LEFT - RIGHT) / max(len(periods), 1)  # noqa: E731
    y = lambda v: TOP + (high - v) / (high - low) * (HEIGHT - TOP - BOTTOM)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="chart-title chart-desc"><title id="chart-title">{label}</title>'
             f'<desc id="chart-desc">{escape(_description(periods, lines))}</desc>']
    parts += _axes(periods, low, high, x, y)
    for n, (name, points) in enumerate(lines.items()):
        colour, width, dash = STYLE.get(name) or COMPARATOR[n % len(COMPARATOR)]
        parts += _line(name, points, periods, x, y, colour, width, dash)
        ly = TOP + 18 * n
        parts.append(f'<line x1="{WIDTH - RIGHT + 12}" y1="{ly}" x2="{WIDTH - RIGHT + 40}" y2="{ly}" stroke="{colour}" '
                     f'stroke-width="{width}" stroke-dasharray="{dash}"/><text x="{WIDTH - RIGHT + 46}" y="{ly + 4}" '
                     f'font-size="12">{escape(name.replace("_", " "))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _range(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if low >= 0 and low < (high - low):
        low = 0.0  # a floor at zero unless the values sit far above it
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1
    return low - (pad if low else 0), high + pad


def _axes(periods, low, high, x, y) -> list[str]:
    parts = [f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke="#444"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="#444"/>']
    for k in range(TICKS + 1):
        value = low + (high - low) * k / TICKS
        parts.append(f'<line x1="{LEFT - 4}" y1="{y(value):.1f}" x2="{WIDTH - RIGHT}" y2="{y(value):.1f}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" font-size="11" text-anchor="end">{value:.3g}</text>')
    step = max(1, len(periods) // 16)  # at most ~16 labels stay legible
    for i, period in enumerate(periods):
        if i % step == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="11" text-anchor="end" '
                         f'transform="rotate(-40 {x(i):.1f} {HEIGHT - BOTTOM + 14})">{escape(period)}</text>')
    return parts


def _line(name, points, periods, x, y, colour, width, dash) -> list[str]:
    """A polyline for each run of consecutive values (a missing period breaks it) and a linked dot per value."""
    parts, run = [], []
    for i, point in enumerate([*points, None]):
        if point:
            run.append(f"{x(i):.1f},{y(point['value']):.1f}")
        elif run:
            if len(run) > 1:
                parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" stroke-width="{width}" '
                             f'stroke-dasharray="{dash}"/>')
            run = []
    for i, point in enumerate(points):
        if point:
            tip = escape(f"{periods[i]} {name.replace('_', ' ')}: {point['value']:g} ({point['source']})")
            parts.append(f'<a href="{escape(point["href"])}"><circle class="value" cx="{x(i):.1f}" cy="{y(point["value"]):.1f}" '
                         f'r="4.5" fill="{colour}"><title>{tip}</title></circle></a>')
    return parts


def _description(periods: list[str], lines: dict) -> str:
    shown = ", ".join(f"{name.replace('_', ' ')} ({sum(1 for p in points if p)} values)" for name, points in lines.items())
    return f"{len(periods)} periods from {periods[0]} to {periods[-1]}; series: {shown}." if periods else shown
