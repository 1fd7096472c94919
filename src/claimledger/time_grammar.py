"""The regular grammar of English time expressions, and what each rule means.

Each rule is a compiled pattern and a handler. A handler reads one match (and a few words of
context around it) and returns a ``Hit`` (a span, a TIMEX3 type and a function from an anchor
date to a value), a ``Diagnostic`` (a date that cannot exist, such as "February 30"), or
``None`` (the match is not a time after all, e.g. "1999 votes"). ``times.py`` runs the rules and
keeps the longest non-overlapping hits.

Only ASCII digits ``[0-9]`` are read: Python's ``\\d`` also matches digits of other scripts,
which ``int`` would accept and turn into a date the writer never wrote.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import time_anchoring as ta
from .model import Diagnostic
from .numbers import TENS as _TENS
from .numbers import UNITS as _NUMBER_UNITS

Compute = Callable[[dt.date | None], str | None]


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate time expression: ``text[start:end]`` with its type and value function.

    ``relative`` says whether the value depends on the anchor (so it can be re-resolved).
    """

    start: int
    end: int
    type: str
    compute: Compute
    relative: bool = True


Result = Hit | Diagnostic | None
Handler = Callable[[re.Match[str], str], Result]

# --- vocabulary -------------------------------------------------------------------------

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("Monday", "Mon"),
            ("Tuesday", "Tues", "Tue"),
            ("Wednesday", "Wed"),
            ("Thursday", "Thurs", "Thu"),
            ("Friday", "Fri"),
            ("Saturday", "Sat"),
            ("Sunday", "Sun"),
        ]
    )
    for name in names
}
_FULL_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Abbreviations need their full stop, except the unambiguous long ones.
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.|Sept)"
# Beside a day number an abbreviation needs no full stop ("04th Jan 2019", "Jan 4").
_MONTH_D = rf"(?:{_MONTH}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_YEAR_SEP = r"(?:\s*,\s*|\s+)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.)"

UNITS = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "week": "W",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|century|centuries)"
)

# The number words are the quantity stage's (numbers.UNITS, numbers.TENS).
_SMALL = list(_NUMBER_UNITS)
NUMBER_WORDS: dict[str, float] = dict(_NUMBER_UNITS)
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a couple of": 2, "couple of": 2, "a couple": 2})
NUMBER_WORDS.update({"a": 1, "an": 1, "half a": 0.5, "a dozen": 12, "dozen": 12, "a hundred": 100})
VAGUE = {"several", "a few", "few", "many", "some"}
_NUM = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?"
    rf"|(?:{'|'.join(_TENS)})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{'|'.join(sorted(_SMALL, key=len, reverse=True))}"
    r"|half\s+a|a\s+dozen|dozen|a\s+hundred|a\s+few|a\s+couple(?:\s+of)?|couple\s+of"
    r"|several|few|many|some|an|a)"
)

#: Words before a 4-digit number that make it a year.
YEAR_PREV = {
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "to",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "fiscal",
    "year",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "the",
    "circa",
    "around",
}
#: Words before a number that make it a count, not a year.
COUNT_PREV = {
    "about",
    "nearly",
    "approximately",
    "roughly",
    "almost",
    "some",
    "than",
    "over",
    "under",
    "least",
    "most",
    "total",
    "exactly",
    "only",
    "no.",
    "number",
    "no",
    "all",
    "another",
    "additional",
    "extra",
    "those",
    "these",
    "with",
    "killed",
    "killing",
    "injured",
}
COUNT_NEXT = {
    "people",
    "men",
    "women",
    "children",
    "votes",
    "troops",
    "soldiers",
    "dead",
    "deaths",
    "times",
    "percent",
    "per",
    "more",
    "others",
    "of",
    "million",
    "billion",
    "thousand",
    "hundred",
    "miles",
    "feet",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "pounds",
    "dollars",
    "euros",
    "yen",
    "points",
    "cases",
    "units",
    "students",
    "members",
    "persons",
    "staff",
    "police",
    "personnel",
    "cattle",
    "sheep",
    "fish",
}
_DETERMINERS = {"the", "its", "his", "her", "their", "our", "this", "that", "whose"}
#: Lower-case words ending in "s" that are not plural nouns (so may follow a year).
NOT_PLURAL = {
    "was",
    "has",
    "is",
    "as",
    "its",
    "this",
    "thus",
    "his",
    "hers",
    "us",
    "yes",
    "less",
    "unless",
    "plus",
    "versus",
    "does",
    "says",
    "gives",
    "makes",
    "sees",
    "means",
}

