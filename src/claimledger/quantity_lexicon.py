"""The words and symbols quantities are read with: hedges, currencies, units, dates.

Pure text patterns (no spaCy), used by ``quantities`` and ``quantity_context``. Each table says
what it maps to; the semantics of the hedges are documented in ``quantities``.
"""

from __future__ import annotations

import re

HEDGES: tuple[tuple[str, str], ...] = (
    # (pattern ending right before the number, semantics); longer patterns first.
    (r"(?:higher|greater|bigger|larger|more)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|>=|≥|> ="
     r"|equal\s+to\s+or\s+(?:higher|greater|bigger|larger|more)\s+than", "low_incl"),
    (r"(?:less|lower|smaller|fewer)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|<=|≤|< ="
     r"|equal\s+to\s+or\s+(?:less|lower|smaller|fewer)\s+than", "high_incl"),
    (r"just\s+(?:under|below|shy\s+of|short\s+of)", "near_below"),
    (r"just\s+(?:over|above|more\s+than)", "near_above"),
    (r"no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|at\s+least|a\s+minimum\s+of"
     r"|as\s+(?:few|little|low)\s+as", "low_incl"),
    (r"no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|as\s+(?:many|much|high)\s+as"
     r"|a\s+maximum\s+of", "high_incl"),
    (r"(?:more|greater|higher|larger|bigger)\s+than|in\s+excess\s+of|upwards?\s+of"
     r"|over|above|exceeding|north\s+of|>"
     # verbs that say "more than": "sales topped $5 billion", "could exceed 3,000"
     r"|exceed(?:s|ed)?|surpass(?:es|ed|ing)?|top(?:s|ped)", "low_excl"),
    (r"(?:fewer|less|lower|smaller)\s+than|under|below|south\s+of|<", "high_excl"),
    (r"nearly|almost|close\s+on|nigh\s+on|getting\s+on\s+for|the\s+(?:better|best)\s+part\s+of",
     "near_below"),
    (r"about|around|roughly|approximately|approx\.|an\s+estimated|estimated|some|circa|ca\."
     r"|close\s+to|in\s+the\s+region\s+of|in\s+the\s+neighbou?rhood\s+of|on\s+the\s+order\s+of"
     r"|give\s+or\s+take|more\s+or\s+less|~", "approx"),
)  # fmt: skip
PREFIX = re.compile(
    r"(?:(?<=\W)|^)(?P<h>" + "|".join(f"(?:{p})" for p, _ in HEDGES) + r")\s*$", re.IGNORECASE
)
POSTFIX = re.compile(
    r"^(?:\s+or\s+(?P<more>more|above|greater|over|older)"
    # "aged 65 and over", "children 5 and up"
    r"|\s+and\s+(?P<more2>over|up|older|above)\b|\s*-?\s*plus\b|\+"
    r"|\s+or\s+(?P<less>fewer|less|under|below)|\s+or\s+so\b|-odd\b)",
    re.IGNORECASE,
)
#: Currency signs with the unit name and ISO 4217 code they stand for.
SYMBOLS = {"$": ("dollar", "USD"), "£": ("pound", "GBP"), "€": ("euro", "EUR"),
            "¥": ("yen", "JPY"), "₹": ("rupee", "INR"), "₩": ("won", "KRW"),
            "₽": ("rouble", "RUB"), "₴": ("hryvnia", "UAH"), "元": ("yuan", "CNY"),
            "₦": ("naira", "NGN"), "₱": ("peso", "PHP"), "₪": ("shekel", "ILS"),
            "₫": ("dong", "VND"), "₺": ("lira", "TRY"), "₿": ("bitcoin", "XBT"),
            "₡": ("colón", "CRC"), "₾": ("lari", "GEL"), "₭": ("kip", "LAK"),
            "฿": ("baht", "THB")}  # fmt: skip
