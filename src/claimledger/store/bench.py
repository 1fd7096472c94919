"""Benchmarks of the store: query latency at scale, and ingest against extract-only throughput.

``store_benchmark`` extracts a few real documents (PolNeAR ``dev`` by default), stores them the
normal way, then replicates their rows with new ids inside SQLite (``INSERT ... SELECT``, no
extraction) until the store holds the requested number of attributions: copies get other
outlets and shifted dates, their quantities are grouped into measures of about
``MEASURE_SIZE`` estimates. It then times the common queries through ``queries`` (the code the
CLI runs), ``repeat`` times each with parameters drawn from the stored data, and reports p50
and p95 in milliseconds.

``ingest_benchmark`` runs ``pipeline.extract_many`` alone and then the whole ingest into a new
SQLite file, on the same texts and workers, and reports documents per second and their ratio.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from ..model import Document, Meta
from . import db, queries, speakers, write

#: Where PolNeAR lives, relative to the repository (the shared data sets sit beside it).
POLNEAR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polnear"
#: Outlets given to replicated documents (PolNeAR's seven publishers).
OUTLETS = ("breitbart", "foxnews", "huffpost", "nytimes", "politico", "reuters", "washpost")
#: Estimates per synthetic measure.
MEASURE_SIZE = 50
_WORDS = re.compile(r"[A-Za-z]{5,}")


def polnear_documents(split: str = "dev", n: int | None = None, corpus: str | None = None) -> list[
    Document
]:
    """The first ``n`` PolNeAR texts of ``split`` (or of the directory ``corpus``) as documents.

    The publisher and date come from the file name (``publisher_YYYY-MM-DD_slug``).

    Raises:
        FileNotFoundError: the directory holds no ``.txt`` file.
    """
    folder = Path(corpus) if corpus else POLNEAR / split / "text"
    paths = sorted(folder.glob("*.txt"))[: n if n is not None else None]
    if not paths:
        raise FileNotFoundError(f"no .txt files in {folder}")
    docs = []
    for p in paths:
        parts = p.stem.split("_")
        date = parts[1] if len(parts) > 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts[1]) else None
        docs.append(
            Document(
                id=p.stem, text=p.read_text(encoding="utf-8"),
                meta=Meta(outlet=parts[0], published=date), origin=str(p),
            )
        )
    return docs


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95 and max of ``samples`` (seconds) in milliseconds, with the number of runs."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "runs": len(ordered),
    }


def timed(run: Callable[[], object], repeat: int, *, warm: bool = False) -> dict[str, float]:
    """The :func:`percentiles` of ``repeat`` timed calls of ``run``; ``warm`` calls it once
    untimed first (templates compiled, pages in the OS cache)."""
    if warm:
        run()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        samples.append(time.perf_counter() - t0)
    return percentiles(samples)


def store_benchmark(
    *,
    attributions: int = 100_000,
    path: str | None = None,
    repeat: int = 200,
    corpus: str | None = None,
    templates: int = 40,
    workers: int = 2,
    seed: int = 7,
) -> dict[str, Any]:
    """Fill a SQLite store to ``attributions`` rows and time the common queries.

    A ``path`` that already holds at least that many attributions is reused as it is.

    Raises:
        ValueError: ``attributions`` or ``repeat`` < 1.
        FileNotFoundError: the template corpus is missing.
    """
    if attributions < 1 or repeat < 1:
        raise ValueError("attributions and repeat must be at least 1")
    file = Path(path) if path else Path(tempfile.mkdtemp(prefix="claimledger-bench-")) / "b.db"
    engine = db.create(str(file))
    report: dict[str, Any] = {"benchmark": "store", "db": str(file)}
    with engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM attributions")).scalar_one()
    if have < attributions:
        t0 = time.perf_counter()
        from ..pipeline import extract_many

        docs = polnear_documents("dev", templates, corpus)
        write.store(engine, extract_many(docs, workers=workers))
        report["template_extract_s"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        with engine.connect() as conn:
            _replicate(conn, attributions)
        report["fill_s"] = round(time.perf_counter() - t0, 1)
    rng = random.Random(seed)
    with engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("documents", "attributions", "quantities", "mentions", "measures")
        }
        report["rows"] = counts
        src = [r[0] for r in conn.execute(text(
            "SELECT source_norm FROM attributions WHERE pk IN "
            "(SELECT pk FROM attributions ORDER BY random() LIMIT 2000) "
            "AND source_norm IS NOT NULL"
        ))]
        contents = [r[0] for r in conn.execute(text(
            "SELECT content_text FROM attributions ORDER BY random() LIMIT 500"
        ))]
        words = [w.lower() for c in contents for w in _WORDS.findall(c)]
        dates = [r[0] for r in conn.execute(text(
            "SELECT claim_date FROM attributions WHERE claim_date IS NOT NULL "
            "ORDER BY random() LIMIT 500"
        ))]
        measures = [r[0] for r in conn.execute(text("SELECT id FROM measures"))]
        entity_names = [r[0] for r in conn.execute(text(
            "SELECT name FROM doc_entities ORDER BY random() LIMIT 500"
        ))]

        def pick(xs: Sequence[Any]) -> Any:
            return rng.choice(xs)

        def date_window() -> tuple[str, str]:
            start = pick(dates)[:8] + "01"
            return start, start[:7]

        cases: dict[str, Callable[[], object]] = {
            "claims_by_source": lambda: queries.claims(conn, source=pick(src)),
            "claims_by_text": lambda: queries.claims(
                conn, text=" ".join(rng.sample(words, rng.choice((1, 2))))
            ),
            "claims_by_outlet_and_month": lambda: queries.claims(
                conn, outlet=pick(OUTLETS), since=date_window()[0], until=date_window()[1]
            ),
            "claims_by_date_range": lambda: queries.claims(
                conn, since=date_window()[0], until=date_window()[1]
            ),
            "measure_timeline": lambda: queries.measure_timeline(conn, pick(measures)),
            "claims_by_entity": lambda: queries.claims(conn, entity=pick(entity_names)),
        }
        report["queries"] = {}
        for name, run in cases.items():
            if name == "measure_timeline" and not measures:
                continue
            # Warm: the page cache for this access path. The entity query is not one of the
            # latency targets and is the slowest: fewer runs.
            report["queries"][name] = timed(
                run, min(repeat, 50) if name == "claims_by_entity" else repeat, warm=True
            )
        # Counted live (as between an ingest and the next analyze): few runs, it is slow.
        report["queries"]["sources_top50_live"] = timed(lambda: queries.sources(conn), 3)
    t0 = time.perf_counter()
    with engine.begin() as wconn:
        speakers.refresh(wconn)  # what analyze does last
    report["speakers_refresh_s"] = round(time.perf_counter() - t0, 1)
    with engine.connect() as conn:
        report["queries"]["sources_top50"] = timed(lambda: queries.sources(conn), repeat)
    engine.dispose()
    return report


def _replicate(conn: Connection, target: int) -> None:
    """Copy the stored documents' rows with new ids until ``target`` attributions exist."""
    x = conn.exec_driver_sql
    with conn.begin():
        per_doc = x(
            "SELECT count(*) * 1.0 / (SELECT count(*) FROM documents WHERE status='ok') "
            "FROM attributions"
        ).scalar_one() or 1.0
        have = x("SELECT count(*) FROM attributions").scalar_one()
        templates = x("SELECT count(*) FROM documents WHERE status='ok'").scalar_one()
        copies = max(0, int((target - have) / (per_doc * templates)) + 1)
        x("CREATE TEMP TABLE n(c INTEGER PRIMARY KEY)")
        x(f"WITH RECURSIVE s(c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM s WHERE c < {copies}) "
          "INSERT INTO n SELECT c FROM s")
        x("CREATE TEMP TABLE tpl AS SELECT pk FROM documents WHERE status='ok'")
        # Keys of this round's copies: unique even when a store is grown a second time.
        tag = "#" + str(x("SELECT max(pk) FROM documents").scalar_one()) + "."
        outlets = ", ".join(f"'{o}'" for o in OUTLETS)
        x(
            "INSERT INTO documents (key, status, text, content_sha256, fingerprint, outlet, "
            "published, title, url, language, origin, encoding, extractor, ingested_at, "
            "updated_at) "
            f"SELECT d.key || '{tag}' || n.c, 'ok', d.text, d.content_sha256, NULL, "
            f"json_extract(json_array({outlets}), '$[' || ((n.c + d.pk) % {len(OUTLETS)}) || ']'), "
            "date(coalesce(d.published, '2016-01-01'), '+' || (n.c % 730) || ' days'), d.title, "
            "d.url, d.language, d.origin, d.encoding, d.extractor, d.ingested_at, d.updated_at "
            "FROM n CROSS JOIN documents d WHERE d.pk IN (SELECT pk FROM tpl) ORDER BY n.c, d.pk"
        )
        x(
            "CREATE TEMP TABLE m AS SELECT d2.pk AS copy_pk, d.pk AS tpl_pk, n.c AS c "
            "FROM n CROSS JOIN documents d "
            f"JOIN documents d2 ON d2.key = d.key || '{tag}' || n.c "
            "WHERE d.pk IN (SELECT pk FROM tpl)"
        )
        x("CREATE INDEX m_tpl ON m(tpl_pk)")
        x(
            "INSERT INTO doc_entities (document_pk, seq, name, name_norm, type, roles, entity_id) "
            "SELECT m.copy_pk, e.seq, e.name, e.name_norm, e.type, e.roles, NULL "
            "FROM m JOIN doc_entities e ON e.document_pk = m.tpl_pk ORDER BY m.copy_pk, e.seq"
        )
        x(
            "INSERT INTO mentions (doc_entity_pk, document_pk, seq, start, \"end\", text) "
            "SELECT e2.pk, m.copy_pk, mn.seq, mn.start, mn.\"end\", mn.text "
            "FROM m JOIN doc_entities e ON e.document_pk = m.tpl_pk "
            "JOIN mentions mn ON mn.doc_entity_pk = e.pk "
            "JOIN doc_entities e2 ON e2.document_pk = m.copy_pk AND e2.seq = e.seq"
        )
        x(
            "INSERT INTO attributions (document_pk, seq, local_id, kind, content_start, "
            "content_end, content_text, source_start, source_end, source_text, source_entity, "
            "source_norm, source_role, cue_start, cue_end, cue_text, via, channel, said_on, "
            "nested_in, hedge, outlet, published, claim_date, source_doc_entity_pk) "
            "SELECT m.copy_pk, a.seq, a.local_id, a.kind, a.content_start, a.content_end, "
            "a.content_text, a.source_start, a.source_end, a.source_text, a.source_entity, "
            "a.source_norm, a.source_role, a.cue_start, a.cue_end, a.cue_text, a.via, a.channel, "
            "a.said_on, a.nested_in, a.hedge, d2.outlet, d2.published, "
            "coalesce(CASE WHEN length(a.said_on) = 10 "
            "THEN date(a.said_on, '+' || (m.c % 730) || ' days') END, d2.published), "
            "(SELECT e2.pk FROM doc_entities e JOIN doc_entities e2 "
            " ON e2.document_pk = m.copy_pk AND e2.seq = e.seq "
            " WHERE e.pk = a.source_doc_entity_pk) "
            "FROM m JOIN attributions a ON a.document_pk = m.tpl_pk "
            "JOIN documents d2 ON d2.pk = m.copy_pk ORDER BY m.copy_pk, a.seq"
        )
        x(
            "INSERT INTO attribution_entities (attribution_pk, doc_entity_pk, role) "
            "SELECT a2.pk, e2.pk, ae.role FROM m "
            "JOIN attributions a ON a.document_pk = m.tpl_pk "
            "JOIN attribution_entities ae ON ae.attribution_pk = a.pk "
            "JOIN doc_entities e ON e.pk = ae.doc_entity_pk "
            "JOIN attributions a2 ON a2.document_pk = m.copy_pk AND a2.local_id = a.local_id "
            "JOIN doc_entities e2 ON e2.document_pk = m.copy_pk AND e2.seq = e.seq"
        )
        for table, cols in (
            ("quantities", "low, high, low_inclusive, high_inclusive, approximate, unit, "
             "subject, kind, currency"),
            ("times", "type, value, anchor"),
        ):
            qcols = ", ".join("q." + c.strip() for c in cols.split(","))
            x(
                f"INSERT INTO {table} (document_pk, attribution_pk, seq, start, \"end\", text, "
                f"{cols}, attribution_local) "
                f"SELECT m.copy_pk, (SELECT a2.pk FROM attributions a2 WHERE "
                f"a2.document_pk = m.copy_pk AND a2.local_id = q.attribution_local), q.seq, "
                f"q.start, q.\"end\", q.text, {qcols}, "
                f"q.attribution_local FROM m JOIN {table} q ON q.document_pk = m.tpl_pk"
            )
        # Measures: each template quantity's copies, in blocks of MEASURE_SIZE copies.
        x(
            "INSERT INTO measures (id, label, label_norm, unit, subject, period, created_at) "
            f"SELECT DISTINCT q.pk * 100000 + m.c / {MEASURE_SIZE}, "
            "coalesce(q.subject, q.text), lower(coalesce(q.subject, q.text)), q.unit, "
            "q.subject, NULL, datetime('now') "
            "FROM m JOIN quantities q ON q.document_pk = m.tpl_pk"
        )
        x(
            "INSERT INTO measure_members (quantity_id, measure_id, origin_key) "
            f"SELECT q2.pk, q.pk * 100000 + m.c / {MEASURE_SIZE}, 'o' || m.copy_pk "
            "FROM m JOIN quantities q ON q.document_pk = m.tpl_pk "
            "JOIN quantities q2 ON q2.document_pk = m.copy_pk AND q2.seq = q.seq"
        )
    x("ANALYZE")
    conn.commit()


