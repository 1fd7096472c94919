"""Disjoint sets over ``0..n-1``: the grouping step that entities, claims, origins and
measures share (path halving; the smaller index becomes the root, so groups come out in
order of their first member)."""

from __future__ import annotations

from collections import defaultdict


class DisjointSets:
    """``n`` elements, each in its own set until :meth:`union` joins two sets."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s set (the smallest index ever joined into it)."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of ``i`` and ``j``."""
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """Every set as a sorted list of its elements, sets in order of their root."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [out[r] for r in sorted(out)]
