"""The pipeline built by nlp.load_nlp: tokenizer additions and stage order."""

from __future__ import annotations

import pytest

from claimledger.nlp import load_nlp


def tokens(text: str) -> list[str]:
    doc = load_nlp().tokenizer(text)
    assert doc.text == text
    return [t.text for t in doc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation mark run together with the punctuation before it and the word after it
        ("Ana said,“Stop the vote.”", ["Ana", "said", ",", "“", "Stop", "the", "vote", ".", "”"]),
        ("“Stop it,”Ana said.", ["“", "Stop", "it", ",", "”", "Ana", "said", "."]),
        ("“Go home!”After that", ["“", "Go", "home", "!", "”", "After", "that"]),
        ('he wrote:"We lost."', ["he", "wrote", ":", '"', "We", "lost", ".", '"']),
        ('the rivals,"Ana Ruiz said', ["the", "rivals", ",", '"', "Ana", "Ruiz", "said"]),
        ("it was over.”“Not yet", ["it", "was", "over", ".", "”", "“", "Not", "yet"]),
        # (an abbreviation keeps its period)
        ('the U.S."We', ["the", "U.S.", '"', "We"]),
        # and a dash between a word and a quotation mark
        ("the pledge—“We will", ["the", "pledge", "—", "“", "We", "will"]),
        ("a plan!”—is dead", ["a", "plan", "!", "”", "—", "is", "dead"]),
        ("the cuts”–were", ["the", "cuts", "”", "–", "were"]),
    ],
)
def test_fused_quotation_marks_are_split(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apostrophes, abbreviations, hyphens and markup keep the model's tokens
        ("the U.S.’s plan", ["the", "U.S.", "’s", "plan"]),
        ("the E.U.'s rules", ["the", "E.U.", "'s", "rules"]),
        ("a well-known fact", ["a", "well", "-", "known", "fact"]),
        ('date="March 3', ['date="March', "3"]),
        ('He said "yes," and left.', ["He", "said", '"', "yes", ",", '"', "and", "left", "."]),
    ],
)
def test_other_tokens_unchanged(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected
