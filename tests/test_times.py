"""Time expressions: tables of (text, anchor, expected mention, type, value)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from claimledger import time_anchoring as ta
from claimledger.model import Span, TimeExpression
from claimledger.times import find_times, resolve, timeml_extent

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
JAN11 = dt.date(2025, 1, 11)  # a Saturday


def only(text: str, anchor: dt.date | None = JAN11) -> TimeExpression:
    found, _ = find_times(text, anchor)
    assert len(found) == 1, [(t.span.text, t.value) for t in found]
    return found[0]


# (text, mention, type, value) with the anchor 2025-01-11, a Saturday.
CASES = [
    # absolute dates
    ("The vote is set for January 20.", "January 20", "DATE", "2025-01-20"),
    ("It happened on Jan. 11, 2025, at dawn.", "Jan. 11, 2025", "DATE", "2025-01-11"),
    ("Signed 11 January 2025 in Kyiv.", "11 January 2025", "DATE", "2025-01-11"),
    ("Sales fell in Dec. 2024 sharply.", "Dec. 2024", "DATE", "2024-12"),
    ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
    ("Music of the '80s returned.", "the '80s", "DATE", "198"),
    ("The file is dated 2024-03-05.", "2024-03-05", "DATE", "2024-03-05"),
    ("The form was dated 3/5/2024.", "3/5/2024", "DATE", "2024-03-05"),
    ("a relic of the 19th century", "the 19th century", "DATE", "18"),
    ("He was born in 2005 in Pyongyang.", "2005", "DATE", "2005"),
    ("It grew by 2010 already.", "2010", "DATE", "2010"),
    ("Profits rose in fiscal 1989.", "fiscal 1989", "DATE", "1989"),
    ("It reopened in mid-2024.", "mid-2024", "DATE", "2024"),
    ("after the 2012 elections", "2012", "DATE", "2012"),
    ("by the end of this year", "the end of this year", "DATE", "2025"),
    ("the fourth of July, 1776", "July, 1776", "DATE", "1776-07"),
    ("We met on the 4th of July.", "the 4th of July", "DATE", "2024-07-04"),
    ("Sales in the third quarter rose.", "the third quarter", "DATE", "2024-Q3"),
    ("Sales in the first quarter of 2023 rose.", "the first quarter of 2023", "DATE", "2023-Q1"),
    ("third-quarter profit", "third-quarter", "DATE", "2024-Q3"),
    # quarters with their year named some other way; a hyphenated adjective leaves "the" out
    ("Losses in the 2019 second quarter grew.", "the 2019 second quarter", "DATE", "2019-Q2"),
    ("a charge in next year's first quarter", "next year's first quarter", "DATE", "2026-Q1"),
    ("net in last year's fourth quarter", "last year's fourth quarter", "DATE", "2024-Q4"),
    ("It earned $3 in the year-ago third quarter.", "the year-ago third quarter", "DATE",
     "2023-Q3"),
    ("Sales in the fiscal first quarter fell.", "the fiscal first quarter", "DATE", "2025-Q1"),
    ("It posted the third-quarter loss.", "third-quarter", "DATE", "2024-Q3"),
    ("Results for the last half of 2023 slipped.", "the last half of 2023", "DATE", "2023-H2"),
    ("It earned $1 in the 2023 quarter.", "the 2023 quarter", "DATE", "2023-Q4"),
    ("Fourth-quarter net fell. It earned $1 in the 2023 period.", "the 2023 period", "DATE",
     "2023-Q4"),
    ("Fourth-quarter net fell. Sales in the latest period rose.", "the latest period", "DATE",
     "2024-Q4"),
    ("It earned $1 in the 2023 period.", "2023", "DATE", "2023"),
    ("It snowed last winter.", "last winter", "DATE", "2023-WI"),
    ("They met in the summer of 2019.", "summer of 2019", "DATE", "2019-SU"),
    ("gifts at Christmas", "Christmas", "DATE", "2024-12-25"),
    # bare months and month-days take the year nearest the anchor, leaning to the past
    ("The talks began in December.", "December", "DATE", "2024-12"),
    ("The talks resume in February.", "February", "DATE", "2025-02"),
    ("The harvest was in August.", "August", "DATE", "2024-08"),
    ("On Dec. 25 they met.", "Dec. 25", "DATE", "2024-12-25"),
    ("The summit opens March 3.", "March 3", "DATE", "2025-03-03"),
    ("They met last March.", "last March", "DATE", "2024-03"),
    ("They meet next January.", "next January", "DATE", "2026-01"),
    # the year named beside a bare month
    ("But in June last year, talks broke down.", "June last year", "DATE", "2024-06"),
    ("It began in May this year.", "May this year", "DATE", "2025-05"),
    ("They join in April next year.", "April next year", "DATE", "2026-04"),
    ("Officials May this year refused.", "this year", "DATE", "2025"),  # a name, not a month
    # weekdays: the latest on or before the anchor; "next" and future tense look forward
    ("Zelensky said on Saturday that", "on Saturday", "DATE", "2025-01-11"),
    ("Austin said Thursday that", "Thursday", "DATE", "2025-01-09"),
    ("The minister spoke Sunday.", "Sunday", "DATE", "2025-01-05"),
    ("They will vote on Monday.", "on Monday", "DATE", "2025-01-13"),
    ("They meet next Saturday.", "next Saturday", "DATE", "2025-01-18"),
    ("They met last Saturday.", "last Saturday", "DATE", "2025-01-04"),
    ("The blast came Tuesday morning.", "Tuesday morning", "TIME", "2025-01-07TMO"),
    # a deadline or an earliest date points forward whatever the tense
    ("He could arrive as soon as Tuesday.", "Tuesday", "DATE", "2025-01-14"),
    ("The deadline was moved until Monday.", "Monday", "DATE", "2025-01-13"),
    ("They have until 9 a.m. Wednesday to sign.", "9 a.m. Wednesday", "TIME", "2025-01-15T09:00"),
    ("The team planned to leave on Thursday.", "on Thursday", "DATE", "2025-01-16"),
    ("The team left on Thursday.", "on Thursday", "DATE", "2025-01-09"),
    ("The talks went on until Thursday.", "Thursday", "DATE", "2025-01-09"),
    ("Until Thursday, they had not named him.", "Thursday", "DATE", "2025-01-09"),
    ("The deadline was extended until Monday.", "Monday", "DATE", "2025-01-13"),
    ("Officials had given them until Tuesday.", "Tuesday", "DATE", "2025-01-14"),
    ("Shops close on Sundays.", "Sundays", "SET", "XXXX-WXX-7"),
    # deictic and offsets
    ("The NIS said two weeks ago that", "two weeks ago", "DATE", "2024-12-28"),
    ("Prices rose last month.", "last month", "DATE", "2024-12"),
    ("They left yesterday.", "yesterday", "DATE", "2025-01-10"),
    ("The court rules today.", "today", "DATE", "2025-01-11"),
    ("The plan starts tomorrow.", "tomorrow", "DATE", "2025-01-12"),
    ("Growth slowed this year.", "this year", "DATE", "2025"),
    ("Growth slowed last year.", "last year", "DATE", "2024"),
    ("It was agreed earlier this month.", "earlier this month", "DATE", "2025-01"),
    ("Talks stalled last week.", "last week", "DATE", "2025-W01"),
    ("It closes next week.", "next week", "DATE", "2025-W03"),
    ("They won three years ago.", "three years ago", "DATE", "2022"),
    ("They won six months ago.", "six months ago", "DATE", "2024-07"),
    ("They won a decade ago.", "a decade ago", "DATE", "2015"),
    ("It opened several years ago.", "several years ago", "DATE", "PAST_REF"),
    ("Troops are now in Kursk.", "now", "DATE", "PRESENT_REF"),
    ("He is currently abroad.", "currently", "DATE", "PRESENT_REF"),
    ("She recently resigned.", "recently", "DATE", "PAST_REF"),
    ("the current government", "current", "DATE", "PRESENT_REF"),
    ("in the future we hope", "the future", "DATE", "FUTURE_REF"),
    ("He called last night.", "last night", "TIME", "2025-01-10TNI"),
    ("He called this morning.", "this morning", "TIME", "2025-01-11TMO"),
    ("Sales in the current fiscal year rose.", "the current fiscal year", "DATE", "2025"),
    # periods: "since" is part of the mention and the value is the start
    ("Troops have fought since December.", "since December", "DATE", "2024-12"),
    ("He has served since 2021.", "since 2021", "DATE", "2021"),
    ("Open since Jan. 2, they say.", "since Jan. 2", "DATE", "2025-01-02"),
    ("Closed since Monday.", "since Monday", "DATE", "2025-01-06"),
    # durations
    ("It lasted three years.", "three years", "DURATION", "P3Y"),
    ("It lasted two weeks.", "two weeks", "DURATION", "P2W"),
    ("within 48 hours of arrival", "48 hours", "DURATION", "PT48H"),
    ("the worst in a decade", "a decade", "DURATION", "P10Y"),
    ("a two-year contract", "two-year", "DURATION", "P2Y"),
    ("after the eight-year war", "eight-year", "DURATION", "P8Y"),
    ("the two days of talks", "the two days", "DURATION", "P2D"),
    # "the end of" belongs to the month or year it names
    ("Troops leave by the end of 2026.", "the end of 2026", "DATE", "2026"),
    ("It opened at the beginning of October.", "the beginning of October", "DATE", "2024-10"),
    ("over the past two months", "the past two months", "DURATION", "P2M"),
    ("during the first nine months", "the first nine months", "DURATION", "P9M"),
    ("over the past decade", "the past decade", "DURATION", "P10Y"),
    ("for twenty-five years", "twenty-five years", "DURATION", "P25Y"),
    ("after 90 minutes", "90 minutes", "DURATION", "PT90M"),
    ("for 1.5 years", "1.5 years", "DURATION", "P1Y6M"),
    # fractions take TimeML's mixed form when the next smaller unit is whole
    ("for 2 1/2 years", "2 1/2 years", "DURATION", "P2Y6M"),
    ("about 5 1/2 hours", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("a minute and a half", "a minute and a half", "DURATION", "PT1M30S"),
    ("a day and a half", "a day and a half", "DURATION", "P1DT12H"),
    ("for 1 1/2 weeks", "1 1/2 weeks", "DURATION", "P1.5W"),
    # "later" is outside the duration it follows
    ("Three days later, he left.", "Three days", "DURATION", "P3D"),
    ("An hour after, he left.", "An hour", "DURATION", "PT1H"),
    ("talks went on for years", "years", "DURATION", "PXY"),
    ("for a few weeks", "a few weeks", "DURATION", "PXW"),
    # "a year earlier" in an earnings report is the same quarter a year back, even when the
    # quarter was named a sentence or two before
    (
        "Third-quarter net rose 5%. Sales grew. Profit was $2 million a year earlier.",
        "a year earlier",
        "DATE",
        "2023-Q4",
    ),
    ("Profit was $2 million a year earlier.", "a year earlier", "DATE", "2024"),
    (
        "The quarter was weak. A. B. C. D. Profit was $2 million a year earlier.",
        "a year earlier",
        "DATE",
        "2024",
    ),
    # years read aloud (broadcast transcripts)
    ("It began in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("Then, January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
    ("as in the winter of nineteen eighty-two", "the winter of nineteen eighty-two", "DATE",
     "1982-WI"),
    ("by the year two thousand", "the year two thousand", "DATE", "2000"),
    ("It closed in nineteen oh five.", "nineteen oh five", "DATE", "1905"),
    # "the year", "the week" without a modifier are the anchor's
    ("Sales for the full year rose.", "the full year", "DATE", "2025"),
    ("For the week, the index fell.", "the week", "DATE", "2025-W02"),
    ("They hope to close by year-end.", "year-end", "DATE", "2025"),
    ("Prices are up 4% since year-end.", "since year-end", "DATE", "2024"),
    ("Rules should be in place by year's end.", "year's end", "DATE", "2025"),
    ("It was read aloud in nineteen ninety-one Charles said.", "nineteen ninety-one", "DATE",
     "1991"),
    ("A hearing is set for the week of March 3.", "the week of March 3", "DATE", "2025-W10"),
    ("It met the week of Jan. 6, 2020.", "the week of Jan. 6, 2020", "DATE", "2020-W02"),
    ("Net for the year ended June 30 rose.", "the year", "DURATION", "P1Y"),
    # stretches of unknown length
    ("Prices fell in recent weeks.", "recent weeks", "DURATION", "PXW"),
    ("Rates may fall in coming months.", "coming months", "DURATION", "PXM"),
    ("It will be hard in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
    ("losses in future quarters", "future quarters", "DATE", "FUTURE_REF"),
    # "that year", "earlier that day", "the following year" read the date last written before
    ("He fled in June 2019 and came back later that year.", "later that year", "DATE", "2019"),
    ("He died on March 3, 2020. Earlier that day, he wrote.", "Earlier that day", "DATE",
     "2020-03-03"),
    ("In 2015 he was promoted, and the following year he left.", "the following year", "DATE",
     "2016"),
    ("The following year will be hard.", "The following year", "DATE", "2026"),
    # sets
    ("They meet every week.", "every week", "SET", "P1W"),
    ("a weekly briefing", "weekly", "SET", "P1W"),
    ("It is held each year.", "each year", "SET", "P1Y"),
    ("every two weeks", "every two weeks", "SET", "P2W"),
    ("every Monday", "every Monday", "SET", "XXXX-WXX-1"),
    ("daily flights", "daily", "SET", "P1D"),
    # times of day
    ("The vote closes at 3 p.m.", "3 p.m.", "TIME", "2025-01-11T15:00"),
    ("It began at 10:35 a.m. Tuesday.", "10:35 a.m. Tuesday", "TIME", "2025-01-07T10:35"),
    ("a deadline of midnight", "midnight", "TIME", "2025-01-11T24:00"),
    ("at noon yesterday", "noon yesterday", "TIME", "2025-01-10T12:00"),
    # a date after the time belongs to it
    ("The offer expires at 5 p.m. EST, Jan. 20.", "5 p.m. EST, Jan. 20", "TIME",
     "2025-01-20T17:00"),
    ("It opened at noon on March 3, 2024, in Oslo.", "noon on March 3, 2024", "TIME",
     "2024-03-03T12:00"),
    ("It ends at 3 p.m. Jan. 4.", "3 p.m. Jan. 4", "TIME", "2025-01-04T15:00"),
    ("At 3 p.m. 20 people came.", "3 p.m.", "TIME", "2025-01-11T15:00"),
]


@pytest.mark.parametrize(("text", "mention", "kind", "value"), CASES)
def test_find_times(text: str, mention: str, kind: str, value: str) -> None:
    found, diagnostics = find_times(text, JAN11)
    assert diagnostics == ()
    matches = [t for t in found if t.span.text == mention]
    assert matches, [(t.span.text, t.type, t.value) for t in found]
    t = matches[0]
    assert (t.type, t.value) == (kind, value)
    assert t.span.within(text)


# Known failures: kept visible, not hidden.
KNOWN_WRONG = [
    # a past clause without one of the few past verbs the deadline rule checks
    ("The strike paralysed the port until Thursday.", "Thursday", "DATE", "2025-01-09"),
]


@pytest.mark.xfail(strict=True, reason="known gap of the rules")
@pytest.mark.parametrize(("text", "mention", "kind", "value"), KNOWN_WRONG)
def test_known_wrong(text: str, mention: str, kind: str, value: str) -> None:
    test_find_times(text, mention, kind, value)


# Not time expressions at all.
NEGATIVES = [
    "About 2,005 people were evacuated.",
    "The party won 1999 votes in the district.",
    "He scored 2005 points over his career.",
    "Prices rose 2010% in a decade of chaos"[:20],
    "You may leave now-ish",  # "may" is a verb
    "He may call.",
    "March organisers gathered.",
    "a five-year-old boy",
    "He is 30 years old.",
    "They paid $5 a day.",
    "Tactical Group No. 2016 advanced.",
    "the 45th floor",
    "It costs $2024.",
    "All 2005 residents of the town left.",
    "Some 2005 residents of the town left.",
    "a quarterly dividend",
    "The stock dropped 2 1/2 to 37.",
    "She was named Person of the Year.",
    "Profit was $4 million, up from $3 million the year before.",
    "About nineteen ninety people came.",
    "He counted nineteen twenty times.",
    "in the year-end rush",
    "when year-end net was lower",
    "Sales in the latest period rose.",
    "That year was hard, he said.",
    "Shares traded that day fell.",
    "Prices fall in autumn",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_times(text: str) -> None:
    found, diagnostics = find_times(text, JAN11)
    kept = [t for t in found if t.value not in (None, "PRESENT_REF", "PAST_REF")]
    assert kept == [], [(t.span.text, t.value) for t in kept]
    assert diagnostics == ()


# Impossible dates: no value, a diagnostic.
IMPOSSIBLE = [
    "The memo is dated February 30, 2024.",
    "The offer expires at 5 p.m., Feb. 30.",
    "The memo is dated 13/45/2020.",
    "The memo is dated 2023-02-29.",
    "They met on January 45.",
    "A hearing is set for the week of February 30.",
    "The meeting is at 25:00 p.m.",
]


@pytest.mark.parametrize("text", IMPOSSIBLE)
def test_impossible_dates_give_a_diagnostic(text: str) -> None:
    found, diagnostics = find_times(text, JAN11)
    assert found == ()
    assert [d.code for d in diagnostics] == ["impossible_date"]


ODD = [
    "٢٠٢١ and ১৯৯৯ and 二〇二一",  # digits of other scripts are not read as years
    "10000000000000000000000000 years ago",
    "9" * 5000,
    "since since since",
    "the 45th",
    "",
    "\x00\ufffd January",
    "Jan. 99, 99999",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_crashes_nor_invents_a_date(text: str) -> None:
    found, diagnostics = find_times(text, JAN11)
    for t in found:
        assert t.span.within(text)
        assert t.value is None or not t.value[:1].isdigit() or t.value[:4] in {"2025", "2024"}
    for d in diagnostics:
        assert d.code in {"impossible_date", "implausible_duration", "unparsed_time"}


# Without an anchor: relative values are None, absolute ones stay.
NO_ANCHOR = [
    ("said on Saturday", None),
    ("two weeks ago", None),
    ("last month", None),
    ("now", "PRESENT_REF"),
    ("in 2005", "2005"),
    ("Jan. 11, 2025", "2025-01-11"),
    ("January 11", "XXXX-01-11"),
    ("three years", "P3Y"),
]


@pytest.mark.parametrize(("text", "value"), NO_ANCHOR)
def test_no_anchor_never_guesses(text: str, value: str | None) -> None:
    t = only(text, None)
    assert t.value == value
    assert t.anchor is None


def test_relative_values_record_their_anchor() -> None:
    assert only("on Saturday").anchor == "2025-01-11"
    assert only("in 2005").anchor is None


def test_resolve_reanchors_a_relative_mention() -> None:
    text = "They met on Tuesday, he said."
    t = only(text)
    assert t.value == "2025-01-07"
    again = resolve(t, text, dt.date(2024, 12, 28))
    assert (again.value, again.anchor, again.span) == ("2024-12-24", "2024-12-28", t.span)
    absolute = only("in 2005")
    assert resolve(absolute, "in 2005", dt.date(2000, 1, 1)) == absolute


def test_timeml_extent_drops_on_and_since() -> None:
    assert timeml_extent(Span(3, 14, "on Saturday")).text == "Saturday"
    assert timeml_extent(Span(0, 10, "since 2021")) == Span(6, 10, "2021")
    assert timeml_extent(Span(0, 4, "2021")) == Span(0, 4, "2021")


def test_bad_arguments_raise() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        find_times(b"Monday", JAN11)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="anchor must be a datetime.date"):
        find_times("Monday", "2025-01-11")  # type: ignore[arg-type]


# The anchoring arithmetic on its own.
@pytest.mark.parametrize(
    ("anchor", "wd", "direction", "strict", "expected"),
    [
        (JAN11, 5, "past", False, dt.date(2025, 1, 11)),
        (JAN11, 5, "past", True, dt.date(2025, 1, 4)),
        (JAN11, 5, "future", True, dt.date(2025, 1, 18)),
        (JAN11, 3, "past", False, dt.date(2025, 1, 9)),
        (JAN11, 0, "future", False, dt.date(2025, 1, 13)),
    ],
)
def test_weekday(anchor: dt.date, wd: int, direction: ta.Direction, strict: bool,
                 expected: dt.date) -> None:
    assert ta.weekday(anchor, wd, direction, strict=strict) == expected


@pytest.mark.parametrize(
    ("anchor", "n", "unit", "expected"),
    [
        (JAN11, -2, "W", "2024-12-28"),
        (JAN11, -1, "M", "2024-12"),
        (dt.date(2024, 3, 31), -1, "M", "2024-02"),
        (JAN11, -3, "Y", "2022"),
        (JAN11, -1, "DE", "2015"),
        (JAN11, 1, "D", "2025-01-12"),
    ],
)
def test_shift(anchor: dt.date, n: int, unit: str, expected: str) -> None:
    assert ta.shift(anchor, n, unit) == expected


def test_shift_off_the_calendar_raises() -> None:
    with pytest.raises(ValueError):
        ta.shift(JAN11, -10**6, "Y")
    with pytest.raises(ValueError, match="unknown unit"):
        ta.shift(JAN11, 1, "fortnight")


@pytest.mark.parametrize(
    ("anchor", "month", "direction", "year"),
    [
        (JAN11, 12, "nearest", 2024),
        (JAN11, 2, "nearest", 2025),
        (JAN11, 6, "nearest", 2024),
        (JAN11, 12, "past", 2024),
        (JAN11, 1, "past", 2025),
        (JAN11, 12, "future", 2025),
    ],
)
def test_month_year(anchor: dt.date, month: int, direction: ta.Direction, year: int) -> None:
    assert ta.month_year(anchor, month, direction) == year


def test_month_day_year_refuses_an_impossible_day() -> None:
    with pytest.raises(ValueError):
        ta.month_day_year(JAN11, 2, 30)
    assert ta.month_day_year(dt.date(2024, 3, 1), 2, 29) == 2024


def test_seed_times_are_all_right() -> None:
    from claimledger.evaluation.tempeval import evaluate_gold_times

    result = evaluate_gold_times(SHARED / "gold" / "seed", SHARED / "corpus" / "seed")
    assert result["times"]["matched"] == result["times"]["gold"] == 9


def test_find_times_is_fast() -> None:
    text = (SHARED / "corpus" / "seed" / "newsweek-2025-01-11-nk-pows.txt").read_text("utf-8")
    find_times(text, JAN11)
    start = time.perf_counter()
    for _ in range(10):
        find_times(text, JAN11)
    per_article = (time.perf_counter() - start) / 10
    assert per_article < 0.1  # generous for a shared machine; typically ~10 ms


def test_every_gate_names_a_rule_handler() -> None:
    """A gate keyed by a name no handler has would silently never apply (every rule would run
    on every text); the handlers live in the ``time_grammar_*`` modules, the gates beside the
    rules."""
    from claimledger.time_grammar import GATES, RULES

    handlers = {handler.__name__ for _, handler in RULES}
    assert set(GATES) <= handlers
    # only the digit rules run on every text (their patterns start with a digit, cheap to scan)
    assert handlers - set(GATES) == {"iso_date", "year_number"}