_SIGNS = "".join(k for k in SYMBOLS if k not in ("$", "元"))
CODE_WORDS = {"USD": ("dollar", "USD"), "EUR": ("euro", "EUR"), "GBP": ("pound", "GBP"),
               "JPY": ("yen", "JPY"), "CNY": ("yuan", "CNY"), "RMB": ("yuan", "CNY"),
               "INR": ("rupee", "INR"), "RS": ("rupee", "INR"), "RS.": ("rupee", "INR"),
               "RM": ("ringgit", "MYR"), "CHF": ("franc", "CHF"), "CAD": ("dollar", "CAD"),
               "AUD": ("dollar", "AUD"), "HKD": ("dollar", "HKD"), "SGD": ("dollar", "SGD"),
               "NZD": ("dollar", "NZD"), "BTC": ("bitcoin", "XBT"), "PS": ("pound", "GBP"),
               "Y=": ("yen", "JPY"), "AED": ("dirham", "AED"),
               "QAR": ("riyal", "QAR"), "KES": ("shilling", "KES"), "NGN": ("naira", "NGN"),
               "ZAR": ("rand", "ZAR"), "IDR": ("rupiah", "IDR"), "PKR": ("rupee", "PKR"),
               "BDT": ("taka", "BDT"), "LKR": ("rupee", "LKR"), "MXN": ("peso", "MXN"),
               "BRL": ("real", "BRL"), "KRW": ("won", "KRW"), "TWD": ("dollar", "TWD"),
               "THB": ("baht", "THB"), "SEK": ("krona", "SEK"), "NOK": ("krone", "NOK"),
               "DKK": ("krone", "DKK"), "PLN": ("zloty", "PLN"),
               "RUB": ("rouble", "RUB"), "UAH": ("hryvnia", "UAH"), "EGP": ("pound", "EGP"),
               "ILS": ("shekel", "ILS"), "MYR": ("ringgit", "MYR"), "VND": ("dong", "VND"),
               "CZK": ("koruna", "CZK"), "HUF": ("forint", "HUF")}  # fmt: skip
#: ISO codes written before or after an amount ("AED 500", "500 SEK"); upper case only.
#: Left out: codes that are also words or names ("TRY", "PHP 7", "Hong Kong SAR").
_CODES = "|".join(sorted((k for k in CODE_WORDS if k.isalpha() and len(k) == 3),
                         key=len, reverse=True))  # fmt: skip
CURRENCY_PREFIX = re.compile(
    rf"(?:(?P<code>US|U\.S\.|A|AU|C|CA|NZ|HK|S|NT|R)\s?)?(?P<sym>\$|[{_SIGNS}])\s?$"
    # "$US2.5 million", "$A30": Australian papers put the country after the sign
    r"|(?P<sym2>\$)(?P<code2>US|A|AU|NZ|C|CA|HK|S|NT)\s?$"
    rf"|(?<![A-Za-z])(?P<word>{_CODES}|Rs\.?|RM)\s?$"
    # ASCII-folded text (unidecode) writes "£" as "PS" and "¥" as "Y="; "PS4" is a console,
    # so "PS" needs what a console name never has (see ``ascii_pounds``).
    r"|(?<![A-Za-z])(?P<folded>PS|Y=)\s?$"
)
DOLLAR_CODES = {"US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD",
                 "NZ": "NZD", "HK": "HKD", "S": "SGD", "NT": "TWD", "R": "BRL"}  # fmt: skip
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
                   "renminbi": "CNY", "rupee": "INR", "ringgit": "MYR", "shekel": "ILS",
                   "rouble": "RUB", "ruble": "RUB", "hryvnia": "UAH", "peso": "MXN",
                   "franc": "CHF", "cent": None, "pence": "GBP", "sterling": "GBP"}  # fmt: skip
