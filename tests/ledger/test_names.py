"""Cross-document entity merging: pairs that must merge and pairs that must not."""

from __future__ import annotations

import pytest

from claimledger.ledger.names import (
    NameRecord,
    find_acronyms,
    fold,
    initials,
    merge_names,
    parse_name,
    records_of,
)
from claimledger.model import Document, Entity, Extraction, Meta

# (name a, type a, name b, type b): each pair sits in two different documents.
MUST_MERGE = [
    ("Volodymyr Zelensky", "PERSON", "Volodymyr Zelenskyy", "PERSON"),
    ("Volodymyr Zelenskiy", "PERSON", "Volodymyr Zelensky", "PERSON"),
    ("President Volodymyr Zelensky", "PERSON", "Volodymyr Zelensky", "PERSON"),
    ("Sen. Bernie Sanders", "PERSON", "Bernie Sanders", "PERSON"),
    ("Donald J. Trump", "PERSON", "Donald Trump", "PERSON"),
    ("Donald Trump's", "PERSON", "Donald Trump", "PERSON"),
    ("José Martí", "PERSON", "Jose Marti", "PERSON"),
    ("the State Department", "ORG", "State Department", "ORG"),
    ("Reuters", "ORG", "Reuters", "ORG"),
    ("Kyiv", "GPE", "Kyiv", "LOC"),
    ("U.S.", "GPE", "US", "GPE"),
    ("G.O.P.", "ORG", "GOP", "ORG"),
    ("LONDON", "GPE", "London", "GPE"),  # a dateline in capitals
]

MUST_NOT_MERGE = [
    ("Bill Clinton", "PERSON", "Hillary Clinton", "PERSON"),
    ("Paul Ryan", "PERSON", "Ryan Zinke", "PERSON"),
    ("NIS", "ORG", "NSA", "ORG"),
    ("Donald Trump", "PERSON", "Donald Trump Jr.", "PERSON"),
    ("Clinton", "PERSON", "Hillary Clinton", "PERSON"),  # a bare surname, other document
    ("Jordan", "GPE", "Jordan", "PERSON"),  # incompatible types
    ("Washington", "GPE", "Washington Post", "ORG"),
    ("George W. Bush", "PERSON", "George H. W. Bush", "PERSON"),
    ("state", "ORG", "state", "ORG"),  # not a proper name: a tagger slip
    ("Va.", "GPE", "VA", "GPE"),  # Virginia, Veterans Affairs
    ("Q&A", "ORG", "QA", "ORG"),
]


def _merged(a: str, ta: str, b: str, tb: str, **kw: object) -> bool:
    merge, _ = merge_names([NameRecord("d1", a, ta), NameRecord("d2", b, tb)], **kw)  # type: ignore[arg-type]
    return merge.same(0, 1)


@pytest.mark.parametrize(("a", "ta", "b", "tb"), MUST_MERGE)
def test_must_merge(a: str, ta: str, b: str, tb: str) -> None:
    assert _merged(a, ta, b, tb)


@pytest.mark.parametrize(("a", "ta", "b", "tb"), MUST_NOT_MERGE)
def test_must_not_merge(a: str, ta: str, b: str, tb: str) -> None:
    assert not _merged(a, ta, b, tb)


def test_middle_initial_joins_only_when_unambiguous() -> None:
    # Decision: "George Bush" joins a middle-initial variant only when the corpus has one.
    one = [NameRecord("d1", "George W. Bush", "PERSON"), NameRecord("d2", "George Bush", "PERSON")]
    merge, _ = merge_names(one)
    assert merge.same(0, 1)
    two = [*one, NameRecord("d3", "George H. W. Bush", "PERSON")]
    merge, _ = merge_names(two)
    assert not merge.same(0, 1) and not merge.same(1, 2) and not merge.same(0, 2)


def test_surname_links_only_when_unambiguous_in_its_document() -> None:
    recs = [
        NameRecord("d1", "Hillary Clinton", "PERSON"),
        NameRecord("d1", "Clinton", "PERSON"),
        NameRecord("d2", "Bill Clinton", "PERSON"),
        NameRecord("d2", "Hillary Clinton", "PERSON"),
        NameRecord("d2", "Clinton", "PERSON"),
    ]
    merge, _ = merge_names(recs, link_surnames=True)
    assert merge.same(0, 1), "one Clinton in d1: the surname is hers"
    assert merge.same(0, 3), "same full name across documents"
    assert not merge.same(4, 2) and not merge.same(4, 3), "two Clintons in d2: ambiguous"


