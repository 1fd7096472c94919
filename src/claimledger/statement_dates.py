"""Statement dates: ``said_on`` from the time expression attached to a cue (STUB)."""

from __future__ import annotations

import datetime as dt

from .model import Attribution, TimeExpression


def assign(
    text: str,
    attributions: tuple[Attribution, ...],
    found_times: tuple[TimeExpression, ...],
    anchor: dt.date | None,
) -> tuple[tuple[Attribution, ...], tuple[TimeExpression, ...]]:
    """Set ``said_on`` where the text dates the statement, and re-anchor times inside it."""
    return attributions, found_times
