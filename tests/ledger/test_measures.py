"""Grouping estimates of one measure across documents."""

from __future__ import annotations

import pytest

from claimledger.ledger.measures import (
    Measure,
    document_estimates,
    group_measures,
    is_difference,
    subject_key,
    unit_key,
)
from claimledger.model import (
    Attribution,
    Document,
    Extraction,
    Meta,
    Quantity,
    Span,
    TimeExpression,
)

TEXT_A = (
    "Officials said Monday that Ruritanian troops had suffered over 500 casualties since "
    "March, though the governor has said the figure is as high as 2,000."
)
TEXT_B = (
    "A monitor put casualties of Ruritanian troops at about 100 since March. "
    "It counted 40 tanks."
)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _measures_of(docs: list[Extraction]) -> list[Measure]:
    """The measures the estimates of ``docs`` group into."""
    return group_measures(e for d in docs for e in document_estimates(d))


def doc_a() -> Extraction:
    t = TEXT_A
    a1 = Attribution(
        "a1",
        _span(t, "Ruritanian troops had suffered over 500 casualties since March"),
        "indirect",
        source=_span(t, "Officials"),
        source_entity=None,
    )
    a2 = Attribution(
        "a2",
        _span(t, "the figure is as high as 2,000"),
        "indirect",
        source=_span(t, "the governor"),
        source_entity="Governor Ann Roe",
    )
    return Extraction(
        Document("a", t, Meta(outlet="Daily A", published="2025-04-02")),
        attributions=(a1, a2),
        quantities=(
            Quantity(
                _span(t, "over 500 casualties"),
                500,
                None,
                low_inclusive=False,
                unit="casualty",
                subject="Ruritanian casualties",
                attribution="a1",
            ),
            # The quantities stage may leave the unit of "the figure" open: anaphora fills it.
            Quantity(
                _span(t, "as high as 2,000"), None, 2000, unit=None, subject=None, attribution="a2"
            ),
        ),
        times=(TimeExpression(_span(t, "since March"), "DATE", "2025-03", attribution="a1"),),
    )


def doc_b() -> Extraction:
    t = TEXT_B
    return Extraction(
        Document("b", t, Meta(outlet="Weekly B", published="2025-04-05")),
        quantities=(
            Quantity(
                _span(t, "about 100"),
                100,
                100,
                approximate=True,
                unit="casualties",
                subject="Ruritanian casualties",
            ),
            Quantity(_span(t, "40 tanks"), 40, 40, unit="tank", subject="tanks"),
        ),
        times=(TimeExpression(_span(t, "since March"), "DATE", "2025-03"),),
    )


def test_figure_joins_the_measure_it_refers_to() -> None:
    estimates = document_estimates(doc_a())
    assert [(e.unit, e.subject, e.period) for e in estimates] == [
        ("casualty", "Ruritanian casualties", "since 2025-03"),
        ("casualty", "Ruritanian casualties", "since 2025-03"),
    ]
    assert estimates[1].source == "Governor Ann Roe"
    (measure,) = group_measures(estimates)
    assert measure.relations.overall == "compatible", "over 500 and as high as 2,000"


def test_measures_across_documents_and_their_conflicts() -> None:
    estimates = document_estimates(doc_a()) + document_estimates(doc_b())
    measures = {m.unit: m for m in group_measures(estimates)}
    assert set(measures) == {"casualty", "tank"}
    casualties = measures["casualty"]
    assert [e.document_id for e in casualties.estimates] == ["a", "a", "b"]
    # about 100 (90..110) lies below "over 500": conflicting.
    assert casualties.relations.overall == "conflicting"
    assert casualties.label == "Ruritanian casualties (since 2025-03)"


def test_different_periods_split_a_measure() -> None:
    b = doc_b()
    later = TimeExpression(b.times[0].span, "DATE", "2025-01")
    b = Extraction(b.document, quantities=b.quantities, times=(later,))
    measures = group_measures(document_estimates(doc_a()) + document_estimates(b))
    periods = sorted(m.period or "" for m in measures if m.unit == "casualty")
    assert periods == ["since 2025-01", "since 2025-03"]


