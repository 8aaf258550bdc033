"""The annual report's charts as inline SVG: bars (the funnel, deals by region) and lines (the
months), drawn with the appraisal report's scales so both read alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from itpo.adapters.reports.svg import SERIES, Scale, _line, _rect, _svg, _text, _y_axis


def bar_chart(pairs: Sequence[tuple[str, float]], title: str, *, width: int = 640) -> str:
    """Horizontal bars, one a label, the value written at the bar's end."""
    left, right, top, row = 190, width - 60, 30, 26
    height = top + row * max(len(pairs), 1) + 10
    highest = max((value for _, value in pairs), default=0.0) or 1.0
    scale = Scale(0.0, highest, left, right)
    body = [_line(left, top - 4, left, height - 8)]
    for index, (name, value) in enumerate(pairs):
        y = top + index * row
        shown = name if len(name) <= 30 else name[:29] + "…"
        body.append(_text(left - 6, y + 15, shown, "end"))
        body.append(
            _rect(
                left,
                y + 3,
                scale(value) - left,
                18,
                SERIES[index % len(SERIES)],
                f"{name}: {value:,.0f}",
            )
        )
        body.append(_text(scale(value) + 4, y + 15, f"{value:,.0f}", "start"))
    return _svg(width, height, title, body)


def line_chart(
    labels: Sequence[str], series: Mapping[str, Sequence[float]], title: str, *, width: int = 720
) -> str:
    """One line a series over the labels (months), with a legend under the title."""
    height, left, right, top, bottom = 260, 50, width - 20, 44, 220
    values = [v for line in series.values() for v in line] or [0.0]
    lo, hi = 0.0, max(max(values), 1.0)
    y = Scale(lo, hi, bottom, top)
    step = (right - left) / max(len(labels) - 1, 1)
    body = _y_axis(y, left, right, lo, hi)
    for index, name in enumerate(labels):
        if len(labels) <= 12 or index % 3 == 0:
            body.append(_text(left + index * step, bottom + 16, name))
    for number, (name, line) in enumerate(series.items()):
        colour = SERIES[number % len(SERIES)]
        points = " ".join(f"{left + i * step:.1f},{y(v):.1f}" for i, v in enumerate(line))
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        body.append(_rect(left + number * 140, 26, 10, 10, colour, name))
        body.append(_text(left + number * 140 + 14, 35, name, "start"))
    return _svg(width, height, title, body)
