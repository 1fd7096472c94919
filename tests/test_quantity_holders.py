"""quantity_holders: whose count a quantity is, read from the parse (real spaCy model)."""

from __future__ import annotations

import pytest

from claimledger.model import Document, Meta
from claimledger.pipeline import extract


def _holders(text: str) -> dict[str, str | None]:
    ex = extract(Document(id="t", text=text, meta=Meta(published="2016-03-01")))
    for q in ex.quantities:
        if q.holder is not None:
            # Grounded: the holder span is the text at its offsets.
            assert text[q.holder.start : q.holder.end] == q.holder.text
    return {q.span.text: q.holder_entity for q in ex.quantities}


@pytest.mark.parametrize(
    ("text", "quantity", "holder"),
    [
        # the subject of the verb whose object is the count
        ("Hillary Clinton won 739 delegates on Tuesday.", "739 delegates", "Hillary Clinton"),
        ("Microsoft sold 10 million consoles last year.", "10 million consoles", "Microsoft"),
        # through "with"
        ("Ted Cruz finished with 312 delegates.", "312 delegates", "Ted Cruz"),
        # a possessive on the counted noun
        ("Angela Merkel's 400 seats give her a majority.", "400 seats", "Angela Merkel"),
        # "for" + name after the counted noun
        ("The tally was 172 votes for Bernie Sanders.", "172 votes", "Bernie Sanders"),
        # a pronoun resolved to the named entity it refers to
        ("Ann Lee ran again. She won 52 percent of the vote.", "52 percent", "Ann Lee"),
        # not "of" (a whole, not a holder), not an expletive "it"
        ("Sixty-seven percent of Americans disapprove.", "Sixty-seven percent", None),
        ("Clinton has 866 delegates. It takes 2,383 delegates to win.", "2,383 delegates",
         None),
        # negatives: the subject is no named entity, or reports rather than holds
        ("North Korean troops suffered over 1,000 casualties.", "over 1,000 casualties", None),
        ("Officials said 20 people died in the fire.", "20 people", None),
        ("Ann Lee would deport 11 million immigrants.", "11 million immigrants", None),
        ("Ann Lee rose to 48 percent in May.", "48 percent", "Ann Lee"),
        ("The Pew Research Center estimated 11 million immigrants.",
         "estimated 11 million immigrants", None),
    ],
)
def test_holder(text: str, quantity: str, holder: str | None) -> None:
    assert _holders(text)[quantity] == holder
