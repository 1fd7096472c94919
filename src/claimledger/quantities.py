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
upwards of, greater/higher than"
"at least, no fewer/less than, a minimum of, X or more,    [X     None   no
X-plus, X+, as few/little/low as"
"up to, as many/much/high as, at most, no more than,       None   X]     no
a maximum of, X or fewer/less"
"fewer than, less than, under, below, lower than"          None   X)     no
"between X and Y", "X-Y", "X to Y", "from X to Y" (X < Y)  [X     Y]     no
=========================================================  =====  =====  ===========

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
previous sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .model import Diagnostic, Quantity, Span
from .numbers import NumberMatch, scan_numbers

_HEDGES: tuple[tuple[str, str], ...] = (
    # (pattern ending right before the number, semantics); longer patterns first.
    (r"(?:higher|greater|bigger|larger|more)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|>=|≥|> =",
     "low_incl"),
    (r"(?:less|lower|smaller|fewer)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|<=|≤|< =",
     "high_incl"),
    (r"just\s+(?:under|below|shy\s+of|short\s+of)", "near_below"),
    (r"just\s+(?:over|above|more\s+than)", "near_above"),
    (r"no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|at\s+least|a\s+minimum\s+of"
     r"|as\s+(?:few|little|low)\s+as", "low_incl"),
    (r"no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|as\s+(?:many|much|high)\s+as"
     r"|a\s+maximum\s+of", "high_incl"),
    (r"(?:more|greater|higher|larger|bigger)\s+than|in\s+excess\s+of|upwards\s+of"
     r"|over|above|exceeding|north\s+of|>", "low_excl"),
    (r"(?:fewer|less|lower|smaller)\s+than|under|below|<", "high_excl"),
    (r"nearly|almost|close\s+on", "near_below"),
    (r"about|around|roughly|approximately|approx\.|an\s+estimated|estimated|some|circa|ca\."
     r"|close\s+to|in\s+the\s+region\s+of|more\s+or\s+less|~", "approx"),
)  # fmt: skip
_PREFIX = re.compile(
    r"(?:(?<=\W)|^)(?P<h>" + "|".join(f"(?:{p})" for p, _ in _HEDGES) + r")\s*$", re.IGNORECASE
)
_POSTFIX = re.compile(
    r"^(?:\s+or\s+(?P<more>more|above|greater|over)|\s*-?\s*plus\b|\+"
    r"|\s+or\s+(?P<less>fewer|less|under|below)|\s+or\s+so\b|-odd\b)",
    re.IGNORECASE,
)
_CURRENCY_PREFIX = re.compile(
    r"(?:(?P<code>US|U\.S\.|A|AU|C|CA|NZ|HK|S|NT|R)\s?)?(?P<sym>\$|£|€|¥|₹|₩|₽|₴)\s?$"
    r"|(?P<word>USD|EUR|GBP|JPY|CNY|INR|Rs\.?|RM|CHF)\s?$"
)
_SYMBOLS = {"$": ("dollar", "USD"), "£": ("pound", "GBP"), "€": ("euro", "EUR"),
            "¥": ("yen", "JPY"), "₹": ("rupee", "INR"), "₩": ("won", "KRW"),
            "₽": ("rouble", "RUB"), "₴": ("hryvnia", "UAH"), "元": ("yuan", "CNY")}  # fmt: skip
_DOLLAR_CODES = {"US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD",
                 "NZ": "NZD", "HK": "HKD", "S": "SGD", "NT": "TWD", "R": "BRL"}  # fmt: skip
_CODE_WORDS = {"USD": ("dollar", "USD"), "EUR": ("euro", "EUR"), "GBP": ("pound", "GBP"),
               "JPY": ("yen", "JPY"), "CNY": ("yuan", "CNY"), "INR": ("rupee", "INR"),
               "RS": ("rupee", "INR"), "RS.": ("rupee", "INR"), "RM": ("ringgit", "MYR"),
               "CHF": ("franc", "CHF")}  # fmt: skip
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
                   "renminbi": "CNY", "rupee": "INR", "ringgit": "MYR", "shekel": "ILS",
                   "rouble": "RUB", "ruble": "RUB", "hryvnia": "UAH", "peso": "MXN",
                   "franc": "CHF", "cent": None, "pence": "GBP", "sterling": "GBP"}  # fmt: skip
