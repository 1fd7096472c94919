"""Scoring primitives shared by every benchmark (EVALUATION.md, preamble).

Tokens are the matches of ``\\w+`` (Unicode), lower-cased, taken as multisets; "trimming"
removes leading and trailing white space and the characters ``"'“”‘’,.;:!?()[]—–-``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

_TOKEN = re.compile(r"\w+")
_TRIM = set(" \t\r\n\f\v\u00a0\"'“”‘’,.;:!?()[]—–-")

T = TypeVar("T")
U = TypeVar("U")


def tokens(text: str) -> Counter[str]:
    """The multiset of lower-cased ``\\w+`` tokens of ``text``."""
    return Counter(m.group().lower() for m in _TOKEN.finditer(text))


def dice(a: str, b: str) -> float:
    """Token Dice of two texts: 2·|common| / (|a| + |b|); 0.0 when both are empty."""
    ta, tb = tokens(a), tokens(b)
    total = sum(ta.values()) + sum(tb.values())
    if total == 0:
        return 0.0
    return 2 * sum((ta & tb).values()) / total


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start..end`` past trimmable characters at both ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and the precision, recall and F1 they give (as percentages)."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return 100.0 * self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold
        )

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 2),
            "recall": round(self.recall, 2),
            "f1": round(self.f1, 2),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def match_one_to_one(
    predicted: Sequence[T],
    gold: Sequence[U],
    score: Callable[[T, U], float],
    *,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pair predicted and gold items one-to-one, best score first.

    Returns ``(predicted index, gold index, score)`` for every pair whose score is at least
    ``threshold``; ties are broken by position so the result is deterministic.
    """
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            s = score(p, g)
            if s >= threshold:
                candidates.append((-s, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for neg, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, -neg))
    return pairs


def total(parts: Iterable[PRF]) -> PRF:
    """The sum of several PRF counts (micro average)."""
    out = PRF(0, 0, 0)
    for p in parts:
        out = out + p
    return out
