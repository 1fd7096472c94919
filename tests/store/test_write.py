"""Storing extractions and reading them back, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine, text
from synthetic import analyse, article

from claimledger.errors import DocumentRejected
from claimledger.model import Attribution, Diagnostic, Extraction, Span
from claimledger.store import db, queries, write

TABLES = ("documents", "attributions", "quantities", "times", "doc_entities", "mentions",
          "diagnostics")


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    e = db.create(db_url)
    yield e
    e.dispose()


def rich_extraction() -> Extraction:
    """An extraction using every field: nested, via chains, hedges, non-ASCII offsets."""
    base = analyse(replace(article(7), text=article(7).text + ' "Ça va 👍," Anna Berg said.'))
    t = base.document.text
    extra = Attribution(
        id="a9", content=Span.of(t, t.index("Ça"), t.index("👍") + 1), kind="mixed",
        source=None, source_entity=None, source_role=None, cue=None, via=("Reuters", "AFP"),
        channel="Telegram", said_on="2025-01", nested_in="a1", hedge="reportedly",
    )
    note = Diagnostic("unbalanced_quote", "no closing quote", 0, 1)
    return replace(base, attributions=(*base.attributions, extra), diagnostics=(note,))


def test_round_trip_keeps_every_field_and_offset(engine: Engine) -> None:
    ex = rich_extraction()
    assert ex.attributions and ex.quantities and ex.times and ex.entities and ex.diagnostics
    write.store(engine, [ex])
    back = queries.extraction(engine, ex.document.id)
    assert back == ex
    assert isinstance(back, Extraction)
    assert back.to_dict() == ex.to_dict()
    assert all(s.within(back.document.text) for s in back.spans())


def test_storing_again_replaces_old_results(engine: Engine) -> None:
    old, new = analyse(article(3)), analyse(article(3, version=1))
    assert old.document.text != new.document.text
    first = write.store(engine, [old])
    before = counts(engine)
    second = write.store(engine, [new])
    assert [w.status for w in first] == ["new"] and [w.status for w in second] == ["updated"]
    assert queries.extraction(engine, "doc-0003") == new
    assert counts(engine) == before  # replaced, not added


def test_a_failed_batch_leaves_the_old_results(engine: Engine) -> None:
    old = analyse(article(4))
    write.store(engine, [old])
    with pytest.raises(RuntimeError), engine.connect() as conn, conn.begin():
        write.write_batch(conn, [analyse(article(4, version=1))], extractor="x")
        raise RuntimeError("killed between the delete and the commit")
    assert queries.extraction(engine, "doc-0004") == old


def test_rejected_inputs_are_recorded_with_reason(engine: Engine) -> None:
    written = write.store(engine, [
        DocumentRejected("empty", "a.txt is empty (0 bytes)", "a.txt"),
        analyse(article(1)),
        DocumentRejected("binary", "b.bin holds NUL bytes", "b.bin"),
    ])
    assert [w.status for w in written] == ["rejected", "new", "rejected"]
    assert queries.document_keys(engine, status="rejected") == ["a.txt", "b.bin"]
    got = queries.extraction(engine, "a.txt")
    assert isinstance(got, DocumentRejected)
    assert (got.reason, got.detail, got.origin) == ("empty", "a.txt is empty (0 bytes)", "a.txt")


def test_a_fixed_input_replaces_its_rejection(engine: Engine) -> None:
    good = analyse(article(2))
    origin = good.document.origin
    write.store(engine, [DocumentRejected("bad_json", "not JSON", origin)])
    write.store(engine, [good])
    assert queries.document_keys(engine) == [good.document.id]


def test_same_key_twice_in_a_batch_keeps_the_last(engine: Engine) -> None:
    a, b = analyse(article(5)), analyse(article(5, version=1))
    write.store(engine, [a, b])
    assert queries.extraction(engine, "doc-0005") == b
    assert counts(engine)["documents"] == 1


def test_write_batch_rejects_other_objects(engine: Engine) -> None:
    with engine.connect() as conn, conn.begin(), pytest.raises(TypeError, match="Extraction"):
        write.write_batch(conn, ["not an extraction"], extractor="x")  # type: ignore[list-item]


def test_deleting_a_document_removes_all_its_rows(engine: Engine) -> None:
    write.store(engine, [analyse(article(i)) for i in range(3)])
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE key = 'doc-0001'"))
    remaining = counts(engine)
    write.store(engine, [analyse(article(1))])
    assert counts(engine)["attributions"] == remaining["attributions"] + len(
        analyse(article(1)).attributions
    )


def test_fingerprint_covers_text_meta_and_extractor() -> None:
    d = article(1)
    fp = write.fingerprint(d, "v1")
    assert write.fingerprint(d, "v1") == fp
    assert write.fingerprint(d, "v2") != fp
    assert write.fingerprint(replace(d, text=d.text + " "), "v1") != fp
    assert write.fingerprint(replace(d, meta=replace(d.meta, published="2020-01-01")), "v1") != fp
    assert write.fingerprint(replace(d, origin="elsewhere"), "v1") == fp  # where is irrelevant
