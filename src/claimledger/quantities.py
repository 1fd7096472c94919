"""Quantities as hedged intervals: what a number in the text claims, and what it counts.

``find_quantities`` takes the numbers ``numbers.scan_numbers`` finds in the canonical text,
drops those that are not quantities (dates, years, clock times, ordinals, scores, identifiers
such as "No. 84", "Route 9", "Boeing 737", "COVID-19", "G7", phone numbers), joins ranges,
reads the hedge around each one and finds the counted thing in the dependency parse.

Hedges (``X`` is the number; an interval keeps the writer's words, nothing is guessed):

=========================================================  =====  =====  ===========
hedge                                                      low    high   approximate
=========================================================  =====  =====  ===========
(none) "12,000"                                            X]     [X     no
"about, around, roughly, approximately, some, an           X]     [X     yes
estimated, close to, circa, ~, X or so, X-odd"
"nearly, almost, just under, just shy of"                  None   X)     yes
"just over"                                                (X     None   yes
"over, more than, above, exceeding, in excess of,          (X     None   no
upwards of, greater/higher than, topped, exceed(ed),
surpassed"
"at least, no fewer/less than, a minimum of, X or more,    [X     None   no
X-plus, X+, as few/little/low as"
"up to, as many/much/high as, at most, no more than,       None   X]     no
a maximum of, X or fewer/less"
"fewer than, less than, under, below, lower than"          None   X)     no
"between X and Y", "X-Y", "X to Y", "from X to Y" (X < Y)  [X     Y]     no
"from X to Y", "from X in 2008 to Y" (X > Y: a fall)        [Y     X]     no
=========================================================  =====  =====  ===========

"rose 5% to 10%", "by $4bn to $41bn": after a verb of change or "by", "to Y" is the new level,
not the end of a range.

"nearly 1,000" is read as "below 1,000, and close to it": the bound the text states is kept,
and ``approximate`` says the value lies near it. Vague multiples ("hundreds of") give the
interval of ``numbers``; they are not ``approximate`` since that interval is exact.

Units: ``unit`` is the lemma of the counted noun ("soldier", "casualty") for a count;
``percent`` (or ``percentage point``) for a percentage; the currency's name ("dollar",
"pound", "euro", "yen", ...) for money, with ``currency`` its ISO 4217 code when the text
identifies it (a bare ``$`` is taken as USD, a bare ``¥`` as JPY); ``year`` for an age; the
unit's singular English name ("mile", "kilometre per hour") for a measure. ``kind`` is
``count``, ``percent``, ``money``, ``age``, ``measure`` (a physical unit) or ``fraction``
("two-thirds of"). A reference noun with no number of its own ("the figure is as high as
4,000") takes the unit and subject of the nearest preceding counted quantity within the
previous sentence. Bare numbers listed after a counted one take its noun ("1,237 delegates,
Cruz 559"), suspended compounds the noun that ends them ("four-, five- and six-cylinder"), and
an index level beside a move in points is in points ("fell 120 points to 25,100").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from .model import Diagnostic, Quantity, Span
from .numbers import NumberMatch, scan_numbers
from .quantity_context import counted, lemma, metres, not_a_count, resolve_references
from .quantity_lexicon import (
    ADDRESS,
    AGE_PREFIX,
    AGE_SUFFIX,
    CLOCK,
    CODE_WORDS,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    DOLLAR_CODES,
    HEDGES,
    MEASURES,
    MONEY_SUFFIX,
    PERCENT,
    PHONE,
    POSTFIX,
    PREFIX,
    RANGE_GAP,
    SYMBOLS,
    measure,
    measure_word,
    score,
)


@dataclass(frozen=True, slots=True)
class _Atom:
    """One number with what is attached to it, before ranges, hedges and nouns."""

    start: int
    end: int
    low: float
    high: float
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    number: NumberMatch | None = None
    approximate: bool = False


def find_quantities(
    doc: Doc, *, exclude: Sequence[Span] = ()
) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """Every quantity of ``doc``, in text order, as a hedged interval with its unit.

    Args:
        doc: a document parsed by ``claimledger.nlp.load_nlp()``; ``doc.text`` is the
            canonical text every span indexes.
        exclude: spans of time expressions; numbers overlapping them are dates, not quantities.

    Returns:
        The quantities and the diagnostics for number-like text that was skipped on purpose
        (digits of another script, numbers too long for an exact float, power notation).
        Never raises on odd text.

    Raises:
        TypeError: ``doc`` is not a spaCy ``Doc``.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"doc must be a spacy.tokens.Doc, got {type(doc).__name__}")
    text = doc.text
    numbers, problems = scan_numbers(text)
    diagnostics = [Diagnostic(p.code, p.message, p.start, p.end) for p in problems]
    blocked = [(s.start, s.end) for s in exclude]
    blocked += [(m.start(), m.end()) for m in PHONE.finditer(text)]
    # Dates written as numbers ("2016-06-28", "28/06/2016"), found here when no time stage ran.
    blocked += [(m.start(), m.end()) for m in _NUMERIC_DATE.finditer(text)]
    atoms = _disjoint([a for n in numbers if (a := _atom(doc, text, n, blocked)) is not None])
    out: list[Quantity] = []
    atoms = _carry_units(doc, text, _cents(text, _plus_minus(text, atoms)))
    for group in _ranges(text, atoms):
        q = _quantity(doc, text, group)
        if q is not None:
            out.append(q)
    out = _index_levels(text, _suspended(text, _list_members(text, numbers, blocked, out)))
    out = _compared(text, out)
    out = _conversions(text, resolve_references(doc, out))
    return tuple(_two_sided(text, out)), tuple(diagnostics)


