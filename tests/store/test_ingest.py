"""Batch ingest: skipping unchanged documents, replacing changed ones, rejections, and
kill -9 at any moment followed by a rerun."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import synthetic
from sqlalchemy import text

import claimledger.ingest as ingest_module
from claimledger.errors import DocumentRejected
from claimledger.ingest import ingest, ingest_documents, read_metadata_table, with_metadata
from claimledger.model import Document, Extraction, Meta
from claimledger.store import db, queries

HERE = Path(__file__).resolve().parent
TABLES = ("documents", "attributions", "quantities", "times", "doc_entities", "mentions",
          "diagnostics")


class Counting:
    """The synthetic extractor, counting the documents it is asked to extract."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(
        self, items: Iterable[Document | DocumentRejected], *, workers: int
    ) -> Iterator[Extraction | DocumentRejected]:
        for result in synthetic.extract_many(items, workers=workers):
            if isinstance(result, Extraction):
                self.seen.append(result.document.id)
            yield result


def dump(url: str) -> dict[str, Any]:
    """A canonical dump: every document's stored extraction or rejection, and row counts."""
    engine = db.create(url)
    out: dict[str, Any] = {}
    for key in queries.document_keys(engine):
        x = queries.extraction(engine, key)
        out[key] = (
            x.to_dict() if isinstance(x, Extraction) else [x.reason, x.detail, x.origin]
        )
    with engine.connect() as conn:
        out["#counts"] = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
        }
        out["#fingerprints"] = sorted(
            tuple(r) for r in conn.execute(text(
                "SELECT key, fingerprint, extractor, content_sha256 FROM documents"
            ))
        )
    engine.dispose()
    return out


def test_unchanged_content_is_skipped_before_extraction(db_url: str) -> None:
    docs = [synthetic.article(i) for i in range(20)]
    first = Counting()
    s1 = ingest_documents(docs, db_url=db_url, progress=False, extract=first, batch_size=6)
    assert (s1.new, s1.updated, s1.unchanged, s1.claims_added) == (20, 0, 0, 60)
    before = dump(db_url)
    again = Counting()
    s2 = ingest_documents(docs, db_url=db_url, progress=False, extract=again)
    assert (s2.new, s2.updated, s2.unchanged, s2.claims_added) == (0, 0, 20, 0)
    assert again.seen == []  # nothing was extracted
    assert dump(db_url) == before


def test_changed_content_replaces_the_document(db_url: str) -> None:
    ingest_documents(
        [synthetic.article(i) for i in range(5)], db_url=db_url, progress=False,
        extract=synthetic.extract_many,
    )
    changed = [synthetic.article(i, version=1 if i == 2 else 0) for i in range(5)]
    counting = Counting()
    s = ingest_documents(changed, db_url=db_url, progress=False, extract=counting)
    assert (s.new, s.updated, s.unchanged) == (0, 1, 4)
    assert counting.seen == ["doc-0002"]
    assert queries.extraction(db.create(db_url), "doc-0002") == synthetic.analyse(changed[2])
    assert dump(db_url)["#counts"]["attributions"] == 15


