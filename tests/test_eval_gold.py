"""The gold-file scorer (EVALUATION.md §1) on hand-made predictions and hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation.gold import (
    find_gold_files,
    gold_document,
    load_gold,
    score_corpus,
    score_document,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = (
    "The ministry said the bridge was destroyed. "  # 0..43
    "Officials reported 300 casualties on Monday, Reuters said. "  # 44..102
    "Unit No. 5 moved."  # 103..120
)


def span(text: str, piece: str, nth: int = 0) -> dict[str, Any]:
    """The OUTPUT.md span of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def gold_attr(content: str, source: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "id": extra.pop("id", "g"),
        "source": source,
        "content": span(TEXT, content),
        "kind": extra.pop("kind", "indirect"),
        "via": extra.pop("via", []),
        "channel": extra.pop("channel", None),
        "said_on": extra.pop("said_on", None),
        **extra,
    }


def pred_attr(content: str, source_entity: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "id": extra.pop("id", "a"),
        "source": None,
        "source_entity": source_entity,
        "cue": None,
        "content": span(TEXT, content),
        "kind": extra.pop("kind", "indirect"),
        "via": extra.pop("via", []),
        "channel": extra.pop("channel", None),
        "said_on": extra.pop("said_on", None),
        **extra,
    }


ENTITIES = {
    "Ministry of Defence": {"type": "ORG", "aliases": ["the ministry", "MoD"]},
    "Reuters": {"type": "ORG", "aliases": ["Reuters news agency"]},
    "Agence France-Presse": {"type": "ORG", "aliases": ["AFP"]},
}


