"""Parts of a year: quarters and halves ("the third quarter", "Q3 2019", "the year-ago
quarter"), seasons ("last summer", "fall 2020"), "the latest quarter", "the year", "year-end".

Handlers for the rules of ``time_grammar``; each returns a ``Hit``, or ``None`` when the match is
no time ("a quarter of", "Person of the Year", "year-end results").
"""

from __future__ import annotations

import datetime as dt
import re

from . import time_anchoring as ta
from .time_grammar_words import (
    SEASONS,
    Hit,
    Result,
    about_quarters,
    duration_value,
    next_word,
    since_start,
    unit_of,
    year_of,
)

_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "q1": 1,
    "q2": 2,
    "q3": 3,
    "q4": 4,
}


def quarter(m: re.Match[str], text: str) -> Result:
    groups = m.groupdict()
    half = (m["kind"] or "").lower().startswith("half")
    year = year_of(m["year"] or m["year2"])
    word = m["q"].lower()
    if word == "last":
        if year is None:
            return None  # "the last quarter" is the one before the anchor's (``latest_quarter``)
        q = 2 if half else 4
    else:
        q = _ORDINAL[word]
    if half and q > 2:
        return None
    tag = f"H{q}" if half else f"Q{q}"
    pre = re.sub(r"\s+", " ", (groups.get("pre") or "").lower())
    start = m.start()
    hyphen = "-" in (groups.get("sep") or "")
    if groups.get("the") and not pre and not groups.get("fiscal") and hyphen:
        start = m.start("q")  # "the third-quarter loss": TimeML leaves the article out
    if pre[:1].isdigit():
        year = int(pre)  # "the 1988 third quarter"
    if year is not None:
        value = f"{year:04d}-{tag}"
        return Hit(start, m.end(), "DATE", lambda a: value, False)
    # "next year's first quarter", "the year-ago third quarter"
    shift = {"this": 0, "next": 1, "last": -1}.get(pre.split(" ")[0]) if pre else None
    ago = pre.startswith("year-")

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        if shift is not None:
            return f"{a.year + shift:04d}-{tag}"
        y = (
            (a.year if q <= (a.month - 1) // 6 + 1 else a.year - 1)
            if half
            else ta.quarter_year(a, q)
        )
        # "the year-ago third quarter": the latest third quarter, a year back
        return f"{y - 1 if ago else y:04d}-{tag}"

    return Hit(start, m.end(), "DATE", compute)


def season(m: re.Match[str], text: str) -> Result:
    name = SEASONS[m["s"].lower()]
    if not (m["rel"] or m["year"]):
        return None  # a bare "fall" is mostly the verb; a bare "summer" has no anchor reading
    if m["year"]:
        value = f"{int(m['year']):04d}-{name}"
        return Hit(m.start(), m.end(), "DATE", lambda a: value, False)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").strip().lower())
    relation = {
        "last": "last",
        "this past": "last",
        "next": "next",
        "this coming": "next",
        "the coming": "next",
    }.get(rel, "this")
    return Hit(
        m.start(), m.end(), "DATE", lambda a: None if a is None else ta.season(a, name, relation)
    )


def latest_quarter(m: re.Match[str], text: str) -> Result:
    """ "the (latest) quarter" in a news report is the last quarter that has ended; so is "the
    latest period" in a report that speaks of quarters."""
    if m.group().lower().endswith("period") and not about_quarters(text, m.start(), m.end()):
        return None

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        y, mo = ta.add_months(a.year, a.month, -3)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"

    return Hit(m.start(), m.end(), "DATE", compute)


def year_quarter(m: re.Match[str], text: str) -> Result:
    """ "the 1988 quarter" (or "period", in a report on quarters): the quarter of that year that
    the report is about, i.e. the one that ended last before the anchor."""
    year = int(m["year"])
    if m["what"].lower() == "period" and not about_quarters(text, m.start(), m.end()):
        return None

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        _, mo = ta.add_months(a.year, a.month, -3)
        return f"{year:04d}-Q{(mo - 1) // 3 + 1}"

    return Hit(m.start(), m.end(), "DATE", compute)


def the_period(m: re.Match[str], text: str) -> Result:
    """ "the year", "the full year", "the week": the anchor's year or week; "the fiscal year
    ended June 30" is a year-long stretch."""
    unit = m["unit"]
    if unit != unit.lower():
        return None  # "Person of the Year", a title
    after = text[m.end() : m.end() + 16]
    if re.match(r"\s*(?:[0-9]|-|['’]s\s+(?:end|close))|\s+(?:before|after|earlier)\b", after):
        # "the year 2000" (the year itself is the mention), "the year-end", and "the year
        # before", which counts from an event, not from the anchor
        return None
    if re.match(r"\s+(?:ended|ending|to\s+date|through)\b", after):
        value = duration_value(1, unit_of(unit))
        return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)
    if unit == "week":
        return Hit(m.start(), m.end(), "DATE", lambda a: None if a is None else ta.week(a))
    return Hit(m.start(), m.end(), "DATE", lambda a: None if a is None else f"{a.year:04d}")


#: Words that may follow a time expression used as a noun ("by year-end and ...").
_FUNCTION_WORDS = {
    "and",
    "or",
    "but",
    "to",
    "in",
    "of",
    "at",
    "for",
    "with",
    "when",
    "as",
    "is",
    "was",
    "will",
    "would",
    "because",
    "according",
    "if",
    "than",
    "from",
    "after",
    "before",
}


def year_end(m: re.Match[str], text: str) -> Result:
    """ "year-end", "by year's end", "the end of the year": the anchor's year (the one before
    after "since": "up 5% since year-end")."""
    nxt = next_word(text, m.end())
    if nxt[:1].islower() and nxt not in _FUNCTION_WORDS:
        return None  # an adjective: "year-end results", "the year-end rush"
    start = since_start(text, m.start())
    back = start < m.start()
    return Hit(start, m.end(), "DATE", lambda a: None if a is None else f"{a.year - back:04d}")
