"""Independent origins: copies and relays count once, different speakers count apart."""

from __future__ import annotations

import pytest

from claimledger.ledger.origins import find_origins
from claimledger.ledger.records import ClaimRecord

STATEMENT = "Two North Korean soldiers were captured in the Kursk region."


def claim(key: str, source_key: str | None, *, doc: str | None = None, **kw: object) -> ClaimRecord:
    return ClaimRecord(
        key=key,
        document_id=doc or key,
        text=kw.pop("text", STATEMENT),  # type: ignore[arg-type]
        source_key=source_key,
        **kw,
    )  # type: ignore[arg-type]


def test_ten_articles_relaying_one_statement_are_one_origin() -> None:
    members = [
        claim(f"d{i}:a1", "e1", source="Volodymyr Zelensky", outlet=f"Outlet {i % 4}")
        for i in range(10)
    ]
    report = find_origins(members)
    assert report.independent == 1
    assert report.mentions == 10
    assert report.outlets == ("Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3")
    assert report.origins[0].source == "Volodymyr Zelensky"


def test_relay_and_direct_report_share_the_root_source() -> None:
    via_yonhap = claim("d1:a1", "e_nis", source="NIS", via=("Yonhap News Agency",))
    direct = claim("d2:a1", "e_nis", source="National Intelligence Service")
    assert find_origins([via_yonhap, direct]).independent == 1


def test_two_speakers_are_two_origins() -> None:
    report = find_origins([claim("d1:a1", "e1"), claim("d2:a1", "e2")])
    assert report.independent == 2
    assert report.origin_of() == {"d1:a1": 0, "d2:a1": 1}


def test_syndicated_copies_share_their_origins() -> None:
    # Unresolved sources in two copies of one wire story still count once.
    a = claim("ap:a1", None, doc="ap")
    b = claim("reprint:a1", None, doc="reprint")
    c = claim("other:a1", None, doc="other")
    report = find_origins([a, b, c], copies={"ap": 0, "reprint": 0})
    assert report.independent == 2


def test_different_speakers_in_syndicated_copies_stay_apart() -> None:
    # Austin and Zelensky quoted in one wire story and its reprint: two origins, not one.
    members = [
        claim(f"{doc}:{who}", who, doc=doc, text=f"{who} gave an estimate")
        for doc in ("wire", "reprint")
        for who in ("e_austin", "e_zelensky")
    ]
    report = find_origins(members, copies={"wire": 0, "reprint": 0})
    assert report.independent == 2
    origin = report.origin_of()
    assert origin["wire:e_austin"] == origin["reprint:e_austin"]
    assert origin["wire:e_austin"] != origin["wire:e_zelensky"]


def test_same_statement_under_an_unresolved_source() -> None:
    a = claim("d1:a1", None, source="A spokesman", said_on="2025-01-11")
    b = claim(
        "d2:a1",
        None,
        source="a spokesman",
        said_on="2025-01-11",
        text=STATEMENT.replace("the Kursk", "Kursk"),
    )
    other_day = claim("d3:a1", None, source="a spokesman", said_on="2025-01-12")
    report = find_origins([a, b, other_day])
    assert report.origin_of()["d1:a1"] == report.origin_of()["d2:a1"]
    assert report.independent == 2


def test_anonymous_claims_without_copies_are_separate() -> None:
    assert find_origins([claim("d1:a1", None), claim("d2:a1", None)]).independent == 2


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="unique"):
        find_origins([claim("k", "e1"), claim("k", "e1")])
    with pytest.raises(ValueError, match="quote_dice"):
        find_origins([], quote_dice=0)
