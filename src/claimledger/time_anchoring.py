"""Calendar arithmetic that turns a relative time expression into a TIMEX3 value.

Every function here is pure and takes the anchor (a publication date, or a statement's own
date) explicitly. None of them guesses: when the arithmetic leaves the calendar (a year before
1 or after 9999) they raise ``OverflowError``/``ValueError`` and the caller turns that into a
diagnostic.

News convention: a bare weekday ("said Saturday") is the latest such day on or before the
anchor; a bare month or month-day takes the year that puts it nearest to the anchor, unless the
text points to the past ("since December") or to the future ("will meet on March 3").
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Direction = Literal["past", "future", "nearest"]

#: Meteorological seasons as TimeML names them, with their first month.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def month(year: int, mon: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{mon:02d}"


def week(d: dt.date) -> str:
    """The ISO week of ``d`` as ``YYYY-Www``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekday(
    anchor: dt.date, wd: int, direction: Direction = "past", *, strict: bool = False
) -> dt.date:
    """The day of week ``wd`` (Monday 0) nearest ``anchor`` in ``direction``.

    ``past``: the latest on or before the anchor (strictly before when ``strict``, as in
    "last Friday"); ``future``: the earliest on or after it (strictly after when ``strict``, as
    in "next Friday"); ``nearest`` is read as ``past`` (news reports mostly look back).
    """
    if direction == "future":
        delta = (wd - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def add_months(year: int, mon: int, n: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``n`` months; raises ``ValueError`` off the calendar."""
    index = year * 12 + (mon - 1) + n
    y, m = divmod(index, 12)
    if not 1 <= y <= 9999:
        raise ValueError(f"year {y} is out of range")
    return y, m + 1


def shift(anchor: dt.date, n: int, unit: str) -> str:
    """``anchor`` moved by ``n`` units (negative: back), at the unit's granularity.

    ``unit`` is one of ``D W M Y DE CE Q``. Days and weeks give a day, months a month, years
    and longer a year. Raises ``OverflowError``/``ValueError`` off the calendar.
    """
    if unit == "D":
        return day(anchor + dt.timedelta(days=n))
    if unit == "W":
        return day(anchor + dt.timedelta(weeks=n))
    if unit == "M":
        return month(*add_months(anchor.year, anchor.month, n))
    if unit == "Q":
        return month(*add_months(anchor.year, anchor.month, 3 * n))
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    if years is None:
        raise ValueError(f"unknown unit {unit!r}; expected one of D W M Q Y DE CE")
    y = anchor.year + n * years
    if not 1 <= y <= 9999:
        raise ValueError(f"year {y} is out of range")
    return f"{y:04d}"


def month_year(anchor: dt.date, mon: int, direction: Direction = "nearest") -> int:
    """The year of a bare month name read against ``anchor``.

    ``past``: the latest such month on or before the anchor's month; ``future``: the earliest
    on or after it; ``nearest``: the past one unless the future one is less than half as far.
    """
    past = anchor.year if mon <= anchor.month else anchor.year - 1
    future = anchor.year if mon >= anchor.month else anchor.year + 1
    if direction == "past":
        return past
    if direction == "future":
        return future
    back = (anchor.year - past) * 12 + anchor.month - mon
    ahead = (future - anchor.year) * 12 + mon - anchor.month
    # News mostly looks back: the future reading must be much nearer to win.
    return future if 2 * ahead < back else past


def month_day_year(anchor: dt.date, mon: int, dom: int, direction: Direction = "nearest") -> int:
    """The year of a month-day without a year ("January 11") read against ``anchor``.

    Raises ``ValueError`` when no year near the anchor has that day (February 30).
    """
    candidates: list[dt.date] = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if 1 <= y <= 9999 and dom <= calendar.monthrange(y, mon)[1]:
            candidates.append(dt.date(y, mon, dom))
    if not candidates:
        raise ValueError(f"no year near {anchor} has day {dom} of month {mon}")
    if direction == "past":
        before = [c for c in candidates if c <= anchor]
        if before:
            return max(before).year
    elif direction == "future":
        after = [c for c in candidates if c >= anchor]
        if after:
            return min(after).year
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c > anchor]
    if before and after:
        back, ahead = (anchor - max(before)).days, (min(after) - anchor).days
        # News mostly looks back: the future reading must be much nearer to win.
        return min(after).year if 2 * ahead < back else max(before).year
    return (max(before) if before else min(after)).year


def season(anchor: dt.date, name: str, relation: str) -> str:
    """``YYYY-SS`` for "this/last/next <season>" read against ``anchor``.

    ``relation`` is ``this``, ``last`` or ``next``. Winter is named for the year it starts in.
    """
    start = SEASON_START[name]
    # The year the latest instance of the season (on or before the anchor) began in.
    current = anchor.year if anchor.month >= start else anchor.year - 1
    if relation == "this":
        year = anchor.year if name != "WI" or anchor.month >= 12 else anchor.year - 1
    elif relation == "last":
        # The latest instance that has ended: if we are inside the season, the one before.
        inside = _in_season(anchor, name)
        year = current - 1 if inside else current
    elif relation == "next":
        year = current + 1
    else:
        raise ValueError(f"relation must be this, last or next, got {relation!r}")
    return f"{year:04d}-{name}"


def _in_season(d: dt.date, name: str) -> bool:
    start = SEASON_START[name]
    months = {(start + i - 1) % 12 + 1 for i in range(3)}
    return d.month in months


def quarter_year(anchor: dt.date, q: int) -> int:
    """The year of "the third quarter" read against ``anchor``: a quarter not yet begun is
    last year's (a report in February about "the fourth quarter")."""
    current = (anchor.month - 1) // 3 + 1
    return anchor.year if q <= current else anchor.year - 1


def weekend(anchor: dt.date, relation: str) -> str:
    """``YYYY-Www-WE`` of "this/last/next weekend" or "the weekend" (``this``)."""
    saturday = weekday(anchor, 5, "past")
    if relation == "next":
        saturday = weekday(anchor, 5, "future", strict=True)
    elif relation == "last" and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return week(saturday) + "-WE"
