"""A real store for the web tests: the seed article, a wire copy of it, and a crafted article
with emoji, non-Latin scripts and markup, ingested by the real ``ingest`` and analysed by the
real ledger build (sentence model included)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from claimledger.ingest import ingest
from claimledger.ledger.build import build
from claimledger.store import db

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_ID = "newsweek-2025-01-11-nk-pows"
SEED = REPO / "examples" / f"{SEED_ID}.txt"
GOLD = SHARED / "gold" / "seed" / f"{SEED_ID}.gold.json"
CRAFTED_ID = "unicode-script"
CRAFTED = Path(__file__).resolve().parent / "data" / f"{CRAFTED_ID}.txt"
COPY_ID = "wire-copy-of-seed"
SCREENSHOTS = REPO / "docs" / "screenshots"


def build_store(folder: Path) -> str:
    """Ingest and analyse the three documents into ``folder/ledger.db``; return its URL."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True)
    for path in (SEED, SEED.with_name(SEED.stem + ".meta.json"), CRAFTED,
                 CRAFTED.with_name(CRAFTED.stem + ".meta.json")):
        shutil.copy(path, inputs / path.name)
    # A syndicated copy: the same text under another outlet, a day later.
    (inputs / f"{COPY_ID}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / f"{COPY_ID}.meta.json").write_text(json.dumps(
        {"id": COPY_ID, "outlet": "Wire Service", "published": "2025-01-12"}
    ), encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    summary = ingest([str(inputs)], db_url=url, workers=1, progress=False)
    assert summary.new == 3 and not summary.rejected, summary.to_dict()
    engine = db.create(url)
    build(engine)
    engine.dispose()
    return url


def gold_attributions() -> list[dict[str, object]]:
    """The seed's gold attributions."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    return list(data["attributions"])