def test_a_new_extractor_version_re_extracts(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [synthetic.article(i) for i in range(3)]
    ingest_documents(docs, db_url=db_url, progress=False, extract=synthetic.extract_many)
    monkeypatch.setattr(ingest_module, "extractor_version", lambda model: "claimledger 99")
    s = ingest_documents(docs, db_url=db_url, progress=False, extract=synthetic.extract_many)
    assert (s.updated, s.unchanged) == (3, 0)
    assert {fp[2] for fp in dump(db_url)["#fingerprints"]} == {"claimledger 99"}


def test_rejected_inputs_are_recorded_and_counted(db_url: str) -> None:
    items: list[Document | DocumentRejected] = [
        synthetic.article(0),
        DocumentRejected("empty", "x.txt is empty (0 bytes)", "x.txt"),
        synthetic.article(1),
        DocumentRejected("bad_json", "in.jsonl:4: not JSON", "in.jsonl:4"),
        DocumentRejected("empty", "y.txt is empty (0 bytes)", "y.txt"),
    ]
    s = ingest_documents(items, db_url=db_url, progress=False, extract=synthetic.extract_many)
    assert (s.new, len(s.rejected)) == (2, 3)
    assert s.reasons() == {"empty": 2, "bad_json": 1}
    assert [r.origin for r in s.rejected] == ["x.txt", "in.jsonl:4", "y.txt"]
    assert queries.document_keys(db.create(db_url), status="rejected") == [
        "in.jsonl:4", "x.txt", "y.txt"
    ]


def test_bad_arguments(sqlite_url: str) -> None:
    with pytest.raises(ValueError, match="workers"):
        ingest_documents([], db_url=sqlite_url, workers=0)
    with pytest.raises(ValueError, match="batch_size"):
        ingest_documents([], db_url=sqlite_url, batch_size=0)


def test_ingest_reads_inputs_and_runs_the_real_pipeline_on_two_workers(
    sqlite_url: str, tmp_path: Path
) -> None:
    corpus = synthetic.write_jsonl(tmp_path / "in.jsonl", 8, bad_every=4)
    (tmp_path / "empty.txt").write_text("")
    s = ingest([str(corpus), str(tmp_path / "empty.txt")], db_url=sqlite_url, workers=2,
               progress=False)
    assert (s.new, len(s.rejected)) == (6, 3)
    assert s.reasons() == {"bad_json": 2, "empty": 1}
    again = ingest([str(corpus)], db_url=sqlite_url, workers=2, progress=False)
    assert (again.new, again.unchanged, len(again.rejected)) == (0, 6, 2)


# --- kill -9 and rerun --------------------------------------------------------------------

def _committed(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created yet, or the schema is still being made
        return 0


def _run_and_kill(cmd: list[str], path: Path, rng: random.Random, *, timeout: float) -> bool:
    """Start ``cmd``; once it has committed something, SIGKILL it after a random delay.

    Returns whether it was killed (False: it finished first).
    """
    log = path.with_suffix(".stderr")
    with log.open("wb") as err:
        # A session of its own, so the kill takes the extraction workers down with it.
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
        )
    deadline = time.monotonic() + timeout
    while _committed(path) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.6))
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert killed or proc.returncode in (0, 2), log.read_text()
    return killed


def _kill_and_rerun(cmd_for: Any, tmp_path: Path, seed: int, rounds: int, timeout: float) -> None:
    clean = tmp_path / "clean.db"
    first = subprocess.run(cmd_for(clean), check=False, capture_output=True, timeout=timeout)
    assert first.returncode in (0, 2), first.stderr.decode()
    expected = dump(f"sqlite:///{clean}")
    assert expected["#counts"]["attributions"] > 0

    rng = random.Random(seed)
    broken = tmp_path / "killed.db"
    kills = sum(
        _run_and_kill(cmd_for(broken), broken, rng, timeout=timeout) for _ in range(rounds)
    )
    assert kills >= 1, "the ingest finished before it could be killed"
    interrupted = dump(f"sqlite:///{broken}")
    assert interrupted["#counts"]["documents"] <= expected["#counts"]["documents"]
    rerun = subprocess.run(cmd_for(broken), check=False, capture_output=True, timeout=timeout)
    assert rerun.returncode in (0, 2), rerun.stderr.decode()
    assert dump(f"sqlite:///{broken}") == expected


@pytest.mark.parametrize("seed", [1, 2])
def test_kill_9_then_rerun_equals_a_clean_run(tmp_path: Path, seed: int) -> None:
    corpus = synthetic.write_jsonl(tmp_path / "in.jsonl", 300, bad_every=37)

    def cmd(path: Path) -> list[str]:
        # 10 ms of simulated extraction per document: a few seconds per run.
        return [sys.executable, str(HERE / "synthetic.py"), f"sqlite:///{path}", str(corpus),
                "0.01"]

    _kill_and_rerun(cmd, tmp_path, seed, rounds=2, timeout=120)