def test_by_default_the_in_document_linker_is_trusted() -> None:
    # Two entities of one document were kept apart by the in-document linker on purpose.
    recs = [NameRecord("d1", "Obama", "PERSON"), NameRecord("d1", "Michelle Obama", "PERSON")]
    assert not merge_names(recs)[0].same(0, 1)
    assert merge_names(recs, link_surnames=True)[0].same(0, 1), "raw NER mode links them"


def test_acronym_declared_in_any_document() -> None:
    declared = find_acronyms("officials of the Security Service of Ukraine (SBU) said")
    assert declared == [("SBU", "Security Service of Ukraine")]
    recs = [NameRecord("d1", "SBU", "ORG"), NameRecord("d2", "Security Service of Ukraine", "ORG")]
    assert merge_names(recs, acronyms=declared)[0].same(0, 1)
    assert not merge_names(recs)[0].same(0, 1), "SBU are not the English initials"


def test_acronym_by_initials_needs_unique_expansion_met_in_a_document() -> None:
    recs = [
        NameRecord("d1", "NIS", "ORG"),
        NameRecord("d1", "National Intelligence Service", "ORG"),
        NameRecord("d2", "NIS", "ORG"),
    ]
    merge, _ = merge_names(recs)
    assert merge.same(0, 1) and merge.same(1, 2)
    apart = [
        NameRecord("d1", "NIS", "ORG"),
        NameRecord("d2", "National Intelligence Service", "ORG"),
    ]
    assert not merge_names(apart)[0].same(0, 1), "never seen together"
    two = [*recs, NameRecord("d3", "National Investigation Squad", "ORG")]
    merge, _ = merge_names(two)
    assert not merge.same(0, 1), "two expansions with the initials NIS"


def test_ambiguous_declaration_merges_nothing() -> None:
    recs = [NameRecord("d1", "NSA", "ORG"), NameRecord("d2", "National Security Agency", "ORG")]
    declared = [("NSA", "National Security Agency"), ("NSA", "National Security Adviser")]
    merge, diags = merge_names(recs, acronyms=declared)
    assert not merge.same(0, 1)
    assert [d.code for d in diags] == ["ambiguous_acronym"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the head of the National Intelligence Service (NIS) said",
            [("NIS", "National Intelligence Service")],
        ),
        (
            "NATO (North Atlantic Treaty Organization) met",
            [("NATO", "North Atlantic Treaty Organization")],
        ),
        ("he said (NIS) nothing", []),
        ("a number (42) of", []),
    ],
)
def test_find_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert find_acronyms(text) == expected


@pytest.mark.parametrize(
    ("token", "folded"),
    [
        ("Zelenskyy", "zelensky"),
        ("Zelenskiy", "zelensky"),
        ("Zelensky", "zelensky"),
        ("Ré", "re"),
        ("VA", "#va"),
        ("Va.", "va"),
    ],
)
def test_fold(token: str, folded: str) -> None:
    assert fold(token) == folded


def test_parse_name_and_initials() -> None:
    p = parse_name("Former President George W. Bush", "PERSON")
    assert (p.tokens, p.middles, p.display) == (("george", "bush"), ("w",), "George W. Bush")
    assert parse_name("U.S.", "GPE").acronym == "US"
    assert initials("National Intelligence Service") == "NIS"
    assert parse_name("", "PERSON").tokens == ()


def test_canonical_entity_keeps_roles_over_time_and_aliases() -> None:
    recs = [
        NameRecord("d1", "Lloyd Austin", "PERSON", ("Defense Secretary",), "2024-12-01"),
        NameRecord("d2", "Lloyd J. Austin", "PERSON", ("Defense Secretary",), "2025-01-10"),
        NameRecord("d3", "Lloyd Austin", "PERSON", ("General",), "2016-03-01"),
    ]
    merge, _ = merge_names(recs)
    (entity,) = merge.entities
    assert entity.name == "Lloyd Austin"
    assert entity.aliases == ("Lloyd Austin", "Lloyd J. Austin")
    assert entity.roles == (
        ("General", "2016-03-01", "2016-03-01"),
        ("Defense Secretary", "2024-12-01", "2025-01-10"),
    )
    assert merge.entity_of("d2", "Lloyd J. Austin") == entity
    assert merge.entity_of("d9", "Lloyd Austin") is None


def test_records_of_extractions() -> None:
    text = "The National Intelligence Service (NIS) said so."
    ex = Extraction(
        Document("d1", text, Meta(published="2025-01-01")),
        entities=(Entity("National Intelligence Service", "ORG"),),
    )
    records, declared = records_of([ex])
    assert records == [NameRecord("d1", "National Intelligence Service", "ORG", (), "2025-01-01")]
    assert declared == [("NIS", "National Intelligence Service")]
