"""The store benchmark, run small: every query it reports, and the speakers summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.store import bench, db, queries

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear"


@pytest.mark.skipif(not POLNEAR.exists(), reason="shared PolNeAR data not available")
def test_store_benchmark_small(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    report = bench.store_benchmark(
        attributions=400, path=str(path), repeat=3, templates=3, workers=1
    )
    assert report["rows"]["attributions"] >= 400
    assert {"claims_by_source", "claims_by_text", "sources_top50", "sources_top50_live"} <= set(
        report["queries"]
    )
    assert report["speakers_refresh_s"] >= 0
    # The benchmark leaves the summary in place: sources read it, and it agrees with a live
    # count of one outlet's worth (every outlet together is the whole store).
    engine = db.create(str(path))
    listed = queries.sources(engine, limit=1000)
    assert listed and sum(s.claims for s in listed) == sum(
        s.claims for o in bench.OUTLETS for s in queries.sources(engine, outlet=o, limit=1000)
    )
    engine.dispose()
