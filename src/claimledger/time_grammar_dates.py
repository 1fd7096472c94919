"""Calendar dates the text names outright: "2016-06-28", "6/28/2016", "March 3, 2024",
"3 March", "June 2019", "May", "1999", "the 1990s", "the 19th century", "that year", "the week of
March 6", "nineteen ninety-six" and holidays ("Christmas Eve", "Thanksgiving").

Each handler reads one match of its rule in ``time_grammar`` and returns a ``Hit``, a
``Diagnostic`` for a date that cannot exist ("February 30"), or ``None`` when the match is not a
date after all ("1999 votes", the modal verb "May").
"""

from __future__ import annotations

import datetime as dt
import re

from . import time_anchoring as ta
from .time_grammar_words import (
    COUNT_NEXT,
    COUNT_PREV,
    DETERMINERS,
    MONTH_D_RE,
    MONTHS,
    NOT_PLURAL,
    SEASONS,
    STORY_WINDOW,
    YEAR_PREV,
    Hit,
    Result,
    direction,
    fixed,
    impossible,
    nearest_or,
    next_word,
    number,
    prev_word,
    since_start,
    story_year,
    valid_day,
    year_of,
)


def iso_date(m: re.Match[str], text: str) -> Result:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and y >= 1 and valid_day(y, mo, d)):
        return impossible(m, "no such calendar date")
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["h"]:
        if int(m["h"]) > 24 or int(m["mi"]) > 59:
            return impossible(m, "no such time of day")
        return Hit(m.start(), m.end(), "TIME", lambda a: f"{value}T{m['h']}:{m['mi']}", False)
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


def slash_date(m: re.Match[str], text: str) -> Result:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y <= 30 else 1900
    # US order first (month/day); day/month only when the first cannot be a month.
    for mo, d in ((a, b), (b, a)):
        if 1 <= mo <= 12 and valid_day(y, mo, d):
            value = f"{y:04d}-{mo:02d}-{d:02d}"
            return Hit(m.start(), m.end(), "DATE", fixed(value), False)
    return impossible(m, "no such calendar date")


def month_day(m: re.Match[str], text: str) -> Result:
    mon = MONTHS[m["mon"].rstrip(".")]
    dom = int(m["day"])
    year = year_of(m["year"])
    if not valid_day(year, mon, dom):
        return impossible(m, "no such day in that month")
    start = since_start(text, m.start())
    if year is not None:
        value = f"{year:04d}-{mon:02d}-{dom:02d}"
        return Hit(start, m.end(), "DATE", lambda a: value, False)
    past = start < m.start() or bool(m.groupdict().get("last"))
    way: ta.Direction = "past" if past else nearest_or(direction(text, m.start()))

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return f"XXXX-{mon:02d}-{dom:02d}"
        return f"{ta.month_day_year(a, mon, dom, way):04d}-{mon:02d}-{dom:02d}"

    return Hit(start, m.end(), "DATE", compute)


