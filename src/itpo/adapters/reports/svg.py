"""Small SVG charts drawn by hand, so an HTML report needs no script and no plotting library."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

POSITIVE, NEGATIVE, LINE, AXIS = "#2e7d32", "#c62828", "#1f4e79", "#555555"
# One colour a driver in the spider chart, told apart in print and by most colour-blind eyes.
SERIES = ("#1f4e79", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037")
FONT = 'font-family="sans-serif" font-size="11"'


class Scale:
    """A linear map from data values onto a pixel range (inverted for the y axis)."""

    def __init__(self, lo: float, hi: float, start: float, end: float) -> None:
        if lo == hi:
            lo, hi = lo - 1.0, hi + 1.0
        self.lo, self.hi, self.start, self.end = lo, hi, start, end

    def __call__(self, value: float) -> float:
        return self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if lo == hi:
        return [lo]
    span = hi - lo
    base = 10 ** math.floor(math.log10(span / count))
    # The round step (1, 2, 2.5 or 5 times a power of ten) giving nearest to `count` ticks.
    step = min((base * m for m in (1, 2, 2.5, 5, 10)), key=lambda s: abs(span / s - count))
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def short(value: float) -> str:
    size = abs(value)
    for limit, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if size >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<text x="{width / 2:.0f}" y="16" text-anchor="middle" {FONT} font-weight="bold">'
        f"{escape(title)}</text>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {FONT}>{escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, colour: str = AXIS) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"/>'


def _rect(x: float, y: float, w: float, h: float, colour: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{min(y, y + h):.1f}" width="{max(w, 0.5):.1f}" '
        f'height="{max(abs(h), 0.5):.1f}" fill="{colour}"><title>{escape(tip)}</title></rect>'
    )


def _y_axis(scale: Scale, left: float, right: float, lo: float, hi: float) -> list[str]:
    out = []
    for tick in nice_ticks(lo, hi):
        y = scale(tick)
        out.append(_line(left, y, right, y, "#dddddd"))
        out.append(_text(left - 4, y + 4, short(tick), "end"))
    return out


def _cash_flow_legend(width: int, y: float) -> list[str]:
    """What the bars and the line are, in a band of its own above the plot, where neither
    reaches."""
    x = width - 300
    return [
        _rect(x, y - 8, 10, 10, POSITIVE, "net cash flow"),
        _rect(x + 10, y - 8, 10, 10, NEGATIVE, "net cash flow"),
        _text(x + 26, y + 1, "net cash flow (bars)", "start"),
        f'<line x1="{x + 150}" y1="{y - 3}" x2="{x + 172}" y2="{y - 3}" stroke="{LINE}" '
        'stroke-width="2"/>',
        _text(x + 178, y + 1, "cumulative (line)", "start"),
    ]


def cash_flow_chart(
    labels: Sequence[str], flows: Sequence[float], cumulative: Sequence[float], title: str
) -> str:
    """Yearly net cash flows as bars and their cumulative sum as a line."""
    width, height, left, top, bottom = 760, 336, 64, 48, 40
    lo = min(0.0, *flows, *cumulative)
    hi = max(0.0, *flows, *cumulative)
    y = Scale(lo, hi, height - bottom, top)
    step = (width - left - 10) / max(len(flows), 1)
    body = _y_axis(y, left, width - 10, lo, hi)
    for i, (name, value) in enumerate(zip(labels, flows, strict=True)):
        x = left + i * step
        colour = POSITIVE if value >= 0 else NEGATIVE
        body.append(
            _rect(
                x + step * 0.15, y(0), step * 0.7, y(value) - y(0), colour, f"{name}: {value:,.0f}"
            )
        )
        if len(labels) <= 30 or i % 2 == 0:
            body.append(_text(x + step / 2, height - bottom + 14, name))
    points = " ".join(f"{left + (i + 0.5) * step:.1f},{y(v):.1f}" for i, v in enumerate(cumulative))
    body.append(f'<polyline points="{points}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    body.append(_line(left, y(0), width - 10, y(0)))
    body += _cash_flow_legend(width, 34)
    return _svg(width, height, title, body)


def tornado_chart(bars: Sequence[tuple[str, float, float]], base: float, title: str) -> str:
    """One bar a driver from NPV at its low to its high value, widest swing on top."""
    width, left, right, row = 760, 150, 20, 26
    height = 50 + row * len(bars)
    values = [base, *(v for _, lo, hi in bars for v in (lo, hi))]
    x = Scale(min(values), max(values), left, width - right)
    body = []
    for i, (name, lo, hi) in enumerate(bars):
        top = 30 + i * row
        body.append(_text(left - 6, top + row / 2 + 4, name, "end"))
        body.append(
            _rect(
                x(min(lo, base)),
                top + 4,
                abs(x(lo) - x(base)),
                row - 8,
                NEGATIVE if lo < base else POSITIVE,
                f"{name} low: NPV {lo:,.0f}",
            )
        )
        body.append(
            _rect(
                x(min(hi, base)),
                top + 4,
                abs(x(hi) - x(base)),
                row - 8,
                POSITIVE if hi >= base else NEGATIVE,
                f"{name} high: NPV {hi:,.0f}",
            )
        )
    body.append(_line(x(base), 26, x(base), height - 18))
    body.append(_text(x(base), height - 4, f"base NPV {short(base)}"))
    return _svg(width, height, title, body)


def spider_chart(
    steps: Sequence[str], lines: Sequence[tuple[str, Sequence[float]]], title: str
) -> str:
    """NPV (y) as each driver moves over the same % changes of its base value (x)."""
    width, height, left, top, bottom, legend = 760, 320, 64, 28, 40, 150
    values = [0.0, *(v for _, npvs in lines for v in npvs)]
    y = Scale(min(values), max(values), height - bottom, top)
    right = width - legend
    step = (right - left) / max(len(steps) - 1, 1)
    body = _y_axis(y, left, right, min(values), max(values))
    for i, name in enumerate(steps):
        body.append(_text(left + i * step, height - bottom + 14, name))
    body.append(_line(left, y(0), right, y(0)))
    for k, (name, npvs) in enumerate(lines):
        colour = SERIES[k % len(SERIES)]
        points = " ".join(f"{left + i * step:.1f},{y(v):.1f}" for i, v in enumerate(npvs))
        body.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2"><title>{escape(name)}</title></polyline>'
        )
        body.append(_line(right + 12, top + 10 + 18 * k, right + 32, top + 10 + 18 * k, colour))
        body.append(_text(right + 38, top + 14 + 18 * k, name, "start"))
    body.append(_text((left + right) / 2, height - 6, "change of the driver from its base value"))
    return _svg(width, height, title, body)


def histogram_chart(edges: Sequence[float], counts: Sequence[int], title: str) -> str:
    """Counts of simulated NPVs by bin, bins below zero in red, zero marked."""
    width, height, left, top, bottom = 760, 300, 50, 28, 40
    x = Scale(edges[0], edges[-1], left, width - 10)
    y = Scale(0, max(max(counts), 1), height - bottom, top)
    body = _y_axis(y, left, width - 10, 0, max(max(counts), 1))
    for lo, hi, count in zip(edges[:-1], edges[1:], counts, strict=True):
        colour = NEGATIVE if hi <= 0 else POSITIVE
        body.append(
            _rect(
                x(lo),
                y(count),
                x(hi) - x(lo) - 1,
                y(0) - y(count),
                colour,
                f"{lo:,.0f} to {hi:,.0f}: {count}",
            )
        )
    for tick in nice_ticks(edges[0], edges[-1]):
        body.append(_text(x(tick), height - bottom + 14, short(tick)))
    if edges[0] < 0 < edges[-1]:
        body.append(_line(x(0), top, x(0), height - bottom, "#000000"))
    body.append(_line(left, y(0), width - 10, y(0)))
    return _svg(width, height, title, body)
