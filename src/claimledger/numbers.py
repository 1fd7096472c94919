"""Numbers as written: digits, number words, scales, vague multiples and fractions.

This module knows nothing of spaCy; it scans a text for number expressions and gives each one's
character offsets and value (or interval, for vague multiples such as "tens of thousands").
``quantities`` decides which of them are quantities (not dates, identifiers, ordinals) and what
they count.

Values (every interval is ``[low, high)`` unless said otherwise):

==============================  ==================================================
text                            value
==============================  ==================================================
``12,000`` ``1.5`` ``.5``       12000, 1.5, 0.5
``3.2m`` ``£20m`` ``4bn``       3.2e6, 20e6, 4e9 (``k``, ``m``/``mn``/``mil``,
                                ``bn``/``b``, ``tn`` are scales when attached)
``1.5 million``                 1.5e6
``two``, ``twenty-five``        2, 25
``a hundred and five``          105
``two and a half million``      2.5e6
``a dozen``, ``a pair of``      12, 2
``two-thirds``, ``a third of``  0.666..., 0.333... (kind ``fraction``)
``half of``                     0.5
``dozens of``                   [24, 144): more than one dozen, fewer than a gross
``hundreds of``                 [100, 1000)
``thousands of``                [1000, 10000)
``tens of thousands``           [10000, 100000): the order of magnitude, ``10**k``
                                inclusive to ``10**(k+1)`` exclusive, not "at least
                                twenty thousand", because writers use it for the
                                order of magnitude, not for a multiple of ten
``hundreds of millions``        [1e8, 1e9)
``half a million``              5e5 (``a quarter of a billion``: 2.5e8)
``35 lakh``, ``1,200 crore``    3.5e6, 1.2e10; ``12,34,567`` (South Asian grouping)
``10 000``, ``1 000 000``       1e4, 1e6: thousands spaced by a narrow or no-break space,
                                or by plain spaces when there are two groups or the group
                                is ``000`` ("March 3 200 people" stays 3 and 200)
==============================  ==================================================

Bad input never raises: a digit run in another script (Arabic-Indic, full-width), a number too
long to hold exactly in a float, or a power written ``10^400`` is reported as a
``NumberProblem`` and skipped, never given a wrong value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    # South Asian scales, in English news from the region ("35 lakh", "Rs 1,200 crore").
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
#: Abbreviated scales written after digits ("3.2m", "$4 bn", "RM3.06mil").
SHORT_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tln": 1e12,
}
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
#: Vague plural multiples: "hundreds of" is [100, 1000).
VAGUE: dict[str, float] = {
    "tens": 10,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
#: Digits beyond this are not held exactly by a float: such numbers are reported, not guessed.
MAX_DIGITS = 15

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
_SCALE = "|".join(SCALES)
_SHORT = "|".join(sorted(SHORT_SCALES, key=len, reverse=True))
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))

# A digit run: ASCII digits only (other scripts are reported separately), with optional
# thousands separators and decimals, a following spaced or attached scale, and "1/2" halves.
_DIGITS = re.compile(
    rf"""(?=[0-9.])(?<![\d.,/^])(?<!\d[.,])
    (?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?
      |[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?:\.[0-9]+)?
      |[0-9]{{1,3}}(?:[\u00a0\u2009\u202f][0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?
      |[0-9]{{1,3}}(?:\x20[0-9]{{3}}){{2,}}(?![0-9])(?:\.[0-9]+)?
      |[0-9]{{1,3}}\x20000(?:\.[0-9]+)?(?![0-9]|[.,][0-9])
      |[0-9]+(?:\.[0-9]+)?|\.[0-9]+)
    (?P<frac>[\s-][1-9]/(?:2|3|4|8)(?![\d/]))?
    (?:(?P<sp>\s?)(?P<scale>{_SCALE}|{_SHORT})\b|-(?P<hscale>million|billion|trillion)\b)?
    (?![\d])""",
    re.IGNORECASE | re.VERBOSE,
)
_WORDS = re.compile(
    rf"""(?=[zotfsenhmbdtaZOTFSENHMBDTA])\b(?P<a>an?\s+)?(?P<w>(?:{_WORD})(?:(?:\s+and\s+(?!three\s+quarters)|[\s-]+)(?:{_WORD}))*)
    (?P<half>(?P<hs>\s+|-)and(?P=hs)(?:a(?P=hs)half|a(?P=hs)quarter|a(?P=hs)third|three(?P=hs)quarters))?(?:\s+(?P<scale>{_SCALE}))?\b""",
    re.IGNORECASE | re.VERBOSE,
)
_VAGUE = re.compile(
    r"(?=[thdmbTHDMB])\b(?P<a>tens|hundreds|dozens)\s+of\s+(?P<b>thousands|millions|billions)\b"
    r"|(?=[thdmbTHDMB])\b(?P<c>dozens|hundreds|thousands|millions|billions|trillions)\b"
    r"(?=\s+(?:of|more|upon)\b)",
    re.IGNORECASE,
)
# "half a million", "a quarter of a billion", "three quarters of a million": the fraction
# multiplies the scale (without this "half" and "a million" would be two numbers).
_FRACTION_SCALE = re.compile(
    # the look-ahead on the first letter first: it lets the scan skip most positions cheaply
    r"(?=[aothqAOTHQ])(?<!and\s)(?<!and\sa\s)(?<!first\s)(?<!second\s)(?<!other\s)\b"
    r"(?:(?P<n>an?|one|two|three)[\s-]+)?(?P<d>half|quarters?|thirds?)"
    # not "half of a million-year span": a scale joined by a hyphen describes a noun
    r"(?:\s+(?:of\s+)?an?)?\s+(?P<s>thousand|million|billion|trillion)\b(?!-)",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"(?=[aotfsenhAOTFSENH1-9])(?:"
    rf"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|[1-9])[\s-]+(?P<d>{_DEN})\b"
    r"(?=\s+(?:of|the|a|an|his|her|its|their|our|all)\b)"
    # not "three quarters" after "and": "one and three quarters" is one number
    r"|\b(?!(?<=and\s)three\s+quarters\b)"
    rf"(?P<n2>one|two|three|four|five|six|seven|eight|nine)[\s-](?P<d2>{_DEN})\b"
    # "half of": not "the second half of the year", a period of time.
    r"|(?<!first\s)(?<!second\s)(?<!other\s)(?<!latter\s)(?<!former\s)"
    r"\b(?P<h>half)(?=\s+(?:of|the|a|an|his|her|its|their|our|all)\b))",
    re.IGNORECASE,
)
# A share that ends its clause ("a third.", "half,"): a quantity after a comparison only
# ("rose by a third.", "more than half,"), see ``_AFTER_COMPARISON``.
_SHARE = re.compile(
    rf"(?=[aohAOH])\b(?:(?P<n>an?|one)\s+(?P<d>{_DEN})|(?P<h>half))(?=\s*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)
# Words after which a bare share is a quantity ("by a third", "more than half", "nearly a quarter")
_AFTER_COMPARISON = re.compile(
    r"\b(?:by|than|nearly|almost|about|around|roughly|over|under|just|only|some)\s$",
    re.IGNORECASE,
)
# "a couple of" is left out on purpose: writers use it for "a few", not for exactly two.
_PAIR = re.compile(r"\ba\s+pair\s+of\b", re.IGNORECASE)
_HALF_DOZEN = re.compile(r"\bhalf\s+a\s+dozen\b", re.IGNORECASE)
_FOREIGN_DIGITS = re.compile(r"\d+")
# "1/16 of", "1⁄32" (fraction slash), "1/4 inch" (a common denominator): never "9/11", "24/7".
_SLASH = re.compile(
    r"(?<![\d/.,])(?<!\d\s)(?<!\d-)([0-9]{1,3})(?:\u2044([0-9]{1,4})|/([0-9]{1,4})(?=\s+of\b)"
    r"|/(2|3|4|8|16|32|64)(?=\s+[a-z]))(?![\d/])"
)
_VULGAR = re.compile(r"(?<![\d.,])(?:([0-9]{1,3})\s?)?([¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_VULGAR_VALUES = {"¼": 1 / 4, "½": 1 / 2, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5,
                  "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8,
                  "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}  # fmt: skip
_HAS_VULGAR = re.compile(r"[¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_SCIENTIFIC = re.compile(r"(?=[0-9])(?<![\w.,])([0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,3})(?![\w.])")
# Powers: "10^6", "1.3x10^6", "2.48×10−5" (a superscript flattened to "10−5"), "6.02 × 10²³",
# "8x2^10". The exponent's sign may be a hyphen, a minus sign or a plus.
_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_POWER = re.compile(
    r"(?<![\w.,^])(?:(?P<m>[0-9]+(?:\.[0-9]+)?)\s?[×xX*]\s?)?"
    r"(?P<b>[0-9]+(?:\.[0-9]+)?)"
    r"(?:\s?(?:\^|\*\*)\s?(?P<e>[+−-]{0,2}[0-9]{1,4})"
    # without a caret only after a multiplied ten, where the superscript was flattened
    r"|(?<=10)(?P<e2>[−-][0-9]{1,3}|[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\w.^])"
)
# "10 to the power of 6", "10 to the sixth power", "ten to the 9th power"
_ORDINAL_EXPONENTS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                      "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                      "twelfth": 12, "fifteenth": 15, "eighteenth": 18}  # fmt: skip
_POWER_WORDS = re.compile(
    r"(?<![\w.,])(?P<b>[0-9]+|ten)\s+to\s+the\s+(?:power\s+of\s+(?P<e>[−-]?[0-9]{1,3}|"
    + "|".join(UNITS)
    + "|"
    + "|".join(TENS)
    + r")|(?P<o>[0-9]{1,3}(?:st|nd|rd|th)|"
    + "|".join(_ORDINAL_EXPONENTS)
    + r")\s+power)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression at ``text[start:end]``.

    ``low``/``high`` equal for a point value; for a vague multiple they bound ``[low, high)``.
    ``form`` is ``digits``, ``words``, ``vague`` or ``fraction``; ``scaled`` says whether a
    scale word or suffix multiplied the value (used to share a scale across a range).
    """

    start: int
    end: int
    low: float
    high: float
    form: str
    scaled: bool = False
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class NumberProblem:
    """A number-like run that was skipped on purpose, with the reason (a diagnostic code)."""

    start: int
    end: int
    code: str
    message: str


def words_value(words: str) -> float | None:
    """The value of a run of English number words ("two hundred and five", "a dozen").

    Returns ``None`` when the run is not a well-formed number ("two three", "thousand
    million"), so the caller can skip it rather than guess.
    """
    total = 0.0
    current = 0.0
    seen_any = False
    last = ""
    for raw in re.split(r"[\s-]+", words.lower().strip()):
        if raw in ("and", ""):
            continue
        if raw in ("a", "an"):
            current, seen_any, last = 1.0, True, "unit"
        elif raw in UNITS or raw in TENS:
            value = UNITS.get(raw, TENS.get(raw, 0))
            # "twenty five" adds; "two three" is two numbers, not 23.
            if last == "unit" or (last == "tens" and raw in TENS):
                return None
            if last == "tens" and value >= 10:
                return None
            current += value
            last = "tens" if raw in TENS else "unit"
            seen_any = True
        elif raw == "dozen":
            current = (current or 1.0) * 12
            last, seen_any = "scale", True
        elif raw == "hundred":
            current = (current or 1.0) * 100
            last, seen_any = "hundred", True
        elif raw in SCALES:
            scale = SCALES[raw]
            if not seen_any or (last == "scale" and current == 0):
                return None
            total += (current or 1.0) * scale
            current = 0.0
            last = "scale"
        else:
            return None
    return total + current if seen_any else None


def scan_numbers(text: str) -> tuple[list[NumberMatch], list[NumberProblem]]:
    """Every number expression of ``text``, in text order, without overlaps.

    Longer and more specific forms win over the parts they contain (a vague multiple over the
    words inside it, a fraction over its numerator). Never raises; see the module docstring for
    what is skipped and reported instead.
    """
    found: list[NumberMatch] = []
    problems: list[NumberProblem] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: NumberMatch) -> None:
        if free(m.start, m.end):
            found.append(m)
            taken.append((m.start, m.end))

    for m in _FOREIGN_DIGITS.finditer(text):
        if not m.group().isascii():
            problems.append(NumberProblem(
                m.start(), m.end(), "unsupported_digits",
                f"digits outside ASCII 0-9 skipped: {m.group()!r}",
            ))  # fmt: skip
            taken.append((m.start(), m.end()))
    # Cheap guards: most texts have no powers, slashes or vulgar fractions at all.
    if _may_have_sign(text) or " power" in text:
        for start, end, value in _powers(text):
            if value is None:
                problems.append(
                    NumberProblem(
                        start,
                        end,
                        "unsupported_notation",
                        f"power out of range skipped: {text[start:end]!r}",
                    )
                )
                taken.append((start, end))
            else:
                add(NumberMatch(start, end, value, value, "digits"))
    for m in _VAGUE.finditer(text):
        if m.group("c"):
            base = 24.0 if m.group("c").lower() == "dozens" else VAGUE[m.group("c").lower()]
            high = 144.0 if base == 24.0 else base * 10
        else:
            mult = VAGUE[m.group("b").lower()]
            first = m.group("a").lower()
            base = 24.0 * mult if first == "dozens" else VAGUE[first] * mult
            high = 144.0 * mult if first == "dozens" else base * 10
        add(NumberMatch(m.start(), m.end(), base, high, "vague"))
    for m in _SLASH.finditer(text) if ("/" in text or "\u2044" in text) else ():
        num, den = int(m.group(1)), int(m.group(2) or m.group(3) or m.group(4))
        if 0 < num < den:
            # Before a unit ("1/4 inch") the fraction is a measure's value, not a share.
            form = "digits" if m.group(4) else "fraction"
            add(NumberMatch(m.start(), m.end(), num / den, num / den, form))
    for m in _VULGAR.finditer(text) if _HAS_VULGAR.search(text) else ():
        value = _VULGAR_VALUES[m.group(2)] + (int(m.group(1)) if m.group(1) else 0)
        add(NumberMatch(m.start(), m.end(), value, value, "digits"))
    for m in _SCIENTIFIC.finditer(text):
        value = float(m.group(1))
        if value != 0 and math.isfinite(value) and 1e-30 < abs(value) < 1e30:
            add(NumberMatch(m.start(), m.end(), value, value, "digits"))
    for m in _FRACTION_SCALE.finditer(text):
        n = (m.group("n") or "a").lower()
        num = 1 if n in ("a", "an") else UNITS[n]
        scale = SCALES[m.group("s").lower()]
        value = num / DENOMINATORS[m.group("d").lower()] * scale
        if value < scale:  # "three halves of a million" is no amount anyone writes
            add(NumberMatch(m.start(), m.end(), value, value, "words", True, scale))
    for m in _HALF_DOZEN.finditer(text):
        add(NumberMatch(m.start(), m.end(), 6.0, 6.0, "words"))
    for m in _PAIR.finditer(text):
        add(NumberMatch(m.start(), m.end(), 2.0, 2.0, "words"))
    for m in _FRACTION.finditer(text):
        if m.group("h"):
            value = 0.5
        else:
            n = (m.group("n") or m.group("n2")).lower()
            num = 1 if n in ("a", "an") else UNITS.get(n) or int(n)
            value = num / DENOMINATORS[(m.group("d") or m.group("d2")).lower()]
        add(NumberMatch(m.start(), m.end(), value, value, "fraction"))
    for m in _SHARE.finditer(text):
        if _AFTER_COMPARISON.search(text, max(0, m.start() - 9), m.start()):
            # "a", "an" or "one": the numerator is 1
            value = 0.5 if m.group("h") else 1 / DENOMINATORS[m.group("d").lower()]
            add(NumberMatch(m.start(), m.end(), value, value, "fraction"))
    for m in _DIGITS.finditer(text):
        _digits(m, add, problems)
    for m in _WORDS.finditer(text):
        for start, end, value, scale in _word_numbers(m):
            add(NumberMatch(start, end, value, value, "words", scale != 1.0, scale))
    found.sort(key=lambda n: n.start)
    return found, problems


def _may_have_sign(text: str) -> bool:
    """Whether ``text`` may hold a power written with signs (substring tests: most have none)."""
    return any(c in text for c in "^×*⁰¹²³⁴⁵⁶⁷⁸⁹") or "x10" in text or "x 10" in text


def _powers(text: str) -> Iterator[tuple[int, int, float | None]]:
    """Powers written with a caret, a flattened superscript or in words, with their values.

    ``None`` for a power whose value is not a finite number between 1e-30 and 1e30 ("10^400"):
    no value is guessed for it.
    """
    for m in _POWER.finditer(text) if _may_have_sign(text) else ():
        flat = m.group("e2")
        if flat is not None and (m.group("b") != "10" or m.group("m") is None and flat[0] in "-−"):
            continue  # a bare "10-5" is a score or a range, not ten to the minus fifth
        raw = (m.group("e") or m.group("e2")).translate(_SUP).replace("−", "-")
        sign = -1 if raw.count("-") % 2 else 1
        exponent = sign * int(raw.lstrip("+-"))
        yield m.start(), m.end(), _power_value(m.group("m"), m.group("b"), exponent)
    for m in _POWER_WORDS.finditer(text) if " power" in text else ():
        base = 10.0 if m.group("b").lower() == "ten" else float(m.group("b"))
        if m.group("o"):
            word = m.group("o").lower()
            exponent = _ORDINAL_EXPONENTS.get(word) or int(re.sub(r"\D", "", word))
        else:
            word = m.group("e").lower().replace("−", "-")
            # the pattern only admits digits and the number words of UNITS and TENS
            exponent = (UNITS.get(word) or TENS.get(word, 0)) if word.isalpha() else int(word)
        yield m.start(), m.end(), _power_value(None, str(base), exponent)


def _power_value(mantissa: str | None, base: str, exponent: int) -> float | None:
    """``mantissa * base ** exponent``, or ``None`` when it is not a sane finite number."""
    try:
        if float(base) == 10 and abs(exponent) < 400:
            value = float(f"{mantissa or 1}e{exponent}")  # exact: "2.48e-5", not 2.48 * 1e-5
        else:
            value = (float(mantissa) if mantissa else 1.0) * float(base) ** exponent
    except (OverflowError, ZeroDivisionError):
        return None
    if not math.isfinite(value) or not 1e-30 < abs(value) < 1e30:
        return None
    return value


def _digits(
    m: re.Match[str], add: Callable[[NumberMatch], None], problems: list[NumberProblem]
) -> None:
    """Turn one digit match into a NumberMatch, or a NumberProblem when it cannot be exact."""
    raw = re.sub(r"[,\s]", "", m.group("num"))
    significant = len(raw.replace(".", "").lstrip("0"))
    if significant > MAX_DIGITS:
        problems.append(NumberProblem(
            m.start(), m.end(), "number_too_long",
            f"number with {significant} digits skipped (more than {MAX_DIGITS})",
        ))  # fmt: skip
        return
    value = float(raw)
    if m.group("frac"):
        n, d = m.group("frac")[1:].split("/")  # after its space or hyphen
        if int(n) >= int(d):
            problems.append(NumberProblem(m.start(), m.end(), "bad_fraction", m.group()))
            return
        value += int(n) / int(d)
    # "$1.2-billion", as Canadian papers write it: the hyphen joins a scale, not a range
    scale_word = (m.group("scale") or m.group("hscale") or "").lower()
    scale = SCALES.get(scale_word) or SHORT_SCALES.get(scale_word) or 1.0
    # A spaced short scale ("4 m") is a unit, not a scale; only whole words scale when spaced,
    # and abbreviations no unit shares ("10 bln", "2 tln").
    if m.group("sp") and scale_word in SHORT_SCALES and scale_word not in _SPACED_SHORT:
        end = m.end("frac") if m.group("frac") else m.end("num")
        scale = 1.0
    else:
        end = m.end()
    value *= scale
    add(NumberMatch(m.start(), end, value, value, "digits", scale != 1.0, scale))


_SPACED_SHORT = frozenset(("bn", "mn", "mln", "bln", "trn", "tln"))
_PIECE = re.compile(r"[A-Za-z]+")
# Words a number never ends with ("a" of "and a half"): a shorter run is tried instead.
_NOT_LAST = frozenset(("and", "a", "an", "half", "quarter", "third", "quarters"))
# "two and a half", "five and a quarter", "one and three quarters"
_AND_A_PART: dict[tuple[str, ...], float] = {
    ("and", "a", "half"): 0.5, ("and", "a", "quarter"): 0.25,
    ("and", "a", "third"): 1 / 3, ("and", "three", "quarters"): 0.75,
}  # fmt: skip


def _word_numbers(m: re.Match[str]) -> Iterator[tuple[int, int, float, float]]:
    """Split one run of number words into numbers: the longest well-formed prefix first.

    "between two and three" gives 2 and 3, "one two" gives 1 and 2, "a hundred and five" 105.
    """
    base = m.start()
    pieces = [(base + p.start(), base + p.end(), p.group()) for p in _PIECE.finditer(m.group())]
    i = 0
    while i < len(pieces):
        if pieces[i][2].lower() == "and":
            i += 1
            continue
        best: tuple[int, float] | None = None
        # "one hundred and three quarters" is 100.75: the number stops before its part
        last = next((k for k in range(i + 1, len(pieces) - 2)
                     if tuple(p[2].lower() for p in pieces[k : k + 3]) in _AND_A_PART),
                    len(pieces))  # fmt: skip
        for j in range(last, i, -1):
            if pieces[j - 1][2].lower() in _NOT_LAST:
                continue
            value = words_value(" ".join(p[2] for p in pieces[i:j]))
            if value is not None:
                best = (j, value)
                break
        if best is None:
            i += 1
            continue
        j, value = best
        end = pieces[j - 1][1]
        scale = 1.0
        tail = [p[2].lower() for p in pieces[j:]]
        if tuple(tail[:3]) in _AND_A_PART:
            # "three million and a half" is 3.5 million: the part is of the last scale
            ends = pieces[j - 1][2].lower()
            unit = SCALES[ends] if ends in SCALES and ends != "hundred" else 1.0
            value += _AND_A_PART[tuple(tail[:3])] * unit
            end = pieces[j + 2][1]
            j += 3
            tail = tail[3:]
        if tail[:1] and tail[0] in SCALES and tail[0] != "hundred":
            scale = SCALES[tail[0]]
            value *= scale
            end = pieces[j][1]
            j += 1
        first = pieces[i][2].lower()
        if first in SCALES or first == "dozen":
            i = j  # "several hundred years": a bare scale word is no number of its own
            continue
        if first in ("a", "an") and value == 1.0:
            i = j  # a lone article is not a number
            continue
        yield pieces[i][0], end, value, scale
        i = j
