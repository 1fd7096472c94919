"""numbers: number expressions of a text, with their values; no spaCy needed."""

from __future__ import annotations

import math

import pytest

from claimledger.numbers import NumberMatch, scan_numbers, words_value


def values(text: str) -> list[tuple[str, float, float]]:
    found, _ = scan_numbers(text)
    return [(text[n.start : n.end], n.low, n.high) for n in found]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("two", 2),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a hundred and five", 105),
        ("two thousand three hundred", 2300),
        ("a dozen", 12),
        ("two dozen", 24),
        ("one million", 1e6),
        ("zero", 0),
        # negatives: not one number
        ("two three", None),
        ("twenty thirty", None),
        ("thousand million", None),
        ("and", None),
        ("apple", None),
    ],
)
def test_words_value(words: str, expected: float | None) -> None:
    assert words_value(words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,000 soldiers", [("12,000", 12000, 12000)]),
        ("rose 1.5 points", [("1.5", 1.5, 1.5)]),
        ("a .5 share", [(".5", 0.5, 0.5)]),
        ("3.2m viewers", [("3.2m", 3.2e6, 3.2e6)]),
        ("£20m", [("20m", 2e7, 2e7)]),
        ("$4 bn", [("4 bn", 4e9, 4e9)]),
        ("1.5 million", [("1.5 million", 1.5e6, 1.5e6)]),
        ("a 20 m pool", [("20", 20, 20)]),  # spaced "m" is metres, not a million
        ("two and a half million", [("two and a half million", 2.5e6, 2.5e6)]),
        ("a dozen eggs", [("a dozen", 12, 12)]),
        ("a pair of shoes", [("a pair of", 2, 2)]),
        ("tens of thousands of people", [("tens of thousands", 1e4, 1e5)]),
        ("hundreds of miles", [("hundreds", 100, 1000)]),
        ("thousands more", [("thousands", 1000, 10000)]),
        ("dozens of cars", [("dozens", 24, 144)]),
        ("hundreds of millions", [("hundreds of millions", 1e8, 1e9)]),
        ("a third of voters", [("a third", 1 / 3, 1 / 3)]),
        ("two-thirds", [("two-thirds", 2 / 3, 2 / 3)]),
        ("half of them", [("half", 0.5, 0.5)]),
        ("1/16 of a pint", [("1/16", 1 / 16, 1 / 16)]),
        ("1/4 inch", [("1/4", 0.25, 0.25)]),
        ("2½ miles", [("2½", 2.5, 2.5)]),
        ("2 1/2 in", [("2 1/2", 2.5, 2.5)]),
        ("4e14 hertz", [("4e14", 4e14, 4e14)]),
        ("between two and three", [("two", 2, 2), ("three", 3, 3)]),
        ("one two", [("one", 1, 1), ("two", 2, 2)]),
        ("a two-way race", [("two", 2, 2)]),
        # fractions of a scale, South Asian scales and grouping, spaced thousands
        ("half a million people", [("half a million", 5e5, 5e5)]),
        ("a quarter of a billion", [("a quarter of a billion", 2.5e8, 2.5e8)]),
        ("three quarters of a million", [("three quarters of a million", 7.5e5, 7.5e5)]),
        ("a half million", [("a half million", 5e5, 5e5)]),
        ("five and a quarter miles", [("five and a quarter", 5.25, 5.25)]),
        ("one and three quarters miles", [("one and three quarters", 1.75, 1.75)]),
        ("one and a third cups", [("one and a third", 4 / 3, 4 / 3)]),
        ("five and a quarter million", [("five and a quarter million", 5.25e6, 5.25e6)]),
        ("five and two thirds", [("five", 5, 5), ("two thirds", 2 / 3, 2 / 3)]),
        ("35 lakh rupees", [("35 lakh", 3.5e6, 3.5e6)]),
        ("Rs 1,200 crore", [("1,200 crore", 1.2e10, 1.2e10)]),
        ("12,34,567.89 rupees", [("12,34,567.89", 1234567.89, 1234567.89)]),
        ("10\u00a0000 people", [("10\u00a0000", 1e4, 1e4)]),
        ("12\u202f500 people", [("12\u202f500", 12500, 12500)]),
        ("1 000 000 people", [("1 000 000", 1e6, 1e6)]),
        ("10 000 people", [("10 000", 1e4, 1e4)]),  # one plain-spaced group only if "000"
        ("It sold 10 000.", [("10 000", 1e4, 1e4)]),
        # powers: a caret, a flattened superscript, superscript digits, words
        ("10^6 cells", [("10^6", 1e6, 1e6)]),
        ("1.3x10^6", [("1.3x10^6", 1.3e6, 1.3e6)]),
        ("2.48×10−5", [("2.48×10−5", 2.48e-5, 2.48e-5)]),
        ("5.5x10-3 kg", [("5.5x10-3", 5.5e-3, 5.5e-3)]),
        ("6.02 × 10²³ atoms", [("6.02 × 10²³", 6.02e23, 6.02e23)]),
        ("8x2^10 bits", [("8x2^10", 8192, 8192)]),
        ("2.5^-1", [("2.5^-1", 0.4, 0.4)]),
        ("10 to the power of 6", [("10 to the power of 6", 1e6, 1e6)]),
        ("ten to the sixth power", [("ten to the sixth power", 1e6, 1e6)]),
        ("10 to the 9th power", [("10 to the 9th power", 1e9, 1e9)]),
        # a scale joined by a hyphen, spaced abbreviations no unit shares, "4-1/2"
        ("a $1.2-billion loss", [("1.2-billion", 1.2e9, 1.2e9)]),
        ("10 bln or 2 tln", [("10 bln", 1e10, 1e10), ("2 tln", 2e12, 2e12)]),
        ("a 4-1/2 year term", [("4-1/2", 4.5, 4.5)]),
        # a part after a scale is of that scale; a part after "hundred and" ends the number
        ("one million and a half", [("one million and a half", 1.5e6, 1.5e6)]),
        ("one hundred and three quarters", [("one hundred and three quarters", 100.75, 100.75)]),
        ("a four-and-a-half-acre site", [("four-and-a-half", 4.5, 4.5)]),
        ("two and-a-half", [("two", 2, 2)]),  # the joints must agree
        # a share ending its clause after a comparison
        ("it rose by a third.", [("a third", 1 / 3, 1 / 3)]),
        ("more than half, they said", [("half", 0.5, 0.5)]),
        # negatives: nothing, or not the whole run
        ("nearly a quarter century", []),  # a period of time, not a share
        ("by a quarter past six", [("six", 6, 6)]),
        ("4km^2", [("4", 4, 4)]),  # the unit's exponent is no number
        ("10-5 win", [("10", 10, 10), ("5", 5, 5)]),  # no mantissa: a score, not 10^-5
        ("5-3", [("5", 5, 5), ("3", 3, 3)]),
        ("a 20 bl pool", [("20", 20, 20)]),
        ("one and a half million", [("one and a half million", 1.5e6, 1.5e6)]),
        ("the first half of a million-year span", [("a million", 1e6, 1e6)]),
        ("On March 3 200 people marched", [("3", 3, 3), ("200", 200, 200)]),
        ("in 2019 100 people", [("2019", 2019, 2019), ("100", 100, 100)]),
        ("scores of 1,2,3", [("1", 1, 1)]),  # "2,3" is no thousands group: left out
        ("several hundred years", []),
        ("the third time", []),
        ("often a tenant", []),
        ("someone", []),
        ("a few", []),
    ],
)
def test_scan_numbers(text: str, expected: list[tuple[str, float, float]]) -> None:
    got = values(text)
    assert [g[0] for g in got] == [e[0] for e in expected]
    for (_, lo, hi), (_, elo, ehi) in zip(got, expected, strict=True):
        assert math.isclose(lo, elo) and math.isclose(hi, ehi)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("10^400 atoms", "unsupported_notation"),
        ("1e-5 × 10^-400", "unsupported_notation"),
        ("1" * 400 + " grains", "number_too_long"),
        ("9" * 16, "number_too_long"),
        ("١٢٣ جنود", "unsupported_digits"),  # Arabic-Indic digits
        ("１２ soldiers", "unsupported_digits"),  # full-width digits
    ],
)
def test_odd_numbers_are_reported_not_guessed(text: str, code: str) -> None:
    found, problems = scan_numbers(text)
    assert code in [p.code for p in problems]
    # no value is made up from the pieces of a skipped number
    for n in found:
        assert not any(p.start <= n.start < p.end for p in problems)