_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|'ll|’ll|going\s+to|plans?\s+to|planned\s+(?:to|for)|planning\s+to"
    r"|scheduled|expected\s+to|is\s+to|are\s+to|set\s+to|upcoming|coming|later\s+on)\b"
    r"[^.;!?]*$",
    re.IGNORECASE,
)
# A deadline or an earliest date points forward: "as soon as Tuesday", "until 9 a.m. Tuesday",
# "postponed until Monday" ...
_DEADLINE_CUE = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as|until|till|no\s+later\s+than)\s+(?:[0-9:.apm\s]+)?$",
    re.IGNORECASE,
)
# ... unless the clause is plainly in the past ("Until Thursday, they had not called him",
# "the talks lasted until Monday").
_PAST_VERB = r"\b(?:had|was|were|did|went|lasted|remained|stayed|waited)\b"
_PAST_AFTER = re.compile(rf"[^.;!?]{{0,80}}?{_PAST_VERB}", re.IGNORECASE)
# Before the deadline only verbs of lasting count: "was extended until Monday", "had given them
# until Tuesday" still point forward.
_PAST_BEFORE = re.compile(
    r"\b(?:went\s+on|lasted|remained|stayed|waited|continued)\b[^.;!?]*$", re.IGNORECASE
)
_SINCE = re.compile(r"\b[Ss]ince\s+$")
_WORD = re.compile(r"[\w.'’-]+")


# --- context helpers --------------------------------------------------------------------


def direction(text: str, start: int) -> ta.Direction:
    """Whether the clause before ``start`` looks to the future ("will meet on ...")."""
    window = text[max(0, start - 60) : start]
    if _FUTURE_CUE.search(window):
        return "future"
    if _DEADLINE_CUE.search(window) and not (
        _PAST_BEFORE.search(window) or _PAST_AFTER.match(text, start, start + 100)
    ):
        return "future"
    return "past"


def since_start(text: str, start: int) -> int:
    """``start`` moved back over a preceding "since " (seed convention: it is in the span)."""
    m = _SINCE.search(text, max(0, start - 7), start)
    return m.start() if m else start