def _atom(doc: Doc, text: str, n: NumberMatch, blocked: list[tuple[int, int]]) -> _Atom | None:
    """The number with its currency, percent or measure unit; ``None`` if not a quantity."""
    # ``text`` is ``doc.text``, passed along because spaCy rebuilds that string on every access.
    if any(n.start < e and s < n.end for s, e in blocked):
        return None
    before, after = text[max(0, n.start - 24) : n.start], text[n.end : n.end + 40]
    start, end = n.start, n.end
    kind, unit, currency = "count", None, None
    if n.form == "fraction":
        kind = "fraction"
    cur = CURRENCY_PREFIX.search(before)
    if cur and n.form in ("digits", "words"):
        start = n.start - len(cur.group())
        kind = "money"
        if n.form == "digits" and not n.scaled and re.match(r"(?-i:T)(?![\w'’-])", after):
            # "$2.174T": after a currency sign an attached capital T is trillions (a bare
            # "5T" may be tonnes, so only money reads it so)
            n = replace(n, end=n.end + 1, low=n.low * 1e12, high=n.high * 1e12, scaled=True,
                        scale=1e12)  # fmt: skip
            after = after[1:]
            end = n.end
        if cur.group("sym") or cur.group("sym2"):
            unit, currency = SYMBOLS[cur.group("sym") or "$"]
            code = cur.group("code") if cur.group("sym") == "$" else cur.group("code2")
            if code:
                currency = DOLLAR_CODES[code]
        elif cur.group("folded") and not _ascii_pounds(text, n):
            return None  # "PS4": a name
        else:
            unit, currency = CODE_WORDS[(cur.group("word") or cur.group("folded")).upper()]
    elif (
        re.search(r"(?:^|[\s(])(?:-|−|minus[\s-]|negative\s)$", before, re.IGNORECASE)
        and (n.form == "digits" or re.search(r"(?:minus|negative)\s$", before, re.IGNORECASE))
        and not re.search(r"\d\s*[-−]$", before)  # "75 -300mm" is a range, not -300
        # "a margin of error of plus or minus 3 points": a size, not a negative number
        and not re.search(r"\bplus\s+or\s+minus\s$|\+/?$", before, re.IGNORECASE)
    ):
        neg = re.search(r"(?:-|−|minus[\s-]|negative\s)$", before, re.IGNORECASE)
        assert neg is not None
        start = n.start - len(neg.group())
        n = replace(n, low=-n.high, high=-n.low)
    elif (
        n.form == "digits"
        and (before[-1:].isalpha() or before[-1:] == "_")  # "@user_1" too
        or before[-2:-1].isalpha()
        and (before[-1:] == "-" and n.form == "digits")
        and not re.search(r"\d-to-$|\d(?:k|m|bn|K|M)-$", before)  # "5-to-7", "5k-20k": ranges
    ):
        return None  # "G7", "COVID-19", "F-16": an identifier
    if (
        n.form == "digits" and not cur and not n.scaled
        and re.fullmatch(r"[0-9]{10,}", text[n.start : n.end])
    ):  # fmt: skip
        return None  # ten or more digits with no separator: an identifier or a timestamp
    if n.form == "digits" and n.scale == 1e3 and text[n.end - 1 : n.end] in "kK" and not cur:
        shot_in = re.search(r"\bin\s$", before) and re.match(r"\s*(?:[.,;:!?)]|$)", after)
        if (
            text[n.end - 1] == "K"
            and (_RESOLUTION.match(after) or shot_in)
            and (n.low in _K_RESOLUTIONS)
        ):
            return None  # "a 4K TV", "shot in 8K": a display format, like "1080p"
        if _RACE.match(after):
            # "a 5K run", "the 10K race": kilometres, not thousands
            value = n.low / 1e3
            return _Atom(
                start,
                end,
                value,
                value,
                "measure",
                "kilometre",
                None,
                replace(n, low=value, high=value, scaled=False, scale=1.0),
            )
    if n.form == "digits" and after[:1].isalpha():
        suffix = re.split(r"[^\w/°-]", after, maxsplit=1)[0].lower()
        pence = (mo := MONEY_SUFFIX.match(after)) is not None and mo.group("pence") is not None
        if pence and n.low in _VIDEO_LINES:
            return None  # "1080p": a video resolution
        if suffix in ("st", "nd", "rd", "th", "s") or (
            not measure(after) and not AGE_SUFFIX.match(after) and not pence
            and not PERCENT.match(after)
        ):  # fmt: skip
            return None  # an ordinal ("21st"), a decade ("1990s") or a code ("5G")
    if CLOCK.match(after) or re.search(r"\d:$", before):
        return None
    if n.form == "digits" and n.end - n.start == 2 and re.search(r"(?<!\w)['‘’]$", before):
        return None  # "in '08", "the class of ’99": a year
    if (
        n.form == "digits"
        and n.low < 100
        and (
            after[:1] == ")"
            and _ITEM_START.search(before)
            and re.match(r"^\)\s+\S", after)
            or re.match(r"^\.\s+[A-Z\"“‘']", after)
            and _LINE_START.search(before)
        )
    ):
        return None  # "tonight: 1) The race", a numbered list item
    if n.form == "digits" and (
        re.match(r"^(?:[/:]|\.\d+\.)\d", after) or re.search(r"\d(?:[/:]|\.\d+\.)$", before)
        or re.match(r"^\.\d", after) or re.search(r"\d\.\d+\.$", before)
    ):  # fmt: skip
        return None  # "9/11", "24/7", "3:2": a date, a slogan or a ratio
    if n.form == "digits" and score(before, after, n.low):
        return None  # a score or a tally ("2-0", "9-2"), not a range
    if kind == "count" and n.scale == 1e6 and text[n.end - 1] in "mM" and metres(doc, n.end):
        # "1.8m tall", "a 48m mast": an attached "m" without a currency is metres.
        n = replace(n, low=n.low / 1e6, high=n.high / 1e6, scaled=False, scale=1.0)
        kind, unit = "measure", "metre"
    if kind == "count" and (p := PERCENT.match(after)):
        kind, end = "percent", n.end + p.end()
        unit = (
            "percentage point"
            if p.group("pp") or "percentage" in p.group().lower()
            else ("percent")
        )
    elif kind == "count" and (a := AGE_SUFFIX.match(after)):
        kind, unit, end = "age", (a.group("u") or a.group("u2")).lower(), n.end + a.end()
    elif kind == "count" and AGE_PREFIX.search(before):
        kind, unit = "age", "year"
    elif (
        kind in ("count", "fraction") and n.form != "fraction" and (mo := MONEY_SUFFIX.match(after))
    ):
        if mo.group("pence") or mo.group("spaced_pence"):
            word = "penny"
        elif mo.group("code"):
            word = CODE_WORDS[mo.group("code")][0]
        elif mo.group("sym"):
            word = SYMBOLS[mo.group("sym")][0]
        else:
            word = re.sub(r"s$", "", mo.group("w").lower().split()[0])
        word = "penny" if word == "pence" else word
        kind, unit, end = "money", word, n.end + mo.end()
        currency = "GBP" if word in ("pound", "penny") else CURRENCY_WORDS.get(word)
        if mo.group("code") or mo.group("sym"):
            currency = (CODE_WORDS.get(mo.group("code") or "") or SYMBOLS[mo.group("sym")])[1]
        if "canadian" in mo.group().lower():
            currency = "CAD"
        elif "australian" in mo.group().lower():
            currency = "AUD"
    elif kind == "count" and (me := measure(after)):
        key = next(g for g in me.groups() if g)
        if key in ("C", "F") and _SEAT.search(before):
            return None  # "Apartment 5C", "seat 23F": a place, not a temperature
        unit = MEASURES.get(key.lower()) or measure_word(key)
        kind, end = "measure", n.end + me.end()
        if unit == "foot" and n.low == n.high and (inch := _INCHES.match(text, end)):
            # "6-foot-2", "6 feet 2 inches": one height in feet, as "$13 and 45 cents" is one
            # amount in dollars
            value = n.low + float(inch.group("h") or inch.group("i")) / 12
            n, end = replace(n, low=value, high=value), inch.end()
    elif (
        kind == "count" and n.form == "digits" and n.low == int(n.low) and 1 <= n.low <= 8
        and (fi := _FEET_MARKS.match(text, n.end))
        and (fi.group("mark") or 4 <= n.low <= 7)  # "6'2" unmarked only in a person's range
    ):  # fmt: skip
        # "5'11\"", "6′ 2″": feet and inches written with marks
        value = n.low + float(fi.group("i")) / 12
        n, end, kind, unit = replace(n, low=value, high=value), fi.end(), "measure", "foot"
    if n.form == "digits" and ADDRESS.match(after):
        return None  # "123 Random Street": an address
    if n.form == "digits" and kind == "count" and _MODEL.match(after):
        return None  # "iPhone 11 Pro and 11 Pro Max": a model name
    suspended = _SUSPENDED.match(after)  # "four-, five- and six-cylinder": a count
    if kind == "count" and not suspended and not_a_count(doc, text, n, before, after):
        return None
    return _Atom(start, end, n.low, n.high, kind, unit, currency, n)