MONEY_SUFFIX = re.compile(
    r"^\s+(?:(?:US|U\.S\.|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"(?P<w>dollars?|euros?|yen|yuan|renminbi|rupees?|ringgits?|shekels?|roubles?|rubles?"
    r"|hryvnias?|pesos?|francs?|cents?|pence|pounds\s+sterling)\b|^\s?(?P<sym>€|£|₽|₴|元|₦"
    r"|₱|₪|₫|₺|₿|₡|₾|₭|฿)"
    # Pence attached to the amount ("125.8p"), as in British market reports,
    # or spaced ("down 68 p at 1112 p"), never "5 p.m."
    r"|^(?-i:(?P<pence>p))(?![\w'’])"
    r"|^\x20(?-i:(?P<spaced_pence>p))(?=\s*(?:[,;:)]|\.(?!\s?m\b)|$)"
    r"|\s+(?:at|to|from|on|in|a|per|each|and|or|after|higher|lower|up|down)\b)"
    # An ISO code after the amount ("500 USD", "6.25 BTC"): upper case only, "cad" is a word.
    rf"|^\s?(?-i:(?P<code>{_CODES}|BTC))\b",
    re.IGNORECASE,
)
PERCENT = re.compile(
    r"^(?:\s?%|\s+(?:percent|per\s?cent|pct)\b(?P<pp>\s+points?\b)?"
    # "a 10 percentage-point margin", "a three-percentage-point lead"
    r"|[\s-]percentage[\s-]points?\b"
    r"|(?-i:pc)\b)",  # "5pc": British papers, attached only
    re.IGNORECASE,
)
MEASURES: dict[str, str] = {
    "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "kmh": "kilometre per hour", "mpg": "mile per gallon", "mi": "mile", "km": "kilometre",
    "cm": "centimetre", "mm": "millimetre", "ft": "foot", "yd": "yard", "yds": "yard",
    "kg": "kilogram", "mg": "milligram", "g": "gram", "lb": "pound", "lbs": "pound",
    "oz": "ounce", "ml": "millilitre", "l": "litre", "gal": "gallon", "hp": "horsepower",
    "bhp": "horsepower", "kw": "kilowatt", "w": "watt", "mw": "megawatt", "gw": "gigawatt",
    "kwh": "kilowatt hour", "wh": "watt hour", "mwh": "megawatt hour",
    "gwh": "gigawatt hour", "twh": "terawatt hour", "tbsp": "tablespoon", "tsp": "teaspoon",
    "cl": "centilitre", "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz",
    "ghz": "gigahertz", "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte",
    "kb": "kilobyte", "mah": "milliampere-hour", "v": "volt", "nm": "newton metre",
    "lb-ft": "pound-foot", "gpa": "gigapascal", "psi": "pound per square inch",
    "ppm": "parts-per-million", "ppb": "parts-per-billion", "bpd": "barrel per day",
    "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "sec": "second",
    "secs": "second", "km2": "square kilometre", "m2": "square metre", "μm": "micrometre",
    "µm": "micrometre", "ºc": "celsius", "rpm": "revolutions per minute", "°c": "celsius",
    "°f": "fahrenheit", "c": "celsius", "f": "fahrenheit", "ha": "hectare",
    "kpa": "kilopascal", "mpa": "megapascal",
    "hpa": "hectopascal", "mmhg": "millimetre of mercury", "kcal": "kilocalorie",
    "cal": "calorie", "kj": "kilojoule", "mj": "megajoule", "db": "decibel",
    "msv": "millisievert", "μsv": "microsievert", "µsv": "microsievert",
    "nmi": "nautical mile", "mbps": "megabit per second",
    "gbps": "gigabit per second", "kbps": "kilobit per second", "ng": "nanogram",
    "mmol": "millimole", "mol": "mole", "µl": "microlitre", "μl": "microlitre", "dl": "decilitre",
    "dm": "decimetre", "°k": "kelvin",
    "cc": "cubic centimetre", "cm3": "cubic centimetre", "m3": "cubic metre",
    "ft2": "square foot", "sq ft": "square foot", "tflops": "teraflop",
    "°": "degree", "μg": "microgram", "µg": "microgram", "kmph": "kilometre per hour",
    "km/hr": "kilometre per hour", "fps": "frame per second", "mp": "megapixel",
    "km²": "square kilometre", "m²": "square metre", "cm²": "square centimetre",
    "ft²": "square foot", "mi²": "square mile", "m³": "cubic metre", "cm³": "cubic centimetre",
    "km^2": "square kilometre", "m^2": "square metre", "km^3": "cubic kilometre",
    "m^3": "cubic metre",
}  # fmt: skip
MEASURE_WORDS: dict[str, str] = {
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
    "(?:degrees?|deg\\.?) (?:celsius|celcius|centigrade|c)": "celsius",
    "(?:degrees?|deg\\.?) (?:fahrenheit|farenheit|f)": "fahrenheit", "metric tons?": "metric ton",
    "(?:degrees?|deg\\.?) kelvin|kelvins?": "kelvin", "celcius|centigrade": "celsius",
    "farenheit": "fahrenheit", "kilopascals?": "kilopascal", "megapascals?": "megapascal",
    "pascals?": "pascal", "kilocalories?": "kilocalorie", "calories?": "calorie",
    "kilojoules?": "kilojoule", "joules?": "joule", "decibels?": "decibel",
    "millisieverts?": "millisievert", "microsieverts?": "microsievert", "sieverts?": "sievert",
    "nautical miles?": "nautical mile", "knots?": "knot", "light[ -]years?": "light year",
    "megabits? per second": "megabit per second", "gigabits? per second": "gigabit per second",
    "megabits?": "megabit", "gigabits?": "gigabit", "nanomet(?:er|re)s?": "nanometre",
    "nanograms?": "nanogram", "picomet(?:er|re)s?": "picometre", "decimet(?:er|re)s?": "decimetre",
    "cubic (?:feet|foot)": "cubic foot", "cubic met(?:er|re)s?": "cubic metre",
    "cubic centimet(?:er|re)s?": "cubic centimetre", "cubic yards?": "cubic yard",
    "cubic miles?": "cubic mile", "kilotons?|kilotonnes?": "kilotonne",
    "megatons?|megatonnes?": "megatonne", "millimoles?": "millimole", "moles?": "mole",
    "teraflops?": "teraflop", "petaflops?": "petaflop", "amps?|amperes?": "ampere",
    "milliamps?|milliamperes?": "milliampere", "ohms?": "ohm", "newtons?": "newton",
    "radians?": "radian", "teaspoons?": "teaspoon", "tablespoons?": "tablespoon",
    "cups?": "cup", "pints?": "pint", "quarts?": "quart", "barrels?": "barrel",
    "bushels?": "bushel", "carats?": "carat", "drams?": "dram", "furlongs?": "furlong",
    "fathoms?": "fathom",
    "micrograms?|microgrammes?": "microgram", "milligrams?|milligrammes?": "milligram",
    "degrees?": "degree", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "acres?": "acre", "hectares?": "hectare", "barrels? per day": "barrel per day",
    "megapixels?": "megapixel", "frames? per second": "frame per second",
}  # fmt: skip
SHORT_UNITS = "|".join(re.escape(u) for u in sorted(MEASURES, key=len, reverse=True))
MEASURE = re.compile(
    rf"^(?:(?P<att>{SHORT_UNITS})(?![\w/])|[\s-](?P<sp>{SHORT_UNITS})(?![\w/])"
    r"|[\s-](?P<word>" + "|".join(f"(?:{p})" for p in MEASURE_WORDS) + r")\b)",
    re.IGNORECASE,
)
AGE_SUFFIX = re.compile(
    r"^[\s-]*(?P<u>year|month|week|day)s?[\s-]*olds?\b"
    r"|^\s+(?P<u2>year)s\s+(?:old|of\s+age)\b",
    re.IGNORECASE,
)
AGE_PREFIX = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
MONTHS = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March"
    r"|April|June|July|August|September|October|November|December"
    # lower-cased text: abbreviations with their period, and names that are no common word
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.|january|february|april"
    r"|june|july|august|september|october|november|december"
)
MONTH_BEFORE = re.compile(r"(?<!\w)(?:" + MONTHS.pattern + r")\s+$")
#: The second day of a range of days: "Dec. 6-9", "March 3 to 5" (not "March 3 and 4 people").
MONTH_RANGE_BEFORE = re.compile(
    r"(?<!\w)(?:" + MONTHS.pattern + r")\s+(?:[1-9]|[12]\d|3[01])\s*(?:[-–—]|to|through)\s*$"
)
ADDRESS = re.compile(
    r"^(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive"
    r"|Dr|Way|Place|Pl|Court|Ct|Terrace|Square|Sq|Parkway|Pkwy|Highway|Hwy|Plaza|Circle"
    r"|Concourse|Crescent|Turnpike|Alley)\b"
)
# "No. 84", and the later parts of a docket number ("No. 14-915")
IDENT_PREFIX = re.compile(r"(?:\bNo|\bNos|\bnos?|\bNumber|\bnumber|#)\.?\s*(?:[0-9]+[-/])*$")
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b")
CLOCK = re.compile(r"^(?::\d\d|\s?(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|o'clock\b|GMT\b|UTC\b))",
                    re.IGNORECASE)  # fmt: skip
