"""The measure chart: estimates over time as inline SVG, drawn on the server.

One mark per estimate (``<g class="estimate">``): a vertical range from its low to its high
bound, a filled end for an inclusive bound, a hollow end for an exclusive one, an arrow where
the interval is unbounded, a dashed range for an approximate value. Marks are colored by
source (legend below) and placed by the claim's date; an estimate without a date sits in an
"undated" column at the right. Estimates in conflict with another (disjoint intervals) carry
the class ``conflict`` and a warning sign. The y axis is logarithmic when the bounds span more
than two orders of magnitude and are all positive.

No JavaScript and no chart library: hovering a mark shows its SVG ``<title>``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from ..api.reads import MeasureEstimate

#: Colors given to sources in order of first appearance (Tableau 10, readable on white).
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7",
    "#bab0ac", "#e15759",
)
WIDTH, HEIGHT = 760, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 30, 30, 50


def source_colors(estimates: Sequence[MeasureEstimate]) -> dict[str, str]:
    """A color per source (``"unknown"`` for none), in order of first appearance."""
    out: dict[str, str] = {}
    for e in estimates:
        name = e.source or "unknown"
        if name not in out:
            out[name] = PALETTE[len(out) % len(PALETTE)]
    return out


def _ordinal(value: str | None) -> int | None:
    """Days since year 1 of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date, else ``None``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat((value + "-01-01")[:10]).toordinal()
    except ValueError:
        return None


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    step = 10 ** math.floor(math.log10(span / n))
    for m in (1, 2, 5, 10):
        if span / (step * m) <= n:
            step *= m
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1 or x == 0 else f"{x:g}"


def measure_svg(estimates: Sequence[MeasureEstimate], *, title: str = "") -> Markup:
    """The SVG chart of a measure's ``estimates`` (oldest first), safe to embed in HTML."""
    colors = source_colors(estimates)
    finite = [v for e in estimates for v in (e.low, e.high) if v is not None]
    lo_v, hi_v = (min(finite), max(finite)) if finite else (0.0, 1.0)
    log = bool(finite) and lo_v > 0 and hi_v / lo_v > 100
    if log:
        y0, y1 = math.log10(lo_v) - 0.3, math.log10(hi_v) + 0.3
    else:
        pad = (hi_v - lo_v) * 0.15 or max(abs(hi_v) * 0.15, 1.0)
        y0, y1 = min(0.0, lo_v - pad) if lo_v >= 0 else lo_v - pad, hi_v + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(v: float) -> float:
        t = math.log10(v) if log else v
        return TOP + plot_h * (1 - (t - y0) / (y1 - y0))

    days = [_ordinal(e.date) for e in estimates]
    known = [d for d in days if d is not None]
    undated = any(d is None for d in days)
    d0, d1 = (min(known), max(known)) if known else (0, 1)
    if d1 - d0 < 2:
        d0, d1 = d0 - 15, d1 + 15
    dated_w = plot_w - (60 if undated else 0)

    def x_of(d: int | None) -> float:
        if d is None:
            return LEFT + plot_w - 30
        return LEFT + 20 + (dated_w - 40) * (d - d0) / (d1 - d0)

    # Estimates at the same x are spread a few pixels apart so every mark stays visible.
    slots: dict[int, int] = {}
    xs: list[float] = []
    for d in days:
        key = round(x_of(d))
        xs.append(x_of(d))
        slots[key] = slots.get(key, 0) + 1
    seen: dict[int, int] = {}
    for i, d in enumerate(days):
        key = round(x_of(d))
        k = seen.get(key, 0)
        seen[key] = k + 1
        xs[i] += (k - (slots[key] - 1) / 2) * 14

    parts: list[str] = [
        f'<svg class="measure-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(title or "estimates over time")}">',
        f"<title>{escape(title or 'estimates over time')}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="context-stroke"/></marker></defs>',
        f'<rect class="plot" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" '
        'fill="#fafafa" stroke="#ccc"/>',
    ]
    ticks = (
        [10**k for k in range(math.ceil(y0), math.floor(y1) + 1)] if log
        else _nice_ticks(y0, y1)
    )
    for t in ticks:
        ty = y(t)
        if TOP - 0.5 <= ty <= TOP + plot_h + 0.5:
            parts.append(
                f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{ty:.1f}" '
                f'y2="{ty:.1f}" stroke="#e3e3e3"/><text class="tick" x="{LEFT - 6}" '
                f'y="{ty + 4:.1f}" text-anchor="end" font-size="11">{_fmt(t)}</text>'
            )
    if known:
        # Ticks at half days round to the same day: label each day once.
        for t in sorted({int(t) for t in _nice_ticks(d0, d1, 5)}):
            day = dt.date.fromordinal(t)
            tx = x_of(t)
            if LEFT <= tx <= LEFT + dated_w:
                parts.append(
                    f'<text class="tick" x="{tx:.1f}" y="{TOP + plot_h + 18}" '
                    f'text-anchor="middle" font-size="11">{day.isoformat()}</text>'
                )
    if undated:
        parts.append(
            f'<text class="tick" x="{LEFT + plot_w - 30}" y="{TOP + plot_h + 18}" '
            'text-anchor="middle" font-size="11">undated</text>'
        )
    for e, x in zip(estimates, xs, strict=True):
        parts.append(_mark(e, x, colors[e.source or "unknown"], y, TOP, TOP + plot_h))
    parts.append("</svg>")
    return Markup("".join(parts))


