"""The regular grammar of English time expressions: the rules, and the gates that skip them.

Each rule is a compiled pattern and a handler. A handler reads one match (and a few words of
context around it) and returns a ``Hit`` (a span, a TIMEX3 type and a function from an anchor
date to a value), a ``Diagnostic`` (a date that cannot exist, such as "February 30"), or
``None`` (the match is not a time after all, e.g. "1999 votes"). ``times.py`` runs the rules and
keeps the longest non-overlapping hits.

The handlers live in modules named for what they recognise: ``time_grammar_dates`` (calendar
dates, years, decades, holidays), ``time_grammar_periods`` (quarters, halves, seasons, year-end),
``time_grammar_relative`` (days and clock times read against the anchor) and
``time_grammar_durations`` (durations, "ago", sets); ``time_grammar_words`` holds the vocabulary
and context helpers they share. The order of ``RULES`` is the order in which ties are broken.

Only ASCII digits ``[0-9]`` are read: Python's ``\\d`` also matches digits of other scripts,
which ``int`` would accept and turn into a date the writer never wrote.
"""

from __future__ import annotations

import re

from . import time_anchoring as ta
from .numbers import TENS as _TENS
from .time_grammar_dates import (
    century,
    decade,
    holiday,
    iso_date,
    month_day,
    month_name,
    month_year,
    slash_date,
    spoken_year,
    that_period,
    week_of,
    year_number,
)
from .time_grammar_durations import (
    bare_units,
    duration,
    recent_units,
    time_set,
    weekday_set,
    year_ago,
)
from .time_grammar_periods import (
    latest_quarter,
    quarter,
    season,
    the_period,
    year_end,
    year_quarter,
)
from .time_grammar_relative import (
    clock_time,
    deictic,
    named_relative,
    part_of_day,
    weekday,
)
from .time_grammar_words import (
    FULL_MONTH_RE,
    MONTH_D_RE,
    MONTH_RE,
    NUM_RE,
    UNIT_RE,
    WEEKDAY_ANY_RE,
    WEEKDAY_RE,
    YEAR_SEP_RE,
    Compute,
    Handler,
    Hit,
    Result,
)

__all__ = ["GATES", "RULES", "Compute", "Handler", "Hit", "Result"]

_B = r"(?<![\w.])"  # a left word boundary that also refuses "3.2005"


_E = r"(?![\w])"


_POD = r"(?:morning|afternoon|evening|night)"


_ONES = "one|two|three|four|five|six|seven|eight|nine"


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


_TENS_RE = "|".join(_TENS)


RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(p), h)
    for p, h in [
        (
            r"(?<![0-9])(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
            r"(?:T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::[0-9]{2})?)?(?![0-9])",
            iso_date,
        ),
        (
            r"(?<![0-9/.])(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])",
            slash_date,
        ),
        (
            rf"(?P<last>(?i:last)\s+)?(?:{WEEKDAY_ANY_RE},?\s+)?(?P<mon>{MONTH_D_RE})\s+"
            r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
            rf"(?![0-9])(?:{YEAR_SEP_RE}(?P<year>[12][0-9]{{3}})(?![0-9]|,[0-9]))?" + _E,
            month_day,
        ),
        (
            rf"(?:{WEEKDAY_ANY_RE},?\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{MONTH_D_RE})"
            rf"(?:{YEAR_SEP_RE}(?P<year>[12][0-9]{{3}})(?![0-9]|,[0-9]))?" + _E,
            month_day,
        ),
        (
            rf"(?:(?i:early|late|mid-?|the\s+end\s+of)\s*)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?"
            r"(?P<year>[12][0-9]{3})(?![0-9]|,[0-9])",
            month_year,
        ),
        (
            rf"(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|early|late|mid-"
            r"|the\s+(?:end|beginning|start|middle)\s+of)\s*)?"
            rf"(?P<mon>{FULL_MONTH_RE})(?:,?\s+(?P<ry>(?i:this|last|next))\s+(?i:year))?{_E}",
            month_name,
        ),
        (
            rf"{_B}(?P<mod>(?i:early|late|mid)(?:\s+|-\s*)"
            r"|(?i:the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
            r"(?P<fiscal>(?i:fiscal)\s+|FY\s*)?"
            r"(?P<year>[12][0-9]{3})(?![0-9]|,[0-9]|\.[0-9]|:[0-9]|/[0-9]|-[0-9]{2}-)",
            year_number,
        ),
        (
            r"(?:(?i:early|late|mid)(?:\s+|-))?(?:(?i:the)\s+)?"
            r"(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|['’](?P<d2>[0-9])0|(?<=the\s)(?P<d3>[2-9])0)s"
            r"(?![\w'’])",
            decade,
        ),
        (r"(?i:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)\s+(?i:century)" + _E, century),
        (
            r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pre>[12][0-9]{3}|(?i:this|last|next)\s+year['’]s"
            r"|(?i:year-ago|year-earlier))\s+)?(?P<fiscal>(?i:fiscal)[\s-]+)?"
            r"(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last))(?P<sep>[\s-]+)"
            r"(?P<kind>(?i:quarter|half))(?:\s+of\s+(?P<year>[12][0-9]{3})"
            r"|,?\s+(?P<year2>[12][0-9]{3}))?" + _E,
            quarter,
        ),
        (r"\b(?P<q>Q[1-4])(?:\s+(?P<year>[12][0-9]{3}))?(?P<kind>)(?P<year2>)" + _E, quarter),
        (
            r"(?P<rel>(?i:this(?:\s+past|\s+coming)?|last|next|the\s+coming|early|late)\s+)?"
            r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<year>[12][0-9]{3}))?"
            + _E,
            season,
        ),
        (
            r"(?:(?i:early|late|earlier|later|mid-?)\s+|(?i:the\s+)?(?i:end|beginning|start|middle"
            r"|rest)\s+of\s+)?(?P<rel>(?i:this(?:\s+past|\s+coming)?|last|next"
            r"|the\s+past|the\s+last|the\s+next|the\s+previous|the\s+following|the\s+coming|past"
            r"|(?:the\s+)?current(?:\s+fiscal)?"
            r"|previous|coming))\s+(?P<unit>(?i:week|month|year|quarter|decade|century|weekend))"
            + _E,
            named_relative,
        ),
        (
            r"(?:(?i:earlier|later)\s+)?\b(?i:that)\s+(?:(?i:same)\s+)?(?P<unit>(?i:year|day))"
            + _E,
            that_period,
        ),
        (
            r"\b(?i:the)\s+(?:(?i:latest|most\s+recent)\s+)?(?i:quarter)(?![\w-])"
            r"|\b(?i:the)\s+(?i:latest|most\s+recent)\s+(?i:period)" + _E,
            latest_quarter,
        ),
        (
            r"\b(?i:the)\s+(?P<year>[12][0-9]{3})\s+(?P<what>(?i:quarter|period))" + _E,
            year_quarter,
        ),
        (
            r"(?i:the\s+weekend)" + _E,
            lambda m, t: Hit(
                m.start(), m.end(), "DATE", lambda a: None if a is None else ta.weekend(a, "this")
            ),
        ),
        (
            r"\b(?P<w>(?i:today|yesterday|tomorrow|tonight|now|currently|current|nowadays|at\s+present"
            r"|these\s+days|recently|lately|the\s+past|the\s+(?:near\s+|foreseeable\s+)?future))"
            r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + _E,
            deictic,
        ),
        (rf"\b(?P<rel>(?i:this|last))\s+(?P<pod>(?i:{_POD}))" + _E, part_of_day),
        (
            rf"(?P<pre>(?i:on|last|next|this(?:\s+past|\s+coming)?|coming|early|late)\s+)?"
            rf"(?P<wd>{WEEKDAY_ANY_RE})(?:\s+(?P<pod>(?i:{_POD})))?(?![\w])",
            weekday,
        ),
        (rf"(?<!\w)(?P<wd>{WEEKDAY_RE})s{_E}", weekday_set),
        (
            r"(?:(?P<rel0>(?i:today|tomorrow|yesterday))\s+(?:(?i:at)\s+)?)?"
            r"(?<![0-9.:])(?:(?P<h>[0-9]{1,2})(?::(?P<mi>[0-9]{2})(?::(?P<se>[0-9]{2}))?)?\s*"
            r"(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![a-z])|(?<![\w-])(?P<noon>(?i:noon|midnight|midday)))"
            r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC))?"
            rf"(?:\s+(?:(?i:on)\s+)?(?P<wd>{WEEKDAY_RE})|\s+(?P<rel>(?i:today|yesterday|tomorrow))"
            # a date after the time: "5 p.m. EST, Nov. 6", "noon on March 3, 2024"
            rf"|,?\s+(?:(?i:on)\s+)?(?P<cmon>{MONTH_D_RE})\s+(?P<cday>[0-9]{{1,2}})(?![0-9])"
            r"(?:,\s*(?P<cyear>[12][0-9]{3})(?![0-9]))?)?" + _E,
            clock_time,
        ),
        # "quarterly", "annually", "previously", "soon" and a bare "recent" are left out: in
        # TimeBank they are mostly not time expressions ("quarterly dividend").
        (r"\b(?i:daily|weekly|monthly|yearly|hourly|nightly|biweekly)" + _E, time_set),
        (
            rf"\b(?i:every|each)\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num>{NUM_RE})\s+)?"
            rf"(?:(?P<unit>(?i:{UNIT_RE}))|(?P<wd>{WEEKDAY_RE})|(?P<pod>(?i:{_POD})))" + _E,
            time_set,
        ),
        (
            # TimeBank keeps these quantifiers inside a duration's extent (not "about", "over")
            r"\b(?:(?i:nearly|at\s+least|more\s+than|less\s+than|up\s+to)\s+)?"
            rf"(?:(?i:the)\s+)?(?:(?i:first|last|past|next|previous|coming|final|initial)\s+)?"
            rf"(?P<num>(?i:{NUM_RE}))(?:\s+(?P<frac>1/2|1/4|3/4))?(?P<sep>[\s-]+)"
            rf"(?P<unit>(?i:{UNIT_RE}))"
            r"(?P<half>\s+(?i:and\s+a\s+half))?"
            r"(?P<post>\s+(?i:ago|earlier|later|from\s+now|hence))?" + _E,
            duration,
        ),
        (
            # written short after digits: "3h", "3.5years", "123.45 sec", "5 yrs"
            r"(?<![\w.,])(?P<num>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>(?i:hours?|hrs?|h|minutes?|mins?"
            r"|seconds?|secs?|days?|weeks?|months?|years?|yrs?))(?P<post>)" + _E,
            duration,
        ),
        (
            r"\b(?P<w>(?i:recent|coming|future))\s+"
            r"(?P<unit>(?i:days|weeks|months|years|decades|quarters))" + _E,
            recent_units,
        ),
        (
            r"\b(?P<w>(?i:the))\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)" + _E,
            recent_units,
        ),
        (
            r"\b(?:(?i:year)[- ](?i:end)|(?i:year)['’]s\s+(?i:end)"
            r"|(?i:the\s+end\s+of\s+the\s+year))"
            r"(?![\w-])",
            year_end,
        ),
        (
            rf"\b(?i:the)\s+(?i:week)\s+(?i:of)\s+(?P<mon>{MONTH_D_RE})\s+(?P<day>[0-9]{{1,2}})"
            r"(?![0-9])(?:,\s*(?P<year>[12][0-9]{3})(?![0-9]))?" + _E,
            week_of,
        ),
        (
            r"\b(?i:the)\s+(?:(?i:full|fiscal|whole|entire)\s+)?(?P<unit>year|week|Year|Week)" + _E,
            the_period,
        ),
        (
            # broadcast transcripts spell years out
            rf"(?:(?P<mon>(?i:{FULL_MONTH_RE}))\s+|(?:(?i:the)\s+)?(?P<season>(?i:spring|summer"
            r"|fall|autumn|winter))\s+(?i:of)\s+|(?i:the\s+year)\s+)?"
            rf"\b(?P<y>(?i:(?:eighteen|nineteen|twenty)\s+(?:hundred|oh[- ](?:{_ONES})"
            rf"|(?:{_TENS_RE})(?:[- ](?:{_ONES}))?|{_TEENS})"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?:(?:{_TENS_RE})(?:[- ](?:{_ONES}))?"
            rf"|{_TEENS}|{_ONES}))?))" + _E,
            spoken_year,
        ),
        (
            r"(?:(?i:the)\s+)?\b(?i:year)-(?i:earlier|ago)(?:\s+(?P<what>(?i:quarter|period)))?"
            + _E,
            year_ago,
        ),
        (r"\b(?i:days|weeks|months|years|decades)" + _E, bare_units),
        (
            r"\b(?:Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Independence\s+Day"
            r"|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?)(?:,?\s+(?P<year>[12][0-9]{3}))?"
            + _E,
            holiday,
        ),
    ]
)