_MONEY_SUFFIX = re.compile(
    r"^\s+(?:(?:US|U\.S\.|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"(?P<w>dollars?|euros?|yen|yuan|renminbi|rupees?|ringgits?|shekels?|roubles?|rubles?"
    r"|hryvnias?|pesos?|francs?|cents?|pence|pounds\s+sterling)\b|^\s?(?P<sym>€|£|₽|₴|元)",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"^(?:\s?%|\s+(?:percent|per\s?cent|pct)\b(?P<pp>\s+points?\b)?|\s+percentage\s+points?\b)",
    re.IGNORECASE,
)
_MEASURES: dict[str, str] = {
    "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "kmh": "kilometre per hour", "mpg": "mile per gallon", "mi": "mile", "km": "kilometre",
    "cm": "centimetre", "mm": "millimetre", "ft": "foot", "yd": "yard", "yds": "yard",
    "kg": "kilogram", "mg": "milligram", "g": "gram", "lb": "pound", "lbs": "pound",
    "oz": "ounce", "ml": "millilitre", "l": "litre", "gal": "gallon", "hp": "horsepower",
    "bhp": "horsepower", "kw": "kilowatt", "w": "watt", "mw": "megawatt", "gw": "gigawatt",
    "kwh": "kilowatt-hour", "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz",
    "ghz": "gigahertz", "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte",
    "kb": "kilobyte", "mah": "milliampere-hour", "v": "volt", "nm": "newton metre",
    "lb-ft": "pound-foot", "gpa": "gigapascal", "psi": "pound per square inch",
    "ppm": "parts-per-million", "ppb": "parts-per-billion", "bpd": "barrel per day",
    "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "sec": "second",
    "secs": "second", "km2": "square kilometre", "m2": "square metre", "μm": "micrometre",
    "µm": "micrometre", "ºc": "celsius", "rpm": "revolutions per minute", "°c": "celsius",
    "°f": "fahrenheit", "ha": "hectare",
    "°": "degree", "μg": "microgram", "µg": "microgram", "kmph": "kilometre per hour",
    "km/hr": "kilometre per hour",
}  # fmt: skip
_MEASURE_WORDS: dict[str, str] = {
    "miles? per hour": "mile per hour", "kilomet(?:er|re)s? per hour": "kilometre per hour",
    "miles? per gallon": "mile per gallon", "pound-f(?:ee|oo)t": "pound-foot",
    "square (?:feet|foot)": "square foot", "square met(?:er|re)s?": "square metre",
    "square miles?|sq\\.? mi(?:les?)?": "square mile", "sq\\.? ft": "square foot",
    "sq\\.? km": "square kilometre", "square kilomet(?:er|re)s?": "square kilometre",
    "miles?": "mile", "kilomet(?:er|re)s?": "kilometre", "met(?:er|re)s?": "metre",
    "centimet(?:er|re)s?": "centimetre", "millimet(?:er|re)s?": "millimetre",
    "micromet(?:er|re)s?|microns?": "micrometre", "feet|foot": "foot", "inch(?:es)?": "inch",
    "yards?": "yard", "kilograms?|kilos?": "kilogram", "grams?": "gram", "pounds?": "pound",
    "ounces?": "ounce", "tons?": "ton", "tonnes?": "tonne", "lit(?:er|re)s?": "litre",
    "millilit(?:er|re)s?": "millilitre", "gallons?": "gallon", "horsepower": "horsepower",
    "kilowatts?": "kilowatt", "megawatts?": "megawatt", "gigawatts?": "gigawatt",
    "watts?": "watt", "gigabytes?": "gigabyte", "megabytes?": "megabyte",
    "terabytes?": "terabyte", "hertz": "hertz", "gigahertz": "gigahertz",
    "megahertz": "megahertz", "volts?": "volt", "gigapascals?": "gigapascal",
    "(?:degrees?|deg\\.?) (?:celsius|centigrade|c)": "celsius",
    "(?:degrees?|deg\\.?) (?:fahrenheit|f)": "fahrenheit", "metric tons?": "tonne",
    "micrograms?|microgrammes?": "microgram", "milligrams?|milligrammes?": "milligram",
    "degrees?": "degree", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "acres?": "acre", "hectares?": "hectare", "barrels? per day": "barrel per day",
}  # fmt: skip
_SHORT_UNITS = "|".join(re.escape(u) for u in sorted(_MEASURES, key=len, reverse=True))
_MEASURE = re.compile(
    rf"^(?:(?P<att>{_SHORT_UNITS})(?![\w/])|[\s-](?P<sp>{_SHORT_UNITS})(?![\w/])"
    r"|[\s-](?P<word>" + "|".join(f"(?:{p})" for p in _MEASURE_WORDS) + r")\b)",
    re.IGNORECASE,
)
_AGE_SUFFIX = re.compile(
    r"^[\s-]*(?P<u>year|month|week|day)s?[\s-]*olds?\b"
    r"|^\s+(?P<u2>year)s\s+(?:old|of\s+age)\b",
    re.IGNORECASE,
)
_AGE_PREFIX = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
_MONTHS = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March"
    r"|April|June|July|August|September|October|November|December"
    # lower-cased text: abbreviations with their period, and names that are no common word
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.|january|february|april"
    r"|june|july|august|september|october|november|december"
)
_MONTH_BEFORE = re.compile(r"(?<!\w)(?:" + _MONTHS.pattern + r")\s+$")
_ADDRESS = re.compile(
    r"^(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive"
    r"|Dr|Way|Place|Pl|Court|Ct|Terrace|Square|Sq)\b"
)
_IDENT_PREFIX = re.compile(r"(?:\bNo|\bNos|\bnos?|\bNumber|\bnumber|#)\.?\s*$")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b")
_CLOCK = re.compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|GMT\b|UTC\b))",
                    re.IGNORECASE)  # fmt: skip
