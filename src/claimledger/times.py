"""Time expressions: find them and normalize them to TimeML TIMEX3 types and values.

The grammar (``time_grammar``) is a set of compiled regular expressions, so this stage costs a
few milliseconds per article and needs no parse. Every candidate match proposes a span, a type
(DATE, TIME, DURATION, SET) and a function from an anchor date to a value; the longest
non-overlapping candidates win. Relative expressions ("on Saturday", "two weeks ago", "last
month") are resolved against the anchor, which is the publication date, or a statement's own
date when ``statement_dates`` re-resolves the times inside reported speech (``resolve``).

Span conventions follow the project's gold: "on" before a weekday and "since" before a date
are inside the mention ("on Saturday", "since 2021"), as is "ago" ("two weeks ago").
TimeML leaves prepositions out; ``timeml_extent`` gives that reading for TempEval scoring.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .model import Diagnostic, Span, TimeExpression
from .time_grammar import GATES, RULES, Hit

#: Text beyond this many characters is not searched (and a diagnostic says so).
MAX_CHARS = 2_000_000
# How much text around a mention ``resolve`` re-reads, for the context words its rules use.
_CONTEXT = 80
_LEADING = re.compile(r"(?i)(?:on|since)\s+")


def find_times(
    text: str, anchor: dt.date | None
) -> tuple[tuple[TimeExpression, ...], tuple[Diagnostic, ...]]:
    """Every time expression of ``text``, resolved against ``anchor`` (the publication date).

    Args:
        text: the canonical text; offsets of the results index it.
        anchor: the date relative expressions are read against; ``None`` leaves their value
            ``None`` (or an anchor-free value such as ``PRESENT_REF``), never a guessed date.

    Returns:
        The time expressions in text order, and diagnostics for dates that cannot exist
        ("February 30", "13/45/2020") or arithmetic that leaves the calendar.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``anchor`` is neither a date nor ``None``.
    """
    _check(text, anchor)
    diagnostics: list[Diagnostic] = []
    if len(text) > MAX_CHARS:
        diagnostics.append(
            Diagnostic("text_truncated", f"times searched in the first {MAX_CHARS} characters")
        )
    hits, diags = _scan(text, 0, min(len(text), MAX_CHARS))
    diagnostics.extend(diags)
    out: list[TimeExpression] = []
    for hit in hits:
        expression, problem = _express(hit, text, anchor)
        out.append(expression)
        if problem:
            diagnostics.append(problem)
    return tuple(out), tuple(diagnostics)


def resolve(expression: TimeExpression, text: str, anchor: dt.date | None) -> TimeExpression:
    """The same mention re-resolved against another anchor (a statement's own date).

    The mention is re-read with the words around it; if the grammar no longer yields a
    mention with exactly these bounds (the text changed), the expression comes back as it was.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``anchor`` is neither a date nor ``None``.
    """
    _check(text, anchor)
    s, e = expression.span.start, expression.span.end
    hits, _ = _scan(text, max(0, s - _CONTEXT), min(len(text), e + _CONTEXT))
    for hit in hits:
        if (hit.start, hit.end) == (s, e):
            if not hit.relative:
                return expression
            resolved, _ = _express(hit, text, anchor)
            return replace(resolved, attribution=expression.attribution)
    return expression


def timeml_extent(span: Span) -> Span:
    """``span`` without a leading "on"/"since", as TimeML marks the extent of a TIMEX3."""
    m = _LEADING.match(span.text)
    if not m or m.end() == len(span.text):
        return span
    return Span(span.start + m.end(), span.end, span.text[m.end() :])


def _check(text: object, anchor: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if anchor is not None and not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date or None, got {type(anchor).__name__}")


def _scan(text: str, lo: int, hi: int) -> tuple[list[Hit], list[Diagnostic]]:
    """Run every rule over ``text[lo:hi]``; keep the longest non-overlapping results."""
    found: list[Hit | Diagnostic] = []
    window = text[lo:hi]
    lower = window.lower()
    for pattern, handler in RULES:
        gate = GATES.get(handler.__name__)
        if gate and not (any(g in window for g in gate[0]) or any(g in lower for g in gate[1])):
            continue
        for m in pattern.finditer(text, lo, hi):
            try:
                result = handler(m, text)
            except (ValueError, OverflowError, KeyError) as err:
                # A local problem (an odd number or date) must not cost the whole article.
                result = Diagnostic("unparsed_time", f"{m.group()!r}: {err}", m.start(), m.end())
            if result is not None:
                found.append(result)
    # Longest first; a diagnostic (an impossible date) blocks the shorter readings inside it,
    # so "February 30, 2024" does not come back as the year 2024.
    found.sort(key=lambda r: (-(_end(r) - _start(r)), _start(r)))
    taken: list[tuple[int, int]] = []
    hits: list[Hit] = []
    diags: list[Diagnostic] = []
    for r in found:
        s, e = _start(r), _end(r)
        if s >= e or any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        if isinstance(r, Hit):
            hits.append(r)
        else:
            diags.append(r)
    hits.sort(key=lambda h: (h.start, h.end))
    diags.sort(key=lambda d: (_start(d), _end(d)))
    return hits, diags


def _start(r: Hit | Diagnostic) -> int:
    return r.start if r.start is not None else 0


def _end(r: Hit | Diagnostic) -> int:
    return r.end if r.end is not None else 0


def _express(
    hit: Hit, text: str, anchor: dt.date | None
) -> tuple[TimeExpression, Diagnostic | None]:
    problem: Diagnostic | None = None
    try:
        value = hit.compute(anchor)
    except (ValueError, OverflowError) as err:
        value = None
        problem = Diagnostic(
            "unresolved_time", f"{text[hit.start : hit.end]!r}: {err}", hit.start, hit.end
        )
    used = anchor.isoformat() if hit.relative and anchor is not None else None
    return (
        TimeExpression(
            span=Span.of(text, hit.start, hit.end), type=hit.type, value=value, anchor=used
        ),
        problem,
    )
