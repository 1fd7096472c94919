"""Highlighting a canonical text: code-point spans in, escaped HTML out.

Offsets are Python ``str`` indices (code points). The browser counts UTF-16 units, so the
server does all the slicing: :func:`render` cuts the text at every span boundary and wraps each
piece in ``<span>`` elements, escaping the text. Every element carries ``data-start`` and
``data-end`` in code points, so nothing in the browser ever computes an offset.

Spans may nest (a quantity inside a claim's content, a claim reported inside another) or cross
(a time expression running over the end of a content). Nested spans become nested elements;
where two spans cross, the inner one is closed at the boundary and reopened after it, so one
span may be drawn as several fragments, each with its own ``data-start``/``data-end`` and the
whole span's ``data-span-start``/``data-span-end``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..model import Attribution, Extraction


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to draw: ``cls`` is the CSS class, ``attrs`` more attributes of every fragment,
    ``first`` attributes of the first fragment only (an ``id`` must not repeat). ``rank``
    orders marks with equal start and end: lower is outer."""

    start: int
    end: int
    cls: str
    attrs: tuple[tuple[str, str], ...] = ()
    first: tuple[tuple[str, str], ...] = ()
    rank: int = 0
    title: str | None = field(default=None)


def _open_tag(mark: Mark, start: int, end: int, first: bool) -> str:
    parts = [f'<span class="{escape(mark.cls)}" data-start="{start}" data-end="{end}"']
    if (start, end) != (mark.start, mark.end):
        parts.append(f' data-span-start="{mark.start}" data-span-end="{mark.end}"')
    for k, v in mark.attrs + (mark.first if first else ()):
        parts.append(f' {k}="{escape(v)}"')
    if mark.title:
        parts.append(f' title="{escape(mark.title)}"')
    parts.append(">")
    return "".join(parts)


def render(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as escaped HTML with every mark wrapped in ``<span>`` elements.

    Marks that are empty or fall outside ``text`` are skipped (the stored offsets are checked
    when written, so this only guards against a caller's mistake); nothing else is dropped.
    """
    n = len(text)
    valid = sorted(
        (m for m in marks if 0 <= m.start < m.end <= n),
        key=lambda m: (m.start, -m.end, m.rank),
    )
    bounds = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    # Open fragments: (mark, index in out of its opening tag, fragment start, first fragment?).
    stack: list[tuple[Mark, int, int, bool]] = []
    started: set[int] = set()
    queue = list(reversed(valid))

    def close_from(i: int, p: int) -> list[Mark]:
        """Close stack[i:] at p; return the marks that continue past p (to reopen)."""
        reopen: list[Mark] = []
        for mark, slot, start, first in reversed(stack[i:]):
            out[slot] = _open_tag(mark, start, p, first)
            out.append("</span>")
            if mark.end > p:
                reopen.append(mark)
        del stack[i:]
        reopen.reverse()
        return reopen

    def open_(mark: Mark, p: int) -> None:
        first = id(mark) not in started
        started.add(id(mark))
        stack.append((mark, len(out), p, first))
        out.append("")  # the opening tag, written when the fragment's end is known

    for k, p in enumerate(bounds):
        ending = [i for i, (m, *_rest) in enumerate(stack) if m.end <= p]
        if ending:
            for mark in close_from(ending[0], p):
                open_(mark, p)
        while queue and queue[-1].start == p:
            open_(queue.pop(), p)
        if k + 1 < len(bounds):
            out.append(str(escape(text[p : bounds[k + 1]])))
    close_from(0, n)
    return Markup("".join(out))


def _interval(low: float | None, high: float | None, lo_inc: bool, hi_inc: bool) -> str:
    def f(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,g}"

    left = "[" if low is not None and lo_inc else "("
    right = "]" if high is not None and hi_inc else ")"
    return f"{left}{'−∞' if low is None else f(low)}, {'∞' if high is None else f(high)}{right}"


def extraction_marks(ex: Extraction) -> list[Mark]:
    """The marks of a document page: each attribution's content, source and cue (tagged with
    its id in ``data-claim``), then quantities and times."""
    marks: list[Mark] = []
    for a in ex.attributions:
        claim = (("data-claim", a.id),)
        hover = claim_summary(a)
        marks.append(Mark(
            a.content.start, a.content.end, f"hl hl-content kind-{a.kind}", claim,
            first=(("id", a.id),), rank=0, title=hover,
        ))
        if a.source is not None:
            marks.append(Mark(a.source.start, a.source.end, "hl hl-source", claim, rank=1,
                              title=hover))
        if a.cue is not None:
            marks.append(Mark(a.cue.start, a.cue.end, "hl hl-cue", claim, rank=1, title=hover))
    for q in ex.quantities:
        interval = _interval(q.low, q.high, q.low_inclusive, q.high_inclusive)
        marks.append(Mark(
            q.span.start, q.span.end, "hl hl-quantity", (("data-interval", interval),),
            rank=2, title=f"{interval}{' approx.' if q.approximate else ''} {q.unit or ''}".strip(),
        ))
    for t in ex.times:
        marks.append(Mark(
            t.span.start, t.span.end, "hl hl-time", (("data-value", t.value or ""),), rank=3,
            title=f"{t.type} {t.value or ''}".strip(),
        ))
    return marks


def claim_summary(a: Attribution) -> str:
    """One line of a claim's fields, shown when the pointer rests on its highlight."""
    who = a.source_entity or (a.source.text if a.source else "anonymous")
    parts = [f"{a.id}: {who}" + (f" ({a.source_role})" if a.source_role else ""), a.kind]
    if a.via:
        parts.append("via " + " ← ".join(a.via))
    for label, value in (("channel", a.channel), ("said on", a.said_on), ("hedge", a.hedge)):
        if value:
            parts.append(f"{label} {value}")
    return " · ".join(parts)


def interval_text(low: float | None, high: float | None, lo_inc: bool, hi_inc: bool) -> str:
    """Interval notation with thousands separators: ``(1,000, ∞)``."""
    return _interval(low, high, lo_inc, hi_inc)
