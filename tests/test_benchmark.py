"""The throughput benchmark (EVALUATION.md §5): arguments, reading, rendering, one real run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.benchmark import (
    TARGET_PEAK_MIB,
    TARGET_RATIO,
    _documents,
    markdown,
    polnear_texts,
    run_throughput,
)
from claimledger.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def make_texts(root: Path, names: list[str]) -> None:
    folder = root / "dev" / "text"
    folder.mkdir(parents=True)
    for name in names:
        (folder / f"{name}.txt").write_text(f"{name} said it rained.\n", encoding="utf-8")


def test_polnear_texts_sorted_and_limited(tmp_path: Path) -> None:
    make_texts(tmp_path, ["b", "a", "c"])
    assert [p.stem for p in polnear_texts(tmp_path, "dev")] == ["a", "b", "c"]
    assert [p.stem for p in polnear_texts(tmp_path, "dev", limit=2)] == ["a", "b"]


@pytest.mark.parametrize(
    ("split", "limit", "message"),
    [
        ("dev2", None, "valid splits: train, dev, test"),
        ("test", None, "no PolNeAR texts"),
        ("dev", 0, "limit must be at least 1"),
    ],
)
def test_polnear_texts_rejects(tmp_path: Path, split: str, limit: int | None, message: str) -> None:
    make_texts(tmp_path, ["a"])
    with pytest.raises(ValueError, match=message):
        polnear_texts(tmp_path, split, limit=limit)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "workers must be at least 1"),
        ({"batch_size": 0}, "batch_size must be at least 1"),
        ({"rounds": 0}, "rounds must be at least 1"),
    ],
)
def test_run_throughput_rejects_bad_arguments(
    tmp_path: Path, kwargs: dict[str, Any], message: str
) -> None:
    make_texts(tmp_path, ["a"])
    with pytest.raises(ValueError, match=message):
        run_throughput(polnear_texts(tmp_path, "dev"), **kwargs)
    with pytest.raises(ValueError, match="no texts"):
        run_throughput([])


def test_documents_are_the_files_exactly(tmp_path: Path) -> None:
    # Whichever reader makes them, the documents the extract run times are the files as
    # stored, named by their stem, in order.
    make_texts(tmp_path, ["b", "a"])
    (tmp_path / "dev" / "text" / "a.txt").write_bytes(b"A said: \xe2\x80\x9cyes\xe2\x80\x9d.\r\n")
    paths = [str(p) for p in polnear_texts(tmp_path, "dev")]
    documents, source = _documents(paths)
    got = [d for d in documents if isinstance(d, Document)]
    assert source in {"inputs.iter_documents", "direct"}
    assert [d.id for d in got] == ["a", "b"]
    assert got[0].text == "A said: “yes”.\r\n"


def fake_result(ratio: float, peak: float) -> dict[str, Any]:
    def measurement(name: str, aps: float) -> dict[str, Any]:
        return {
            "name": name,
            "articles": 84,
            "seconds": 84 / aps,
            "articles_per_second": aps,
            "cpu_seconds": 84 / aps,
            "articles_per_cpu_second": aps,
            "peak_worker_mib": peak,
            "peak_parent_mib": 400.0,
        }

    return {
        "workers": 2,
        "bare": measurement("bare nlp.pipe", 10.0),
        "extract": measurement("claimledger extract", 10.0 * ratio),
        "ratio": ratio,
        "cpu_ratio": ratio,
        "meets": {"ratio": ratio >= TARGET_RATIO, "peak_mib_per_worker": peak <= TARGET_PEAK_MIB},
    }


@pytest.mark.parametrize(
    ("ratio", "peak", "expected"),
    [
        (0.9, 500.0, ["target ≥ 0.8: met", "MiB: met"]),
        (0.5, 500.0, ["target ≥ 0.8: NOT met", "MiB: met"]),
        (0.9, 700.0, ["target ≥ 0.8: met", "MiB: NOT met"]),
    ],
)
def test_markdown(ratio: float, peak: float, expected: list[str]) -> None:
    text = markdown(fake_result(ratio, peak))
    assert "| bare nlp.pipe | 84 | 8.40 | 10.00 | 8.40 | 10.00 |" in text
    assert f"by CPU time {ratio:.3f}" in text
    assert "rounds" not in text
    for piece in expected:
        assert piece in text


def test_markdown_names_each_rounds_ratio() -> None:
    result = {**fake_result(0.9, 500.0), "rounds": 3, "round_ratios": [0.85, 0.9, 1.2]}
    assert "median of 3 alternating rounds; each round's ratio: 0.850, 0.900, 1.200" in (
        markdown(result)
    )


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR not present")
def test_real_run_on_two_dev_articles() -> None:
    result = run_throughput(polnear_texts(POLNEAR, "dev", limit=2), workers=1, rounds=2)
    json.dumps(result)
    assert result["rounds"] == 2 and len(result["round_ratios"]) == 2
    for key in ("bare", "extract"):
        m = result[key]
        assert m["articles"] == 2
        assert m["seconds"] > 0 and m["articles_per_second"] > 0
        assert m["cpu_seconds"] > 0 and m["articles_per_cpu_second"] > 0
        # The model alone takes tens of MiB; a worker holding it cannot be tiny.
        assert 50 < m["peak_worker_mib"] < 4096
    assert result["ratio"] == pytest.approx(
        result["extract"]["articles_per_second"] / result["bare"]["articles_per_second"],
        abs=1e-3,
    )


def test_benchmark_command_rejects_a_bad_split(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import claimledger.cli.benchmark  # noqa: F401  (registers the command)
    from claimledger.cli.app import app

    make_texts(tmp_path, ["a"])
    result = CliRunner().invoke(
        app, ["benchmark", "throughput", "--data", str(tmp_path), "--split", "nope"]
    )
    assert result.exit_code == 2
    assert "valid splits: train, dev, test" in result.output