_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


_DAY_STEMS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_UNIT_STEMS = (
    "sec",
    "min",
    "h",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
    "yr",
)


#: Cheap gates: a rule runs only if its text holds one of these substrings. Python's ``re``
#: tries every position of a pattern that starts with optional groups, so skipping rules
#: that cannot match keeps this stage at a few milliseconds an article. The first tuple is
#: matched as written, the second against the lower-cased text; rules not named always run.
GATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "slash_date": (("/",), ()),
    "month_day": (_MONTH_STEMS, ()),
    "month_year": (_MONTH_STEMS, ()),
    "month_name": (_MONTH_STEMS, ()),
    "decade": ((), ("0s",)),
    "century": ((), ("centur",)),
    "quarter": ((), ("quarter", "half", "q1", "q2", "q3", "q4")),
    "season": ((), ("spring", "summer", "fall", "autumn", "winter")),
    "named_relative": ((), ("week", "month", "year", "quarter", "decade", "centur")),
    "latest_quarter": ((), ("quarter", "period")),
    "year_quarter": ((), ("quarter", "period")),
    "<lambda>": ((), ("weekend",)),
    "deictic": (
        (),
        (
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "now",
            "current",
            "present",
            "these days",
            "recent",
            "lately",
            "past",
            "future",
        ),
    ),
    "part_of_day": ((), ("morning", "afternoon", "evening", "night")),
    "weekday": (_DAY_STEMS, ()),
    "weekday_set": (_DAY_STEMS, ()),
    "clock_time": ((), ("am", "pm", "a.m", "p.m", "noon", "midnight", "midday")),
    "time_set": (
        (),
        ("daily", "weekly", "monthly", "yearly", "hourly", "nightly", "every", "each"),
    ),
    "duration": ((), _UNIT_STEMS),
    "recent_units": ((), ("recent", "coming", "future", "ahead")),
    "week_of": ((), ("the week of",)),
    "year_end": ((), ("year-end", "year end", "year's end", "year’s end", "of the year")),
    "that_period": ((), ("that year", "that day", "that same")),
    "the_period": (
        (),
        ("the year", "the week", "the full", "the fiscal", "the whole", "the entire"),
    ),
    "spoken_year": ((), ("eighteen ", "nineteen ", "twenty ", "two thousand")),
    "bare_units": ((), ("days", "weeks", "months", "years", "decades")),
    "year_ago": ((), ("year-",)),
    "holiday": (
        (),
        ("christmas", "new year", "independence", "halloween", "valentine", "thanksgiving"),
    ),
}