def test_subject_containment_joins_but_empty_subject_stays_home() -> None:
    t = "Over 300 casualties were reported."
    c = Extraction(
        Document("c", t),
        quantities=(
            Quantity(
                _span(t, "Over 300 casualties"),
                300,
                None,
                False,
                unit="casualty",
                subject="casualties",
            ),
        ),
    )
    t2 = "Officials said troops suffered 350 Ruritanian casualties in the north since March."
    d = Extraction(
        Document("d", t2),
        quantities=(
            Quantity(
                _span(t2, "350 Ruritanian casualties"),
                350,
                350,
                unit="casualty",
                subject="Ruritanian casualties in the north",
            ),
        ),
    )
    measures = group_measures(
        document_estimates(doc_a()) + document_estimates(c) + document_estimates(d)
    )
    by_doc = {e.document_id: m.id for m in measures for e in m.estimates}
    assert by_doc["a"] == by_doc["d"], "{rurit} is contained in {rurit, north}"
    assert by_doc["c"] != by_doc["a"], "bare 'casualties' from another document"


def test_keys() -> None:
    assert unit_key("Casualties") == "casualty"
    assert unit_key("soldiers") == "soldier"
    assert unit_key("mass") == "mass"
    assert unit_key(None) is None
    assert subject_key("North Korean casualties", "casualty") == frozenset({"north", "korea"})
    assert subject_key("North Korea's troops", "troop") == frozenset({"north", "korea"})
    assert subject_key(None, "x") == frozenset()
    assert subject_key("years", "year") == frozenset(), "the plural is the unit"
    assert unit_key("women") == "woman"


def test_reference_values_are_no_period() -> None:
    text = "Now 40 tanks are left, in 2025 there were 50 tanks."
    ex = Extraction(
        Document("t", text),
        quantities=(Quantity(_span(text, "40 tanks"), 40, 40, unit="tank", subject="tanks"),),
        times=(TimeExpression(_span(text, "Now"), "DATE", "PRESENT_REF"),),
    )
    assert document_estimates(ex)[0].period is None
    ex = Extraction(
        ex.document,
        quantities=ex.quantities,
        times=(TimeExpression(_span(text, "in 2025"), "DATE", "2025"),),
    )
    assert document_estimates(ex)[0].period == "2025"


def _one_doc(
    text: str, *quantities: tuple[str, float | None, float | None, str, str]
) -> Extraction:
    qs = tuple(
        Quantity(_span(text, part), low, high, unit=unit_, subject=subject)
        for part, low, high, unit_, subject in quantities
    )
    return Extraction(Document("x", text), quantities=qs)


def test_generic_noun_before_a_quantity_makes_it_anaphoric() -> None:
    # The quantities stage already gave "as high as 2,000" the unit: the generic noun before
    # it still ties it to the earlier figure, so one measure holds both.
    text = "Over 500 casualties were counted. Others said the figure is as high as 2,000."
    ex = _one_doc(
        text,
        ("Over 500 casualties", 500, None, "casualty", "casualties"),
        ("as high as 2,000", None, 2000, "casualty", "casualties"),
    )
    est = document_estimates(ex)
    assert est[1].antecedent == est[0].key
    (measure,) = group_measures(est)
    assert measure.relations.overall == "compatible"


def test_bare_subjects_do_not_merge_without_anaphora() -> None:
    text = "Around 12,000 soldiers were deployed. Two North Korean soldiers were captured."
    ex = _one_doc(
        text,
        ("Around 12,000 soldiers", 12000, 12000, "soldier", "soldiers"),
        ("Two North Korean soldiers", 2, 2, "soldier", "North Korean soldiers"),
    )
    est = document_estimates(ex)
    assert est[1].antecedent is None, "no generic noun and a concrete unit"
    assert len(group_measures(est)) == 2


def _held(doc_id: str, text: str, part: str, holder: str | None, low: float) -> Extraction:
    """One document with one count of Ruritanian delegates, held by ``holder``."""
    q = Quantity(
        _span(text, part), low, low, unit="delegate", subject="Ruritanian delegates",
        holder=_span(text, holder) if holder else None, holder_entity=holder,
    )
    return Extraction(
        Document(doc_id, text, Meta(outlet=f"Outlet {doc_id}", published="2025-04-02")),
        quantities=(q,),
    )