_YEAR_BEFORE = frozenset(
    [
        "in",
        "since",
        "by",
        "from",
        "until",
        "till",
        "to",
        "of",
        "during",
        "before",
        "after",
        "between",
        "early",
        "late",
        "mid",
        "the",
        "summer",
        "spring",
        "winter",
        "autumn",
        "fall",
        "year",
        "season",
        "circa",
        "and",
        "or",
        "through",
        "'s",
    ]
)
_TEMPORAL_HEDGES = frozenset(
    ["over", "under", "around", "about", "some", "circa", "ca.", "~", "estimated"]
)
_REFERENCE_NOUNS = frozenset(
    ["figure", "number", "toll", "total", "tally", "count", "estimate", "amount"]
)
_RANGE_GAP = re.compile(r"^\s*-?\s*(?P<sep>-|–|—|~|to|through|and)\s*$", re.IGNORECASE)


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
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    atoms = [a for n in numbers if (a := _atom(doc, text, n, blocked)) is not None]
    out: list[Quantity] = []
    atoms = _carry_units(doc, text, atoms)
    for group in _ranges(text, atoms):
        q = _quantity(doc, text, group)
        if q is not None:
            out.append(q)
    out = _conversions(text, _resolve_references(doc, out))
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
    cur = _CURRENCY_PREFIX.search(before)
    if cur and n.form in ("digits", "words"):
        start = n.start - len(cur.group())
        kind = "money"
        if cur.group("sym"):
            unit, currency = _SYMBOLS[cur.group("sym")]
            if cur.group("sym") == "$" and cur.group("code"):
                currency = _DOLLAR_CODES[cur.group("code")]
        else:
            unit, currency = _CODE_WORDS[cur.group("word").upper()]
    elif (
        re.search(r"(?:^|[\s(])(?:-|−|minus[\s-]|negative\s)$", before, re.IGNORECASE)
        and (n.form == "digits" or re.search(r"(?:minus|negative)\s$", before, re.IGNORECASE))
        and not re.search(r"\d\s*[-−]$", before)  # "75 -300mm" is a range, not -300
    ):
        neg = re.search(r"(?:-|−|minus[\s-]|negative\s)$", before, re.IGNORECASE)
        assert neg is not None
        start = n.start - len(neg.group())
        n = replace(n, low=-n.high, high=-n.low)
    elif (
        n.form == "digits"
        and before[-1:].isalpha()
        or before[-2:-1].isalpha()
        and (before[-1:] == "-" and n.form == "digits")
    ):
        return None  # "G7", "COVID-19", "F-16": an identifier
    if n.form == "digits" and after[:1].isalpha():
        suffix = re.split(r"[^\w/°-]", after, maxsplit=1)[0].lower()
        if suffix in ("st", "nd", "rd", "th", "s") or (
            not _measure(after) and not _AGE_SUFFIX.match(after)
        ):
            return None  # an ordinal ("21st"), a decade ("1990s") or a code ("5G")
    if _CLOCK.match(after) or re.search(r"\d:$", before):
        return None
    if n.form == "digits" and (
        re.match(r"^(?:[/:]|\.\d+\.)\d", after) or re.search(r"\d(?:[/:]|\.\d+\.)$", before)
        or re.match(r"^\.\d", after) or re.search(r"\d\.\d+\.$", before)
    ):  # fmt: skip
        return None  # "9/11", "24/7", "3:2": a date, a slogan or a ratio
    if n.form == "digits" and _score(before, after, n.low):
        return None  # a score or a tally ("2-0", "9-2"), not a range
    if kind == "count" and n.scale == 1e6 and text[n.end - 1] in "mM" and _metres(doc, n.end):
        # "1.8m tall", "a 48m mast": an attached "m" without a currency is metres.
        n = replace(n, low=n.low / 1e6, high=n.high / 1e6, scaled=False, scale=1.0)
        kind, unit = "measure", "metre"
    if kind == "count" and (p := _PERCENT.match(after)):
        kind, end = "percent", n.end + p.end()
        unit = (
            "percentage point"
            if p.group("pp") or "percentage" in p.group().lower()
            else ("percent")
        )
    elif kind == "count" and (a := _AGE_SUFFIX.match(after)):
        kind, unit, end = "age", (a.group("u") or a.group("u2")).lower(), n.end + a.end()
    elif kind == "count" and _AGE_PREFIX.search(before):
        kind, unit = "age", "year"
    elif (
        kind in ("count", "fraction")
        and n.form != "fraction"
        and (mo := _MONEY_SUFFIX.match(after))
    ):
        if mo.group("sym"):
            word = _SYMBOLS[mo.group("sym")][0]
        else:
            word = re.sub(r"s$", "", mo.group("w").lower().split()[0])
        word = "penny" if word == "pence" else word
        kind, unit, end = "money", word, n.end + mo.end()
        currency = "GBP" if word in ("pound", "penny") else _CURRENCY_WORDS.get(word)
        if "canadian" in mo.group().lower():
            currency = "CAD"
        elif "australian" in mo.group().lower():
            currency = "AUD"
    elif kind == "count" and (me := _measure(after)):
        key = next(g for g in me.groups() if g)
        unit = _MEASURES.get(key.lower()) or _measure_word(key)
        kind, end = "measure", n.end + me.end()
    if n.form == "digits" and _ADDRESS.match(after):
        return None  # "123 Random Street": an address
    if kind == "count" and _not_a_count(doc, text, n, before, after):
        return None
    return _Atom(start, end, n.low, n.high, kind, unit, currency, n)