def test_mixed_script_digit_run_is_skipped_whole() -> None:
    found, problems = scan_numbers("٣5 units")
    assert found == [] and problems[0].code == "unsupported_digits"


def test_matches_are_ordered_and_disjoint() -> None:
    text = "About 12,000 troops, two-thirds of them, and tens of thousands of civilians."
    found, _ = scan_numbers(text)
    assert found == sorted(found, key=lambda n: n.start)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    assert all(isinstance(n, NumberMatch) for n in found)


def test_random_strings_give_ordered_finite_numbers() -> None:
    """Random digit, separator, sign and script soup (fixed seed): no crash, sane matches."""
    import random

    pieces = [*"0123456789,. -/:%$£½⅔^×eE+~()", "\u00a0", "\u202f", " million", " lakh",
              " half a", " and a half", " thousand", " one", "١٢", "１２", "9" * 40, "1e999",
              "0" * 30, "10^", "x10", " of a", " quarter", "dozens of ",
              "tens of thousands"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        found, problems = scan_numbers(text)
        assert found == sorted(found, key=lambda n: n.start)
        for a, b in zip(found, found[1:], strict=False):
            assert a.end <= b.start, text
        for n in found:
            assert 0 <= n.start < n.end <= len(text)
            assert math.isfinite(n.low) and math.isfinite(n.high) and n.low <= n.high, text
        for p in problems:
            assert 0 <= p.start < p.end <= len(text)