def prev_word(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` (empty at a boundary)."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or text[i - 1] in "\n":
        return ""
    words = _WORD.findall(text[max(0, i - 25) : i])
    return words[-1].lower().rstrip("-") if words else ""


def next_word(text: str, end: int) -> str:
    """The word just after ``end`` as written (empty at punctuation or the end)."""
    m = re.match(r"[ \t\u00a0]+([\w'’-]+)", text[end : end + 30])
    return m.group(1) if m else ""


def number(token: str) -> float | None:
    """The value of a number as written (digits or words); ``None`` for a vague one."""
    t = re.sub(r"\s+", " ", token.lower()).replace(",", "")
    if t in VAGUE:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        return _TENS[parts[0]] + NUMBER_WORDS[parts[1]]
    return float(t)


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


#: The next smaller unit of a duration and how many of it make one.
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT48H``, ``P10Y`` for a decade, ``PXW`` when vague."""
    if unit == "2W":
        n, unit = (None if n is None else 2 * n), "W"
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        return "PXY" if n is None else f"P{_fmt(n * factor)}Y"
    if n is not None and not float(n).is_integer() and unit in _SMALLER:
        # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: TimeML writes no fractions when
        # the next smaller unit gives a whole number.
        smaller, factor = _SMALLER[unit]
        rest = (n - int(n)) * factor
        if float(rest).is_integer():
            whole, part = _fmt(int(n)), _fmt(rest)
            sub = "M" if smaller == "MIN" else smaller
            if unit in ("S", "MIN", "H") or smaller == "H":
                big = "M" if unit == "MIN" else unit
                head = f"P{whole}DT" if unit == "D" else f"PT{whole}{big}"
                return f"{head}{part}{sub}" if int(n) else f"PT{part}{sub}"
            return f"P{whole}{unit}{part}{sub}" if int(n) else f"P{part}{sub}"
    q = "X" if n is None else _fmt(n)
    if unit in ("S", "MIN", "H"):
        return f"PT{q}{'M' if unit == 'MIN' else unit}"
    return f"P{q}{unit}"


_ABBREVIATED = {"h": "hour", "hr": "hour", "min": "minute", "sec": "second", "yr": "year"}


def unit_of(word: str) -> str:
    """The unit code of a unit word ("weeks" gives ``W``, "hrs" gives ``H``)."""
    w = word.lower()
    w = w[:-1] if w.endswith("s") and w[:-1] in _ABBREVIATED else w
    w = _ABBREVIATED.get(w, w)
    w = w[:-1] if w.endswith("s") and w != "s" else w
    return UNITS[w]


def _impossible(m: re.Match[str], what: str) -> Diagnostic:
    return Diagnostic("impossible_date", f"{what}: {m.group()!r}", m.start(), m.end())


def _valid_day(year: int | None, mon: int, dom: int) -> bool:
    # Without a year, February 29 may exist; 1904 is a leap year.
    return 1 <= dom <= calendar.monthrange(year if year else 1904, mon)[1]


def _year(token: str | None) -> int | None:
    return int(token) if token else None


# --- handlers -----------------------------------------------------------------------------


def _iso(m: re.Match[str], text: str) -> Result:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and y >= 1 and _valid_day(y, mo, d)):
        return _impossible(m, "no such calendar date")
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["h"]:
        if int(m["h"]) > 24 or int(m["mi"]) > 59:
            return _impossible(m, "no such time of day")
        return Hit(m.start(), m.end(), "TIME", lambda a: f"{value}T{m['h']}:{m['mi']}", False)
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


def _slash(m: re.Match[str], text: str) -> Result:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y <= 30 else 1900
    # US order first (month/day); day/month only when the first cannot be a month.
    for mo, d in ((a, b), (b, a)):
        if 1 <= mo <= 12 and _valid_day(y, mo, d):
            value = f"{y:04d}-{mo:02d}-{d:02d}"
            return Hit(m.start(), m.end(), "DATE", _fixed(value), False)
    return _impossible(m, "no such calendar date")


def _fixed(value: str) -> Compute:
    """A value that does not depend on the anchor."""
    return lambda _a: value


def _month_day(m: re.Match[str], text: str) -> Result:
    mon = MONTHS[m["mon"].rstrip(".")]
    dom = int(m["day"])
    year = _year(m["year"])
    if not _valid_day(year, mon, dom):
        return _impossible(m, "no such day in that month")
    start = since_start(text, m.start())
    if year is not None:
        value = f"{year:04d}-{mon:02d}-{dom:02d}"
        return Hit(start, m.end(), "DATE", lambda a: value, False)
    past = start < m.start() or bool(m.groupdict().get("last"))
    way: ta.Direction = "past" if past else _nearest_or(direction(text, m.start()))

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return f"XXXX-{mon:02d}-{dom:02d}"
        return f"{ta.month_day_year(a, mon, dom, way):04d}-{mon:02d}-{dom:02d}"

    return Hit(start, m.end(), "DATE", compute)


def _nearest_or(d: ta.Direction) -> ta.Direction:
    return "future" if d == "future" else "nearest"


def _month_year(m: re.Match[str], text: str) -> Result:
    mon = MONTHS[m["mon"].rstrip(".")]
    value = f"{int(m['year']):04d}-{mon:02d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def _month(m: re.Match[str], text: str) -> Result:
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
        way = _nearest_or(direction(text, m.start()))
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


def _year_rule(m: re.Match[str], text: str) -> Result:
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
                and not (prev in _DETERMINERS and 1900 <= year <= 2100)
            )
        )
    ):
        return None  # "1999 votes", "2005 residents"
    if not (1000 <= year <= 2100 if strong else 1800 <= year <= 2100):
        return None
    value = f"{year:04d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def _decade(m: re.Match[str], text: str) -> Result:
    if m["c"]:
        value = f"{m['c']}{m['d']}"
    else:
        d = m["d2"] or m["d3"]
        value = f"{'20' if d in '01' else '19'}{d}"
    return Hit(since_start(text, m.start()), m.end(), "DATE", lambda a: value, False)


def _century(m: re.Match[str], text: str) -> Result:
    n = int(m["n"])
    if not 1 <= n <= 30:
        return None
    value = f"{n - 1:02d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


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


def _quarter(m: re.Match[str], text: str) -> Result:
    groups = m.groupdict()
    half = (m["kind"] or "").lower().startswith("half")
    year = _year(m["year"] or m["year2"])
    word = m["q"].lower()
    if word == "last":
        if year is None:
            return None  # "the last quarter" is the one before the anchor's (``_latest_quarter``)
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


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _season(m: re.Match[str], text: str) -> Result:
    name = _SEASONS[m["s"].lower()]
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


def _latest_quarter(m: re.Match[str], text: str) -> Result:
    """ "the (latest) quarter" in a news report is the last quarter that has ended; so is "the
    latest period" in a report that speaks of quarters."""
    if m.group().lower().endswith("period") and not _about_quarters(text, m.start(), m.end()):
        return None

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        y, mo = ta.add_months(a.year, a.month, -3)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"

    return Hit(m.start(), m.end(), "DATE", compute)


def _year_quarter(m: re.Match[str], text: str) -> Result:
    """ "the 1988 quarter" (or "period", in a report on quarters): the quarter of that year that
    the report is about, i.e. the one that ended last before the anchor."""
    year = int(m["year"])
    if m["what"].lower() == "period" and not _about_quarters(text, m.start(), m.end()):
        return None

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        _, mo = ta.add_months(a.year, a.month, -3)
        return f"{year:04d}-Q{(mo - 1) // 3 + 1}"

    return Hit(m.start(), m.end(), "DATE", compute)


_STORY_YEAR = re.compile(r"(?<![\w.$])(?:1[89]|20)[0-9]{2}(?![\w%]|[.,][0-9])")
_STORY_DATE = re.compile(
    rf"(?P<mon>{_MONTH_D})\s+(?P<day>[0-9]{{1,2}}),\s*(?P<year>(?:1[89]|20)[0-9]{{2}})(?![0-9])"
)
#: How far back (in characters) "that year" may find the year it refers to.
STORY_WINDOW = 400


def story_year(text: str, start: int) -> int | None:
    """The last year written out in the ``STORY_WINDOW`` characters before ``start``."""
    years = _STORY_YEAR.findall(text, max(0, start - STORY_WINDOW), start)
    return int(years[-1]) if years else None


def _that_period(m: re.Match[str], text: str) -> Result:
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
    if not _valid_day(year, mon, dom):
        return None
    value = f"{year:04d}-{mon:02d}-{dom:02d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


def _named_relative(m: re.Match[str], text: str) -> Result:
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


def _deictic(m: re.Match[str], text: str) -> Result:
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
        tag = _PART_OF_DAY[pod]
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


def _part_of_day(m: re.Match[str], text: str) -> Result:
    rel = m["rel"].lower()
    tag = _PART_OF_DAY[m["pod"].lower()]
    offset = -1 if rel == "last" else 0
    if rel == "last" and tag != "NI":
        return None  # "last morning" is not an idiom
    return Hit(
        m.start(),
        m.end(),
        "TIME",
        lambda a: None if a is None else f"{(a + dt.timedelta(days=offset)).isoformat()}T{tag}",
    )


def _weekday(m: re.Match[str], text: str) -> Result:
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
    tag = _PART_OF_DAY.get(pod, "")

    def compute(a: dt.date | None) -> str | None:
        if a is None:
            return None
        d = ta.day(ta.weekday(a, wd, way, strict=strict))
        return f"{d}T{tag}" if tag else d

    return Hit(start, m.end(), kind, compute)


def _weekday_set(m: re.Match[str], text: str) -> Result:
    value = f"XXXX-WXX-{WEEKDAYS[m['wd']] + 1}"
    return Hit(m.start(), m.end(), "SET", lambda a: value, False)


def _clock(m: re.Match[str], text: str) -> Result:
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
        mon, dom, year = MONTHS[m["cmon"].rstrip(".")], int(m["cday"]), _year(m["cyear"])
        if not _valid_day(year, mon, dom):
            return _impossible(m, "no such day in that month")
        way = _nearest_or(direction(text, m.start()))

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


def _set(m: re.Match[str], text: str) -> Result:
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
        value = f"TXX{_PART_OF_DAY[m['pod'].lower()]}"  # "every morning"
        return Hit(m.start(), m.end(), "SET", lambda a: value, False)
    n = number(m["num"]) if m["num"] else 1.0
    if m["other"]:
        n = None if n is None else 2 * n
    value = duration_value(n, unit_of(m["unit"]))
    return Hit(m.start(), m.end(), "SET", lambda a: value, False)


def _duration(m: re.Match[str], text: str) -> Result:
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
        return _ago(m, n, unit, -1, quarterly=_about_quarters(text, m.start(), m.end()))
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


#: How many sentences before "a year earlier" may name the quarter it compares with.
_QUARTER_SENTENCES = 2


def _about_quarters(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``start..end``, or one of the two sentences before it,
    speaks of quarters (an earnings report)."""
    # Earnings reports name the quarter once ("Third-quarter net rose 5%.") and compare with
    # "a year earlier" in the sentences that follow.
    left = start
    for _ in range(_QUARTER_SENTENCES + 1):
        stop = max(0, left - 250)
        cut = max(text.rfind(". ", stop, left), text.rfind("\n", stop, left))
        if cut < 0:
            left = stop
            break
        left = cut
    right = text.find(". ", end, end + 250)
    window = text[left : right if right >= 0 else end + 250]
    return "quarter" in window.lower()


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


def _year_ago(m: re.Match[str], text: str) -> Result:
    """ "year-earlier profit", "the year-ago quarter": the same period a year before."""
    quarterly = (m["what"] or "").lower() in {"quarter", "period"} or _about_quarters(
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


def _recent_units(m: re.Match[str], text: str) -> Result:
    """ "recent weeks", "coming months", "the years ahead": a stretch of unknown length (as
    TimeBank mostly marks them); "future quarters" points to the future."""
    if m["w"].lower() == "future":
        return Hit(m.start(), m.end(), "DATE", lambda a: "FUTURE_REF", False)
    value = duration_value(None, unit_of(m["unit"]))
    return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)


def _the_period(m: re.Match[str], text: str) -> Result:
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
    "and", "or", "but", "to", "in", "of", "at", "for", "with", "when", "as", "is", "was",
    "will", "would", "because", "according", "if", "than", "from", "after", "before",
}


def _year_end(m: re.Match[str], text: str) -> Result:
    """ "year-end", "by year's end", "the end of the year": the anchor's year (the one before
    after "since": "up 5% since year-end")."""
    nxt = next_word(text, m.end())
    if nxt[:1].islower() and nxt not in _FUNCTION_WORDS:
        return None  # an adjective: "year-end results", "the year-end rush"
    start = since_start(text, m.start())
    back = start < m.start()
    return Hit(start, m.end(), "DATE", lambda a: None if a is None else f"{a.year - back:04d}")


def _week_of(m: re.Match[str], text: str) -> Result:
    """ "the week of March 6": the ISO week holding that day."""
    mon, dom, year = MONTHS[m["mon"].rstrip(".")], int(m["day"]), _year(m["year"])
    if not _valid_day(year, mon, dom):
        return _impossible(m, "no such day in that month")
    way = _nearest_or(direction(text, m.start()))

    def compute(a: dt.date | None) -> str | None:
        y = year or (None if a is None else ta.month_day_year(a, mon, dom, way))
        return None if y is None else ta.week(dt.date(y, mon, dom))

    return Hit(m.start(), m.end(), "DATE", compute, year is None)


_CENTURY_WORDS = {"eighteen": 18, "nineteen": 19, "twenty": 20}


def _spoken_year(m: re.Match[str], text: str) -> Result:
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
        value = f"{year:04d}-{_SEASONS[m['season'].lower()]}"
    else:
        value = f"{year:04d}"
    return Hit(m.start(), m.end(), "DATE", lambda a: value, False)


def _bare_units(m: re.Match[str], text: str) -> Result:
    if prev_word(text, m.start()) not in {"for", "over", "in", "within", "took", "lasted"}:
        return None
    value = duration_value(None, unit_of(m.group()))
    return Hit(m.start(), m.end(), "DURATION", lambda a: value, False)


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


def _holiday(m: re.Match[str], text: str) -> Result:
    name = m.group().lower()
    year = _year(m["year"])
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
    way = _nearest_or(direction(text, m.start()))
    return Hit(
        m.start(),
        m.end(),
        "DATE",
        lambda a: (
            None if a is None else f"{ta.month_day_year(a, mon, dom, way):04d}-{mon:02d}-{dom:02d}"
        ),
    )


# --- the rules ----------------------------------------------------------------------------

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
            _iso,
        ),
        (
            r"(?<![0-9/.])(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])",
            _slash,
        ),
        (
            rf"(?P<last>(?i:last)\s+)?(?:{_WEEKDAY_ANY},?\s+)?(?P<mon>{_MONTH_D})\s+"
            r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
            rf"(?![0-9])(?:{_YEAR_SEP}(?P<year>[12][0-9]{{3}})(?![0-9]|,[0-9]))?" + _E,
            _month_day,
        ),
        (
            rf"(?:{_WEEKDAY_ANY},?\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH_D})(?:{_YEAR_SEP}(?P<year>[12][0-9]{{3}})(?![0-9]|,[0-9]))?" + _E,
            _month_day,
        ),
        (
            rf"(?:(?i:early|late|mid-?|the\s+end\s+of)\s*)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?"
            r"(?P<year>[12][0-9]{3})(?![0-9]|,[0-9])",
            _month_year,
        ),
        (
            rf"(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|early|late|mid-"
            r"|the\s+(?:end|beginning|start|middle)\s+of)\s*)?"
            rf"(?P<mon>{_FULL_MONTH})(?:,?\s+(?P<ry>(?i:this|last|next))\s+(?i:year))?{_E}",
            _month,
        ),
        (
            rf"{_B}(?P<mod>(?i:early|late|mid)(?:\s+|-\s*)"
            r"|(?i:the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
            r"(?P<fiscal>(?i:fiscal)\s+|FY\s*)?"
            r"(?P<year>[12][0-9]{3})(?![0-9]|,[0-9]|\.[0-9]|:[0-9]|/[0-9]|-[0-9]{2}-)",
            _year_rule,
        ),
        (
            r"(?:(?i:early|late|mid)(?:\s+|-))?(?:(?i:the)\s+)?"
            r"(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|['’](?P<d2>[0-9])0|(?<=the\s)(?P<d3>[2-9])0)s"
            r"(?![\w'’])",
            _decade,
        ),
        (r"(?i:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)\s+(?i:century)" + _E, _century),
        (
            r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pre>[12][0-9]{3}|(?i:this|last|next)\s+year['’]s"
            r"|(?i:year-ago|year-earlier))\s+)?(?P<fiscal>(?i:fiscal)[\s-]+)?"
            r"(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last))(?P<sep>[\s-]+)"
            r"(?P<kind>(?i:quarter|half))(?:\s+of\s+(?P<year>[12][0-9]{3})"
            r"|,?\s+(?P<year2>[12][0-9]{3}))?"
            + _E,
            _quarter,
        ),
        (r"\b(?P<q>Q[1-4])(?:\s+(?P<year>[12][0-9]{3}))?(?P<kind>)(?P<year2>)" + _E, _quarter),
        (
            r"(?P<rel>(?i:this(?:\s+past|\s+coming)?|last|next|the\s+coming|early|late)\s+)?"
            r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<year>[12][0-9]{3}))?"
            + _E,
            _season,
        ),
        (
            r"(?:(?i:early|late|earlier|later|mid-?)\s+|(?i:the\s+)?(?i:end|beginning|start|middle"
            r"|rest)\s+of\s+)?(?P<rel>(?i:this(?:\s+past|\s+coming)?|last|next"
            r"|the\s+past|the\s+last|the\s+next|the\s+previous|the\s+following|the\s+coming|past"
            r"|(?:the\s+)?current(?:\s+fiscal)?"
            r"|previous|coming))\s+(?P<unit>(?i:week|month|year|quarter|decade|century|weekend))"
            + _E,
            _named_relative,
        ),
        (
            r"(?:(?i:earlier|later)\s+)?\b(?i:that)\s+(?:(?i:same)\s+)?(?P<unit>(?i:year|day))"
            + _E,
            _that_period,
        ),
        (
            r"\b(?i:the)\s+(?:(?i:latest|most\s+recent)\s+)?(?i:quarter)(?![\w-])"
            r"|\b(?i:the)\s+(?i:latest|most\s+recent)\s+(?i:period)" + _E,
            _latest_quarter,
        ),
        (
            r"\b(?i:the)\s+(?P<year>[12][0-9]{3})\s+(?P<what>(?i:quarter|period))" + _E,
            _year_quarter,
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
            _deictic,
        ),
        (rf"\b(?P<rel>(?i:this|last))\s+(?P<pod>(?i:{_POD}))" + _E, _part_of_day),
        (
            rf"(?P<pre>(?i:on|last|next|this(?:\s+past|\s+coming)?|coming|early|late)\s+)?"
            rf"(?P<wd>{_WEEKDAY_ANY})(?:\s+(?P<pod>(?i:{_POD})))?(?![\w])",
            _weekday,
        ),
        (rf"(?<!\w)(?P<wd>{_WEEKDAY})s{_E}", _weekday_set),
        (
            r"(?:(?P<rel0>(?i:today|tomorrow|yesterday))\s+(?:(?i:at)\s+)?)?"
            r"(?<![0-9.:])(?:(?P<h>[0-9]{1,2})(?::(?P<mi>[0-9]{2})(?::(?P<se>[0-9]{2}))?)?\s*"
            r"(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![a-z])|(?<![\w-])(?P<noon>(?i:noon|midnight|midday)))"
            r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC))?"
            rf"(?:\s+(?:(?i:on)\s+)?(?P<wd>{_WEEKDAY})|\s+(?P<rel>(?i:today|yesterday|tomorrow))"
            # a date after the time: "5 p.m. EST, Nov. 6", "noon on March 3, 2024"
            rf"|,?\s+(?:(?i:on)\s+)?(?P<cmon>{_MONTH_D})\s+(?P<cday>[0-9]{{1,2}})(?![0-9])"
            r"(?:,\s*(?P<cyear>[12][0-9]{3})(?![0-9]))?)?"
            + _E,
            _clock,
        ),
        # "quarterly", "annually", "previously", "soon" and a bare "recent" are left out: in
        # TimeBank they are mostly not time expressions ("quarterly dividend").
        (r"\b(?i:daily|weekly|monthly|yearly|hourly|nightly|biweekly)" + _E, _set),
        (
            rf"\b(?i:every|each)\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num>{_NUM})\s+)?"
            rf"(?:(?P<unit>(?i:{_UNIT}))|(?P<wd>{_WEEKDAY})|(?P<pod>(?i:{_POD})))" + _E,
            _set,
        ),
        (
            # TimeBank keeps these quantifiers inside a duration's extent (not "about", "over")
            r"\b(?:(?i:nearly|at\s+least|more\s+than|less\s+than|up\s+to)\s+)?"
            rf"(?:(?i:the)\s+)?(?:(?i:first|last|past|next|previous|coming|final|initial)\s+)?"
            rf"(?P<num>(?i:{_NUM}))(?:\s+(?P<frac>1/2|1/4|3/4))?(?P<sep>[\s-]+)"
            rf"(?P<unit>(?i:{_UNIT}))"
            r"(?P<half>\s+(?i:and\s+a\s+half))?"
            r"(?P<post>\s+(?i:ago|earlier|later|from\s+now|hence))?" + _E,
            _duration,
        ),
        (
            # written short after digits: "3h", "3.5years", "123.45 sec", "5 yrs"
            r"(?<![\w.,])(?P<num>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>(?i:hours?|hrs?|h|minutes?|mins?"
            r"|seconds?|secs?|days?|weeks?|months?|years?|yrs?))(?P<post>)" + _E,
            _duration,
        ),
        (
            r"\b(?P<w>(?i:recent|coming|future))\s+"
            r"(?P<unit>(?i:days|weeks|months|years|decades|quarters))" + _E,
            _recent_units,
        ),
        (
            r"\b(?P<w>(?i:the))\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)" + _E,
            _recent_units,
        ),
        (
            r"\b(?:(?i:year)[- ](?i:end)|(?i:year)['’]s\s+(?i:end)"
            r"|(?i:the\s+end\s+of\s+the\s+year))"
            r"(?![\w-])",
            _year_end,
        ),
        (
            rf"\b(?i:the)\s+(?i:week)\s+(?i:of)\s+(?P<mon>{_MONTH_D})\s+(?P<day>[0-9]{{1,2}})"
            r"(?![0-9])(?:,\s*(?P<year>[12][0-9]{3})(?![0-9]))?" + _E,
            _week_of,
        ),
        (
            r"\b(?i:the)\s+(?:(?i:full|fiscal|whole|entire)\s+)?(?P<unit>year|week|Year|Week)"
            + _E,
            _the_period,
        ),
        (
            # broadcast transcripts spell years out
            rf"(?:(?P<mon>(?i:{_FULL_MONTH}))\s+|(?:(?i:the)\s+)?(?P<season>(?i:spring|summer"
            r"|fall|autumn|winter))\s+(?i:of)\s+|(?i:the\s+year)\s+)?"
            rf"\b(?P<y>(?i:(?:eighteen|nineteen|twenty)\s+(?:hundred|oh[- ](?:{_ONES})"
            rf"|(?:{_TENS_RE})(?:[- ](?:{_ONES}))?|{_TEENS})"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?:(?:{_TENS_RE})(?:[- ](?:{_ONES}))?"
            rf"|{_TEENS}|{_ONES}))?))"
            + _E,
            _spoken_year,
        ),
        (
            r"(?:(?i:the)\s+)?\b(?i:year)-(?i:earlier|ago)(?:\s+(?P<what>(?i:quarter|period)))?"
            + _E,
            _year_ago,
        ),
        (r"\b(?i:days|weeks|months|years|decades)" + _E, _bare_units),
        (
            r"\b(?:Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Independence\s+Day"
            r"|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?)(?:,?\s+(?P<year>[12][0-9]{3}))?"
            + _E,
            _holiday,
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
    "_slash": (("/",), ()),
    "_month_day": (_MONTH_STEMS, ()),
    "_month_year": (_MONTH_STEMS, ()),
    "_month": (_MONTH_STEMS, ()),
    "_decade": ((), ("0s",)),
    "_century": ((), ("centur",)),
    "_quarter": ((), ("quarter", "half", "q1", "q2", "q3", "q4")),
    "_season": ((), ("spring", "summer", "fall", "autumn", "winter")),
    "_named_relative": ((), ("week", "month", "year", "quarter", "decade", "centur")),
    "_latest_quarter": ((), ("quarter", "period")),
    "_year_quarter": ((), ("quarter", "period")),
    "<lambda>": ((), ("weekend",)),
    "_deictic": (
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
    "_part_of_day": ((), ("morning", "afternoon", "evening", "night")),
    "_weekday": (_DAY_STEMS, ()),
    "_weekday_set": (_DAY_STEMS, ()),
    "_clock": ((), ("am", "pm", "a.m", "p.m", "noon", "midnight", "midday")),
    "_set": ((), ("daily", "weekly", "monthly", "yearly", "hourly", "nightly", "every", "each")),
    "_duration": ((), _UNIT_STEMS),
    "_recent_units": ((), ("recent", "coming", "future", "ahead")),
    "_week_of": ((), ("the week of",)),
    "_year_end": ((), ("year-end", "year end", "year's end", "year’s end", "of the year")),
    "_that_period": ((), ("that year", "that day", "that same")),
    "_the_period": (
        (),
        ("the year", "the week", "the full", "the fiscal", "the whole", "the entire"),
    ),
    "_spoken_year": ((), ("eighteen ", "nineteen ", "twenty ", "two thousand")),
    "_bare_units": ((), ("days", "weeks", "months", "years", "decades")),
    "_year_ago": ((), ("year-",)),
    "_holiday": (
        (),
        ("christmas", "new year", "independence", "halloween", "valentine", "thanksgiving"),
    ),
}
