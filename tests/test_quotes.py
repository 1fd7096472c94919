"""Quotation spans: pairing, paragraphs, typewriter marks, unbalanced marks."""

from __future__ import annotations

import pytest

from claimledger.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" and "soon."', ["we will win", "soon."]),
        ("He said ''we will win,'' she added.", ["we will win,"]),
        ("He said ``we will win'' today.", ["we will win"]),
        ("« Nous gagnerons » a-t-il dit.", [" Nous gagnerons "]),
        # a quotation continued in the next paragraph keeps one span
        ("“First part.\n“Second part.”", ["First part.\n“Second part."]),
        ("No quotations here, just an apostrophe's worth.", []),
        ("Emoji 🙂 before “ünïcode ✓” is fine.", ["ünïcode ✓"]),
        # a closing mark typed where a paragraph's opening mark belongs
        ("Intro.\n\n”Rain again.” ― Li Wei", ["Rain again."]),
        # a quotation opened with a curly mark and closed with a straight one
        ('“We are done." Then “more”', ["We are done.", "more"]),
        # ... but one after a word still closes
        ("Intro.\n\n“Rain again.”", ["Rain again."]),
    ],
)
def test_quotations(text: str, quoted: list[str]) -> None:
    quotes, diagnostics = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == quoted
    assert diagnostics == ()


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # an opening mark whose paragraph ends and the next does not continue the quotation
        ("He said “we will win.\nThe league said “no.”", ["no."]),
        # a stray closing mark
        ("A stray ” mark, then “a real one.”", ["a real one."]),
    ],
)
def test_unbalanced_marks_are_diagnostics_and_work_goes_on(text: str, quoted: list[str]) -> None:
    quotes, diagnostics = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == quoted
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert d.code == "unbalanced_quote" and d.start is not None and text[d.start] in "“”"
