"""Near-duplicate articles (syndicated wire copy) by MinHash/LSH over word shingles.

Two documents are near-duplicates when the Jaccard similarity of their sets of ``k``-word
shingles (lower-cased ``\\w+`` tokens, default ``k = 5``), as estimated by MinHash with
``num_perm`` permutations, is at least ``threshold`` (default 0.5). LSH finds the candidate
pairs, so the cost grows with the number of documents, not with the number of pairs; each
candidate is then checked against the estimated Jaccard, and near-duplicate pairs are closed
transitively into groups (a wire story and its lightly edited reprints form one group).

0.5 was chosen on PolNeAR's train/dev texts: reprints of one wire story with different
headlines, datelines, bylines and trimmed endings score 0.5-0.95, while distinct articles on
the same event score below 0.2 (see ``docs/ledger.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ..model import Diagnostic

_WORD = re.compile(r"\w+")

#: Default similarity above which two documents are near-duplicates.
THRESHOLD = 0.5
NUM_PERM = 128
SHINGLE = 5
#: Fixed so signatures are identical from run to run and from machine to machine.
SEED = 1


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two near-duplicate documents and their estimated Jaccard similarity."""

    a: str
    b: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Syndication:
    """Near-duplicate pairs and the groups they close into (only groups of two or more)."""

    pairs: tuple[DuplicatePair, ...]
    groups: tuple[tuple[str, ...], ...]

    def group_of(self) -> dict[str, int]:
        """``document id -> group index`` for the documents that have a near-duplicate."""
        return {d: g for g, members in enumerate(self.groups) for d in members}


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of ``k``-word shingles of ``text``; a text shorter than ``k`` words is one shingle.

    Raises:
        ValueError: ``k`` is below 1.
    """
    if k < 1:
        raise ValueError(f"shingle size must be >= 1, got {k}")
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str, *, num_perm: int = NUM_PERM, k: int = SHINGLE) -> MinHash:
    """The MinHash signature of ``text``'s shingles (seeded, so reproducible)."""
    mh = MinHash(num_perm=num_perm, seed=SEED)
    mh.update_batch([s.encode("utf-8") for s in shingles(text, k)])
    return mh


def find_syndicated(
    documents: Iterable[tuple[str, str]],
    *,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    k: int = SHINGLE,
    min_words: int = 50,
) -> tuple[Syndication, tuple[Diagnostic, ...]]:
    """Find near-duplicate documents among ``(id, text)`` pairs.

    Args:
        documents: ``(document id, canonical text)``; ids must be unique.
        threshold: estimated Jaccard similarity at or above which two documents are
            near-duplicates, in (0, 1].
        num_perm: MinHash permutations (more is slower and more accurate).
        k: words per shingle.
        min_words: documents with fewer words are skipped (a diagnostic ``too_short`` each):
            two short briefs share most shingles by chance of form, not of copying.

    Raises:
        ValueError: a repeated id, or ``threshold`` outside (0, 1].
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs: dict[str, MinHash] = {}
    diags: list[Diagnostic] = []
    for doc_id, text in documents:
        if doc_id in sigs:
            raise ValueError(f"document id {doc_id!r} occurs twice")
        if len(_WORD.findall(text)) < min_words:
            diags.append(Diagnostic("too_short", f"{doc_id}: fewer than {min_words} words"))
            continue
        mh = signature(text, num_perm=num_perm, k=k)
        sigs[doc_id] = mh
        lsh.insert(doc_id, mh)
    pairs: list[DuplicatePair] = []
    for doc_id, mh in sigs.items():
        for other in lsh.query(mh):
            if other <= doc_id:
                continue  # each pair once, and never a document with itself
            sim = mh.jaccard(sigs[other])
            # LSH is a filter with false positives: keep only pairs above the threshold.
            if sim >= threshold:
                pairs.append(DuplicatePair(doc_id, other, round(float(sim), 4)))
    pairs.sort(key=lambda p: (p.a, p.b))
    return Syndication(tuple(pairs), _groups(pairs)), tuple(diags)


def _groups(pairs: Iterable[DuplicatePair]) -> tuple[tuple[str, ...], ...]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return tuple(sorted(tuple(sorted(g)) for g in groups.values()))