def test_counts_of_two_holders_are_two_measures() -> None:
    """739 delegates of one candidate and 465 of another do not conflict: two measures."""
    docs = [
        _held("x", "Ann Roe won 739 Ruritanian delegates.", "739 Ruritanian delegates",
              "Ann Roe", 739),
        _held("y", "Ann Roe now has 745 Ruritanian delegates.", "745 Ruritanian delegates",
              "Ann Roe", 745),
        _held("z", "Bo Lind won 465 Ruritanian delegates.", "465 Ruritanian delegates",
              "Bo Lind", 465),
        _held("w", "There are 1,200 Ruritanian delegates.", "1,200 Ruritanian delegates",
              None, 1200),
    ]
    measures = _measures_of(docs)
    by_holder = {m.holder: sorted(e.document_id for e in m.estimates) for m in measures}
    assert by_holder == {"Ann Roe": ["x", "y"], "Bo Lind": ["z"], None: ["w"]}
    roe = next(m for m in measures if m.holder == "Ann Roe")
    assert roe.label == "Ann Roe: Ruritanian delegates"


def test_one_holder_keeps_the_estimates_that_name_none() -> None:
    """A holder is split off only when two holders disagree; one holder joins the rest."""
    docs = [
        _held("x", "Ann Roe won 739 Ruritanian delegates.", "739 Ruritanian delegates",
              "Ann Roe", 739),
        _held("w", "Ruritanian delegates won by Ann Roe: 745.", "745", None, 745),
    ]
    measures = _measures_of(docs)
    assert len(measures) == 1 and measures[0].holder == "Ann Roe"
    assert len(measures[0].estimates) == 2


def test_anaphora_takes_the_antecedents_holder() -> None:
    text = "Ann Roe won 739 Ruritanian delegates. The figure may reach 800."
    first = Quantity(
        _span(text, "739 Ruritanian delegates"), 739, 739, unit="delegate",
        subject="Ruritanian delegates", holder=_span(text, "Ann Roe"), holder_entity="Ann Roe",
    )
    second = Quantity(_span(text, "800"), 800, 800)
    ex = Extraction(Document("x", text, Meta(published="2025-04-02")), quantities=(first, second))
    estimates = document_estimates(ex)
    assert [e.holder for e in estimates] == ["Ann Roe", "Ann Roe"]


def _subject(doc_id: str, subject: str, low: float) -> Extraction:
    text = f"Officials counted {low:.0f} {subject} at the convention."
    part = f"{low:.0f} {subject}"
    q = Quantity(_span(text, part), low, low, unit="voter", subject=subject)
    return Extraction(Document(doc_id, text, Meta(published="2025-04-02")), quantities=(q,))


def test_a_general_subject_does_not_chain_two_specific_ones() -> None:
    docs = [
        _subject("g", "primary voters", 10),
        _subject("r", "Ruritanian primary voters", 20),
        _subject("s", "Sylvanian primary voters", 30),
        _subject("r2", "Ruritanian primary voters in May", 25),
    ]
    measures = _measures_of(docs)
    groups = sorted(sorted(e.document_id for e in m.estimates) for m in measures)
    # "primary voters" is in both specific subjects: ambiguous, it stays alone; the
    # Ruritanian chain (r < r2) is one measure, the Sylvanian another.
    assert groups == [["g"], ["r", "r2"], ["s"]]


def test_a_general_subject_joins_one_chain_of_specific_ones() -> None:
    docs = [
        _subject("g", "primary voters", 10),
        _subject("r", "Ruritanian primary voters", 20),
        _subject("r2", "Ruritanian primary voters in May", 25),
    ]
    measures = _measures_of(docs)
    assert [sorted(e.document_id for e in m.estimates) for m in measures] == [["g", "r", "r2"]]


def test_a_bare_number_refers_to_nothing() -> None:
    """ "866 delegates, Roe 211": the same thing counted for someone else, not one measure."""
    text = "Lee has 866 Ruritanian delegates, Roe 211. The figure may reach 900."
    first = Quantity(
        _span(text, "866 Ruritanian delegates"), 866, 866, unit="delegate",
        subject="Ruritanian delegates",
    )
    bare = Quantity(_span(text, "211"), 211, 211)
    figure = Quantity(_span(text, "900"), 900, 900)
    ex = Extraction(Document("x", text, Meta()), quantities=(first, bare, figure))
    assert [e.unit for e in document_estimates(ex)] == ["delegate", None, "delegate"]


