"""TempEval-3, Recognizers-Text and gold-file scoring of time expressions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.evaluation.tempeval import (
    _rt_accepts,
    _value_ok,
    evaluate_gold_times,
    evaluate_recognizers,
    evaluate_tempeval,
    read_timeml,
    score_documents,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TE3 = SHARED / "data" / "tempeval3"
RT = SHARED / "data" / "recognizers-text-specs" / "DateTime" / "English"

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">'
    "March 22, 2013</TIMEX3></DCT>\n<TEXT>\n"
    'Six deaths were <EVENT eid="e1">reported</EVENT> in '
    '<TIMEX3 tid="t1" type="DATE" value="2013-W11">the last week</TIMEX3>, officials said '
    '<TIMEX3 tid="t2" type="DATE" value="2013-03-22">Friday</TIMEX3> &amp; more.\n'
    "</TEXT>\n</TimeML>\n"
)


def test_read_timeml_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == dt.date(2013, 3, 22)
    assert "<" not in doc.text and "& more" in doc.text
    assert [doc.text[g.start : g.end] for g in doc.timexes] == ["the last week", "Friday"]
    assert [(g.type, g.value) for g in doc.timexes] == [
        ("DATE", "2013-W11"),
        ("DATE", "2013-03-22"),
    ]
    scores = score_documents([doc])
    assert scores["relaxed"]["matched"] == 2
    assert scores["value"]["matched"] == 1  # "Friday" right; TimeML's "the last week" is not ours


def test_read_timeml_rejects_bad_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(ValueError, match="not well-formed"):
        read_timeml(path)
    with pytest.raises(ValueError, match="no .tml files"):
        evaluate_tempeval(tmp_path / "empty")


@pytest.mark.parametrize(
    ("got", "want", "tolerance", "ok"),
    [
        ("2024-12-28", "2024-12-28", None, True),
        ("2024-12-26", "2024-12-28", 3, True),
        ("2024-12-24", "2024-12-28", 3, False),
        ("2024-12", "2024-12-28", 3, False),
        (None, "2021", None, False),
    ],
)
def test_value_tolerance(got: str | None, want: str, tolerance: int | None, ok: bool) -> None:
    assert _value_ok(got, want, tolerance) is ok


@pytest.mark.parametrize(
    ("value", "accepted", "ok"),
    [
        ("2016-11-07T15:00", frozenset({"T15"}), True),
        ("2016-11-07T08:40", frozenset({"T08:40"}), True),
        ("2016-11-07T08:40", frozenset({"T08"}), False),
        ("2017-10-02", frozenset({"2016-10-02", "2017-10-02"}), True),
        ("P3D", frozenset({"P3D"}), True),
        (None, frozenset({"P3D"}), False),
    ],
)
def test_recognizers_value_mapping(value: str | None, accepted: frozenset[str], ok: bool) -> None:
    assert _rt_accepts(value, accepted) is ok


def test_seed_gold_times() -> None:
    result = evaluate_gold_times(SHARED / "gold" / "seed", SHARED / "corpus" / "seed")
    assert result["times"]["matched"] == 9 == result["times"]["gold"]
    assert all(row["ok"] for row in result["matches"])


def test_tempeval_train_floor() -> None:
    """TBAQ, the development split (measured 2026-11-27: value F1 80.48, strict 81.93,
    relaxed 94.01, type accuracy 95.15)."""
    result = evaluate_tempeval(TE3 / "train" / "TBAQ-cleaned")
    assert result["documents"] == 257
    assert result["value"]["f1"] >= 80.0
    assert result["strict"]["f1"] >= 81.0
    assert result["relaxed"]["f1"] >= 93.5
    assert result["type_accuracy"] >= 94.5


def test_tempeval_platinum_floor() -> None:
    """TE3 platinum (measured 2026-11-27: value F1 80.30, relaxed 89.39, strict 72.73)."""
    result = evaluate_tempeval(TE3 / "te3-platinum")
    assert result["documents"] == 20
    assert result["value"]["f1"] >= 79.5
    assert result["relaxed"]["f1"] >= 88.5
    assert result["strict"]["f1"] >= 72.0
    assert result["strict_timeml"]["f1"] >= result["strict"]["f1"]
    assert result["type_accuracy"] >= 90.0


def test_recognizers_pass_rate_floor() -> None:
    result = evaluate_recognizers(RT)
    assert result["missing"] == []
    assert result["cases"] > 500
    assert result["pass_rate"] >= 28.0
