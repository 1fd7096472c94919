"""The ledger over a real store: build, then the clusters and measure queries, and the CLI.

The sentence model is replaced by a deterministic bag-of-words encoder here (the model's own
tests are in test_claims.py); the database is real (SQLite, and PostgreSQL under CI).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import numpy as np
import pytest
from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    func,
    select,
    update,
)
from typer.testing import CliRunner

from claimledger.cli import analyze  # noqa: F401  (registers the commands on app)
from claimledger.cli.app import app
from claimledger.ledger import samples
from claimledger.ledger.build import (
    MODEL_NAME,
    build,
    clusters,
    measure_timeline,
    measures,
)
from claimledger.model import (
    Attribution,
    Document,
    Entity,
    Extraction,
    Meta,
    Quantity,
    Span,
    TimeExpression,
)
from claimledger.store import db, queries, write
from claimledger.store.schema import metadata


class BagOfWords:
    """A stand-in sentence encoder: hashed word counts, L2-normalised."""

    calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        BagOfWords.calls += len(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


CLAIM = "Ruritanian troops had suffered over 500 casualties since March"


def _doc(doc_id: str, outlet: str, published: str, speaker: str, lead: str) -> Extraction:
    text = (
        f"{lead} {speaker} said on Monday that {CLAIM}. The figure is as high as 2,000, she added."
    )
    src = text.index(speaker)
    content = text.index(CLAIM)
    q1 = text.index("over 500 casualties")
    q2 = text.index("as high as 2,000")
    t1 = text.index("since March")
    return Extraction(
        Document(doc_id, text, Meta(outlet=outlet, published=published)),
        attributions=(
            Attribution(
                "a1",
                Span.of(text, content, content + len(CLAIM)),
                "indirect",
                source=Span.of(text, src, src + len(speaker)),
                source_entity=speaker,
            ),
        ),
        quantities=(
            Quantity(
                Span.of(text, q1, q1 + 19),
                500,
                None,
                low_inclusive=False,
                unit="casualty",
                subject="Ruritanian casualties",
                attribution="a1",
            ),
            # As if the extractor tied "she added" to the same speaker.
            Quantity(Span.of(text, q2, q2 + 16), None, 2000, attribution="a1"),
        ),
        times=(TimeExpression(Span.of(text, t1, t1 + 11), "DATE", "2025-03", attribution="a1"),),
        entities=(Entity(speaker, "PERSON", mentions=(Span.of(text, src, src + len(speaker)),)),),
    )


def _store(url: str) -> object:
    engine = db.create(url)
    write.store(
        engine,
        [
            _doc("d1", "Daily A", "2025-04-01", "Ann Roe", "In the capital,"),
            _doc("d2", "Weekly B", "2025-04-02", "Governor Ann Roe", "Meanwhile,"),
            _doc("d3", "Radio C", "2025-04-03", "Bo Li", "Elsewhere,"),
        ],
        extractor="test",
    )
    return engine


def test_build_and_query(db_url: str) -> None:
    engine = _store(db_url)
    report = build(engine, embedder=BagOfWords())  # type: ignore[arg-type]
    assert report.documents == 3
    assert report.clusters == 1
    (cluster,) = clusters(engine)  # type: ignore[arg-type]
    # Ann Roe twice (one origin), Bo Li once: three mentions, two independent origins.
    assert (cluster.mentions, cluster.origins) == (3, 2)
    assert cluster.outlets == ("Daily A", "Radio C", "Weekly B")
    assert [e.date for e in cluster.entries] == ["2025-04-01", "2025-04-02", "2025-04-03"]
    assert clusters(engine, min_outlets=4) == []  # type: ignore[arg-type]

    (measure,) = measure_timeline(engine, "ruritanian casualties")  # type: ignore[arg-type]
    assert measure.relation == "compatible"
    assert measure.period == "since 2025-03"
    assert len(measure.entries) == 6
    assert measure.entries[0].interval == "(500, ∞)"
    assert {e.interval for e in measure.entries} == {"(500, ∞)", "(-∞, 2000]"}
    assert measure.origins == 2
    assert measure_timeline(engine, "tanks") == []  # type: ignore[arg-type]
    (several,) = measures(engine, min_estimates=6)  # type: ignore[arg-type]
    assert several == measure
    assert measures(engine, min_estimates=7) == []  # type: ignore[arg-type]
    assert measures(engine, min_estimates=2, min_origins=3) == []  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="min_estimates"):
        measures(engine, min_estimates=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="word"):
        measure_timeline(engine, "  ")  # type: ignore[arg-type]

    # Cross-document entities: "Governor Ann Roe" and "Ann Roe" are one.
    de = metadata.tables["doc_entities"]
    with engine.connect() as conn:  # type: ignore[attr-defined]
        rows = dict(conn.execute(select(de.c.name, de.c.entity_id)).all())
    assert rows["Ann Roe"] == rows["Governor Ann Roe"] != rows["Bo Li"]

    # analyze leaves the speakers summary: the merged entity is one speaker, with both names.
    speakers = {x.name: x for x in queries.sources(engine)}  # type: ignore[arg-type]
    merged = [x for x in speakers.values() if set(x.names) == {"Ann Roe", "Governor Ann Roe"}]
    assert len(merged) == 1 and merged[0].entity_id is not None
    assert "Bo Li" in speakers


def test_measure_pairs_sample(sqlite_url: str) -> None:
    engine = _store(sqlite_url)
    build(engine, embedder=BagOfWords())  # type: ignore[arg-type]
    lines = samples.measure_pairs(sqlite_url, pairs=5, seed=1)
    assert lines[0].startswith("# 1 measures with two estimates or more (1 of them in two")
    assert lines[1].startswith("#0 measure ") and lines[1].endswith("compatible")
    # two estimates of different documents, each with its sentence
    assert len(lines) == 4 and lines[2].split(" | ")[0].strip() != lines[3].split(" | ")[0].strip()


def test_build_is_repeatable(sqlite_url: str) -> None:
    engine = _store(sqlite_url)
    build(engine, embedder=BagOfWords())  # type: ignore[arg-type]
    first = [c.to_dict() for c in clusters(engine)]  # type: ignore[arg-type]
    build(engine, embedder=BagOfWords())  # type: ignore[arg-type]
    assert [c.to_dict() for c in clusters(engine)] == first


def test_embeddings_are_cached_in_the_store(db_url: str) -> None:
    engine = _store(db_url)
    emb = metadata.tables["attribution_embeddings"]
    BagOfWords.calls = 0
    assert build(engine, embedder=BagOfWords()).embedded == 3  # type: ignore[arg-type]
    assert build(engine, embedder=BagOfWords()).embedded == 0  # type: ignore[arg-type]
    assert BagOfWords.calls == 3
    with engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.execute(select(emb.c.model, emb.c.vector)).all()
    assert len(rows) == 3
    assert {m for m, _ in rows} == {MODEL_NAME}
    assert {len(v) for _, v in rows} == {384 * 2}  # float16, 384 values

    # A changed document loses its attributions, and their cached vectors with them
    # (ON DELETE CASCADE): only it is embedded again.
    write.store(
        engine,  # type: ignore[arg-type]
        [_doc("d3", "Radio C", "2025-04-03", "Bo Li", "Later,")],
        extractor="test",
    )
    with engine.connect() as conn:  # type: ignore[attr-defined]
        assert conn.execute(select(func.count()).select_from(emb)).scalar() == 2
    assert build(engine, embedder=BagOfWords()).embedded == 1  # type: ignore[arg-type]

    # A vector of another model is not used, and is replaced.
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(update(emb).values(model="another-model"))
    assert build(engine, embedder=BagOfWords()).embedded == 3  # type: ignore[arg-type]
    with engine.connect() as conn:  # type: ignore[attr-defined]
        assert set(conn.execute(select(emb.c.model)).scalars()) == {MODEL_NAME}


def test_an_explicit_embedding_table_is_used(sqlite_url: str) -> None:
    engine = _store(sqlite_url)
    meta = MetaData()
    table = Table(
        "other_embeddings",
        meta,
        Column("attribution_pk", Integer, primary_key=True),
        Column("model", String(64)),
        Column("vector", LargeBinary),
    )
    meta.create_all(engine, tables=[table])  # type: ignore[arg-type]
    BagOfWords.calls = 0
    assert build(engine, embedder=BagOfWords(), embedding_table=table).embedded == 3  # type: ignore[arg-type]
    assert build(engine, embedder=BagOfWords(), embedding_table=table).embedded == 0  # type: ignore[arg-type]
    assert BagOfWords.calls == 3


def test_cli_prints_jsonl_and_csv(sqlite_url: str) -> None:
    engine = _store(sqlite_url)
    build(engine, embedder=BagOfWords())  # type: ignore[arg-type]
    runner = CliRunner()
    path = sqlite_url.removeprefix("sqlite:///")
    res = runner.invoke(app, ["measure", "casualties", "--db", path, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    (line,) = res.output.strip().splitlines()
    row = json.loads(line)
    assert row["relation"] == "compatible" and len(row["entries"]) == 6
    assert set(row["entries"][0]) == {
        "date",
        "source",
        "via",
        "interval",
        "outlet",
        "origin",
        "document",
        "text",
    }
    res = runner.invoke(app, ["clusters", "--db", path, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0].startswith("cluster,origins,mentions,outlets,label,date")
    assert len(res.output.strip().splitlines()) == 4
    res = runner.invoke(app, ["clusters", "--db", path, "--format", "xml"])
    assert res.exit_code != 0
    res = runner.invoke(app, ["measure", "casualties", "--db", path, "--format", "table"])
    assert res.exit_code == 0 and "compatible" in res.output
    res = runner.invoke(app, ["measures", "--db", path, "--min-estimates", "6", "--format",
                              "jsonl"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["relation"] for x in res.output.strip().splitlines()] == ["compatible"]
    res = runner.invoke(app, ["measures", "--db", path, "--min-estimates", "7"])
    assert res.exit_code == 0 and res.output.strip() == ""