def test_small_exact_counts_are_descriptions_kept_within_their_document() -> None:
    docs = [
        _subject("a", "Ruritanian outsider candidates", 2),
        _subject("b", "Ruritanian outsider candidates", 3),
        _subject("c", "Ruritanian outsider candidates", 40),
        _subject("d", "Ruritanian outsider candidates", 45),
    ]
    measures = _measures_of(docs)
    groups = sorted(sorted(e.document_id for e in m.estimates) for m in measures)
    assert groups == [["a"], ["b"], ["c", "d"]]


def test_estimates_of_two_documents_need_sentences_that_say_the_same_of_them() -> None:
    """The same counted thing said of different things is two measures."""
    texts = {
        "x": "Ann Roe is close to the 270 Ruritanian electoral votes required for victory.",
        "y": "The northern states account for 152 Ruritanian electoral votes in all.",
        "z": "Bo Lind is close to the 270 Ruritanian electoral votes required to win.",
    }
    docs = []
    for key, text in texts.items():
        number = "270" if "270" in text else "152"
        part = f"{number} Ruritanian electoral votes"
        q = Quantity(
            _span(text, part), float(number), float(number), unit="vote",
            subject="Ruritanian electoral votes",
        )
        docs.append(Extraction(Document(key, text, Meta()), quantities=(q,)))
    measures = _measures_of(docs)
    groups = sorted(sorted(e.document_id for e in m.estimates) for m in measures)
    assert groups == [["x", "z"], ["y"]]


def test_two_counts_of_one_sentence_are_two_measures() -> None:
    text = "There would be 17 Ruritanian tax brackets, compared with 12 Ruritanian tax brackets."
    qs = tuple(
        Quantity(_span(text, f"{n} Ruritanian tax brackets"), n, n, unit="bracket",
                 subject="Ruritanian tax brackets")
        for n in (17, 12)
    )
    ex = Extraction(Document("x", text, Meta()), quantities=qs)
    assert len(group_measures(document_estimates(ex))) == 2


def test_a_total_is_not_a_reference_back() -> None:
    text = "She has 1,280 Ruritanian delegates and 469 more for a total of 1,749."
    first = Quantity(
        _span(text, "1,280 Ruritanian delegates"), 1280, 1280, unit="delegate",
        subject="Ruritanian delegates",
    )
    total = Quantity(_span(text, "1,749"), 1749, 1749)
    ex = Extraction(Document("x", text, Meta()), quantities=(first, total))
    assert document_estimates(ex)[1].antecedent is None


@pytest.mark.parametrize(
    ("text", "part", "difference"),
    [
        ("Their count is at least 100 more than the AP count.", "at least 100", True),
        ("Clinton is 71 delegates short of the magic number.", "71 delegates", True),
        ("Clinton leads Sanders by roughly 270 delegates.", "roughly 270 delegates", True),
        ("The two estimates vary by $15 billion.", "$15 billion", True),
        ("Support rose by 3 percent.", "3 percent", True),
        # levels, and the agent "by"
        ("He was attacked by 3 gunmen.", "3 gunmen", False),
        ("Trump won 739 delegates.", "739 delegates", False),
        ("A book written by 2 authors.", "2 authors", False),
        ("Troops suffered over 1,000 casualties.", "over 1,000 casualties", False),
    ],
)
def test_is_difference(text: str, part: str, difference: bool) -> None:
    start = text.index(part)
    assert is_difference(text, start, start + len(part)) is difference


def test_a_difference_belongs_to_no_measure() -> None:
    text = "Lee has 866 Ruritanian delegates, 270 Ruritanian delegates more than Roe."
    qs = tuple(
        Quantity(_span(text, f"{n} Ruritanian delegates"), n, n, unit="delegate",
                 subject="Ruritanian delegates")
        for n in (866, 270)
    )
    ex = Extraction(Document("x", text, Meta()), quantities=qs)
    (measure,) = group_measures(document_estimates(ex))
    assert [e.quantity.low for e in measure.estimates] == [866]