_METRE_CONTEXT = frozenset(
    ("tall", "long", "high", "wide", "deep", "thick", "away", "sprint", "race", "dash",
     "hurdles", "freestyle", "butterfly", "breaststroke", "backstroke", "relay", "medley",
     "final", "record")
)  # fmt: skip


def _metres(doc: Doc, end: int) -> bool:
    """Whether an attached "m" means metres: no noun is counted after it, or a length is."""
    tok = _last_token(doc, end)
    if tok is None or tok.i + 1 >= len(doc):
        return True
    nxt = doc[tok.i + 1]
    if nxt.lower_ in _METRE_CONTEXT:
        return True
    return (
        nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")
        or nxt.pos_ == "VERB"
        and (nxt.tag_ != "VBN")
    )


def _measure(after: str) -> re.Match[str] | None:
    """A unit right after a number; one-letter symbols only attached and in their own case."""
    m = _MEASURE.match(after)
    if m is None or m.group("word"):
        return m
    if m.group("sp") and len(m.group("sp")) == 1:
        return None
    att = m.group("att") or m.group("sp")
    if len(att) == 1 and att not in ("g", "l", "W", "V", "°"):
        return None
    return m


def _score(before: str, after: str, value: float) -> bool:
    """Whether the number is one side of a score written "2-0" (the first side not smaller)."""
    nxt = re.match(r"^-(\d+)(?![\d%]|[.,]\d)", after)
    if nxt and not re.search(r"[\d,.]$", before) and value < 100 and value >= int(nxt.group(1)):
        return True
    prev = re.search(r"(?<![\d,.])(\d+)-$", before)
    return bool(prev and value < 100 and int(prev.group(1)) >= value)


