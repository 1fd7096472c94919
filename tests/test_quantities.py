"""quantities: hedged intervals with units, on documents parsed by the project's pipeline."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from spacy.language import Language

from claimledger.model import Quantity, Span
from claimledger.nlp import load_nlp
from claimledger.quantities import find_quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_TEXT = SHARED / "corpus" / "seed"
SEED_GOLD = SHARED / "gold" / "seed"

INF = None  # unbounded side, for readability of the tables


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def quantities(nlp: Language, text: str) -> tuple[Quantity, ...]:
    found, _ = find_quantities(nlp(text))
    for q in found:
        assert q.span.within(text)
    return found


def same(a: float | None, b: float | None) -> bool:
    return a is None and b is None or a is not None and b is not None and a == pytest.approx(b)


def the(nlp: Language, text: str, mention: str) -> Quantity:
    """The one quantity whose span is ``mention``."""
    found = quantities(nlp, text)
    hits = [q for q in found if q.span.text == mention]
    assert len(hits) == 1, f"{mention!r} not among {[q.span.text for q in found]}"
    return hits[0]


# (text, mention, low, high, low_inclusive, high_inclusive, approximate, unit, kind)
CASES = [
    # plain numbers and the counted noun
    ("Two North Korean soldiers were captured.", "Two North Korean soldiers",
     2, 2, True, True, False, "soldier", "count"),
    ("They polled 80,000 Democrats.", "80,000 Democrats", 80000, 80000, True, True, False,
     "democrat", "count"),
    ("Ford has 13000 workers in the UK.", "13000 workers", 13000, 13000, True, True, False,
     "worker", "count"),
    ("He ate one of the apples.", "one of the apples", 1, 1, True, True, False, "apple", "count"),
    ("They bought a dozen eggs.", "a dozen eggs", 12, 12, True, True, False, "egg", "count"),
    ("Half a dozen boats sank.", "Half a dozen boats", 6, 6, True, True, False, "boat", "count"),
    ("Leeds won 3 over 2 rivals.", "2 rivals", 2, 2, True, True, False, "rival", "count"),
    ("She owns a pair of boats.", "a pair of boats", 2, 2, True, True, False, "boat", "count"),
    ("It had 2.7m combined digital and physical sales.",
     "2.7m combined digital and physical sales", 2.7e6, 2.7e6, True, True, False, "sale",
     "count"),
    ("More than 6 million homes including 1.5 million in the city lost power.", "1.5 million",
     1.5e6, 1.5e6, True, True, False, "home", "count"),
    # hedges
    ("They deployed around 12,000 soldiers.", "around 12,000 soldiers", 12000, 12000, True, True,
     True, "soldier", "count"),
    ("Some 300 residents were evacuated.", "Some 300 residents", 300, 300, True, True, True,
     "resident", "count"),
    ("Roughly 40 ships sailed.", "Roughly 40 ships", 40, 40, True, True, True, "ship", "count"),
    ("They suffered over 1,000 casualties.", "over 1,000 casualties", 1000, INF, False, True,
     False, "casualty", "count"),
    ("Facebook has more than 2.2 billion users.", "more than 2.2 billion users", 2.2e9, INF,
     False, True, False, "user", "count"),
    ("At least 20 people died.", "At least 20 people", 20, INF, True, True, False, "people",
     "count"),
    ("The plant will create up to 400 jobs.", "up to 400 jobs", INF, 400, True, True, False,
     "job", "count"),
    ("As many as 50 boats sank.", "As many as 50 boats", INF, 50, True, True, False, "boat",
     "count"),
    ("Fewer than 100 pandas live there.", "Fewer than 100 pandas", INF, 100, True, False, False,
     "panda", "count"),
    ("Nearly 1,000 homes flooded.", "Nearly 1,000 homes", INF, 1000, True, False, True, "home",
     "count"),
    ("Almost half of the voters stayed home.", "Almost half of the voters", INF, 0.5, True, False,
     True, "voter", "fraction"),
    ("They hired 1,000 or more people.", "1,000 or more people", 1000, INF, True, True, False,
     "people", "count"),
    ("It drew 40-odd guests.", "40-odd guests", 40, 40, True, True, True, "guest", "count"),
    # ranges
    ("Between 1,000 and 4,000 people fled.", "Between 1,000 and 4,000 people", 1000, 4000, True,
     True, False, "people", "count"),
    ("It hit 1,000-4,000 troops.", "1,000-4,000 troops", 1000, 4000, True, True, False, "troop",
     "count"),
    ("The fine is $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9, True, True,
     False, "dollar", "money"),
    ("Guidance was $89 to $93 billion.", "$89 to $93 billion", 8.9e10, 9.3e10, True, True, False,
     "dollar", "money"),
    ("Growth of 5% to 10% is expected.", "5% to 10%", 5, 10, True, True, False, "percent",
     "percent"),
    ("It gets about 14-18 mpg.", "about 14-18 mpg", 14, 18, True, True, True, "mile per gallon",
     "measure"),
    ("Women aged 25 to 54 found work.", "25 to 54", 25, 54, True, True, False, "year", "age"),
    ("It is larger than 10 and smaller than 20.", "larger than 10 and smaller than 20", 10, 20,
     False, False, False, None, "count"),
    # vague multiples and fractions
    ("It cost tens of thousands of dollars.", "tens of thousands of dollars", 1e4, 1e5, True,
     False, False, "dollar", "count"),
    ("A plume extends hundreds of miles.", "hundreds of miles", 100, 1000, True, False, False,
     "mile", "count"),
    ("A third of the population lives there.", "A third of the population", 1 / 3, 1 / 3, True,
     True, False, "population", "fraction"),
    ("One US fluid ounce is 1/16 of a US pint.", "1/16 of a US pint", 1 / 16, 1 / 16, True, True,
     False, "pint", "fraction"),
    ("His weight dropped from 208 pounds to 193 by May.", "from 208 pounds to 193", 193, 208,
     True, True, False, "pound", "measure"),
    ("His weight dropped 15 pounds to 193 by May.", "193", 193, 193, True, True, False,
     "pound", "measure"),
    ("Sales fell from 5 percent to 3 people.", "3 people", 3, 3, True, True, False, "people",
     "count"),
    # percentages and money
    ("Turnout was 45%.", "45%", 45, 45, True, True, False, "percent", "percent"),
    ("Turnout was 45 percent.", "45 percent", 45, 45, True, True, False, "percent", "percent"),
    ("It was up about 19 per cent.", "about 19 per cent", 19, 19, True, True, True, "percent",
     "percent"),
    ("The deal is worth $1.5 billion.", "$1.5 billion", 1.5e9, 1.5e9, True, True, False,
     "dollar", "money"),
    ("The club paid £20m.", "£20m", 2e7, 2e7, True, True, False, "pound", "money"),
    ("It raised 20 million euros.", "20 million euros", 2e7, 2e7, True, True, False, "euro",
     "money"),
    ("Crude was at US $58.24 per barrel.", "US $58.24", 58.24, 58.24, True, True, False,
     "dollar", "money"),
    ("They laundered RM3.06mil.", "RM3.06mil", 3.06e6, 3.06e6, True, True, False, "ringgit",
     "money"),
    # ages
    ("A 25-year-old man was arrested.", "25-year-old man", 25, 25, True, True, False, "year",
     "age"),
    ("The victim, aged 25, survived.", "25", 25, 25, True, True, False, "year", "age"),
    # measures
    ("The storm had winds of at least 74 mph.", "at least 74 mph", 74, INF, True, True, False,
     "mile per hour", "measure"),
    ("A 1.6 liter engine makes just under 296 hp.", "just under 296 hp", INF, 296, True, False,
     True, "horsepower", "measure"),
    ("Moths fly more than 100 kilometers (60 miles).", "60 miles", 60, INF, False, True, False,
     "mile", "measure"),
    ("The team gained -5 yards.", "-5 yards", -5, -5, True, True, False, "yard", "measure"),
    ("A mouse fits through a 1/4 inch gap.", "1/4 inch", 0.25, 0.25, True, True, False, "inch",
     "measure"),
    ("I'm 1.8m tall.", "1.8m", 1.8, 1.8, True, True, False, "metre", "measure"),
    ("He won the 100m sprint.", "100m", 100, 100, True, True, False, "metre", "measure"),
    ("The show drew 3.2m viewers.", "3.2m viewers", 3.2e6, 3.2e6, True, True, False, "viewer",
     "count"),
    ("Water boils at 100° at sea level.", "100°", 100, 100, True, True, False, "degree",
     "measure"),
    ("Keep it at 75 degrees F.", "75 degrees F", 75, 75, True, True, False, "fahrenheit",
     "measure"),
    ("The shares closed at 197 pence.", "197 pence", 197, 197, True, True, False, "penny",
     "money"),
    ("The lens is a 75 -300mm zoom.", "75 -300mm", 75, 300, True, True, False, "millimetre",
     "measure"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "mention", "low", "high", "low_incl", "high_incl", "approx", "unit", "kind"), CASES
)
def test_quantity(
    nlp: Language, text: str, mention: str, low: float | None, high: float | None,
    low_incl: bool, high_incl: bool, approx: bool, unit: str | None, kind: str,
) -> None:  # fmt: skip
    q = the(nlp, text, mention)
    assert same(q.low, low) and same(q.high, high), (q.low, q.high)
    assert (q.low_inclusive, q.high_inclusive, q.approximate) == (low_incl, high_incl, approx)
    assert (q.unit, q.kind) == (unit, kind)


# (text, a substring that must not overlap any quantity)
NOT_QUANTITIES = [
    ("Soldiers of Tactical Group No. 84 captured them.", "84"),
    ("The road is Route 9 to the coast.", "9"),
    ("Under Article 5 of the treaty, allies respond.", "5"),
    ("She flew on a Boeing 737 yesterday.", "737"),
    ("COVID-19 spread quickly.", "19"),
    ("Leaders met at the G7 summit.", "7"),
    ("Call 555-123-4567 for details.", "555-123-4567"),
    ("Call (020) 7946 0958 now.", "7946"),
    ("It was the 21st century.", "21st"),
    ("He finished third.", "third"),
    ("He was born in 2005.", "2005"),
    ("He has served since 2016 as a sniper.", "2016"),
    ("It happened on March 29.", "29"),
    ("It happened on 29 March.", "29"),
    ("The deadline was Oct. 31.", "31"),
    ("The show starts at 9:01 p.m.", "9:01"),
    ("We meet at 3 pm.", "3"),
    ("Chelsea won 2-0.", "2-0"),
    ("They took a 9-2 lead.", "9-2"),
    ("Music of the 1990s returned.", "1990s"),
    ("The 1988 horror film was remade.", "1988"),
    ("The iPhone 11 Pro launched.", "11"),
    ("The new 5G network is live.", "5G"),
    ("Since 9/11 travel changed.", "9/11"),
    ("They offer 24/7 service.", "24/7"),
    ("No one came.", "one"),
    ("One driver was killed and the other was injured.", "One"),
    ("One POW was born in 2005. The other POW was born in 1999.", "One"),
    ("One pilot was born in 1990. He flew jets. The other pilot was born in 1995.", "One"),
    ("The one I like is red.", "one"),
    ("It lasted several hundred years.", "hundred"),
    ("Sales rose in the second half of the year.", "half"),
    ("They stayed a couple of months.", "couple"),
    ("Jane Doe lives at 123 Random Street.", "123"),
    ("Ping 192.168.1.2 to test.", "192.168.1.2"),
    ("Update to version 3.2.1 today.", "3.2.1"),
    ("Markets fell on sept. 30 and dec. 12.", "30"),
    ('It was posted at datetime="2016-06-28">Trump spoke.', "28"),
    ("On 28/06/2016 it fell.", "28/06/2016"),
    ("On 6/29/2016 it fell.", "6/29/2016"),
    ("Watch for this tonight: 1) The race to be next.", "1"),
    ("The plan:\n2. Two new judges", "2."),
    ("It launched the iPhone 11 Pro and 11 Pro Max.", "11 Pro Max"),
    ("He pitched in Game 6 of the series.", "6"),
]


@pytest.mark.parametrize(("text", "part"), NOT_QUANTITIES)
def test_not_a_quantity(nlp: Language, text: str, part: str) -> None:
    start = text.index(part)
    banned = Span.of(text, start, start + len(part))
    assert not [q.span.text for q in quantities(nlp, text) if q.span.overlaps(banned)]


# Positives beside the negatives above: the same words as counts.
@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Ukraine captured 84 soldiers.", "84 soldiers", 84),
        ("The firm sold 2000 cars.", "2000 cars", 2000),
        ("The number is above 1000 and below 1500.", "above 1000 and below 1500", 1000),
        ("It took 3 hours.", "3 hours", 3),
        ("They had 737 employees.", "737 employees", 737),
        ("One driver was killed. Police are looking for witnesses.", "One driver", 1),
        ("One driver died. Police came. They closed roads. The other car fled.", "One driver", 1),
        ("Half of the voters stayed home.", "Half of the voters", 0.5),
        ("It was 123 metres long.", "123 metres", 123),
        ("It fell 5-10-15 times.", "15 times", 15),
        ("The plan:\n2. Two new judges", "Two new judges", 2),
        ("Sales: 5. The rest: 7.", "5", 5),
        ("Prices rose 5. Then they fell.", "5", 5),
        ("It hired 11 Democrats.", "11 Democrats", 11),
    ],
)
def test_numbers_that_look_like_identifiers_or_years(
    nlp: Language, text: str, mention: str, value: float
) -> None:
    assert the(nlp, text, mention).low == value


def test_reference_noun_takes_the_earlier_unit(nlp: Language) -> None:
    text = ("Officials said the army had suffered over 1,000 casualties since May, though the "
            "governor has said the figure is as high as 4,000.")  # fmt: skip
    q = the(nlp, text, "as high as 4,000")
    assert (q.low, q.high, q.unit) == (None, 4000, "casualty")


def test_reference_noun_with_its_own_of_phrase(nlp: Language) -> None:
    q = the(nlp, "The number of refugees rose to 4,000.", "4,000")
    assert q.unit == "refugee"


def test_bare_number_without_antecedent_keeps_no_unit(nlp: Language) -> None:
    q = the(nlp, "The score is as high as 4,000.", "as high as 4,000")
    assert (q.high, q.unit) == (4000, None)


def test_bracketed_conversion_keeps_the_hedge(nlp: Language) -> None:
    q = the(nlp, "It makes just under 296 hp (224 kW).", "224 kW")
    assert (q.low, q.high, q.approximate) == (None, 224, True)


def test_exclude_spans_are_dates(nlp: Language) -> None:
    text = "Two weeks ago 300 people marched."
    found, _ = find_quantities(nlp(text), exclude=[Span.of(text, 0, 13)])
    assert [q.span.text for q in found] == ["300 people"]


def test_odd_numbers_give_diagnostics_not_values(nlp: Language) -> None:
    text = f"It has 10^400 atoms, {'7' * 400} grains, ١٢٣ جنود and １２ soldiers and 5 cats."
    found, diags = find_quantities(nlp(text))
    assert [q.span.text for q in found] == ["5 cats"]
    assert {d.code for d in diags} == {
        "unsupported_notation", "number_too_long", "unsupported_digits"
    }  # fmt: skip
    for d in diags:
        assert d.start is not None and d.end is not None and d.start < d.end


@pytest.mark.parametrize(
    "text", ["A 5µm pore.", "A 352 μm pitch.", "Nummer 3é.", "Zone 7Ω", "x" * 3 + "9" * 30]
)
def test_odd_letters_after_digits_do_not_crash(nlp: Language, text: str) -> None:
    quantities(nlp, text)


def test_empty_and_numberless_text(nlp: Language) -> None:
    assert find_quantities(nlp("")) == ((), ())
    assert find_quantities(nlp("No numbers here at all.")) == ((), ())


def test_rejects_a_string() -> None:
    with pytest.raises(TypeError, match="spacy.tokens.Doc"):
        find_quantities("12 soldiers")  # type: ignore[arg-type]


def test_quantities_are_ordered_and_frozen(nlp: Language) -> None:
    found = quantities(nlp, "About 5 cats, 3 dogs and 12% of birds.")
    assert [q.span.start for q in found] == sorted(q.span.start for q in found)
    with pytest.raises(AttributeError):
        found[0].low = 1  # type: ignore[misc]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared seed gold not available")
def test_seed_article(nlp: Language) -> None:
    """Every seed gold quantity right (low, high, unit); nothing on a not_quantities span."""
    for gold_path in sorted(SEED_GOLD.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SEED_TEXT / f"{gold['id']}.txt").read_text(encoding="utf-8")
        found = quantities(nlp, text)
        for g in gold["quantities"]:
            m = g["mention"]
            span = Span.of(text, m["start"], m["end"])
            hits = [q for q in found if q.span.overlaps(span)]
            assert len(hits) == 1, (m["text"], [q.span.text for q in hits])
            q = hits[0]
            assert (q.low, q.high, q.unit) == (g["low"], g["high"], g["unit"]), m["text"]
            assert q.approximate == g["approximate"], m["text"]
        for n in gold.get("not_quantities", []):
            span = Span.of(text, n["mention"]["start"], n["mention"]["end"])
            assert not [q for q in found if q.span.overlaps(span)], n["mention"]["text"]


# Amounts in two denominations are one amount; (text, the amounts as (span, value, unit))
CENTS = [
    ("It only cost thirteen dollars and forty-five cents.",
     [("thirteen dollars and forty-five cents", 13.45, "dollar")]),
    ("It cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "dollar")]),
    ("Half a million people paid 2 pounds and 5 pence.",
     [("Half a million people", 5e5, "people"), ("2 pounds and 5 pence", 2.05, "pound")]),
    # negatives: another clause, more than a unit's worth of cents, a change then a level
    ("It cost $2, and 50 cents went to tax.", [("$2", 2, "dollar"), ("50 cents", 50, "cent")]),
    ("It cost $2 and 150 cents.", [("$2", 2, "dollar"), ("150 cents", 150, "cent")]),
    ("Milk rose 5 cents to $2.", [("5 cents", 5, "cent"), ("$2", 2, "dollar")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CENTS)
def test_dollars_and_cents_are_one_amount(
    nlp: Language, text: str, expected: list[tuple[str, float, str]]
) -> None:
    got = [(q.span.text, q.low, q.unit) for q in quantities(nlp, text)]
    assert [(s, u) for s, _, u in got] == [(s, u) for s, _, u in expected]
    assert [v for _, v, _ in got] == [pytest.approx(v) for _, v, _ in expected]


def test_negative_word_range(nlp: Language) -> None:
    q = the(
        nlp, "The score is between negative ten and fifteen.", "between negative ten and fifteen"
    )
    assert (q.low, q.high) == (-10, 15)


# Falling "from X to Y" is one range, stored low to high; without "from" it is a change and
# a level. (text, the quantities as (span, low, high, unit))
FALLING = [
    ("Growth slowed from 4.8 to 4.7 percent.",
     [("from 4.8 to 4.7 percent", 4.7, 4.8, "percent")]),
    ("Unemployment fell from 5.2% to 4.9%.", [("from 5.2% to 4.9%", 4.9, 5.2, "percent")]),
    ("Output dropped from 1.2 to 0.9 million barrels.",
     [("from 1.2 to 0.9 million barrels", 9e5, 1.2e6, "barrel")]),
    ("His weight went from 208 pounds to 193.",
     [("from 208 pounds to 193", 193, 208, "pound")]),
    ("Rates rose from 2 to 3 percent.", [("from 2 to 3 percent", 2, 3, "percent")]),
    ("Mileage rose from 20 miles per gallon in 2008 to 29 mpg in 2020.",
     [("from 20 miles per gallon in 2008 to 29 mpg", 20, 29, "mile per gallon")]),
    ("Sales fell from $5 million in March to $3 million.",
     [("from $5 million in March to $3 million", 3e6, 5e6, "dollar")]),
    ("It was a 5-to-7 split.", [("5-to-7 split", 5, 7, "split")]),
    # negatives: no "from", the numbers are not adjacent, or more than a time between them
    ("The index rose 0.1% to 1,333.18.",
     [("0.1%", 0.1, 0.1, "percent"), ("1,333.18", 1333.18, 1333.18, None)]),
    ("Prices fell to 4.7 from 4.8.", [("4.7", 4.7, 4.7, None), ("4.8", 4.8, 4.8, None)]),
    ("Staff went from 10, in 2019, to 8.", [("10", 10, 10, None), ("8", 8, 8, None)]),
    ("Staff went from 10 in the firm's main office to 8.",
     [("10", 10, 10, None), ("8", 8, 8, None)]),
    ("The squad went from 12 players to 9 coaches.",
     [("12 players", 12, 12, "player"), ("9 coaches", 9, 9, "coach")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FALLING)
def test_falling_from_to_is_one_range(
    nlp: Language, text: str, expected: list[tuple[str, float, float, str | None]]
) -> None:
    got = [(q.span.text, q.low, q.high, q.unit) for q in quantities(nlp, text)]
    assert len(got) == len(expected), got
    for (span, low, high, unit), (e_span, e_low, e_high, e_unit) in zip(got, expected, strict=True):
        assert (span, unit) == (e_span, e_unit)
        assert same(low, e_low) and same(high, e_high), (span, low, high)


# Bare numbers listed after a counted one: (text, the list members with the unit they take)
LISTS = [
    ("Trump has 1,237 delegates, Cruz 559 and Kasich 143.",
     [("559", "delegate"), ("143", "delegate")]),
    ("They sold 300 cars, Ford 120, so far.", [("120", "car")]),
    ("The home side had 14 shots; Leeds United 6.", [("6", "shot")]),
    # negatives: the number goes on into a clause, is a year, or follows no counted number
    ("He has 5 children, Route 9 is closed.", []),
    ("It has 40 stores; Boeing 737 jets fly there.", []),
    ("It has 40 stores, Paris 2024 and more.", []),
    ("The road, Route 9, is closed.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "members"), LISTS)
def test_bare_list_members_take_the_counted_noun(
    nlp: Language, text: str, members: list[tuple[str, str]]
) -> None:
    found = quantities(nlp, text)
    bare = [(q.span.text, q.unit) for q in found if not any(c.isalpha() for c in q.span.text)]
    assert bare == members


# Currency codes after the amount, more currency signs, ASCII-folded "£"/"¥" ("PS", "Y=").
# (text, mention, value, unit, currency); a mention of None means no quantity at all.
MONEY = [
    ("They lost 500 USD in May.", "500 USD", 500, "dollar", "USD"),
    ("It costs 50 million USD.", "50 million USD", 5e7, "dollar", "USD"),
    ("Each block pays 6.25 BTC.", "6.25 BTC", 6.25, "bitcoin", "XBT"),
    ("The fee is ₦5,000 now.", "₦5,000", 5000, "naira", "NGN"),
    ("It sold for 300 ₪ today.", "300 ₪", 300, "shekel", "ILS"),
    ("The rent is ฿12,000 a month.", "฿12,000", 12000, "baht", "THB"),
    ("The package was worth PS2.7m last year.", "PS2.7m", 2.7e6, "pound", "GBP"),
    ("Shares fell to PS450 on Monday.", "PS450", 450, "pound", "GBP"),
    ("Nintendo fell to Y=28,030.", "Y=28,030", 28030, "yen", "JPY"),
    ("The fund paid AED 500 in fees.", "AED 500", 500, "dirham", "AED"),
    ("It fetched 300 SEK online.", "300 SEK", 300, "krona", "SEK"),
    ("JD Sports closed at 125.8p.", "125.8p", 125.8, "penny", "GBP"),
    ("It is a 50p coin.", "50p", 50, "penny", "GBP"),
    # negatives: a console name, a lower-case word that is no code, a video format, names
    ("He bought a PS4 and a PS5.", None, None, None, None),
    ("Watch it in 1080p now.", None, None, None, None),
    ("They use PHP 7 here.", None, None, None, None),
    ("Hong Kong SAR 2 firms", None, None, None, None),  # a name before a number: "Route 9"
    ("He sold 10 cad files.", "10 cad files", 10, "file", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "value", "unit", "currency"), MONEY)
def test_money_signs_and_codes(
    nlp: Language, text: str, mention: str | None, value: float | None, unit: str | None,
    currency: str | None,
) -> None:  # fmt: skip
    if mention is None:
        assert quantities(nlp, text) == ()
        return
    q = the(nlp, text, mention)
    assert (q.low, q.unit, q.currency) == (pytest.approx(value), unit, currency)


# The counted noun past coordinated modifiers and long "of" phrases. (text, mention, unit)
COUNTED = [
    ("He founded two lobbying and consulting firms.", "two lobbying and consulting firms",
     "firm"),
    ("She runs three small and busy shops.", "three small and busy shops", "shop"),
    ("He is one of the true first-rate professionals in politics.",
     "one of the true first-rate professionals", "professional"),
    # negatives: "and" joins two numbers, not two modifiers; a pronoun counts nothing
    ("They hired two and then three more workers.", "two", None),
    ("He is one of them.", "one", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "unit"), COUNTED)
def test_counted_noun(nlp: Language, text: str, mention: str, unit: str | None) -> None:
    assert the(nlp, text, mention).unit == unit


# Science and trade units, common misspellings. (text, mention, unit); None: a count or nothing
UNITS = [
    ("Output reached 16,000 metric tons.", "16,000 metric tons", "metric ton"),
    ("It was 34.5 celcius outside.", "34.5 celcius", "celsius"),
    ("It was 100.2 degrees farenheit.", "100.2 degrees farenheit", "fahrenheit"),
    ("The tyre holds 240 kPa.", "240 kPa", "kilopascal"),
    ("A dose of 20 millisieverts was measured.", "20 millisieverts", "millisievert"),
    ("The ship made 18 knots.", "18 knots", "knot"),
    ("The star is 4.2 light years away.", "4.2 light years", "light year"),
    ("They pumped 3 million cubic feet.", "3 million cubic feet", "cubic foot"),
    ("A 15 megaton blast.", "15 megaton", "megatonne"),
    ("Speeds hit 100 Mbps.", "100 Mbps", "megabit per second"),
    ("A 250 kcal snack.", "250 kcal", "kilocalorie"),
    ("Prices rose 5pc last year.", "5pc", "percent"),
    ("Temperatures hit 30C on Monday.", "30C", "celsius"),
    ("It was 86F in Phoenix.", "86F", "fahrenheit"),
    ("It sold 10 000 copies.", "10 000 copies", "copy"),
    # negatives: short forms that are words or other things when spaced
    ("He paid 5 pa for it.", "5 pa", "pa"),
    ("She lives in Apartment 5C.", None, None),
    ("He was in seat 23F.", None, None),
    ("He got a 5c coin.", None, None),
    ("Two leagues merged.", "Two leagues", "league"),
    ("He raised two hands.", "two hands", "hand"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "unit"), UNITS)
def test_units(nlp: Language, text: str, mention: str | None, unit: str | None) -> None:
    if mention is None:
        assert quantities(nlp, text) == ()
        return
    q = the(nlp, text, mention)
    assert q.unit == unit
    assert (q.kind == "measure") == (unit not in (None, "pa", "league", "hand", "copy", "percent"))


# Malformed input never crashes: random strings over digits, separators, signs, unit letters
# and other scripts (a fixed seed, so a failure is reproducible; hypothesis is not installed).
_PIECES = [
    *"0123456789",
    ",",
    ".",
    " ",
    "-",
    "/",
    ":",
    "%",
    "%%",
    "$",
    "£",
    "€",
    "¥",
    "₿",
    "PS",
    "Y=",
    "½",
    "⅔",
    "^",
    "×",
    "e",
    "E",
    "+",
    "~",
    "(",
    ")",
    "[",
    "]",
    "\u00a0",
    "\u202f",
    "\n",
    "m",
    "bn",
    "k",
    "mph",
    "km",
    "°",
    "C",
    "F",
    " percent",
    " per cent",
    " million",
    " lakh",
    " and",
    " to ",
    " from ",
    " between ",
    " about ",
    " over ",
    " dollars",
    " cents",
    " pence",
    " a half",
    " half a",
    " one",
    " two",
    " thousand",
    "No.",
    "G",
    "١٢",
    "１２",
    "٣",
    "ⅷ",
    "日本",
    "Ω",
    "é",
    "\u200b",
    "\ufeff",
    "1,2,3,4,5",
    "9" * 40,
    "1e308",
    "1e999",
    "0" * 30,
]


def _random_texts(seed: int, count: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_random_strings_never_crash(nlp: Language) -> None:
    fixed = ["$", "%%", "1,2,3,4,5", "9" * 400, "$" * 50, "% % %", "½½½", "-" * 20 + "5"]
    for text in fixed + _random_texts(20261127, 300):
        found, diagnostics = find_quantities(nlp(text))
        for q in found:
            assert q.span.within(text) and text[q.span.start : q.span.end] == q.span.text
            assert q.low is None or q.high is None or q.low <= q.high, (text, q)
            for bound in (q.low, q.high):
                assert bound is None or math.isfinite(bound), (text, q)
        for d in diagnostics:
            assert d.start is None or 0 <= d.start <= len(text)


# Suspended compounds take the noun of the one that ends the list. (text, [(span, unit)])
SUSPENDED = [
    ("It sells four-, five- and six-cylinder engines.",
     [("four", "cylinder"), ("five", "cylinder"), ("six-cylinder", "cylinder")]),
    ("They rent two- and three-bedroom flats.", [("two", "bedroom"), ("three-bedroom", "bedroom")]),
    ("It has 4- or 6-speed gearboxes.", [("4", "speed"), ("6-speed", "speed")]),
    ("He got a 10- to 15-year sentence.", [("10- to 15-year", "year")]),
    ("It takes two or three days.", [("two", "day"), ("three days", "day")]),
    ("They sent 10 or 12 ships.", [("10", "ship"), ("12 ships", "ship")]),
    # negatives: a hyphen that ends no compound, a plain list, alternatives falling
    ("They won 3-, and then 4 more.", [("3", None), ("4", None)]),
    ("They sent 12 or 10 ships.", [("12", None), ("10 ships", "ship")]),
    ("They have four, five and six cylinders.", [("four", None), ("five", None),
                                                  ("six cylinders", "cylinder")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SUSPENDED)
def test_suspended_compounds(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.span.text, q.unit) for q in quantities(nlp, text)] == expected


# Market reports: a level beside a move in points is in points. (text, [(span, unit)])
INDEX_LEVELS = [
    ("The TSX closed (16369.03 up 58.06 points).",
     [("16369.03", "point"), ("58.06 points", "point")]),
    ("The Dow fell 120 points to 25,100.", [("120 points", "point"), ("25,100", "point")]),
    ("The FTSE fell 30.5 points, or 0.4%, to 7,234.1.",
     [("30.5 points", "point"), ("0.4%", "percent"), ("7,234.1", "point")]),
    # negatives: no move in points beside the number, or the level has its own noun
    ("The index closed at 7,120.5 on Monday.", [("7,120.5", None)]),
    ("He scored 30 points to 12 rebounds.", [("30 points", "point"), ("12 rebounds", "rebound")]),
    ("Shares fell 2% to 410.", [("2%", "percent"), ("410", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), INDEX_LEVELS)
def test_index_levels_are_in_points(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(q.span.text, q.unit) for q in quantities(nlp, text)] == expected


# Hedging verbs, "equal to or", and ranges whose ends look like a year or a code.
# (text, mention, low, high, low_inclusive, high_inclusive)
MORE_BOUNDS = [
    ("Sales topped $5 billion.", "topped $5 billion", 5e9, INF, False, True),
    ("Deaths could exceed 3,000.", "exceed 3,000", 3000, INF, False, True),
    ("It surpassed 40 stores.", "surpassed 40 stores", 40, INF, False, True),
    ("The score is equal to or less than 30.", "equal to or less than 30", INF, 30, True, True),
    ("The range is 1000-5000 units.", "1000-5000 units", 1000, 5000, True, True),
    ("It will spend upward of $10 million.", "upward of $10 million", 1e7, INF, False, True),
    ("Prices stayed south of $50.", "south of $50", INF, 50, True, False),
    ("It took the best part of 10 years.", "the best part of 10 years", INF, 10, True, False),
    ("It costs in the neighbourhood of $5 million.", "in the neighbourhood of $5 million",
     5e6, 5e6, True, True),
    ("Give or take 300 people came.", "Give or take 300 people", 300, 300, True, True),
    ("Salaries run 5k-20k a year.", "5k-20k", 5000, 20000, True, True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "low", "high", "low_incl", "high_incl"), MORE_BOUNDS)
def test_more_bounds(
    nlp: Language, text: str, mention: str, low: float | None, high: float | None,
    low_incl: bool, high_incl: bool,
) -> None:  # fmt: skip
    q = the(nlp, text, mention)
    assert same(q.low, low) and same(q.high, high), (q.low, q.high)
    assert (q.low_inclusive, q.high_inclusive) == (low_incl, high_incl)


# negatives: years stay years, "top" alone is no hedge
@pytest.mark.parametrize(
    "text", ["He served 2009-2012.", "The 1990-91 season.", "The team topped the league."]
)
def test_years_and_verbs_without_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == ()


def test_top_ten_is_no_hedge(nlp: Language) -> None:
    q = the(nlp, "The top 10 firms grew.", "10 firms")
    assert (q.low, q.high) == (10, 10)


# "over" before "one of" is a preposition: (text, mention, low, high)
@pytest.mark.parametrize(
    ("text", "mention", "low", "high"),
    [
        ("He labored over one of the last addresses.", "one of the last addresses", 1, 1),
        ("It costs over one million dollars.", "over one million dollars", 1e6, INF),
        ("They fought over 3 of the seats.", "over 3 of the seats", 3, INF),
    ],
)
def test_over_one_of(
    nlp: Language, text: str, mention: str, low: float | None, high: float | None
) -> None:
    q = the(nlp, text, mention)
    assert same(q.low, low) and same(q.high, high)


# The other side of a comparison counts the same thing; a time phrase counts nothing.
# (text, [(span, unit)])
COMPARED = [
    ("Clinton has 520 superdelegates compared with 39 who back Sanders.",
     [("520 superdelegates", "superdelegate"), ("39", "superdelegate")]),
    ("They won 12 seats versus 9 last time.", [("12 seats", "seat"), ("9", "seat")]),
    ("It had 40 stores, up from 31.", [("40 stores", "store"), ("31", "store")]),
    ("It has 5 last-minute changes.", [("5 last-minute changes", "change")]),
    # negatives: another sentence, another kind, a time phrase after the number
    ("He has 5 cars. Compared with 3 in 2010, that is more.", [("5 cars", "car"), ("3", None)]),
    ("It won 12 seats against 9 percent of the vote.",
     [("12 seats", "seat"), ("9 percent", "percent")]),
    ("It sold 3 this year.", [("3", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COMPARED)
def test_compared_counts_share_the_noun(
    nlp: Language, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(q.span.text, q.unit) for q in quantities(nlp, text)] == expected


# Bare numbers listed before a percentage are percentages; tallies are no ranges.
# (text, [(span, unit)])
PERCENT_LISTS = [
    ("Homeowners paid a 20 or 30 percent premium.",
     [("20", "percent"), ("30 percent", "percent")]),
    ("If you can clear 7, 8, 10 percent, you're lucky.",
     [("7", "percent"), ("8", "percent"), ("10 percent", "percent")]),
    ("Growth was 2 or 3 percentage points.",
     [("2", "percentage point"), ("3 percentage points", "percentage point")]),
    # negatives: one comma is no list; a tally "5-to-4" is a score
    ("Of those aged 18, 25 percent said no.", [("18", "year"), ("25 percent", "percent")]),
    ("It gave a reliable 5-to-4 majority.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PERCENT_LISTS)
def test_percent_lists(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.span.text, q.unit) for q in quantities(nlp, text)] == expected


# Heights, error terms, powers, picture formats and races.
# (text, [(span, low, high, approximate, unit)])
CONSTRUCTIONS = [
    ("He is 6-foot-2 and weighs 210 pounds.",
     [("6-foot-2", 6 + 2 / 12, 6 + 2 / 12, False, "foot"),
      ("210 pounds", 210, 210, False, "pound")]),
    ('She is 5\'11" tall.', [('5\'11"', 5 + 11 / 12, 5 + 11 / 12, False, "foot")]),
    ("He stands 6 feet 2 inches tall.",
     [("6 feet 2 inches", 6 + 2 / 12, 6 + 2 / 12, False, "foot")]),
    ("The error was 5 ± 2 percent.", [("5 ± 2 percent", 5, 5, True, "percent")]),
    ("It fell at 9.83 +/- 0.01 metres per second.",
     [("9.83 +/- 0.01 metres", 9.83, 9.83, True, "metre")]),
    ("The sample held 10^6 cells.", [("10^6 cells", 1e6, 1e6, False, "cell")]),
    ("A factor of 2.48×10−5 was found.", [("2.48×10−5", 2.48e-5, 2.48e-5, False, None)]),
    ("The 5K run raised $2,000.",
     [("5K", 5, 5, False, "kilometre"), ("$2,000", 2000, 2000, False, "dollar")]),
    ("The firm posted a $1.2-billion loss.", [("$1.2-billion", 1.2e9, 1.2e9, False, "dollar")]),
    ("People aged 65 and over and children 5 and up.",
     [("65 and over", 65, INF, False, "year"), ("5 and up", 5, INF, False, None)]),
    ("Adults 18 or older can vote.", [("18 or older", 18, INF, False, None)]),
    ("The margin of error is plus or minus three percentage points.",
     [("three percentage points", 3, 3, False, "percentage point")]),
    ("Unite Group, down 68 p at 1112 p.",
     [("68 p", 68, 68, False, "penny"), ("1112 p", 1112, 1112, False, "penny")]),
    ("He paid $US2.5 million.", [("$US2.5 million", 2.5e6, 2.5e6, False, "dollar")]),
    ("Its GDP is $2.174T.", [("$2.174T", 2.174e12, 2.174e12, False, "dollar")]),
    ("The truck took 5T of sand.", []),  # no currency: T is no trillion
    ("The deficit hit $1234567890.", [("$1234567890", 1234567890, 1234567890, False, "dollar")]),
    ("The case, No. 14-915, was heard.", []),  # a docket number
    ("Follow @user_1 now.", []),
    ("It was posted at timestamp 1470067200.", []),  # ten bare digits: an identifier
    ("It films at 60fps with a 12MP sensor.",
     [("60fps", 60, 60, False, "frame per second"), ("12MP", 12, 12, False, "megapixel")]),
    ("The park covers 300 km².", [("300 km²", 300, 300, False, "square kilometre")]),
    ("She won by a three-percentage-point margin.",
     [("three-percentage-point", 3, 3, False, "percentage point")]),
    ("Only 12 MPs voted.", [("12 MPs", 12, 12, False, "mp")]),
    # negatives: a picture format, a lone feet mark, thousands with a K, scores and identifiers,
    # the second day of a range of days, an address, a year written '08
    ("The poll ran Dec. 6-9 with 900 adults.", [("900 adults", 900, 900, False, "adult")]),
    ("They met on March 3 and 4 people came.", [("4 people", 4, 4, False, "people")]),
    ("An exhibit at 900 Grand Concourse opened.", []),
    ("He said in ‘08 and in '16 that it was over.", []),
    ("Route 9 closed. Boeing 737 jets flew.", []),
    ("They met at 5 p.m. and at 6 p. m. on Friday.", []),
    ("The 4K TV costs $500.", [("$500", 500, 500, False, "dollar")]),
    ("The film was shot in 8K.", []),
    ("He sold 4K homes.", [("4K homes", 4000, 4000, False, "home")]),
    ("A 6-foot fence stood there.", [("6-foot", 6, 6, False, "foot")]),
    ("The '90s were kind to Route 9.", []),
    ("They won 10-5 in 1999.", []),
    ("He wore No. 84 on March 3.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_constructions(
    nlp: Language, text: str, expected: list[tuple[str, float, float, bool, str | None]]
) -> None:
    got = quantities(nlp, text)
    assert [q.span.text for q in got] == [e[0] for e in expected]
    for q, (_, low, high, approx, unit) in zip(got, expected, strict=True):
        assert same(q.low, low) and same(q.high, high)
        assert (q.approximate, q.unit) == (approx, unit)