@pytest.mark.slow
def test_kill_9_of_the_claimledger_ingest_command(tmp_path: Path) -> None:
    corpus = synthetic.write_jsonl(tmp_path / "in.jsonl", 300, bad_every=50)
    exe = Path(sys.executable).with_name("claimledger")

    def cmd(path: Path) -> list[str]:
        return [str(exe), "ingest", str(corpus), "--db", str(path), "--workers", "2",
                "--no-progress"]

    _kill_and_rerun(cmd, tmp_path, seed=3, rounds=1, timeout=600)


def test_summary_to_dict() -> None:
    s = ingest_module.IngestSummary(
        new=2, unchanged=1, updated=1,
        rejected=(ingest_module.Rejection("a", "empty", "a is empty"),), claims_added=5,
    )
    d = s.to_dict()
    assert d["documents"] == 5 and d["rejected_reasons"] == {"empty": 1}
    assert json.loads(json.dumps(d)) == d


# --- a metadata table beside the texts ----------------------------------------------------

TSV = (
    "compartment\tfilename\tpublisher\tpublication_date\ttitle\tcredit\n"
    "x\talpha\tDaily A\t2016-03-11\tAlpha story\tAP\n"
    "x\tbeta.txt\tNone\t2016-04-01\t\tNone\n"
    "x\t\tDaily C\t2016-05-01\tno id\tNone\n"
)


@pytest.mark.parametrize(
    ("doc_id", "own", "expected"),
    [
        ("alpha", Meta(), Meta("Daily A", "2016-03-11", "Alpha story")),
        # ".txt" is dropped from the id; "None" and empty cells are unknown.
        ("beta", Meta(), Meta("Default", "2016-04-01", None)),
        # The document's own values win over the table's.
        ("alpha", Meta(outlet="Own", published="2020-01-01"), Meta("Own", "2020-01-01",
                                                                   "Alpha story")),
        # An id missing from the table keeps its metadata, and takes the defaults.
        ("gamma", Meta(), Meta("Default", "2000-01-01")),
    ],
)
def test_metadata_table_fills_empty_fields(
    tmp_path: Path, doc_id: str, own: Meta, expected: Meta
) -> None:
    path = tmp_path / "metadata.tsv"
    path.write_text(TSV)
    table = read_metadata_table(path)
    assert set(table) == {"alpha", "beta"}
    rejected = DocumentRejected("empty", "no text", origin="x.txt")
    out = list(with_metadata(
        [Document(doc_id, "Text.", own), rejected], table,
        published="2000-01-01", outlet="Default",
    ))
    assert out[1] is rejected
    assert out[0].meta == expected  # type: ignore[union-attr]


def test_metadata_table_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        read_metadata_table(tmp_path / "missing.tsv")
    (tmp_path / "bad.csv").write_text("publisher,date\nA,2016-01-01\n")
    with pytest.raises(ValueError, match="no id column .*filename"):
        read_metadata_table(tmp_path / "bad.csv")


def test_ingest_applies_a_metadata_table(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "alpha.txt").write_text("The mayor said the bridge would reopen.\n")
    (tmp_path / "metadata.tsv").write_text(TSV)
    s = ingest([str(tmp_path / "texts")], db_url=sqlite_url, progress=False,
               metadata_table=tmp_path / "metadata.tsv")
    assert s.new == 1
    stored = queries.extraction(db.create(sqlite_url), "alpha")
    assert isinstance(stored, Extraction)
    assert (stored.document.meta.outlet, stored.document.meta.published) == (
        "Daily A", "2016-03-11")


def test_extractor_version_names_the_extraction_code() -> None:
    from claimledger.store.write import extractor_version

    version = extractor_version()
    # "claimledger 0.1.0+<digest of the extraction modules>; <model> <model version>"
    assert version.startswith("claimledger ") and "+" in version.split(";")[0]
    assert version == extractor_version()