def gold_doc(attributions: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": "doc", "entities": ENTITIES, "attributions": attributions, **extra}


def pred_doc(attributions: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": "doc", "text": TEXT, "attributions": attributions, **extra}


# --- attributions ---------------------------------------------------------------------------

CONTENT_A = "the bridge was destroyed"
CONTENT_B = "Officials reported 300 casualties on Monday"


@pytest.mark.parametrize(
    ("predicted_entity", "gold_source", "headline"),
    [
        ("Ministry of Defence", "Ministry of Defence", 1),  # the canonical name
        ("ministry of defence", "Ministry of Defence", 1),  # case-insensitive
        ("MoD", "Ministry of Defence", 1),  # an alias
        ("The  Ministry", "Ministry of Defence", 1),  # alias, case and white space folded
        ("Reuters", "Ministry of Defence", 0),  # another entity's name
        ("Defence", "Ministry of Defence", 0),  # a part of the name is not an alias
        (None, "Ministry of Defence", 0),  # no entity predicted
        (None, None, 1),  # anonymous gold source, anonymous prediction
        ("Reuters", None, 0),  # anonymous gold source, a named prediction
        ("Unknown Org", "Unknown Org", 1),  # a gold source without an entity entry
    ],
)
def test_headline_counts_source_entity_by_name_or_alias(
    predicted_entity: str | None, gold_source: str | None, headline: int
) -> None:
    result = score_document(
        pred_doc([pred_attr(CONTENT_A, predicted_entity)]),
        gold_doc([gold_attr(CONTENT_A, gold_source)]),
    )
    assert result["content"]["matched"] == 1
    assert result["attribution"]["matched"] == headline


@pytest.mark.parametrize(
    ("predicted_content", "matches"),
    [
        ("the bridge was destroyed", True),  # equal
        ("said the bridge was destroyed", True),  # Dice 2*4/(5+4) = 0.89
        ("bridge was", True),  # Dice 2*2/(2+4) = 0.67
        ("bridge", False),  # Dice 2*1/(1+4) = 0.4
        ("The ministry said", False),  # no common token
    ],
)
def test_content_matches_at_dice_half(predicted_content: str, matches: bool) -> None:
    result = score_document(
        pred_doc([pred_attr(predicted_content, "MoD")]),
        gold_doc([gold_attr(CONTENT_A, "Ministry of Defence")]),
    )
    assert result["content"]["matched"] == int(matches)
    assert result["content"]["predicted"] == 1
    assert result["content"]["gold"] == 1


def test_matching_is_one_to_one_best_dice_first() -> None:
    # Two predictions compete for one gold content; the better one (exact) wins even though
    # it comes second, and the other is an unmatched false positive.
    predictions = [
        pred_attr("said the bridge was destroyed", "Reuters", id="a1"),
        pred_attr(CONTENT_A, "MoD", id="a2"),
    ]
    result = score_document(
        pred_doc(predictions), gold_doc([gold_attr(CONTENT_A, "Ministry of Defence")])
    )
    assert result["content"] == {
        "precision": 50.0, "recall": 100.0, "f1": 66.67, "matched": 1, "predicted": 2, "gold": 1
    }
    assert result["attribution"]["matched"] == 1  # a2 (the MoD) took the pair, not a1
    assert result["attributions"][0]["predicted"] == "a2"
    assert [u["id"] for u in result["unmatched_predictions"]] == ["a1"]


def test_per_gold_listing_shows_what_was_predicted() -> None:
    result = score_document(
        pred_doc([pred_attr(CONTENT_A, "Reuters", id="a7", kind="direct")]),
        gold_doc(
            [
                gold_attr(CONTENT_A, "Ministry of Defence", id="g1"),
                gold_attr(CONTENT_B, "Reuters", id="g2"),
            ]
        ),
    )
    first, second = result["attributions"]
    assert first["gold"] == "g1" and first["predicted"] == "a7"
    assert first["source_entity"] == "Reuters" and first["source_ok"] is False
    assert first["source_mention"] is None  # the prediction gave no source mention
    assert first["kind"] == {"gold": "indirect", "predicted": "direct", "ok": False}
    assert first["dice"] == 1.0
    assert second == {
        "gold": "g2", "source": "Reuters", "content": CONTENT_B, "predicted": None
    }


@pytest.mark.parametrize(
    ("field", "predicted", "gold", "ok"),
    [
        ("kind", "direct", "direct", True),
        ("kind", "mixed", "direct", False),
        ("via", [], [], True),
        ("via", ["Reuters"], ["Reuters"], True),
        ("via", ["reuters news agency"], ["Reuters"], True),  # an alias, case-insensitive
        ("via", ["AFP", "Reuters"], ["Agence France-Presse", "Reuters"], True),
        ("via", ["Reuters", "AFP"], ["Agence France-Presse", "Reuters"], False),  # order counts
        ("via", ["Reuters"], ["Agence France-Presse", "Reuters"], False),  # one missing
        ("via", [], ["Reuters"], False),
        ("channel", "Telegram", "Telegram", True),
        ("channel", "telegram", "Telegram", True),
        ("channel", None, None, True),
        ("channel", "X", None, False),
        ("channel", None, "X", False),
        ("said_on", "2025-01-09", "2025-01-09", True),
        ("said_on", None, None, True),
        ("said_on", "2025-01-08", "2025-01-09", False),  # no tolerance given
        ("said_on", None, "2025-01-09", False),
        ("said_on", "2025-01", "2025-01", True),  # month granularity
        ("said_on", "2025-01", "2025-01-09", False),  # coarser than the gold value
    ],
)
def test_field_accuracy_over_matched_pairs(
    field: str, predicted: Any, gold: Any, ok: bool
) -> None:
    result = score_document(
        pred_doc([pred_attr(CONTENT_A, "MoD", **{field: predicted})]),
        gold_doc([gold_attr(CONTENT_A, "Ministry of Defence", **{field: gold})]),
    )
    assert result["matched_pairs"] == 1
    assert result["fields"][field] == {"accuracy": 100.0 * ok, "correct": int(ok), "total": 1}
    assert result["attributions"][0][field]["ok"] is ok


@pytest.mark.parametrize(
    ("predicted", "gold", "tolerance", "ok"),
    [
        ("2024-12-28", "2024-12-28", 3, True),
        ("2024-12-25", "2024-12-28", 3, True),  # 3 days early
        ("2024-12-31", "2024-12-28", 3, True),  # 3 days late, across the year
        ("2025-01-01", "2024-12-28", 3, False),  # 4 days
        ("2024-12-24", "2024-12-28", 3, False),
        ("2024-12", "2024-12-28", 3, False),  # tolerance is in days, not in precision
        ("not a date", "2024-12-28", 3, False),
    ],
)
def test_said_on_tolerance_days(predicted: str, gold: str, tolerance: int, ok: bool) -> None:
    result = score_document(
        pred_doc([pred_attr(CONTENT_A, "MoD", said_on=predicted)]),
        gold_doc(
            [gold_attr(CONTENT_A, "Ministry of Defence", said_on=gold, tolerance_days=tolerance)]
        ),
    )
    assert result["fields"]["said_on"]["correct"] == int(ok)


def test_field_accuracy_counts_only_matched_pairs() -> None:
    predictions = [
        pred_attr(CONTENT_A, "MoD", kind="direct", id="a1"),  # matches, kind wrong
        pred_attr("Unit No. 5 moved", "MoD", id="a2"),  # matches nothing
    ]
    gold = [
        gold_attr(CONTENT_A, "Ministry of Defence", kind="indirect", id="g1"),
        gold_attr(CONTENT_B, "Reuters", id="g2"),  # not predicted
    ]
    result = score_document(pred_doc(predictions), gold_doc(gold))
    assert result["matched_pairs"] == 1
    assert result["fields"]["kind"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert result["fields"]["via"] == {"accuracy": 100.0, "correct": 1, "total": 1}


def test_empty_prediction_scores_zero_without_dividing_by_zero() -> None:
    result = score_document(pred_doc([]), gold_doc([gold_attr(CONTENT_A, "MoD")]))
    assert result["content"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0, "predicted": 0, "gold": 1
    }
    assert result["fields"]["kind"] == {"accuracy": 0.0, "correct": 0, "total": 0}


# --- quantities and times -------------------------------------------------------------------


def quantity(piece: str, low: float | None, high: float | None, unit: str | None) -> dict[str, Any]:
    return {**span(TEXT, piece), "low": low, "high": high, "unit": unit}


def gold_quantity(
    piece: str, low: float | None, high: float | None, unit: str | None
) -> dict[str, Any]:
    return {"mention": span(TEXT, piece), "low": low, "high": high, "unit": unit}


GOLD_300 = gold_quantity("300 casualties", 300, 300, "casualty")


@pytest.mark.parametrize(
    ("predicted", "matched"),
    [
        (quantity("300 casualties", 300, 300, "casualty"), 1),
        (quantity("300", 300.0, 300.0, "Casualty"), 1),  # overlap suffices; unit case-folded
        (quantity("reported 300", 300, 300, "casualty"), 1),  # partial overlap
        (quantity("300 casualties", 300, None, "casualty"), 0),  # wrong bound
        (quantity("300 casualties", 300, 300, "casualties"), 0),  # unit not the lemma
        (quantity("300 casualties", 300, 300, None), 0),
        (quantity("Monday", 300, 300, "casualty"), 0),  # no overlap
    ],
)
def test_quantity_matches_by_overlap_and_counts_when_correct(
    predicted: dict[str, Any], matched: int
) -> None:
    result = score_document(
        pred_doc([], quantities=[predicted]), gold_doc([], quantities=[GOLD_300])
    )
    assert result["quantities"]["matched"] == matched
    assert result["quantities"]["predicted"] == 1
    assert result["quantities"]["gold"] == 1


def test_null_bounds_equal_null() -> None:
    gold = gold_quantity("300 casualties", 300, None, "casualty")
    result = score_document(
        pred_doc([], quantities=[quantity("300 casualties", 300, None, "casualty")]),
        gold_doc([], quantities=[gold]),
    )
    assert result["quantities"]["matched"] == 1


def test_quantity_on_not_quantities_is_a_false_positive() -> None:
    not_quantities = [{"mention": span(TEXT, "No. 5"), "why": "identifier"}]
    predictions = [
        quantity("5", 5, 5, None),  # inside the identifier
        quantity("300 casualties", 300, 300, "casualty"),
    ]
    result = score_document(
        pred_doc([], quantities=predictions),
        gold_doc([], quantities=[GOLD_300], not_quantities=not_quantities),
    )
    assert result["quantities"]["matched"] == 1
    assert result["quantities"]["predicted"] == 2
    assert result["quantities"]["precision"] == 50.0
    assert result["quantities"]["not_quantity_hits"] == 1


def test_not_quantities_overlap_blocks_a_match_with_gold() -> None:
    # A prediction covering both the identifier and a gold quantity is still a false positive.
    gold_5 = gold_quantity("Unit", 5, 5, "unit")
    not_quantities = [{"mention": span(TEXT, "No. 5")}]
    result = score_document(
        pred_doc([], quantities=[quantity("Unit No. 5", 5, 5, "unit")]),
        gold_doc([], quantities=[gold_5], not_quantities=not_quantities),
    )
    assert result["quantities"]["matched"] == 0


def test_quantity_pairing_prefers_the_correct_prediction() -> None:
    # The wrong prediction overlaps the gold mention more; the correct one must still count.
    predictions = [
        quantity("reported 300 casualties", 3, 3, "casualty"),
        quantity("300", 300, 300, "casualty"),
    ]
    result = score_document(
        pred_doc([], quantities=predictions), gold_doc([], quantities=[GOLD_300])
    )
    assert result["quantities"]["matched"] == 1


def test_quantities_are_one_to_one() -> None:
    predictions = [
        quantity("300", 300, 300, "casualty"),
        quantity("casualties", 300, 300, "casualty"),
    ]
    result = score_document(
        pred_doc([], quantities=predictions), gold_doc([], quantities=[GOLD_300])
    )
    assert result["quantities"]["matched"] == 1
    assert result["quantities"]["predicted"] == 2


@pytest.mark.parametrize(
    ("piece", "value", "gold_value", "tolerance", "matched"),
    [
        ("on Monday", "2025-01-06", "2025-01-06", None, 1),
        ("Monday", "2025-01-06", "2025-01-06", None, 1),  # overlap suffices
        ("on Monday", "2025-01-07", "2025-01-06", None, 0),
        ("on Monday", "2025-01-07", "2025-01-06", 1, 1),  # within tolerance_days
        ("on Monday", "2025-01-08", "2025-01-06", 1, 0),
        ("on Monday", None, "2025-01-06", None, 0),
        ("300", "2025-01-06", "2025-01-06", None, 0),  # no overlap
    ],
)
def test_times(
    piece: str, value: str | None, gold_value: str, tolerance: int | None, matched: int
) -> None:
    gold_time: dict[str, Any] = {"mention": span(TEXT, "on Monday"), "value": gold_value}
    if tolerance is not None:
        gold_time["tolerance_days"] = tolerance
    predicted = {**span(TEXT, piece), "type": "DATE", "value": value}
    result = score_document(pred_doc([], times=[predicted]), gold_doc([], times=[gold_time]))
    assert result["times"]["matched"] == matched


def test_bad_span_raises_value_error() -> None:
    bad = {"start": "x", "end": 3, "low": 1, "high": 1, "unit": None}
    with pytest.raises(ValueError, match="integer 'start' and 'end'"):
        score_document(pred_doc([], quantities=[bad]), gold_doc([], quantities=[GOLD_300]))


# --- several documents ------------------------------------------------------------------------


def test_corpus_totals_are_micro_averages() -> None:
    good = (
        pred_doc([pred_attr(CONTENT_A, "MoD")]),
        gold_doc([gold_attr(CONTENT_A, "Ministry of Defence")]),
    )
    bad = (
        pred_doc([pred_attr(CONTENT_A, "MoD"), pred_attr(CONTENT_B, "Reuters")]),
        gold_doc([gold_attr("Unit No. 5 moved", "Ministry of Defence")]),
    )
    result = score_corpus([good, bad])
    assert result["documents"] == 2
    assert result["content"]["matched"] == 1
    assert result["content"]["predicted"] == 3
    assert result["content"]["gold"] == 2
    assert [d["content"]["matched"] for d in result["per_document"]] == [1, 0]
    json.dumps(result)  # the result is plain JSON


# --- the runner's helpers, on real files -------------------------------------------------------


def test_find_gold_files_rejects_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such gold file"):
        find_gold_files([tmp_path / "missing"])
    with pytest.raises(ValueError, match="no \\*.gold.json"):
        find_gold_files([tmp_path])


def test_gold_document_reads_the_corpus_text_exactly(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus" / "sub"
    corpus.mkdir(parents=True)
    (corpus / "d1.txt").write_bytes("Line one.\r\nHe said “yes”.\n".encode())
    gold_path = tmp_path / "d1.gold.json"
    gold = {
        "id": "d1",
        "meta": {"published": "2025-01-11", "outlet": "Paper"},
        "attributions": [{"id": "g1", "content": {"start": 19, "end": 24, "text": "“yes”"}}],
    }
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    document = gold_document(load_gold(gold_path), tmp_path / "corpus")
    assert document.text == "Line one.\r\nHe said “yes”.\n"  # no newline translation
    assert document.meta.published == "2025-01-11"
    assert document.meta.outlet == "Paper"

    gold["attributions"][0]["content"]["start"] = 18
    gold["attributions"][0]["content"]["end"] = 23
    with pytest.raises(ValueError, match="gold says"):
        gold_document(gold, tmp_path / "corpus")
    with pytest.raises(ValueError, match="no corpus text"):
        gold_document({"id": "other"}, tmp_path / "corpus")


def test_load_gold_rejects_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read gold file"):
        load_gold(path)
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="no string 'id'"):
        load_gold(path)


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="shared gold files not present")
def test_every_shared_gold_file_agrees_with_its_corpus_text() -> None:
    for path in find_gold_files([SHARED / "gold"]):
        gold = load_gold(path)
        document = gold_document(gold, SHARED / "corpus")
        assert document.id == gold["id"]
        # The gold scored against itself (as a prediction) is perfect on content.
        as_prediction = {
            "text": document.text,
            "attributions": [
                {**a, "source_entity": a["source"]} for a in gold["attributions"]
            ],
            "quantities": [{**q["mention"], **q} for q in gold.get("quantities", [])],
            "times": [{**t["mention"], **t} for t in gold.get("times", [])],
        }
        result = score_document(as_prediction, gold)
        for key in ("content", "attribution", "quantities", "times"):
            assert result[key]["f1"] == (100.0 if result[key]["gold"] else 0.0), key
        assert all(f["accuracy"] == 100.0 for f in result["fields"].values())


# --- the command ------------------------------------------------------------------------------


def test_evaluate_gold_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import claimledger.cli.evaluate  # noqa: F401  (registers the command)
    from claimledger.cli.app import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "The ministry said the bridge was destroyed."
    (corpus / "d1.txt").write_text(text, encoding="utf-8")
    gold = {
        "id": "d1",
        "meta": {"published": "2025-01-11"},
        "entities": ENTITIES,
        "attributions": [
            {"id": "g1", "source": "Ministry of Defence", "content": span(text, CONTENT_A)}
        ],
    }
    (tmp_path / "d1.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "result.json"
    result = CliRunner().invoke(
        app,
        ["evaluate", "gold", str(tmp_path / "d1.gold.json"), "--corpus", str(corpus),
         "--json", str(out), "--details"],
    )
    assert result.exit_code == 0, result.output
    assert "attribution" in result.output and "g1" in result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["documents"] == 1 and written["content"]["gold"] == 1

    missing = CliRunner().invoke(app, ["evaluate", "gold", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "no such gold file" in missing.output


def test_report_renders_every_figure_once() -> None:
    from claimledger.evaluation import report

    result = score_corpus(
        [
            (
                pred_doc([pred_attr(CONTENT_A, "MoD")]),
                gold_doc([gold_attr(CONTENT_A, "Ministry of Defence")]),
            )
        ]
    )
    names = [name for name, _ in report.rows(result)]
    assert names == [
        "content", "attribution", "fields.kind", "fields.via", "fields.channel",
        "fields.said_on", "quantities", "times",
    ]  # per-document listings are not walked
    text = report.markdown(result)
    assert "| attribution | 100.00 | 100.00 | 100.00 | 1/1/1 |" in text
    assert "| fields.kind |  |  | 100.00 (acc) | 1/1 |" in text
    assert "| documents |  |  | 1 |  |" in text