def ingest_benchmark(
    *, documents: int = 100, workers: int = 2, corpus: str | None = None, rounds: int = 2
) -> dict[str, Any]:
    """Documents per second of extract alone and of the whole ingest, on the same texts.

    A short warm-up run loads the model files into the page cache first; then extract-only and
    ingest (each into a new SQLite file) alternate ``rounds`` times, and the best rate of each
    is compared, so neither side pays for the machine's cold start.

    Raises:
        FileNotFoundError: the corpus is missing.
        ValueError: ``rounds`` < 1.
    """
    from ..ingest import ingest_documents
    from ..pipeline import extract_many

    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    docs = polnear_documents("test", documents, corpus)
    for _ in extract_many(docs[:2], workers=workers):
        pass
    extract_rates: list[float] = []
    ingest_rates: list[float] = []
    claims = 0
    summary = None
    tmp = Path(tempfile.mkdtemp(prefix="claimledger-bench-"))
    for i in range(rounds):
        t0 = time.perf_counter()
        claims = sum(
            len(getattr(r, "attributions", ())) for r in extract_many(docs, workers=workers)
        )
        extract_rates.append(len(docs) / (time.perf_counter() - t0))
        engine = db.create(str(tmp / f"ingest{i}.db"))  # created and migrated untimed
        t0 = time.perf_counter()
        summary = ingest_documents(docs, db_url=engine, workers=workers, progress=False)
        ingest_rates.append(len(docs) / (time.perf_counter() - t0))
        engine.dispose()
    engine = db.create(str(tmp / f"ingest{rounds - 1}.db"))
    again = ingest_documents(docs, db_url=engine, workers=workers, progress=False)
    engine.dispose()
    assert summary is not None
    return {
        "benchmark": "ingest",
        "documents": len(docs),
        "workers": workers,
        "claims": claims,
        "extract_docs_per_s": [round(r, 2) for r in extract_rates],
        "ingest_docs_per_s": [round(r, 2) for r in ingest_rates],
        "ratio_best": round(max(ingest_rates) / max(extract_rates), 3),
        # Robust to the machine's noise: the share of the ingest spent writing in the parent.
        "write_share": round(summary.write_seconds / summary.seconds, 4),
        "stored": summary.to_dict(),
        "unchanged_rerun": again.to_dict(),
        "db": str(tmp),
    }