def _mark(
    e: MeasureEstimate,
    x: float,
    color: str,
    y: Callable[[float], float],
    top: float,
    bottom: float,
) -> str:
    conflict = bool(e.conflicts_with)
    label = (
        f"{e.quantity}: {e.interval} — {e.source or 'unknown source'}"
        f"{' via ' + ', '.join(e.via) if e.via else ''}, {e.date or 'undated'}"
        f"{', ' + e.outlet if e.outlet else ''}"
        + (f"; conflicts with estimate {', '.join(str(i + 1) for i in e.conflicts_with)}"
           if conflict else "")
    )
    cls = "estimate conflict" if conflict else "estimate"
    out = [
        f'<g class="{cls}" data-index="{e.index}" data-source="{escape(e.source or "")}" '
        f'data-low="{"" if e.low is None else e.low}" '
        f'data-high="{"" if e.high is None else e.high}"><title>{escape(label)}</title>'
    ]
    y_low = bottom if e.low is None else y(e.low)
    y_high = top if e.high is None else y(e.high)
    dash = ' stroke-dasharray="4 3"' if e.approximate else ""
    if e.low is not None and e.high is not None and e.low == e.high:
        out.append(f'<circle cx="{x:.1f}" cy="{y_low:.1f}" r="5" fill="{color}"/>')
    else:
        start = ' marker-start="url(#arrow)"' if e.low is None else ""
        end = ' marker-end="url(#arrow)"' if e.high is None else ""
        out.append(
            f'<line class="range" x1="{x:.1f}" x2="{x:.1f}" y1="{y_low:.1f}" y2="{y_high:.1f}" '
            f'stroke="{color}" stroke-width="4"{dash}{start}{end}/>'
        )
        for v, yy, inc in ((e.low, y_low, e.low_inclusive), (e.high, y_high, e.high_inclusive)):
            if v is not None:
                fill = color if inc else "#fff"
                out.append(
                    f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="5" fill="{fill}" stroke="{color}" '
                    'stroke-width="2"/>'
                )
    if conflict:
        ty = min(y_low, y_high) - 10
        out.append(
            f'<text class="conflict-flag" x="{x:.1f}" y="{max(ty, top + 12):.1f}" '
            'text-anchor="middle" font-size="14" fill="#c00">⚠</text>'
        )
    out.append("</g>")
    return "".join(out)
