"""evaluation.newsquant: the scoring rules, and floors on the development portions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation import newsquant as nq
from claimledger.model import Quantity, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWSQUANT = SHARED / "data" / "newsquant" / "formatted_test_set" / "NewsQuant.json"
QUANTULUM = SHARED / "data" / "quantulum3-cases"
RECOGNIZERS = SHARED / "data" / "recognizers-text-specs" / "Number" / "English"


def q(low: float | None, high: float | None, *, approx: bool = False, unit: str | None = None,
      start: int = 0) -> Quantity:  # fmt: skip
    return Quantity(Span(start, start + 1, "x"), low, high, approximate=approx, unit=unit)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("6.0", (6.0, 6.0)),
        ("-5.0", (-5.0, -5.0)),
        ("252.0-287.0", (252.0, 287.0)),
        ("4.8-4.7", (4.7, 4.8)),  # written high-low: compared as an interval
        ("3.0 - 4.0", (3.0, 4.0)),
        ("1.99E-29", (1.99e-29, 1.99e-29)),
        ("n/a", None),
        ("", None),
    ],
)
def test_gold_value(raw: str, expected: tuple[float, float] | None) -> None:
    assert nq.gold_value(raw) == expected


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (q(5, 5), (5, 5)),
        (q(1000, None), (1000, 1000)),
        (q(None, 4000), (4000, 4000)),
        (q(10, 20), (10, 20)),
        (q(None, None), None),
    ],
)
def test_predicted_value(quantity: Quantity, expected: tuple[float, float] | None) -> None:
    assert nq.predicted_value(quantity) == expected


@pytest.mark.parametrize(
    ("quantity", "change", "ok"),
    [
        (q(12, 12, approx=True), "~", True),
        (q(12, 12), "~", False),
        (q(1000, None), ">", True),
        (q(1000, 2000), ">", False),
        (q(None, 400), "<", True),
        (q(400, 400), "<", False),
        (q(6, 6), "=", True),
        (q(6, 6, approx=True), "=", False),
        (q(None, 6), "=", False),
        (q(6, 6, approx=True), "up", True),
        (q(None, 6), "down", True),
    ],
)
def test_hedge_ok(quantity: Quantity, change: str, ok: bool) -> None:
    assert nq.hedge_ok(quantity, change) is ok


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("dollar", ["$", "dollar"], True),
        ("dollar", ["US$ per barrel", "dollar per barrel"], True),
        ("percent", ["%", "percentage"], True),
        ("mile", ["miles", "mile"], True),
        ("year", ["year-old", "year of age"], True),
        ("casualty", ["casualties", "casualties"], True),
        ("inch", ["inches", "inches"], True),
        ("virus", ["viruses", "viruses"], True),
        ("soldier", ["soldiers", "soldier"], True),
        (None, ["-", "-"], True),
        (None, ["yards", "yard"], False),
        ("yard", ["-", "-"], False),
        ("euro", ["$", "dollar"], False),
    ],
)
def test_unit_ok(predicted: str | None, gold: list[str], ok: bool) -> None:
    assert nq.unit_ok(predicted, gold) is ok


def test_score_entry_is_one_to_one_in_text_order() -> None:
    gold = [
        {"value": "2", "change": "=", "unit": "soldiers", "normalized_unit": "soldier"},
        {"value": "2", "change": "~", "unit": "tanks", "normalized_unit": "tank"},
    ]
    predicted = [q(2, 2, unit="soldier"), q(2, 2, unit="soldier", start=5), q(3, 3, start=9)]
    s = nq.score_entry(predicted, gold)
    assert (s["value"].matched, s["value"].predicted, s["value"].gold) == (2, 3, 2)
    assert s["value_hedge"].matched == 1  # the second gold wants "approximate"
    assert s["value_unit"].matched == 1  # only one gold counts soldiers


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="limit"):
        nq.evaluate_newsquant(NEWSQUANT, limit=-1)
    with pytest.raises(ValueError, match="portions"):
        nq.evaluate_newsquant(NEWSQUANT, portions=("test",))
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "x"}', encoding="utf-8")
    with pytest.raises(ValueError, match="NewsQuant"):
        nq.evaluate_newsquant(bad)
    with pytest.raises(FileNotFoundError):
        nq.evaluate_newsquant(tmp_path / "missing.json")


def test_dev_split_is_thirty_percent_and_fixed() -> None:
    assert [nq.is_dev(i) for i in range(10)] == [True] * 3 + [False] * 7


@pytest.mark.skipif(not NEWSQUANT.exists(), reason="shared NewsQuant data not available")
def test_newsquant_dev_floor() -> None:
    """Floors just under the figures measured on the dev portion (the rest is only reported)."""
    dev = nq.evaluate_newsquant(NEWSQUANT, portions=("dev",))["dev"]
    assert dev["entries"] == 177
    assert dev["value"]["f1"] >= 96.0
    assert dev["value_hedge"]["f1"] >= 94.0
    assert dev["value_unit"]["f1"] >= 94.0


@pytest.mark.skipif(not QUANTULUM.exists(), reason="shared quantulum3 cases not available")
def test_quantulum3_floor() -> None:
    r = nq.evaluate_quantulum3(QUANTULUM)
    assert r["quantities.json"]["cases"] == 101
    assert r["quantities.json"]["pass_rate"] >= 75.0
    assert r["quantities.ambiguity.json"]["pass_rate"] >= 65.0


@pytest.mark.skipif(not RECOGNIZERS.exists(), reason="shared Recognizers-Text specs not available")
def test_recognizers_floor() -> None:
    r = nq.evaluate_recognizers(RECOGNIZERS)
    assert r["NumberModel"]["pass_rate"] >= 51.0
    assert r["NumberRangeModel"]["pass_rate"] >= 58.0
