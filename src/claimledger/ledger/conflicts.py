"""Relations between two estimates of one measure: compatible, divergent or conflicting.

Definitions (each is tested in ``tests/ledger/test_conflicts.py``):

* An estimate is an interval ``[low, high]`` with inclusiveness, ``None`` meaning unbounded.
  An ``approximate`` estimate is widened by :data:`TOLERANCE` (10 %) on each finite side and its
  sides become inclusive: "about 12,000" covers 10,800..13,200.
* **conflicting**: the two intervals are disjoint. A shared end point counts as overlap only
  when both intervals include it ("fewer than 100" and "100" conflict, "at most 100" and "100"
  do not).
* **compatible** / **divergent** for overlapping intervals. Each interval has an *anchor*:
  its centre (geometric mean of the ends) when both ends are finite, else its one finite end.
  The pair is **divergent** when the larger anchor exceeds :data:`DIVERGENCE_RATIO` (2) times
  the smaller one, **except** when one estimate is only a lower bound and the other only an
  upper bound: such a bracket ("over 1,000" and "as high as 4,000") bounds the value from both
  sides, each consistent with the other, and is **compatible**. Anchors that are zero or negative
  are compared by the ratio of their absolute difference to the larger magnitude instead.
* Otherwise **compatible**.
* Per measure, the relation is the worst over all pairs (conflicting > divergent > compatible);
  a measure with fewer than two estimates is compatible.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from ..model import Quantity

Relation = Literal["compatible", "divergent", "conflicting"]
RELATIONS: tuple[str, ...] = ("compatible", "divergent", "conflicting")

#: Relative widening applied to both sides of an approximate estimate.
TOLERANCE = 0.10
#: Anchors further apart than this factor make overlapping estimates divergent.
DIVERGENCE_RATIO = 2.0

_RANK = {"compatible": 0, "divergent": 1, "conflicting": 2}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed, open or half-open interval of the real line; ``None`` ends are unbounded."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} exceeds high {self.high}")

    @classmethod
    def of(cls, q: Quantity, *, tolerance: float = TOLERANCE) -> Interval:
        """The interval a quantity stands for, widened by ``tolerance`` when approximate.

        Raises:
            ValueError: ``low`` exceeds ``high`` or ``tolerance`` is negative.
        """
        return cls.from_bounds(
            q.low, q.high, q.low_inclusive, q.high_inclusive, q.approximate, tolerance=tolerance
        )

    @classmethod
    def from_bounds(
        cls,
        low: float | None,
        high: float | None,
        low_inclusive: bool = True,
        high_inclusive: bool = True,
        approximate: bool = False,
        *,
        tolerance: float = TOLERANCE,
    ) -> Interval:
        """Build an interval from raw bounds (see :meth:`of`)."""
        if tolerance < 0:
            raise ValueError(f"tolerance must be >= 0, got {tolerance}")
        if approximate:
            # Widen away from the value whatever its sign, so -100 becomes -110..-90.
            if low is not None:
                low = low - abs(low) * tolerance
                low_inclusive = True
            if high is not None:
                high = high + abs(high) * tolerance
                high_inclusive = True
        return cls(low, high, low_inclusive, high_inclusive)

    @property
    def lower_only(self) -> bool:
        return self.low is not None and self.high is None

    @property
    def upper_only(self) -> bool:
        return self.low is None and self.high is not None

    @property
    def anchor(self) -> float | None:
        """The value the estimate points at, or ``None`` for an interval unbounded both ways."""
        if self.low is not None and self.high is not None:
            if self.low > 0 and self.high > 0:
                return math.sqrt(self.low * self.high)
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one point (inclusiveness respected)."""
        return _below(self, other) and _below(other, self)

    def to_text(self) -> str:
        """Interval notation: ``(1000, ∞)``, ``[10800, 13200]``."""
        left = "[" if self.low is not None and self.low_inclusive else "("
        right = "]" if self.high is not None and self.high_inclusive else ")"
        lo = "-∞" if self.low is None else _fmt(self.low)
        hi = "∞" if self.high is None else _fmt(self.high)
        return f"{left}{lo}, {hi}{right}"


def as_written(
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    approximate: bool,
) -> str:
    """The bounds as the text gave them, in interval notation, "~" after an approximate one:
    ``(1000, ∞)``, ``[12000, 12000] ~`` (unwidened: the tolerance is for comparing)."""
    text = Interval(low, high, low_inclusive, high_inclusive).to_text()
    return text + " ~" if approximate else text


def _below(a: Interval, b: Interval) -> bool:
    """Whether ``a`` starts no later than ``b`` ends (they can still meet)."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_inclusive and b.high_inclusive


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def relation(a: Interval, b: Interval, *, ratio: float = DIVERGENCE_RATIO) -> Relation:
    """How two estimates of one measure relate (module docstring gives the definitions).

    Raises:
        ValueError: ``ratio`` is below 1.
    """
    if ratio < 1:
        raise ValueError(f"ratio must be >= 1, got {ratio}")
    if not a.overlaps(b):
        return "conflicting"
    if (a.lower_only and b.upper_only) or (a.upper_only and b.lower_only):
        return "compatible"
    x, y = a.anchor, b.anchor
    if x is None or y is None:
        return "compatible"
    small, large = sorted((abs(x), abs(y)))
    if x > 0 and y > 0:
        return "divergent" if large > ratio * small else "compatible"
    # Zero or negative anchors: a ratio means nothing, so compare the gap to the magnitude.
    if large == 0:
        return "compatible"
    return "divergent" if abs(x - y) / large > 1 - 1 / ratio else "compatible"


def quantity_relation(a: Quantity, b: Quantity, *, tolerance: float = TOLERANCE) -> Relation:
    """:func:`relation` of two quantities (approximate ones widened by ``tolerance``)."""
    return relation(Interval.of(a, tolerance=tolerance), Interval.of(b, tolerance=tolerance))


@dataclass(frozen=True, slots=True)
class PairRelation:
    """The relation of estimates ``i`` and ``j`` (indices into the measure's estimates)."""

    i: int
    j: int
    relation: Relation


@dataclass(frozen=True, slots=True)
class MeasureRelations:
    """Every pair of a measure's estimates, the counts, and the worst relation."""

    pairs: tuple[PairRelation, ...]
    counts: tuple[tuple[str, int], ...]
    overall: Relation


def measure_relations(intervals: Sequence[Interval]) -> MeasureRelations:
    """All pairwise relations of one measure's estimates and its overall (worst) relation.

    Quadratic in the number of estimates of *one* measure, which stays small in practice
    (a measure with thousands of estimates should be summarised, not listed pairwise).
    """
    pairs = tuple(
        PairRelation(i, j, relation(intervals[i], intervals[j]))
        for i, j in combinations(range(len(intervals)), 2)
    )
    counter: Counter[str] = Counter(p.relation for p in pairs)
    overall: Relation = "compatible"
    for p in pairs:
        if _RANK[p.relation] > _RANK[overall]:
            overall = p.relation
    return MeasureRelations(
        pairs=pairs, counts=tuple((r, counter[r]) for r in RELATIONS), overall=overall
    )
