"""The PolNeAR span scorer (EVALUATION.md §2) on hand-made brat files and predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation.common import tokens
from claimledger.evaluation.polnear import (
    choose_annotation,
    failed_floors,
    load_split,
    parse_ann,
    parse_floor,
    predicted_spans,
    read_metadata,
    score_corpus,
    score_document,
    score_spans,
    with_conventions,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

#          0         1         2         3         4         5         6         7
#          01234567890123456789012345678901234567890123456789012345678901234567890123456789
TEXT = '"Taxes will rise," the senator said on Monday. She added that cuts would follow.'

ANN = """\
T1\tContent 0 18\t"Taxes will rise,"
T2\tSource 19 30\tthe senator
T3\tCue 31 35\tsaid
T4\tAttribution 31 35\tsaid
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T5\tSource 47 50\tShe
T6\tCue 51 56\tadded
T7\tContent 62 79;57 61\tcuts would follow that
T8\tAttribution 51 56\tadded
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7 Content2:T1
#1\tAnnotatorNotes T7\tIs "that" part of it?
a continuation line of a text that held a line break
T9\tDiscard 36 46\ton Monday.
T10\tSource 19 30\tthe senator
E3\tAttribution:T4 Source:T10 Cue:T99
"""


def test_parse_ann_gold_spans_per_role() -> None:
    gold, skipped = parse_ann(ANN)
    assert gold == {
        # T2 and T10 are the same span: de-duplicated. T5 and the senator: sorted.
        "source": [(19, 30), (47, 50)],
        "cue": [(31, 35), (51, 56)],
        # T7 is discontinuous and out of order: its envelope is 57..79. Content2 counts as
        # content; T1 is linked twice but counted once. Discard is not gold.
        "content": [(0, 18), (57, 79)],
    }
    assert skipped == 2  # the continuation line and the reference to the missing T99


@pytest.mark.parametrize(
    ("predicted", "gold", "exact", "begin", "overlap"),
    [
        ((0, 18), (0, 18), 1, 1, 1),  # identical
        ((1, 16), (0, 18), 1, 1, 1),  # quotes and comma trimmed on the gold side
        ((0, 17), (1, 16), 1, 1, 1),  # '"Taxes will rise,' trimmed on the predicted side
        ((1, 11), (0, 18), 0, 1, 1),  # "Taxes will ": same start after trimming; Dice 0.8
        ((1, 6), (0, 18), 0, 1, 1),  # "Taxes": Dice 2*1/(1+3) = 0.5 is enough
        ((7, 17), (0, 18), 0, 0, 1),  # "will rise,": Dice 2*2/(2+3) = 0.8
        ((19, 35), (19, 30), 0, 1, 1),  # "the senator said" vs "the senator": Dice 0.8
        ((12, 16), (1, 30), 0, 0, 0),  # "rise" in five tokens: Dice 2/(1+5) = 0.33
        ((31, 35), (19, 30), 0, 0, 0),  # disjoint
        ((45, 46), (45, 46), 1, 1, 0),  # ".": equal, but no token, so Dice is 0
    ],
)
def test_criteria(
    predicted: tuple[int, int], gold: tuple[int, int], exact: int, begin: int, overlap: int
) -> None:
    scores = score_spans(TEXT, [predicted], [gold])
    assert (scores["exact"].matched, scores["begin"].matched, scores["overlap"].matched) == (
        exact,
        begin,
        overlap,
    )


def test_matching_is_one_to_one_and_deduplicated() -> None:
    # Two predictions start where the one gold span starts: only one may take it.
    scores = score_spans(TEXT, [(1, 11), (1, 16), (1, 16)], [(0, 18)])
    for criterion in ("exact", "begin", "overlap"):
        assert scores[criterion].matched == 1, criterion
        assert scores[criterion].predicted == 2, criterion  # the repeat is de-duplicated
        assert scores[criterion].gold == 1


def test_overlap_pairs_best_dice_first_not_maximum_matching() -> None:
    # "Taxes will rise" fits gold G1 exactly (1.0) and G2 '"Taxes ... the senator' (0.75);
    # "Taxes" fits only G1 (0.5). Best-first gives G1 to the exact prediction; the second
    # then has nothing left, although a maximum matching would have paired both.
    gold = [(1, 16), (1, 30)]
    scores = score_spans(TEXT, [(1, 16), (1, 6)], gold)
    assert scores["overlap"].matched == 1


def prediction(*attributions: dict[str, Any]) -> dict[str, Any]:
    return {"text": TEXT, "attributions": list(attributions)}


def attr(source: tuple[int, int] | None, cue: tuple[int, int] | None, content: tuple[int, int]):
    def s(b: tuple[int, int] | None) -> dict[str, Any] | None:
        return None if b is None else {"start": b[0], "end": b[1], "text": TEXT[b[0] : b[1]]}

    return {"source": s(source), "cue": s(cue), "content": s(content)}


def test_predicted_spans_skip_none_and_deduplicate() -> None:
    spans = predicted_spans(
        prediction(attr((19, 30), (31, 35), (0, 18)), attr((19, 30), None, (57, 79)))
    )
    assert spans == {"source": [(19, 30)], "cue": [(31, 35)], "content": [(0, 18), (57, 79)]}
    with pytest.raises(ValueError, match="integer 'start'"):
        predicted_spans({"attributions": [{"source": {"start": None, "end": 3}}]})


@pytest.mark.parametrize(("conventions", "content_exact"), [(False, 1), (True, 2)])
def test_score_document_end_to_end(conventions: bool, content_exact: int) -> None:
    gold, _ = parse_ann(ANN)
    result = score_document(
        TEXT,
        prediction(
            attr((19, 30), (31, 35), (1, 16)),  # all exact after trimming
            attr((47, 50), (51, 61), (62, 79)),  # cue too long; content lacks "that"
        ),
        gold,
        conventions=conventions,
    )
    roles = result["roles"]
    assert roles["source"]["exact"]["f1"] == 100.0
    assert roles["cue"]["exact"]["matched"] == 1
    assert roles["cue"]["begin"]["matched"] == 2
    # PolNeAR's content begins with "that"; the convention mapping extends ours over it
    assert roles["content"]["exact"]["matched"] == content_exact
    assert roles["content"]["begin"]["matched"] == content_exact
    assert roles["content"]["overlap"]["matched"] == 2  # 2*3/(3+4) = 0.86


def test_score_corpus_sums_counts() -> None:
    gold, _ = parse_ann(ANN)
    items = [
        (TEXT, prediction(attr((19, 30), (31, 35), (0, 18))), gold),
        (TEXT, prediction(), gold),
    ]
    result = score_corpus(items)
    assert result["documents"] == 2
    assert result["roles"]["source"]["exact"] == {
        "precision": 100.0, "recall": 25.0, "f1": 40.0, "matched": 1, "predicted": 1, "gold": 4
    }


# --- files ------------------------------------------------------------------------------------


def test_choose_annotation_takes_the_name_that_sorts_first(tmp_path: Path) -> None:
    for name in ("art_ef2d.ann", "art_4e07.ann", "art-longer_0000.ann", "art.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert choose_annotation(tmp_path, "art") == tmp_path / "art_4e07.ann"
    assert choose_annotation(tmp_path, "other") is None


def test_read_metadata(tmp_path: Path) -> None:
    path = tmp_path / "metadata.tsv"
    path.write_text(
        "compartment\tfilename\tpublication_date\n"
        "dev\tart\t2016-09-12\n"
        "dev\tbad-date\tNone\n",
        encoding="utf-8",
    )
    assert read_metadata(path) == {"art": "2016-09-12"}
    assert read_metadata(tmp_path / "missing.tsv") == {}


def make_split(root: Path) -> None:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "b-art.txt").write_bytes(TEXT.encode() + b"\r\n")
    (root / "dev" / "text" / "a-art.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "text" / "no-ann.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "a-art_ff00.ann").write_text("", encoding="utf-8")
    (root / "dev" / "attributions" / "a-art_0aaa.ann").write_text(ANN, encoding="utf-8")
    (root / "dev" / "attributions" / "b-art_1234.ann").write_text(ANN, encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "filename\tpublication_date\na-art\t2016-09-12\n", encoding="utf-8"
    )


def test_load_split(tmp_path: Path) -> None:
    make_split(tmp_path)
    articles = load_split(tmp_path, "dev")
    assert [a.id for a in articles] == ["a-art", "b-art"]  # no-ann has no gold: left out
    first, second = articles
    assert first.annotation == "a-art_0aaa.ann" and first.gold["cue"] == [(31, 35), (51, 56)]
    assert first.published == "2016-09-12" and second.published is None
    assert first.skipped_lines == 2
    assert second.text.endswith("\r\n")  # read exactly, no newline translation
    assert [a.id for a in load_split(tmp_path, "dev", limit=1)] == ["a-art"]


@pytest.mark.parametrize(
    ("split", "limit", "message"),
    [
        ("validation", None, "valid splits: train, dev, test"),
        ("train", None, "no PolNeAR train split"),
        ("dev", 0, "limit must be at least 1"),
    ],
)
def test_load_split_rejects_bad_arguments(
    tmp_path: Path, split: str, limit: int | None, message: str
) -> None:
    make_split(tmp_path)
    with pytest.raises(ValueError, match=message):
        load_split(tmp_path, split, limit=limit)


@pytest.mark.skipif(not (SHARED / "data" / "polnear").is_dir(), reason="PolNeAR not present")
def test_real_dev_gold_scores_perfectly_against_itself() -> None:
    articles = load_split(SHARED / "data" / "polnear", "dev", limit=5)
    assert len(articles) == 5 and all(a.published for a in articles)
    for article in articles:
        for role, spans in article.gold.items():
            assert spans, (article.id, role)
            assert all(0 <= s < e <= len(article.text) for s, e in spans)
            scores = score_spans(article.text, spans, spans)
            assert scores["exact"].f1 == scores["begin"].f1 == 100.0
            # A span without a \w token (a colon cue) has Dice 0 with everything: by the
            # letter of EVALUATION.md it can never overlap-match, even itself.
            wordless = sum(not tokens(article.text[s:e]) for s, e in spans)
            assert scores["overlap"].matched == len(spans) - wordless


# --- floors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("content:overlap=40", ("content", "overlap", 40.0)),
        (" source:exact = 12.5 ", ("source", "exact", 12.5)),
        ("cue:begin=0", ("cue", "begin", 0.0)),
    ],
)
def test_parse_floor(spec: str, expected: tuple[str, str, float]) -> None:
    assert parse_floor(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("content=40", "expected ROLE:CRITERION=F1"),
        ("content:overlap=high", "expected ROLE:CRITERION=F1"),
        ("speaker:exact=10", "valid roles: source, cue, content"),
        ("cue:fuzzy=10", "valid criteria: exact, begin, overlap"),
    ],
)
def test_parse_floor_rejects(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_floor(spec)


def test_failed_floors() -> None:
    gold, _ = parse_ann(ANN)
    result = score_corpus([(TEXT, prediction(attr((19, 30), None, (0, 18))), gold)])
    # source exact: 1 of 1 predicted, 1 of 2 gold -> F1 66.67; cue: nothing predicted -> 0.
    assert failed_floors(result, ["source:exact=60"]) == []
    assert failed_floors(result, ["source:exact=70", "cue:begin=1"]) == [
        "source exact F1 66.67 is below the floor 70",
        "cue begin F1 0.00 is below the floor 1",
    ]


# --- the command ------------------------------------------------------------------------------


def invoke(*args: str) -> Any:
    from typer.testing import CliRunner

    import claimledger.cli.evaluate  # noqa: F401  (registers the command)
    from claimledger.cli.app import app

    return CliRunner().invoke(app, ["evaluate", *args])


def test_polnear_command_and_quality_gate(tmp_path: Path) -> None:
    make_split(tmp_path)
    out = tmp_path / "result.json"
    common = ["polnear", "--split", "dev", "--data", str(tmp_path), "--limit", "1"]
    passed = invoke(*common, "--json", str(out), "--min-f1", "source:exact=0")
    assert passed.exit_code == 0, passed.output
    assert "roles.content.overlap" in passed.output and "quality gate passed" in passed.output
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["documents"] == 1 and result["split"] == "dev" and result["anchors"] is None
    assert result["roles"]["cue"]["exact"]["gold"] == 2

    failed = invoke(*common, "--min-f1", "content:exact=100.5")
    assert failed.exit_code == 1
    assert "quality gate failed: PolNeAR dev: content exact F1" in failed.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-f1", "content:fuzzy=3"], "valid criteria: exact, begin, overlap"),
        (["--split", "validation"], "valid splits: train, dev, test"),
    ],
)
def test_polnear_command_rejects_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    make_split(tmp_path)
    result = invoke("polnear", "--data", str(tmp_path), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_missing_scorer_is_reported_not_raised() -> None:
    import typer

    from claimledger.cli.evaluate import _scorer

    with pytest.raises(typer.Exit) as exit_info:
        _scorer("no_such_benchmark", "evaluate")
    assert exit_info.value.exit_code == 2


@pytest.mark.parametrize(
    ("text", "content", "extended"),
    [
        ("She said that cuts would follow.", "cuts would follow", "that cuts would follow"),
        ("She said that \u201ccuts would follow.\u201d", "cuts would follow.",
         "that \u201ccuts would follow."),
        ("She said that \u201ccuts would follow.\u201d", "\u201ccuts would follow.\u201d",
         "that \u201ccuts would follow.\u201d"),
        ("She said that, if the bill fails, cuts would follow.",
         "if the bill fails, cuts would follow", "that, if the bill fails, cuts would follow"),
        # no complementizer: unchanged
        ("She said cuts would follow.", "cuts would follow", "cuts would follow"),
        ("She denied that.", "She denied", "She denied"),
    ],
)
def test_that_convention(text: str, content: str, extended: str) -> None:
    start = text.index(content)
    out = with_conventions(text, {"content": [(start, start + len(content))]})
    (s, e), = out["content"]
    assert text[s:e] == extended
