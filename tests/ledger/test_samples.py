"""The precision samples: exact similarity ranking and constructed reprints."""

from __future__ import annotations

import random

from claimledger.ledger.samples import exact_jaccard_pairs, reprint
from claimledger.ledger.syndication import find_syndicated

VOCAB = (
    "the council voted on the budget after a long debate about roads schools parks and the "
    "new library while residents asked for lower taxes and better bus service in the north"
)
WORDS = tuple(VOCAB.split(" "))


def _article(seed: int, paragraphs: int = 4) -> str:
    rng = random.Random(seed)
    return "\n".join(
        " ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(paragraphs)
    ) + "\n"


def test_a_reprint_is_found_with_its_original_and_nothing_else() -> None:
    texts = {f"d{i}": _article(i) for i in range(6)}
    copy = reprint(texts["d2"], random.Random(0))
    assert copy != texts["d2"]
    assert texts["d2"].split("\n")[-2] not in copy  # the last paragraph is cut
    found, _ = find_syndicated([*texts.items(), ("copy", copy)])
    assert [(p.a, p.b) for p in found.pairs] == [("copy", "d2")]


def test_exact_jaccard_pairs_ranks_the_most_similar_first() -> None:
    base = _article(1)
    texts = {
        "a": base,
        "b": base + _article(2, 1),  # nearly the same text
        "c": base + _article(3, 4),  # half of it
        "d": _article(4),
        "short": "too short",
    }
    top = exact_jaccard_pairs(texts, top=2)
    assert [(a, b) for _, a, b in top] == [("a", "b"), ("a", "c")]
    assert 1 >= top[0][0] > top[1][0] > 0
    assert all("short" not in (a, b) for _, a, b in exact_jaccard_pairs(texts, top=10))