def _lemma(noun: Token) -> str:
    """The lower-cased singular of a counted noun ("casualties", "Democrats", "people")."""
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma == noun.lower_ and len(lemma) > 3:
        # spaCy leaves plural proper nouns as they are ("Democrats", "Americans").
        if lemma.endswith("ies"):
            return lemma[:-3] + "y"
        if lemma.endswith("s") and not lemma.endswith("ss"):
            return lemma[:-1]
    return lemma


def _measure_word(word: str) -> str:
    for pattern, lemma in _MEASURE_WORDS.items():
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return lemma
    return word.lower()


def _not_a_count(doc: Doc, text: str, n: NumberMatch, before: str, after: str) -> bool:
    """Whether a bare number is a date, a year or an identifier rather than a count."""
    if _IDENT_PREFIX.search(before):
        return True
    tok = _first_token(doc, n.start)
    if tok is None:
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    integer = n.form in ("digits", "words") and n.low == int(n.low) and not n.scaled
    plain = integer and "," not in text[n.start : n.end]
    if (
        plain
        and n.low <= 31
        and (
            _MONTH_BEFORE.search(before)
            or re.match(r"^\s+(?:of\s+)?(?:" + _MONTHS.pattern + r")(?!\w)", after)
        )
    ):
        return True
    if plain and n.form == "digits" and 1000 <= n.low <= 2100 and n.end - n.start == 4:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        counted = nxt is not None and nxt.pos_ == "NOUN" and nxt.ent_type_ != "DATE"
        # "above 1000": a year takes no comparative ("over 2019", "around 2000" are dates).
        h = _PREFIX.search(before)
        hedged = h is not None and h.group("h").lower() not in _TEMPORAL_HEDGES
        if not hedged and (
            tok.ent_type_ == "DATE"
            or not counted
            or (prev is not None and prev.lower_ in _YEAR_BEFORE)
        ):
            return True
    if (
        plain
        and prev is not None
        and prev.pos_ in ("PROPN", "NOUN")
        and any(c.isupper() for c in prev.text)
        and not _MONTHS.fullmatch(prev.text)
        and prev.whitespace_
    ):
        return True  # "Route 9", "Boeing 737", "Article 5", "BBC One"
    if n.form == "words" and n.low == 1 and not n.scaled:
        # "one" is a pronoun more often than a count: keep only the tagged cardinal, and not
        # the distributive "one ... the other" ("one POW was born in 2005, the other in 1999").
        return (
            tok.tag_ != "CD"
            or (
                prev is not None
                and prev.lower_ in ("the", "each", "no", "every", "any", "this", "that", "which")
            )
            or _distributive(doc, tok)
        )
    # A single number word must be tagged as a number ("ten" in "Ten samples", not a name);
    # phrases ("half a dozen", "a pair of") are numbers by their wording.
    single = not any(c.isspace() for c in text[n.start : n.end])
    return n.form == "words" and single and tok.tag_ not in ("CD", "DT") and tok.pos_ != "NUM"