YEAR_BEFORE = frozenset(
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
TEMPORAL_HEDGES = frozenset(
    ["over", "under", "around", "about", "some", "circa", "ca.", "~", "estimated"]
)
REFERENCE_NOUNS = frozenset(
    ["figure", "number", "toll", "total", "tally", "count", "estimate", "amount"]
)
# "5-to-7" as well as "5 to 7", "5-7", "5 - 7"
RANGE_GAP = re.compile(r"^\s*-?\s*(?P<sep>-|–|—|~|to|through|and)(?:\s*|(?<=to)-)$", re.IGNORECASE)
METRE_CONTEXT = frozenset(
    ("tall", "long", "high", "wide", "deep", "thick", "away", "sprint", "race", "dash",
     "hurdles", "freestyle", "butterfly", "breaststroke", "backstroke", "relay", "medley",
     "final", "record")
)  # fmt: skip


def measure(after: str) -> re.Match[str] | None:
    """A unit right after a number; one-letter symbols only attached and in their own case."""
    m = MEASURE.match(after)
    if m is None or m.group("word"):
        return m
    if m.group("sp") and len(m.group("sp")) == 1:
        return None
    att = m.group("att") or m.group("sp")
    if m.group("sp") and att.lower() == "mp":
        return None  # "12 MP" spaced may be members of parliament; "12MP" is megapixels
    # "30C", "86F": British and American weather; only attached and upper case.
    if len(att) == 1 and att not in ("g", "l", "W", "V", "°", "C", "F"):
        return None
    return m


def measure_word(word: str) -> str:
    """The unit name of a spelled-out unit ("kilometers" -> "kilometre"); itself if unknown."""
    for pattern, lemma in MEASURE_WORDS.items():
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return lemma
    return word.lower()


def score(before: str, after: str, value: float) -> bool:
    """Whether the number is one side of a score written "2-0" (the first side not smaller)."""
    # "2-0", and a tally written "5-to-4"
    nxt = re.match(r"^-(?:to-)?(\d+)(?![\d%]|[.,]\d)", after)
    if nxt and not re.search(r"[\d,.]$", before) and value < 100 and value >= int(nxt.group(1)):
        return True
    prev = re.search(r"(?<![\d,.])(\d+)-(?:to-)?$", before)
    return bool(prev and value < 100 and int(prev.group(1)) >= value)
