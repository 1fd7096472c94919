"""The vocabulary of the time grammar and the context helpers its handlers share.

What a rule's handler needs besides its own match: the ``Hit`` it returns, month, weekday and
unit names and the pattern fragments that spell them, the words that make a number a year or a
count, the cues that say whether a clause looks forward, and the arithmetic of TIMEX3 values
(``duration_value``). The handlers themselves live in ``time_grammar_dates``,
``time_grammar_periods``, ``time_grammar_relative`` and ``time_grammar_durations``; the rules
that call them in ``time_grammar``.

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


FULL_MONTH_RE = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)


# Abbreviations need their full stop, except the unambiguous long ones.
MONTH_RE = rf"(?:{FULL_MONTH_RE}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.|Sept)"


# Beside a day number an abbreviation needs no full stop ("04th Jan 2019", "Jan 4").
MONTH_D_RE = rf"(?:{MONTH_RE}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"


YEAR_SEP_RE = r"(?:\s*,\s*|\s+)"


WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


WEEKDAY_ANY_RE = rf"(?:{WEEKDAY_RE}|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.)"


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


UNIT_RE = (
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


NUM_RE = (
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


DETERMINERS = {"the", "its", "his", "her", "their", "our", "this", "that", "whose"}


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


PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


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


def fmt_number(n: float) -> str:
    """A number as TIMEX3 writes it: ``3`` for 3.0, ``2.5`` for 2.5."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


#: The next smaller unit of a duration and how many of it make one.
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT48H``, ``P10Y`` for a decade, ``PXW`` when vague."""
    if unit == "2W":
        n, unit = (None if n is None else 2 * n), "W"
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        return "PXY" if n is None else f"P{fmt_number(n * factor)}Y"
    if n is not None and not float(n).is_integer() and unit in _SMALLER:
        # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: TimeML writes no fractions when
        # the next smaller unit gives a whole number.
        smaller, factor = _SMALLER[unit]
        rest = (n - int(n)) * factor
        if float(rest).is_integer():
            whole, part = fmt_number(int(n)), fmt_number(rest)
            sub = "M" if smaller == "MIN" else smaller
            if unit in ("S", "MIN", "H") or smaller == "H":
                big = "M" if unit == "MIN" else unit
                head = f"P{whole}DT" if unit == "D" else f"PT{whole}{big}"
                return f"{head}{part}{sub}" if int(n) else f"PT{part}{sub}"
            return f"P{whole}{unit}{part}{sub}" if int(n) else f"P{part}{sub}"
    q = "X" if n is None else fmt_number(n)
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


def impossible(m: re.Match[str], what: str) -> Diagnostic:
    """The diagnostic for a match that names no real date or time (``what`` says why)."""
    return Diagnostic("impossible_date", f"{what}: {m.group()!r}", m.start(), m.end())


def valid_day(year: int | None, mon: int, dom: int) -> bool:
    """Whether day ``dom`` exists in month ``mon`` (of ``year``, or of any year if ``None``)."""
    # Without a year, February 29 may exist; 1904 is a leap year.
    return 1 <= dom <= calendar.monthrange(year if year else 1904, mon)[1]


def year_of(token: str | None) -> int | None:
    """The year a matched group holds; ``None`` when the group did not match."""
    return int(token) if token else None


def fixed(value: str) -> Compute:
    """A value that does not depend on the anchor."""
    return lambda _a: value


def nearest_or(d: ta.Direction) -> ta.Direction:
    """A bare date looks forward only when its clause does; otherwise the nearest one."""
    return "future" if d == "future" else "nearest"


_STORY_YEAR = re.compile(r"(?<![\w.$])(?:1[89]|20)[0-9]{2}(?![\w%]|[.,][0-9])")


#: How far back (in characters) "that year" may find the year it refers to.
STORY_WINDOW = 400


def story_year(text: str, start: int) -> int | None:
    """The last year written out in the ``STORY_WINDOW`` characters before ``start``."""
    years = _STORY_YEAR.findall(text, max(0, start - STORY_WINDOW), start)
    return int(years[-1]) if years else None


#: How many sentences before "a year earlier" may name the quarter it compares with.
_QUARTER_SENTENCES = 2


def about_quarters(text: str, start: int, end: int) -> bool:
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
