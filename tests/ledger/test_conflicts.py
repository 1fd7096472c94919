"""Interval relations between two estimates of one measure (definitions in conflicts.py)."""

from __future__ import annotations

import pytest

from claimledger.ledger.conflicts import Interval, measure_relations, relation

OVER_1000 = Interval(1000, None, low_inclusive=False)
AS_HIGH_AS_4000 = Interval(None, 4000)
ABOUT_200 = Interval.from_bounds(200, 200, approximate=True)
ABOUT_12000 = Interval.from_bounds(12000, 12000, approximate=True)
EXACT_11500 = Interval(11500, 11500)

CASES = [
    # (a, b, expected, why)
    (OVER_1000, AS_HIGH_AS_4000, "compatible", "a bracket from both sides"),
    (ABOUT_200, OVER_1000, "conflicting", "180..220 lies below 1000"),
    (ABOUT_12000, EXACT_11500, "compatible", "11500 is inside 10800..13200"),
    (Interval(12000, 12000), EXACT_11500, "conflicting", "exact values differ"),
    (
        Interval(None, 100, high_inclusive=False),
        Interval(100, 100),
        "conflicting",
        "fewer than 100",
    ),
    (Interval(None, 100), Interval(100, 100), "compatible", "at most 100 meets 100"),
    (OVER_1000, Interval(10000, None, low_inclusive=False), "divergent", "both lower bounds, 10x"),
    (OVER_1000, Interval(1500, None), "compatible", "both lower bounds, close"),
    (Interval(100, 1000), Interval(900, 5000), "divergent", "overlap, centres 316 vs 2121"),
    (Interval(100, 200), Interval(150, 250), "compatible", "overlap, close centres"),
    (Interval(None, None), Interval(5, 5), "compatible", "unbounded says nothing"),
    (Interval(0, 0), Interval(0, 10), "divergent", "zero anchor compared by gap"),
    (Interval(None, 50), Interval(1000, None), "conflicting", "disjoint one-sided"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), CASES)
def test_relation(a: Interval, b: Interval, expected: str, why: str) -> None:
    assert relation(a, b) == expected, why
    assert relation(b, a) == expected, "relations are symmetric"


def test_approximate_widens_and_includes() -> None:
    i = Interval.from_bounds(100, 100, False, False, approximate=True)
    assert (i.low, i.high, i.low_inclusive, i.high_inclusive) == (90, 110, True, True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"low": 5, "high": 1}, "exceeds"), ({"low": 1, "high": 2, "tolerance": -1}, "tolerance")],
)
def test_bad_input_raises(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Interval.from_bounds(**kwargs)


def test_ratio_below_one_raises() -> None:
    with pytest.raises(ValueError, match="ratio"):
        relation(OVER_1000, AS_HIGH_AS_4000, ratio=0.5)


def test_measure_overall_is_the_worst_pair() -> None:
    rel = measure_relations([OVER_1000, AS_HIGH_AS_4000, ABOUT_200])
    assert rel.overall == "conflicting"
    # "as high as 4,000" and "about 200" overlap but point 20x apart.
    assert dict(rel.counts) == {"compatible": 1, "divergent": 1, "conflicting": 1}
    assert measure_relations([OVER_1000]).overall == "compatible"


def test_interval_text() -> None:
    assert OVER_1000.to_text() == "(1000, ∞)"
    assert AS_HIGH_AS_4000.to_text() == "(-∞, 4000]"
