"""Charts as inline SVG: no scripts, no network, values escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

COLOURS = ("#2680c2", "#9aa5b1", "#e12d39", "#0e7c3a", "#f0b429", "#7b61ff")


@dataclass(frozen=True)
class Line:
    name: str
    points: dict[str, float]  # x label (a period) -> value
    dashed: bool = False


def line_chart(title: str, periods: list[str], lines: list[Line], unit: str = "%") -> str:
    """Lines over periods in the given order; a period a line has no value for is a gap."""
    width, height, left, bottom, top = 640, 240, 56, 40, 16
    values = [v for line in lines for v in line.points.values()]
    low, high = min(0.0, *values), max(0.0, *values)
    high = high if high > low else low + 1
    step = (width - left - 70) / max(len(periods) - 1, 1)  # room for the last label

    def x(i: int) -> float:
        return left + (i * step if len(periods) > 1 else (width - left) / 2)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (height - top - bottom)

    parts = [
        f"<line x1='{left}' y1='{y(0):.1f}' x2='{width - 10}' y2='{y(0):.1f}' stroke='#cbd2d9'/>",
        f"<text x='{left - 6}' y='{y(high) + 4:.1f}' font-size='11' text-anchor='end'>{high:g}{unit}</text>",
        f"<text x='{left - 6}' y='{y(low) + 4:.1f}' font-size='11' text-anchor='end'>{low:g}{unit}</text>",
    ]
    for i, period in enumerate(periods):
        parts.append(
            f"<text x='{x(i):.1f}' y='{height - bottom + 16}' font-size='11' text-anchor='middle'>"
            f"{escape(period)}</text>"
        )
    for colour, line in zip(COLOURS * 4, lines, strict=False):
        at = [(x(i), y(line.points[p]), p) for i, p in enumerate(periods) if p in line.points]
        path = " ".join(f"{'M' if j == 0 else 'L'}{px:.1f},{py:.1f}" for j, (px, py, _) in enumerate(at))
        dash = " stroke-dasharray='5 4'" if line.dashed else ""
        parts.append(f"<path d='{path}' fill='none' stroke='{colour}' stroke-width='2'{dash}/>")
        for px, py, period in at:
            label = f"{line.name}, {period}: {line.points[period]:g}{unit}"
            parts.append(
                f"<circle cx='{px:.1f}' cy='{py:.1f}' r='4' fill='{colour}'>"
                f"<title>{escape(label)}</title></circle>"
                f"<text x='{px + 6:.1f}' y='{py - 6:.1f}' font-size='11'>{line.points[period]:g}</text>"
            )
    legend = " &nbsp; ".join(
        f"<span style='color:{colour}'>{'┅' if line.dashed else '━'}</span> {escape(line.name)}"
        for colour, line in zip(COLOURS * 4, lines, strict=False)
    )
    svg = (
        f"<svg role='img' aria-label='{escape(title)}' width='{width}' height='{height}' "
        f"xmlns='http://www.w3.org/2000/svg'>{''.join(parts)}</svg>"
    )
    return (
        f"<figure><figcaption>{escape(title)} <span class='muted'>{legend}</span></figcaption>{svg}</figure>"
    )