def _cents(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join "13 dollars and 45 cents", "£2 and 50p" into one amount in the main unit."""
    out: list[_Atom] = []
    for b in atoms:
        a = out[-1] if out else None
        if (
            a is not None
            and a.unit in ("dollar", "euro", "pound")
            # "2 pounds" alone is a weight; with pence it is money
            and (a.kind == "money" or a.unit == "pound" and b.unit == "penny")
            and b.kind == "money" and b.unit in ("cent", "penny")
            and a.low == a.high == int(a.low) and b.low == b.high and 0 < b.low < 100
            and re.fullmatch(r"\s*(?:,\s*|and\s+)?", text[a.end : b.start])
        ):  # fmt: skip
            value = a.low + b.low / 100
            currency = a.currency or ("GBP" if b.unit == "penny" else None)
            out[-1] = replace(a, end=b.end, low=value, high=value, kind="money",
                              currency=currency)  # fmt: skip
            continue
        out.append(b)
    return out


def _ascii_pounds(text: str, n: NumberMatch) -> bool:
    """Whether "PS" before ``n`` is a folded "£": the amount has a decimal, a separator, a
    scale or at least two digits ("PS2.7m", "PS450"), which a console name ("PS4") never has.
    """
    if text[n.start - 2 : n.start] != "PS":
        return True  # "Y=" has no other reading
    return n.scaled or n.end - n.start >= 2 and n.form == "digits"


# Words that make a number part of a product's name ("11 Pro Max", "Galaxy S10 Plus").
_MODEL = re.compile(r"^\s(?:Pro|Max|Plus|Mini|Ultra|Lite|XL|XS|SE|Edge|Mark\s+I+V?)\b")
# A list item's number: "1)" at the start of a line or after a colon, a dash or a sentence;
# "1." only at the start of a line ("Sales: 5." is a value).
_ITEM_START = re.compile(r"(?:^|\n|[:;—–]\s*|[.!?]\s+)\s*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?:(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\2(?:19|20)\d\d"
    r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)?\d\d)(?![\d.,/-]?\d)"
)
# Lines of a video format ("720p", "1080p"), never an amount in pence.
_VIDEO_LINES = frozenset((240.0, 360.0, 480.0, 540.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0))
# A word before "5C" that makes it a place: a capitalised name, or a seat, room or gate.
_SEAT = re.compile(
    r"(?:(?-i:\b[A-Z][a-z]*)|\b(?:seat|row|room|apartment|flat|gate|platform|suite|unit|block"
    r"|level|floor|bay|section|pier|aisle|ward|terminal))\s$",
    re.IGNORECASE,
)


# The inches after a number of feet: "6-foot-2", "6-foot-2-inch", "6 feet 2 inches", "6 ft 2 in".
_INCHES = re.compile(
    r"-(?P<h>[0-9]|1[01])(?:-inch(?:es)?|-in\.?)?(?![\w-]|[.,]\d)"
    r"|,?\s+(?:and\s+)?(?P<i>[0-9]|1[01])\s*(?:inch(?:es)?\b|in\.|\"|″|”|'')"
)
# Feet and inches written with marks after a one-digit number of feet: "5'11\"", "6′ 2″".
_FEET_MARKS = re.compile(
    r"\s?['′’]\s?(?P<i>[0-9]|1[01])(?:\s?(?P<mark>[\"″”]|''))?(?![\w'’′\"″”]|[.,]\d)"
)
# What a "4K" names when it is a picture format rather than thousands.
_RESOLUTION = re.compile(
    r"^(?:\s+(?:Ultra\s+HD|UHD|HDR\d*))?(?:\s+|-)(?:TVs?|televisions?|video|videos|resolution"
    r"|displays?|screens?|monitors?|footage|content|streaming|streams?|cameras?|projectors?"
    r"|panels?|Blu-rays?|graphics|gaming|HDR|UHD|at\s+\d+\s?(?:fps|Hz|frames))\b",
    re.IGNORECASE,
)
_K_RESOLUTIONS = frozenset((2e3, 4e3, 5e3, 6e3, 8e3, 10e3, 12e3, 16e3))
# "a 5K run", "the 10K race": a race's distance in kilometres
_RACE = re.compile(
    r"^(?:\s+|-)(?:(?:fun|road|charity|trail)\s+)?(?:runs?|races?|walks?|runners?)\b",
    re.IGNORECASE,
)


def _disjoint(atoms: list[_Atom]) -> list[_Atom]:
    """Atoms without those inside an earlier one (the "2 inches" of "6 feet 2 inches")."""
    out: list[_Atom] = []
    for a in atoms:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


# The error term of a measurement: "5 ± 2", "9.83e-3 +/- 1e-5", "45% plus or minus 3".
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+/−|\+-|plus\s+or\s+minus|plus/minus)\s*", re.IGNORECASE)


def _plus_minus(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """ "X ± Y" is the estimate X, approximate; the error term Y is part of its mention.

    The error term is not taken as bounds: it is often a standard error or a confidence
    interval of unstated coverage, so the interval it draws would claim more than the writer.
    """
    out: list[_Atom] = []
    for b in atoms:
        a = out[-1] if out else None
        if a is not None and a.low == a.high and _PLUS_MINUS.fullmatch(text, a.end, b.start):
            kind, unit = (b.kind, b.unit) if a.kind == "count" and a.unit is None else (
                a.kind, a.unit)  # fmt: skip
            out[-1] = replace(a, end=b.end, kind=kind, unit=unit,
                              currency=a.currency or b.currency, approximate=True)  # fmt: skip
            continue
        out.append(b)
    return out


def _carry_units(doc: Doc, text: str, atoms: list[_Atom]) -> list[_Atom]:
    """A bare number after "X unit to" keeps the unit ("from 208 pounds to 193", "to 24 mpg")."""
    out = list(atoms)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            b.kind == "count"
            and b.unit is None
            and a.unit is not None
            # Not percent or money: "rose 0.1% to 1,333.18" is a change, then a level.
            and a.kind == "measure"
            and re.fullmatch(r"\s*(?:to|-|–)\s*", text[a.end : b.start], re.IGNORECASE)
            and counted(doc, b.end) is None
        ):
            out[k] = replace(b, kind=a.kind, unit=a.unit, currency=a.currency)
    return out


def _ranges(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Group atoms into ranges ("between 1,000 and 4,000", "1,000-4,000", "5% to 10%")."""
    groups: list[list[_Atom]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = RANGE_GAP.match(text[a.end : b.start])
            if gap is None and re.search(r"\bfrom\s+$", text[max(0, a.start - 6) : a.start]):
                # "from 20 mpg in 2008 to 29 mpg": a time between the ends of one range
                gap = _FROM_WHEN_TO.match(text[a.end : b.start])
            if gap and _compatible(a, b):
                sep = gap.group("sep").lower()
                before = text[max(0, a.start - 12) : a.start]
                between = re.search(r"\bbetween\s+$", before, re.I)
                # "increased by $43.6 billion to $419.2 billion": a change, then a level.
                # "dropped 15 pounds to 193", "rose 5% to 10%": the same, with the verb.
                changed = _CHANGE.search(text, max(0, a.start - 24), a.start)
                by = sep == "to" and (re.search(r"\bby\s+$", before, re.I) or changed)
                # "fell from 4.8 to 4.7 percent": with "from", a falling pair is one range.
                falling = sep == "to" and re.search(r"\bfrom\s+$", before, re.I) is not None
                a2 = _share(a, b, falling=falling)
                rising = a2.low < b.low or (falling and a2.low > b.low)
                if (sep != "and" or between) and not by and rising and a.high == a.low:
                    if b.kind == "count" and b.unit is None:
                        b = replace(b, kind=a2.kind, unit=a2.unit, currency=a2.currency)
                    groups.append([a2, b])
                    i += 2
                    continue
        groups.append([a])
        i += 1
    return groups


# Between "from X" and "to Y": when (a year, a month, a short phrase), nothing else.
_FROM_WHEN_TO = re.compile(
    r"^\s+(?:in|at|on|during)\s+(?:[A-Za-z]+\.?\s+){0,3}(?:\d{4}\s+)?(?P<sep>to)\s+$"
)
# A verb of change right before a number: what follows "to" is the new level, not a bound.
_CHANGE = re.compile(
    r"\b(?:rose|risen|rises|fell|fallen|falls|dropped|drops|declined|climbed|jumped|gained"
    r"|lost|added|shed|slipped|slid|surged|soared|plunged|plummeted|tumbled|sank|increased"
    r"|decreased|grew|grown|cut|raised|lowered|up|down)\s+$",
    re.IGNORECASE,
)


def _compatible(a: _Atom, b: _Atom) -> bool:
    """Whether two numbers can be the ends of one range (same kind and unit, or one bare)."""
    if b.kind == "count" and b.unit is None and a.kind == "age":
        return True  # "aged 25 to 54"
    if a.kind == "count" or a.kind == b.kind and a.unit in (None, b.unit):
        return b.kind != "fraction" and b.low == b.high
    return False


def _share(a: _Atom, b: _Atom, *, falling: bool = False) -> _Atom:
    """The first end of a range takes the second's scale and unit when it has none.

    A rising range ("5 to 10 million") shares the scale when the scaled first end stays below
    the second; a falling one ("from 1.2 to 0.9 million") when the first end is below 1,000.
    """
    low = a.low
    if (
        a.number is not None
        and b.number is not None
        and not a.number.scaled
        and b.number.scaled
        and (a.low * b.number.scale <= b.low or falling and abs(a.low) < 1000)
    ):
        low = a.low * b.number.scale
    return replace(
        a, low=low, high=low, kind=b.kind if a.kind == "count" else a.kind,
        unit=a.unit or b.unit, currency=a.currency or b.currency,
    )  # fmt: skip


def _quantity(doc: Doc, text: str, group: list[_Atom]) -> Quantity | None:
    """One quantity from a number or a range: hedges, bounds, the counted noun, the span."""
    first, last = group[0], group[-1]
    start, end = first.start, last.end
    # A falling range ("from 4.8 to 4.7 percent") is stored low to high.
    low: float | None = min(first.low, last.low)
    high: float | None = max(first.high, last.high)
    low_incl, high_incl, approx = True, True, any(a.approximate for a in group)
    if len(group) == 1 and first.number is not None and first.number.form == "vague":
        high_incl = False
    between = re.search(r"\b(?:between|from)\s+$", text[max(0, start - 12) : start], re.I)
    if len(group) == 2 and between:
        start -= len(between.group())
    window = text[max(0, start - 30) : start]
    hedge = PREFIX.search(window)
    if hedge and re.search(r"\d\s*$", window[: hedge.start()]):
        hedge = None  # "3 over 2", "one out of 3 under 5": a comparison of numbers, no hedge
    if (
        hedge and hedge.group("h").lower() in ("over", "under", "above", "below")
        and re.match(r"one\s+of\b", text[first.start : first.start + 7], re.I)
    ):  # fmt: skip
        hedge = None  # "labored over one of the addresses": a preposition, not a bound
    if hedge and not (len(group) == 2 and between):
        start -= len(hedge.group())
        sem = next(s for p, s in HEDGES if re.fullmatch(p, hedge.group("h"), re.I))
        if sem in ("approx", "near_below", "near_above"):
            approx = True
        if sem in ("near_below", "high_excl", "high_incl") and len(group) == 1:
            low, high_incl = None, sem == "high_incl"
        elif sem in ("near_above", "low_excl", "low_incl") and len(group) == 1:
            high, low_incl = None, sem == "low_incl"
    post = POSTFIX.match(text[end : end + 20])
    if post:
        end += post.end()
        word = post.group().lower()
        if post.group("more") or post.group("more2") or "plus" in word or word == "+":
            high, low_incl = None, True
        elif post.group("less"):
            low, high_incl = None, True
        else:
            approx = True
    unit, subject = last.unit, None
    if (
        last.kind in ("count", "fraction", "age")
        and last.kind != "age"
        or (last.kind == "age" and last.unit)
    ):
        head = counted(doc, end)
        if head is not None and last.kind in ("count", "fraction"):
            noun, sub_start = head
            # A fraction's unit is the whole it divides ("1/16 of a pint": pint).
            unit = lemma(noun)
            subject = text[sub_start : noun.idx + len(noun)]
            end = max(end, noun.idx + len(noun))
        elif head is not None and last.kind == "age":
            # "a 25-year-old man": the person is the subject and belongs to the mention.
            noun, sub_start = head
            subject = text[sub_start : noun.idx + len(noun)]
            end = max(end, noun.idx + len(noun))
    start, end = _strip(text, start, end)
    return Quantity(
        span=Span.of(text, start, end), low=low, high=high, low_inclusive=low_incl,
        high_inclusive=high_incl, approximate=approx, unit=unit, subject=subject,
        kind=last.kind, currency=last.currency,
    )  # fmt: skip


# A number whose compound is finished later: "four-, five- and six-cylinder", "two- or".
_SUSPENDED = re.compile(r"^-(?:,|\s+(?:and|or|to|and/or)\s)", re.IGNORECASE)


def _suspended(text: str, found: list[Quantity]) -> list[Quantity]:
    """A suspended compound takes the unit of the one that ends the list ("four-, five- and
    six-cylinder": all three count cylinders); so does the first of two alternatives ("two or
    three days")."""
    out = list(found)
    for k in range(len(out) - 1, -1, -1):
        q = out[k]
        tail = text[q.span.end : q.span.end + 9]
        if q.unit is None and q.kind == "count" and _SUSPENDED.match(tail):
            nxt = out[k + 1] if k + 1 < len(out) else None
            if nxt is not None and nxt.unit and nxt.span.start - q.span.end < 30:
                out[k] = replace(q, unit=nxt.unit, subject=nxt.subject)
        elif (
            q.unit is None
            and q.kind == "count"
            and (pct := _PERCENT_LIST.match(text[q.span.end : q.span.end + 60]))
        ):
            # "a 20 or 30 percent premium", "clear 7, 8, 10 percent": each is a percentage
            unit = "percentage point" if "point" in pct.group().lower() else "percent"
            out[k] = replace(q, kind="percent", unit=unit)
        elif q.unit is None and q.kind == "count" and k + 1 < len(out):
            # "two or three days", "10 or 12 ships": the alternatives count the same thing
            nxt = out[k + 1]
            if (
                nxt.unit and nxt.kind == "count"
                and re.fullmatch(r"\s+or\s+", text[q.span.end : nxt.span.start])
                and q.low is not None and nxt.low is not None and q.low < nxt.low
            ):  # fmt: skip
                out[k] = replace(q, unit=nxt.unit, subject=nxt.subject)
    for k in range(1, len(out)):
        q, prev = out[k], out[k - 1]
        # the middle of "7, 8, 10 percent", once "7" is known to be a percentage
        if (
            q.unit is None and q.kind == "count" and prev.kind == "percent"
            and re.fullmatch(r",\s*", text[prev.span.end : q.span.start])
            and _PERCENT_LIST.match(", 0" + text[q.span.end : q.span.end + 60])
        ):  # fmt: skip
            out[k] = replace(q, kind="percent", unit=prev.unit)
    return out


# Bare numbers listed before a percentage: ", 8, 10 percent", " or 30 percent" (one comma
# alone is no list: "of those aged 18, 25 percent said").
_PERCENT_LIST = re.compile(
    r"^(?:(?:,\s*\d[\d.]*){2,}|(?:,\s*\d[\d.]*)*,?\s+(?:or|and)\s+\d[\d.]*)"
    r"\s*(?:%|percent\b|per\s?cent\b|percentage\s+points?\b)",
    re.IGNORECASE,
)


# Market reports: a level next to a move in points is in points too.
_LEVEL_BEFORE_MOVE = re.compile(
    r"\s*,?\s*(?:up|down|off|higher|lower|rising|falling|gaining|losing)\s+", re.IGNORECASE
)
_MOVE_BEFORE_LEVEL = re.compile(
    r"\s*(?:,\s*or\s+[\d.]+\s*(?:%|percent|per\s?cent)\s*,\s*)?(?:to|at)\s+", re.IGNORECASE
)


def _index_levels(text: str, found: list[Quantity]) -> list[Quantity]:
    """An index level beside a move in points is in points: "(16369.03 up 58.06 points)",
    "fell 120 points to 25,100", "down 30.5 points, or 0.4%, to 7,234.1"."""
    out = list(found)
    moves = [q for q in found if q.unit == "point" and q.kind == "count"]
    if not moves:
        return out
    for k, q in enumerate(out):
        if q.unit is not None or q.kind != "count":
            continue
        for m in moves:
            after = m.span.start >= q.span.end and _LEVEL_BEFORE_MOVE.fullmatch(
                text, q.span.end, m.span.start
            )
            before = m.span.end <= q.span.start and _MOVE_BEFORE_LEVEL.fullmatch(
                text, m.span.end, q.span.start
            )
            if after or before:
                out[k] = replace(q, unit="point")
                break
    return out


# What introduces the other side of a comparison whose noun is left out.
_COMPARED = re.compile(
    r"(?:compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from)\s+$", re.IGNORECASE
)


def _compared(text: str, found: list[Quantity]) -> list[Quantity]:
    """The other side of a comparison counts the same thing: "520 superdelegates compared with
    39 who back Sanders", "12 seats versus 9"."""
    out = list(found)
    for k in range(1, len(out)):
        q, prev = out[k], out[k - 1]
        if q.unit is not None or q.kind != "count" or prev.kind != "count" or not prev.unit:
            continue
        gap = text[prev.span.end : q.span.start]
        if len(gap) < 80 and not re.search(r"[.!?;]\s", gap) and _COMPARED.search(gap):
            out[k] = replace(q, unit=prev.unit, subject=prev.subject)
    return out


# One member of a list after a counted number: ", Cruz 559", "and Kasich 143", "; Ohio 12%".
_MEMBER = re.compile(r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)((?:[A-Z][\w'’.-]*\s+){1,3})$")
# What may follow a bare list member: the next member, the end of the clause.
_MEMBER_END = re.compile(r"^(?:\s*[,;.)]|\s+and\b|\s*$)")


def _list_members(
    text: str, numbers: Sequence[NumberMatch], blocked: list[tuple[int, int]],
    found: list[Quantity],
) -> list[Quantity]:  # fmt: skip
    """Bare numbers listed after a counted one take its unit: "1,237 delegates, Cruz 559".

    A member is a name of one to three capitalised words and a number with nothing after it
    but the next member or the end of the clause; the name would otherwise make the number
    an identifier ("Route 9"), so the list is what tells the two apart.
    """
    taken = [(q.span.start, q.span.end) for q in found]
    starts = [n.start for n in numbers]
    out = list(found)
    for q in found:
        # Only counts: a listed percentage or amount carries its own sign ("Trump 43%").
        if q.unit is None or q.kind != "count" or q.low != q.high:
            continue
        pos = q.span.end
        while True:
            k = bisect_left(starts, pos)
            nxt = numbers[k] if k < len(numbers) else None
            if nxt is None or nxt.start - pos > 60 or nxt.form not in ("digits", "words"):
                break
            gap = _MEMBER.match(text, pos, nxt.start)
            if gap is None or gap.end() != nxt.start or not _MEMBER_END.match(text[nxt.end :]):
                break
            year = nxt.end - nxt.start == 4 and 1900 <= nxt.low <= 2100
            if year or any(nxt.start < e and s < nxt.end for s, e in [*blocked, *taken]):
                break
            out.append(Quantity(
                span=Span.of(text, nxt.start, nxt.end), low=nxt.low, high=nxt.high,
                unit=q.unit, subject=q.subject, kind=q.kind,
            ))  # fmt: skip
            pos = nxt.end
    return sorted(out, key=lambda x: x.span.start)


def _conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """A conversion in brackets ("more than 100 kilometers (60 miles)") keeps the hedge."""
    out: list[Quantity] = []
    for q in found:
        if out and q.low == q.high and not q.approximate:
            prev = out[-1]
            gap = text[prev.span.end : q.span.start]
            one_sided = prev.low is None or prev.high is None
            if re.fullmatch(r"\s*[(/]\s*", gap) and (one_sided or prev.approximate):
                value = q.low
                q = replace(
                    q,
                    low=value if prev.low is not None else None,
                    high=value if prev.high is not None else None,
                    low_inclusive=prev.low_inclusive,
                    high_inclusive=prev.high_inclusive,
                    approximate=prev.approximate,
                )
        out.append(q)
    return out


def _two_sided(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join one-sided bounds of the same thing: "more than 10 and less than 20" is (10, 20)."""
    out: list[Quantity] = []
    for q in found:
        if out:
            p = out[-1]
            gap = text[p.span.end : q.span.start]
            lows = [x for x in (p, q) if x.low is not None and x.high is None]
            highs = [x for x in (p, q) if x.high is not None and x.low is None]
            if (
                re.fullmatch(r"\s*(?:,|and|but|,\s*and|,\s*but)\s*", gap, re.IGNORECASE)
                and len(lows) == 1 and len(highs) == 1 and p.kind == q.kind
                and (p.unit is None or q.unit is None or p.unit == q.unit)
                and lows[0].low is not None and highs[0].high is not None
                and lows[0].low < highs[0].high
            ):  # fmt: skip
                lo, hi = lows[0], highs[0]
                out[-1] = replace(
                    p, span=Span.of(text, p.span.start, q.span.end), low=lo.low, high=hi.high,
                    low_inclusive=lo.low_inclusive, high_inclusive=hi.high_inclusive,
                    approximate=p.approximate or q.approximate, unit=p.unit or q.unit,
                    subject=p.subject or q.subject,
                )  # fmt: skip
                continue
        out.append(q)
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
