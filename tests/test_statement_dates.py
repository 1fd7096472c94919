"""Statement dates: which time expression dates a statement, and re-anchoring inside it."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.model import Attribution, Document, Meta, Span
from claimledger.pipeline import extract
from claimledger.statement_dates import assign
from claimledger.times import find_times

JAN11 = dt.date(2025, 1, 11)  # a Saturday


def attribution(text: str, source: str | None, cue: str, content: str) -> Attribution:
    """An attribution built from the first occurrences of its parts in ``text``."""

    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)

    return Attribution(
        id="a1",
        content=span(content),
        kind="indirect",
        source=span(source) if source else None,
        cue=span(cue),
    )


# (text, source, cue, content, said_on) with the publication date 2025-01-11.
CASES = [
    ("Zelensky said on Saturday that two soldiers were captured.",
     "Zelensky", "said", "two soldiers were captured", "2025-01-11"),
    ("The minister said Thursday that talks had failed.",
     "The minister", "said", "talks had failed", "2025-01-09"),
    ("The agency said two weeks ago that a soldier died.",
     "The agency", "said", "a soldier died", "2024-12-28"),
    ("The mayor said on January 3: “We will rebuild.”",
     "The mayor", "said", "We will rebuild.", "2025-01-03"),
    ("On Monday, the governor said the roads were closed.",
     "the governor", "said", "the roads were closed", "2025-01-06"),
    ("The ministry said in a statement Tuesday that prices rose.",
     "The ministry", "said", "prices rose", "2025-01-07"),
    ("The roads were closed, the police said on Friday.",
     "the police", "said", "The roads were closed", "2025-01-10"),
    ("The company on Wednesday announced that it would close.",
     "The company", "announced", "it would close", "2025-01-08"),
    ("The rebels said last month that they had withdrawn.",
     "The rebels", "said", "they had withdrawn", "2024-12"),
    ("The report, published in 2019, said growth slowed.",
     "The report", "said", "growth slowed", None),
    # The time inside the content dates the event, not the statement.
    ("The general said that troops left on Monday.",
     "The general", "said", "troops left on Monday", None),
    ("The general said troops had fought since December.",
     "The general", "said", "troops had fought since December", None),
    # A time after the content belongs to what follows, not to the cue.
    ("The general said troops left, and on Monday they returned.",
     "The general", "said", "troops left", None),
    # A time in another sentence does not date this statement.
    ("It rained on Monday. The general said troops left.",
     "The general", "said", "troops left", None),
    # Not a calendar date: nothing to record.
    ("The general said now that troops left.",
     "The general", "said", "troops left", None),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "said_on"), CASES)
def test_said_on(text: str, source: str, cue: str, content: str, said_on: str | None) -> None:
    a = attribution(text, source, cue, content)
    found, _ = find_times(text, JAN11)
    (dated,), _times, _dating = assign(text, (a,), found, JAN11)
    assert dated.said_on == said_on


def test_times_inside_a_dated_statement_are_reanchored() -> None:
    text = "The agency said two weeks ago that troops captured a soldier on Tuesday."
    a = attribution(text, "The agency", "said", "troops captured a soldier on Tuesday")
    found, _ = find_times(text, JAN11)
    before = {t.span.text: t.value for t in found}
    assert before["on Tuesday"] == "2025-01-07"
    (dated,), times, dating = assign(text, (a,), found, JAN11)
    assert dated.said_on == "2024-12-28"
    assert {span.text: ident for span, ident in dating.items()} == {"two weeks ago": a.id}
    after = {t.span.text: (t.value, t.anchor) for t in times}
    assert after["on Tuesday"] == ("2024-12-24", "2024-12-28")
    assert after["two weeks ago"] == ("2024-12-28", "2025-01-11")  # outside: unchanged


def test_month_granularity_does_not_reanchor() -> None:
    text = "The rebels said last month that they withdrew on Tuesday."
    a = attribution(text, "The rebels", "said", "they withdrew on Tuesday")
    found, _ = find_times(text, JAN11)
    (dated,), times, _dating = assign(text, (a,), found, JAN11)
    assert dated.said_on == "2024-12"
    assert times == found


def test_no_cue_no_date_and_inputs_unchanged() -> None:
    text = "On Monday, troops left."
    a = Attribution(id="a1", content=Span(11, 22, "troops left"), kind="according_to")
    found, _ = find_times(text, JAN11)
    attrs, times, _dating = assign(text, (a,), found, JAN11)
    assert attrs == (a,) and times == found


def test_bad_text_raises() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        assign(None, (), (), JAN11)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "time", "linked"),
    [
        # a time that dates the statement from its frame belongs to it (OUTPUT.md's example:
        # "on Saturday" -> the attribution it dates)
        ("“The bridge is closed,” the mayor said on Monday.", "on Monday", "a1"),
        # a time inside the content belongs to the content's attribution
        ("The mayor said the bridge closed on Monday.", "on Monday", "a1"),
        # a time that dates no statement belongs to none
        ("On Monday the bridge closed.", "On Monday", None),
    ],
)
def test_times_link_to_the_statement_they_date(text: str, time: str, linked: str | None) -> None:
    ex = extract(Document(id="t", text=text, meta=Meta(published="2025-01-11")))
    assert {t.span.text: t.attribution for t in ex.times} == {time: linked}