def month_year(m: re.Match[str], text: str) -> Result:
    mon = MONTHS[m["mon"].rstrip(".")]
    value = f"{int(m['year']):04d}-{mon:02d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def month_name(m: re.Match[str], text: str) -> Result:
    name = m["mon"]
    rel = (m["rel"] or "").strip().lower()
    prev = prev_word(text, m.start())
    # "May" is a modal verb far more often than a month; "March" and "August" less so.
    if name == "May" and not rel and prev not in YEAR_PREV:
        return None
    if not rel and prev == "" and next_word(text, m.end())[:1].islower():
        return None  # sentence-initial verb or name ("March organisers ...")
    mon = MONTHS[name]
    start = since_start(text, m.start())
    if m["ry"]:
        # "June last year", "February this year": the year is named beside the month
        step = {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
        return Hit(
            start,
            m.end(),
            "DATE",
            lambda a: None if a is None else ta.month(a.year + step, mon),
        )
    way: ta.Direction
    if start < m.start() or rel.startswith("last") or rel == "this past":
        way = "past"
    elif rel.startswith("next") or rel == "this coming":
        way = "future"
    else:
        way = nearest_or(direction(text, m.start()))
    strict = rel.startswith(("last", "next"))

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return f"XXXX-{mon:02d}"
        if rel == "this":
            return ta.month(a.year, mon)
        ref = a
        if strict and mon == a.month:
            # "last January" in January is the one a year before
            ref = (
                a.replace(day=1) - dt.timedelta(days=1)
                if way == "past"
                else a.replace(day=28) + dt.timedelta(days=7)
            )
        return ta.month(ta.month_year(ref, mon, way), mon)

    return Hit(start, m.end(), "DATE", compute)


def year_number(m: re.Match[str], text: str) -> Result:
    year = int(m["year"])
    prev = prev_word(text, m.start())
    nxt = next_word(text, m.end())
    follow = text[m.end() : m.end() + 12]
    strong = bool(m["mod"] or m["fiscal"]) or prev in YEAR_PREV or prev in MONTHS
    if re.match(r"(?:-year|-strong|\s*(?:%|percent|per\s?cent))", follow, re.IGNORECASE):
        return None
    if prev in COUNT_PREV or re.search(
        r"[$€£#]\s*$|\bNo\.\s*$", text[max(0, m.start() - 5) : m.start()]
    ):
        return None
    low = nxt.lower()
    if (
        nxt
        and nxt[:1].islower()
        and (
            low in COUNT_NEXT
            or (
                low.endswith("s")
                and len(low) > 3
                and low not in NOT_PLURAL
                # "the 2012 elections", "its 2010 levels": a determiner makes it a year
                and not (prev in DETERMINERS and 1900 <= year <= 2100)
            )
        )
    ):
        return None  # "1999 votes", "2005 residents"
    if not (1000 <= year <= 2100 if strong else 1800 <= year <= 2100):
        return None
    value = f"{year:04d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def decade(m: re.Match[str], text: str) -> Result:
    if m["c"]:
        value = f"{m['c']}{m['d']}"
    else:
        d = m["d2"] or m["d3"]
        value = f"{'20' if d in '01' else '19'}{d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def century(m: re.Match[str], text: str) -> Result:
    n = int(m["n"])
    if not 1 <= n <= 30:
        return None
    value = f"{n - 1:02d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


_STORY_DATE = re.compile(
    rf"(?P<mon>{MONTH_D_RE})\s+(?P<day>[0-9]{{1,2}}),\s*(?P<year>(?:1[89]|20)[0-9]{{2}})(?![0-9])"
)


def that_period(m: re.Match[str], text: str) -> Result:
    """ "that year", "later that year", "earlier that day": the year (or full date) last
    written before it; nothing when the text names none (an anaphor has no anchor reading)."""
    unit = m["unit"].lower()
    if unit == "year":
        told = story_year(text, m.start())
        if told is None:
            return None
        value = f"{told:04d}"
        return Hit(m.start(), m.end(), "DATE", lambda a: value, False)
    dates = list(_STORY_DATE.finditer(text, max(0, m.start() - STORY_WINDOW), m.start()))
    if not dates:
        return None
    d = dates[-1]
    mon, dom, year = MONTHS[d["mon"].rstrip(".")], int(d["day"]), int(d["year"])
    if not valid_day(year, mon, dom):
        return None
    value = f"{year:04d}-{mon:02d}-{dom:02d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


def week_of(m: re.Match[str], text: str) -> Result:
    """ "the week of March 6": the ISO week holding that day."""
    mon, dom, year = MONTHS[m["mon"].rstrip(".")], int(m["day"]), year_of(m["year"])
    if not valid_day(year, mon, dom):
        return impossible(m, "no such day in that month")
    way = nearest_or(direction(text, m.start()))

    def compute(a: dt.date | None) -> str | None:
        y = year or (None if a is None else ta.month_day_year(a, mon, dom, way))
        return None if y is None else ta.week(dt.date(y, mon, dom))

    return Hit(m.start(), m.end(), "DATE", compute, year is None)


_CENTURY_WORDS = {"eighteen": 18, "nineteen": 19, "twenty": 20}


def spoken_year(m: re.Match[str], text: str) -> Result:
    """ "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand":
    years as read aloud in broadcast transcripts."""
    words = re.sub(r"\s+", " ", m["y"].lower())
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].replace(" and ", " ").strip()
        year = 2000 + (int(number(rest) or 0) if rest else 0)
    else:
        head, _, rest = words.partition(" ")
        rest = rest.removeprefix("oh ").removeprefix("oh-")
        tail = 0 if rest == "hundred" else number(rest)
        if tail is None:
            return None
        year = _CENTURY_WORDS[head] * 100 + int(tail)
    written = next_word(text, m.end())
    nxt = written.lower()
    # only a lower-case next word can be the counted noun ("nineteen ninety-one Charles ...")
    plural = written[:1].islower() and nxt.endswith("s") and len(nxt) > 3 and nxt not in NOT_PLURAL
    if prev_word(text, m.start()) in COUNT_PREV or nxt in COUNT_NEXT or plural:
        return None  # "nineteen ninety people" is a count
    if m["mon"]:
        value = f"{year:04d}-{MONTHS[m['mon'].capitalize()]:02d}"
    elif m["season"]:
        value = f"{year:04d}-{SEASONS[m['season'].lower()]}"
    else:
        value = f"{year:04d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "new year’s eve": (12, 31),
    "new year’s day": (1, 1),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "valentine’s day": (2, 14),
}


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def holiday(m: re.Match[str], text: str) -> Result:
    name = m.group().lower()
    year = year_of(m["year"])
    if name.startswith("thanksgiving"):

        def compute(a: dt.date | None) -> str | None:
            y = year or (None if a is None else a.year)
            if y is None:
                return None
            d = _thanksgiving(y)
            if year is None and a is not None and d > a and direction(text, m.start()) == "past":
                d = _thanksgiving(y - 1)  # the latest one, as for any bare date in a report
            return ta.day(d)

        return Hit(m.start(), m.end(), "DATE", compute, year is None)
    key = re.sub(r",?\s+[0-9]{4}$", "", name)
    mon, dom = _HOLIDAYS[re.sub(r"\s+", " ", key)]
    if year is not None:
        value = f"{year:04d}-{mon:02d}-{dom:02d}"
        return Hit(m.start(), m.end(), "DATE", lambda a: value, False)
    way = nearest_or(direction(text, m.start()))
    return Hit(
        m.start(),
        m.end(),
        "DATE",
        lambda a: (
            None if a is None else f"{ta.month_day_year(a, mon, dom, way):04d}-{mon:02d}-{dom:02d}"
        ),
    )
