"""``claimledger benchmark web`` on a small scale: it runs and reports what it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.ingest import ingest
from claimledger.web.bench import synthetic_extraction, web_benchmark

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("words", "claims"), [(5000, 200), (1400, 100), (14, 1)])
def test_synthetic_article(words: int, claims: int) -> None:
    ex = synthetic_extraction(words, claims)
    assert len(ex.attributions) == claims
    assert abs(len(ex.document.text.split()) - words) <= words * 0.1 + 5
    for span in ex.spans():
        assert ex.document.text[span.start:span.end] == span.text


@pytest.mark.parametrize(("words", "claims"), [(100, 10), (1000, 0)])
def test_synthetic_article_refuses_bad_sizes(words: int, claims: int) -> None:
    with pytest.raises(ValueError, match="need claims"):
        synthetic_extraction(words, claims)


def test_benchmark_with_an_api_store(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    ingest([str(REPO / "examples")], db_url=str(db), workers=1, progress=False)
    report = web_benchmark(words=1400, claims=100, db=str(db), repeat=3)
    assert report["article"]["claims"] == 100
    assert report["render_only"]["runs"] == 3 and report["page_request"]["p95_ms"] > 0
    assert report["api"]["attributions"] == 19
    assert set(report["api"]["cases"]) == {
        "newest_page", "by_source", "by_text", "by_outlet_and_month", "deep_page"}


def test_benchmark_command(tmp_path: Path) -> None:
    out = tmp_path / "web.json"
    r = CliRunner().invoke(app, ["benchmark", "web", "--words", "1400", "--claims", "100",
                                 "--repeat", "2", "--json", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text())["benchmark"] == "web"
    bad = CliRunner().invoke(app, ["benchmark", "web", "--db", str(tmp_path / "none.db")])
    assert bad.exit_code == 1 and "no store at" in bad.output
