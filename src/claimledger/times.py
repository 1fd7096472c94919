"""Time expressions: find them and normalize them to TimeML TIMEX3 (STUB, to be replaced)."""

from __future__ import annotations

import datetime as dt

from .model import Diagnostic, TimeExpression


def find_times(
    text: str, anchor: dt.date | None
) -> tuple[tuple[TimeExpression, ...], tuple[Diagnostic, ...]]:
    """Every time expression of ``text``, resolved against ``anchor`` (the publication date)."""
    return (), ()


def resolve(expression: TimeExpression, text: str, anchor: dt.date | None) -> TimeExpression:
    """The same mention re-resolved against another anchor (a statement's own date)."""
    return expression
