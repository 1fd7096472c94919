"""Days and times read against the anchor: "last week", "next year", "today",
"tomorrow morning", "this evening", "on Saturday", "last Monday night" and clock times ("5 p.m.
Tuesday", "noon on March 3").

Handlers for the rules of ``time_grammar``; each returns a ``Hit`` whose value is a function of
the anchor date, a ``Diagnostic`` for a clock time that cannot exist ("13 p.m."), or ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from . import time_anchoring as ta
from .model import Diagnostic
from .time_grammar_words import (
    MONTHS,
    PART_OF_DAY,
    WEEKDAYS,
    Hit,
    Result,
    direction,
    duration_value,
    impossible,
    nearest_or,
    next_word,
    since_start,
    story_year,
    unit_of,
    valid_day,
    year_of,
)


def named_relative(m: re.Match[str], text: str) -> Result:
    rel = re.sub(r"\s+", " ", m["rel"].lower()).replace(" fiscal", "")
    unit = m["unit"].lower()
    if rel in {"the past", "the last", "the next", "past", "the coming", "the first"}:
        # "the past year" is a stretch of time, not a calendar year (TimeML).
        if unit == "weekend":
            return None
        value = duration_value(1, unit_of(unit))
        return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)
    step = {
        "this": 0,
        "the current": 0,
        "current": 0,
        "last": -1,
        "next": 1,
        "this past": -1,
        "this coming": 1,
        "previous": -1,
        "the previous": -1,
        "coming": 1,
        "the following": 1,
    }.get(rel)
    if step is None:
        return None
    if unit == "year" and rel in {"the following", "the previous", "previous"}:
        # "the following year" counts from the year the story is at, not from the anchor
        told = story_year(text, m.start())
        if told is not None:
            value = f"{told + step:04d}"
            return Hit(m.start(), m.end(), "DATE", lambda a: value, False)

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        if unit == "week":
            return ta.week(a + dt.timedelta(weeks=step))
        if unit == "weekend":
            return ta.weekend(a, {0: "this", -1: "last", 1: "next"}[step])
        if unit == "month":
            return ta.month(*ta.add_months(a.year, a.month, step))
        if unit == "quarter":
            y, mo = ta.add_months(a.year, a.month, 3 * step)
            return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
        if unit == "year":
            return f"{a.year + step:04d}"
        if unit == "decade":
            return f"{a.year // 10 + step:03d}"
        return f"{a.year // 100 + step:02d}"  # century

    return Hit(m.start(), m.end(), "DATE", compute)


_DEICTIC: dict[str, tuple[str, int | str]] = {
    "today": ("DATE", 0),
    "yesterday": ("DATE", -1),
    "tomorrow": ("DATE", 1),
    "tonight": ("TIME", "NI"),
    "now": ("DATE", "PRESENT_REF"),
    "currently": ("DATE", "PRESENT_REF"),
    "current": ("DATE", "PRESENT_REF"),
    "nowadays": ("DATE", "PRESENT_REF"),
    "at present": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"),
    "recently": ("DATE", "PAST_REF"),
    "lately": ("DATE", "PAST_REF"),
    "the past": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"),
    "the foreseeable future": ("DATE", "FUTURE_REF"),
}


def deictic(m: re.Match[str], text: str) -> Result:
    word = re.sub(r"\s+", " ", m["w"].lower())
    pod = (m["pod"] or "").lower()
    kind, what = _DEICTIC[word]
    if word == "current" and not next_word(text, m.end())[:1].islower():
        return None  # the noun ("electric current", "the current")
    if isinstance(what, str) and what.endswith("_REF"):
        return Hit(m.start(), m.end(), kind, lambda a: what, False)
    if isinstance(what, str):  # tonight
        return Hit(
            m.start(), m.end(), "TIME", lambda a: None if a is None else f"{a.isoformat()}T{what}"
        )
    offset = what
    if pod:
        tag = PART_OF_DAY[pod]
        return Hit(
            m.start(),
            m.end(),
            "TIME",
            lambda a: None if a is None else f"{(a + dt.timedelta(days=offset)).isoformat()}T{tag}",
        )
    return Hit(
        m.start(),
        m.end(),
        "DATE",
        lambda a: None if a is None else ta.day(a + dt.timedelta(days=offset)),
    )


def part_of_day(m: re.Match[str], text: str) -> Result:
    rel = m["rel"].lower()
    tag = PART_OF_DAY[m["pod"].lower()]
    offset = -1 if rel == "last" else 0
    if rel == "last" and tag != "NI":
        return None  # "last morning" is not an idiom
    return Hit(
        m.start(),
        m.end(),
        "TIME",
        lambda a: None if a is None else f"{(a + dt.timedelta(days=offset)).isoformat()}T{tag}",
    )


def weekday(m: re.Match[str], text: str) -> Result:
    wd = WEEKDAYS[m["wd"].rstrip(".")]
    pre = re.sub(r"\s+", " ", (m["pre"] or "").strip().lower())
    pod = (m["pod"] or "").strip().lower()
    start = since_start(text, m.start())
    strict = pre in {"last", "next", "this past"}
    way: ta.Direction
    if pre in {"last", "this past"} or start < m.start():
        way = "past"
    elif pre in {"next", "this", "this coming", "coming", "until", "by"}:
        way = "future"
    else:
        way = direction(text, m.start())
    kind = "TIME" if pod else "DATE"
    tag = PART_OF_DAY.get(pod, "")

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        d = ta.day(ta.weekday(a, wd, way, strict=strict))
        return f"{d}T{tag}" if tag else d

    return Hit(start, m.end(), kind, compute)


def clock_time(m: re.Match[str], text: str) -> Result:
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() in {"noon", "midday"} else (24, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ap = m["ap"].lower()
        if not (1 <= hour <= 12 and minute <= 59):
            return Diagnostic(
                "impossible_date", f"no such time of day: {m.group()!r}", m.start(), m.end()
            )
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    second = int(m["se"] or 0) if not m["noon"] else 0
    if second > 59:
        return Diagnostic(
            "impossible_date", f"no such time of day: {m.group()!r}", m.start(), m.end()
        )
    clock = f"T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    wd = m["wd"]
    rel = (m["rel"] or m["rel0"] or "").lower()
    if m["cmon"]:
        mon, dom, year = MONTHS[m["cmon"].rstrip(".")], int(m["cday"]), year_of(m["cyear"])
        if not valid_day(year, mon, dom):
            return impossible(m, "no such day in that month")
        way = nearest_or(direction(text, m.start()))

        def dated(a: dt.date | None) -> str | None:
            y = year or (None if a is None else ta.month_day_year(a, mon, dom, way))
            return f"{'XXXX' if y is None else f'{y:04d}'}-{mon:02d}-{dom:02d}{clock}"

        return Hit(m.start(), m.end(), "TIME", dated, year is None)

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return f"XXXX-XX-XX{clock}"
        if wd:
            d = ta.weekday(a, WEEKDAYS[wd], direction(text, m.start()))
        else:
            d = a + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(rel, 0))
        return f"{d.isoformat()}{clock}"

    return Hit(m.start(), m.end(), "TIME", compute)
