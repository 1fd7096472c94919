"""Stretches and repetitions of time: durations ("three years", "2 1/2 hours", "5
yrs"), distances from the anchor ("two weeks ago", "a year from now", "the year-earlier
quarter"), vague stretches ("recent weeks", "for years") and sets ("daily", "every other week",
"Mondays").

Handlers for the rules of ``time_grammar``; each returns a ``Hit``, a ``Diagnostic`` for a
duration too long to be meant, or ``None`` when the match is an age or a rate ("five-year-old",
"$5 a day").
"""

from __future__ import annotations

import datetime as dt
import re

from . import time_anchoring as ta
from .model import Diagnostic
from .time_grammar_words import (
    PART_OF_DAY,
    WEEKDAYS,
    Hit,
    Result,
    about_quarters,
    duration_value,
    next_word,
    number,
    prev_word,
    unit_of,
)


def time_set(m: re.Match[str], text: str) -> Result:
    word = m.group().lower()
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
        "nightly": "P1D",
        "quarterly": "P1Q",
        "biweekly": "P2W",
    }
    if word in adverbs:
        value = adverbs[word]
        return Hit(m.start(), m.end(), "SET", lambda a: value, False)
    if m["wd"]:
        value = f"XXXX-WXX-{WEEKDAYS[m['wd']] + 1}"
        return Hit(m.start(), m.end(), "SET", lambda a: value, False)
    if m["pod"]:
        value = f"TXX{PART_OF_DAY[m['pod'].lower()]}"  # "every morning"
        return Hit(m.start(), m.end(), "SET", lambda a: value, False)
    n = number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = None if n is None else 2 * n
    value = duration_value(n, unit_of(m["unit"]))
    return Hit(m.start(), m.end(), "SET", lambda a: value, False)


def weekday_set(m: re.Match[str], text: str) -> Result:
    value = f"XXXX-WXX-{WEEKDAYS[m['wd']] + 1}"
    return Hit(m.start(), m.end(), "SET", lambda a: value, False)


def duration(m: re.Match[str], text: str) -> Result:
    tail = text[m.end() : m.end() + 8].lower()
    if re.match(r"[\s-]*old\b", tail):
        return None  # an age ("five-year-old", "30 years old")
    try:
        n = number(m["num"])
    except ValueError:
        return None
    groups = m.groupdict()
    if n is not None and (groups.get("frac") or groups.get("half")):
        a, b = (groups.get("frac") or "1/2").split("/")
        n += int(a) / int(b)
    num = m["num"].lower()
    post = re.sub(r"\s+", " ", (m["post"] or "").strip().lower())
    unit_word = m["unit"].lower()
    if unit_word.startswith("quarter") and (num in {"a", "an"} or "-" in m.group()):
        return None  # a fraction: "a quarter of", "three-quarters"
    if num in {"a", "an"} and not post:
        prev = prev_word(text, m.start())
        if re.fullmatch(
            r"[0-9$€£][0-9.,]*|once|twice|thrice|times|per|million|billion|\w+[^s]s", prev
        ):
            return None  # a rate: "$5 a day", "twice a year", "four flights a week"
        if unit_word == "second" and next_word(text, m.end())[:1].isalpha():
            return None  # the ordinal: "a second term"
    if n is not None and n > 100000:
        return Diagnostic(
            "implausible_duration",
            f"duration too long to be meant: {m.group()!r}",
            m.start(),
            m.end(),
        )
    unit = unit_of(m["unit"])
    if post in {"ago", "earlier", "before now"}:
        return _ago(m, n, unit, -1, quarterly=about_quarters(text, m.start(), m.end()))
    if post in {"from now", "hence"}:
        return _ago(m, n, unit, 1)
    value = duration_value(n, unit)
    start = m.start()
    lead = re.match(r"(?i)the\s+", m.group())
    if lead and m.start() + lead.end() == m.start("num") and "-" in (groups.get("sep") or ""):
        start = m.start("num")  # "the eight-year war": the article belongs to the noun
    if post in {"later", "after"}:
        # TimeBank marks "three days" in "three days later" as a duration and leaves "later"
        # out; the date it points to depends on an event, not on the anchor.
        return Hit(start, m.start("post"), "DURATION", lambda a: value, False)
    return Hit(start, m.end(), "DURATION", lambda a: value, False)


def _ago(
    m: re.Match[str], n: float | None, unit: str, sign: int, *, quarterly: bool = False
) -> Result:
    if n is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Hit(m.start(), m.end(), "DATE", lambda a: ref, False)
    if unit in ("S", "MIN", "H"):
        days = int(n // 24) if unit == "H" else 0
        unit, n = "D", days
    if unit == "2W":
        unit, n = "W", 2 * n
    whole = int(n)

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        try:
            if quarterly and unit == "Y":
                # "a year earlier" beside "third-quarter profit": the same quarter a year back,
                # i.e. the last quarter that has ended, moved back ``whole`` years.
                y, mo = ta.add_months(a.year - whole, a.month, -3)
                return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
            return ta.shift(a, sign * whole, unit)
        except (OverflowError, ValueError):
            return None

    return Hit(m.start(), m.end(), "DATE", compute)


def year_ago(m: re.Match[str], text: str) -> Result:
    """ "year-earlier profit", "the year-ago quarter": the same period a year before."""
    quarterly = (m["what"] or "").lower() in {"quarter", "period"} or about_quarters(
        text, m.start(), m.end()
    )

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        if quarterly:
            y, mo = ta.add_months(a.year - 1, a.month, -3)
            return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
        return f"{a.year - 1:04d}"

    return Hit(m.start(), m.end(), "DATE", compute)


def recent_units(m: re.Match[str], text: str) -> Result:
    """ "recent weeks", "coming months", "the years ahead": a stretch of unknown length (as
    TimeBank mostly marks them); "future quarters" points to the future."""
    if m["w"].lower() == "future":
        return Hit(m.start(), m.end(), "DATE", lambda a: "FUTURE_REF", False)
    value = duration_value(None, unit_of(m["unit"]))
    return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)


def bare_units(m: re.Match[str], text: str) -> Result:
    if prev_word(text, m.start()) not in {"for", "over", "in", "within", "took", "lasted"}:
        return None
    value = duration_value(None, unit_of(m.group()))
    return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)