def _distributive(doc: Doc, tok: Token) -> bool:
    """Whether "the other" or "another" follows ``tok`` in its sentence or the next one."""
    sent = tok.sent
    end = sent.end
    if end < len(doc):
        end = doc[end].sent.end
    return any(
        (t.lower_ == "other" and doc[t.i - 1].lower_ == "the") or t.lower_ == "another"
        for t in doc[tok.i + 1 : end]
    )


def _first_token(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _last_token(doc: Doc, char_end: int) -> Token | None:
    span = doc.char_span(max(0, char_end - 1), char_end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


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
            and _counted(doc, b.end) is None
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
            gap = _RANGE_GAP.match(text[a.end : b.start])
            if gap and _compatible(a, b):
                sep = gap.group("sep").lower()
                before = text[max(0, a.start - 12) : a.start]
                between = re.search(r"\bbetween\s+$", before, re.I)
                # "increased by $43.6 billion to $419.2 billion": a change, then a level.
                by = sep == "to" and re.search(r"\bby\s+$", before, re.I)
                a2 = _share(a, b)
                if (sep != "and" or between) and not by and a2.low < b.low and a.high == a.low:
                    if b.kind == "count" and b.unit is None:
                        b = replace(b, kind=a2.kind, unit=a2.unit, currency=a2.currency)
                    groups.append([a2, b])
                    i += 2
                    continue
        groups.append([a])
        i += 1
    return groups


def _compatible(a: _Atom, b: _Atom) -> bool:
    if b.kind == "count" and b.unit is None and a.kind == "age":
        return True  # "aged 25 to 54"
    if a.kind == "count" or a.kind == b.kind and a.unit in (None, b.unit):
        return b.kind != "fraction" and b.low == b.high
    return False


def _share(a: _Atom, b: _Atom) -> _Atom:
    """The first end of a range takes the second's scale and unit when it has none."""
    low = a.low
    if (
        a.number is not None
        and b.number is not None
        and not a.number.scaled
        and b.number.scaled
        and a.low * b.number.scale <= b.low
    ):
        low = a.low * b.number.scale
    return replace(
        a, low=low, high=low, kind=b.kind if a.kind == "count" else a.kind,
        unit=a.unit or b.unit, currency=a.currency or b.currency,
    )  # fmt: skip


def _quantity(doc: Doc, text: str, group: list[_Atom]) -> Quantity | None:
    first, last = group[0], group[-1]
    start, end = first.start, last.end
    low: float | None = first.low
    high: float | None = last.high
    low_incl, high_incl, approx = True, True, False
    if len(group) == 1 and first.number is not None and first.number.form == "vague":
        high_incl = False
    between = re.search(r"\b(?:between|from)\s+$", text[max(0, start - 12) : start], re.I)
    if len(group) == 2 and between:
        start -= len(between.group())
    window = text[max(0, start - 30) : start]
    hedge = _PREFIX.search(window)
    if hedge and re.search(r"\d\s*$", window[: hedge.start()]):
        hedge = None  # "3 over 2", "one out of 3 under 5": a comparison of numbers, no hedge
    if hedge and not (len(group) == 2 and between):
        start -= len(hedge.group())
        sem = next(s for p, s in _HEDGES if re.fullmatch(p, hedge.group("h"), re.I))
        if sem in ("approx", "near_below", "near_above"):
            approx = True
        if sem in ("near_below", "high_excl", "high_incl") and len(group) == 1:
            low, high_incl = None, sem == "high_incl"
        elif sem in ("near_above", "low_excl", "low_incl") and len(group) == 1:
            high, low_incl = None, sem == "low_incl"
    post = _POSTFIX.match(text[end : end + 20])
    if post:
        end += post.end()
        word = post.group().lower()
        if post.group("more") or "plus" in word or word == "+":
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
        head = _counted(doc, end)
        if head is not None and last.kind in ("count", "fraction"):
            noun, sub_start = head
            # A fraction's unit is the whole it divides ("1/16 of a pint": pint).
            unit = _lemma(noun)
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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _counted(doc: Doc, end: int) -> tuple[Token, int] | None:
    """The noun counted by the number ending at ``end``, and where its description starts.

    Tries, in order: the noun the number modifies (``nummod``), the noun phrase right after
    the number ("1,000 or more people"), and the object of "of" ("one of the students",
    "tens of thousands of dollars"). ``None`` when no noun is counted ("is as high as 4,000").
    """
    num = _last_token(doc, end)
    if num is None:
        return None
    i = num.i + 1
    while i < len(doc) and doc[i].idx < end:
        i += 1
    if (
        num.dep_ == "nummod"
        and num.head.i >= i
        and num.head.i - i < 6
        and num.head.pos_ in ("NOUN", "PROPN")
        and all(
            t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "VERB", "NUM")
            and t.text not in (",", ";", ":", "(", ")")
            for t in doc[i : num.head.i]
        )
    ):
        return num.head, doc[i].idx if i <= num.head.i else num.head.idx
    # The noun phrase right after the number: modifiers ("combined digital and physical")
    # up to the first noun that is not followed by another noun of the same compound.
    for j in range(i, min(len(doc), i + 8)):
        t = doc[j]
        if (
            t.pos_ == "NOUN"
            and t.text != "%"
            and not (
                j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"
            )
        ):
            return t, doc[i].idx
        if not (t.pos_ in ("ADJ", "PROPN", "NOUN") or t.text == "-"
                or t.dep_ in ("amod", "compound", "nmod")
                or (t.pos_ == "CCONJ" and j > i and doc[j - 1].pos_ == "ADJ")):  # fmt: skip
            break
    if i < len(doc) and doc[i].lower_ == "of":
        objs = [c for c in doc[i].children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].i - i < 6:
            obj = objs[0]
            left = [t for t in obj.lefts if t.dep_ not in ("det", "poss", "predet")]
            return obj, (left[0].idx if left else obj.idx)
    return None


def _resolve_references(doc: Doc, found: list[Quantity]) -> list[Quantity]:
    """Give "the figure is as high as 4,000" the unit of the nearest earlier count."""
    out: list[Quantity] = []
    for q in found:
        if q.kind == "count" and q.unit is None:
            ref = _reference_noun(doc, q)
            if ref is not None:
                objs = [c for p in ref.children if p.lower_ == "of" for c in p.children
                        if c.dep_ == "pobj"]  # fmt: skip
                if objs:
                    q = replace(q, unit=objs[0].lemma_.lower(), subject=objs[0].text)
                else:
                    prior = _antecedent(doc, out, q)
                    if prior is not None:
                        q = replace(q, unit=prior.unit, subject=prior.subject)
            else:
                prior = _elided(doc, out, q)
                if prior is not None:
                    q = replace(q, unit=prior.unit, subject=prior.subject)
        out.append(q)
    return out


def _elided(doc: Doc, earlier: list[Quantity], q: Quantity) -> Quantity | None:
    """The earlier count whose noun governs a bare number ("6 million homes, including 1.5
    million in the region": the noun "homes" is elided after the second number)."""
    ends = {p.span.end: p for p in earlier if p.kind == "count" and p.unit}
    tok = _last_token(doc, q.span.end)
    for _ in range(3):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and (prior := ends.get(tok.idx + len(tok))) is not None:
            return prior
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            return None
    return None


def _reference_noun(doc: Doc, q: Quantity) -> Token | None:
    tok = _last_token(doc, q.span.end)
    for _ in range(5):
        if tok is None or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lemma_.lower() in _REFERENCE_NOUNS:
                return subj[0]
            break
    return None


def _antecedent(doc: Doc, earlier: list[Quantity], q: Quantity) -> Quantity | None:
    """The nearest earlier counted quantity in the same or the previous sentence."""
    tok = _first_token(doc, q.span.start)
    if tok is None:
        return None
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    floor = 0
    for k, s in enumerate(sents):
        if s.start <= tok.i < s.end:
            floor = sents[k - 1].start_char if k else s.start_char
            break
    for prior in reversed(earlier):
        if prior.span.start < floor:
            break
        if prior.kind == "count" and prior.unit:
            return prior
    return None
