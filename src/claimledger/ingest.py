"""Batch ingest: read documents, extract them on every core, store the results.

The flow is one lazy stream::

    iter_documents  ->  skip unchanged  ->  extract_many (worker processes)  ->  write batches

* A document whose fingerprint (text, metadata, extractor version) equals the stored one is
  skipped *before* extraction, so re-ingesting unchanged content costs a hash per document.
* Workers only extract; the parent process alone writes, one transaction per batch of
  documents (``BATCH_SIZE`` documents or ``BATCH_SECONDS``, whichever comes first). A document's
  old results are deleted and its new ones inserted in the same transaction.
* A run killed at any moment leaves only whole batches behind; rerunning it skips what was
  committed and redoes the rest, ending in exactly the state of an uninterrupted run.
"""

from __future__ import annotations

import csv
import dataclasses
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from .errors import DocumentRejected
from .model import Document, Extraction, Meta
from .store import db
from .store.schema import metadata
from .store.write import Written, extractor_version, fingerprint, write_batch

#: Documents written per transaction, at most.
BATCH_SIZE = 64
#: Seconds a batch may wait for more documents before it is committed anyway, so a slow
#: extraction still commits (and shows) its progress regularly.
BATCH_SECONDS = 1.0

Extractor = Callable[..., Iterator[Extraction | DocumentRejected]]


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read."""

    origin: str
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest run did.

    ``new``/``updated`` count documents stored for the first time or replaced; ``unchanged``
    those skipped because their fingerprint was already stored; ``claims_added`` the
    attributions written for new and updated documents.
    """

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    rejected: tuple[Rejection, ...] = ()
    claims_added: int = 0
    seconds: float = 0.0
    #: Of ``seconds``, the time the parent spent writing (inside transactions).
    write_seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Every input seen, rejected ones included."""
        return self.new + self.unchanged + self.updated + len(self.rejected)

    def reasons(self) -> dict[str, int]:
        """How many inputs were rejected for each reason."""
        return dict(Counter(r.reason for r in self.rejected).most_common())

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "new": self.new,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "rejected": len(self.rejected),
            "rejected_reasons": self.reasons(),
            "claims_added": self.claims_added,
            "seconds": round(self.seconds, 3),
            "write_seconds": round(self.write_seconds, 3),
        }


@dataclass
class _Tally:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    claims: int = 0
    write_seconds: float = 0.0
    rejected: list[Rejection] = field(default_factory=list)

    def add(self, written: Iterable[Written], items: Sequence[Any]) -> None:
        for w, item in zip(written, items, strict=True):
            if w.status == "rejected":
                assert isinstance(item, DocumentRejected)
                self.rejected.append(Rejection(item.origin, item.reason, item.detail))
            elif w.status == "new":
                self.new += 1
                self.claims += w.attributions
            else:
                self.updated += 1
                self.claims += w.attributions


def ingest(
    paths: Sequence[str],
    *,
    db_url: str | None = None,
    workers: int = 1,
    published: str | None = None,
    outlet: str | None = None,
    progress: bool = True,
    model: str | None = None,
    metadata_table: str | Path | None = None,
) -> IngestSummary:
    """Read, extract and store every document named by ``paths`` (what ``extract`` takes).

    Unreadable inputs are recorded as rejected (with reason and detail) and the run goes on.
    ``metadata_table`` names a TSV/CSV of metadata by document id (see
    :func:`read_metadata_table`); its values fill the fields a document leaves empty, before
    ``published``/``outlet`` do.

    Raises:
        ValueError: ``workers`` < 1, an unsupported database URL, a missing spaCy model, or an
            unreadable metadata table.
        sqlalchemy.exc.OperationalError: the store cannot be opened or written.
    """
    from .inputs import iter_documents  # the input readers pull in HTML parsing; load lazily

    if metadata_table is not None:
        table = read_metadata_table(metadata_table)
        items = with_metadata(iter_documents(paths), table, published=published, outlet=outlet)
    else:
        items = iter_documents(paths, published=published, outlet=outlet)
    return ingest_documents(
        items, db_url=db_url, workers=workers, progress=progress, model=model
    )


#: Column names a metadata table may use for each field, first match wins.
METADATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "filename", "name", "key"),
    "outlet": ("outlet", "publisher", "site"),
    "published": ("published", "publication_date", "date"),
    "title": ("title",),
    "url": ("url",),
    "language": ("language",),
}
#: Cell values that mean "unknown" in a metadata table.
_MISSING = frozenset({"", "none", "null", "na", "n/a"})


def read_metadata_table(path: str | Path) -> dict[str, Meta]:
    """Read a table of document metadata: one row per document id.

    The file is tab-separated when its name ends in ``.tsv`` (else comma-separated), with a
    header row. The id column is the first of ``id``, ``filename``, ``name``, ``key``; a value
    ending in ``.txt``/``.html``/``.htm`` loses that extension, so it matches the document id
    ``extract`` derives from the file name. Other columns are read by the names in
    ``METADATA_COLUMNS`` (PolNeAR's ``metadata.tsv`` uses ``publisher`` and
    ``publication_date``); unknown columns are ignored; empty cells and ``None`` mean unknown.

    Raises:
        ValueError: the file cannot be read, or has no id column (the message lists the names
            accepted).
    """
    p = Path(path)
    try:
        with p.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t" if p.suffix.lower() == ".tsv" else ",")
            header = [h.strip().lower() for h in reader.fieldnames or ()]
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"cannot read metadata table {p}: {exc}") from exc
    columns: dict[str, str] = {}
    for field_name, names in METADATA_COLUMNS.items():
        for name in names:
            if name in header:
                columns[field_name] = (reader.fieldnames or [])[header.index(name)]
                break
    if "id" not in columns:
        raise ValueError(
            f"metadata table {p} has no id column (one of {', '.join(METADATA_COLUMNS['id'])})"
        )
    table: dict[str, Meta] = {}
    for row in rows:
        values = {
            k: (None if (row.get(col) or "").strip().lower() in _MISSING else row[col].strip())
            for k, col in columns.items()
        }
        key = values.pop("id")
        if key is None:
            continue
        for ext in (".txt", ".html", ".htm"):
            if key.lower().endswith(ext):
                key = key[: -len(ext)]
        table[key] = Meta(
            outlet=values.get("outlet"), published=values.get("published"),
            title=values.get("title"), url=values.get("url"),
            language=values.get("language") or "en",
        )
    return table


def with_metadata(
    items: Iterable[Document | DocumentRejected],
    table: Mapping[str, Meta],
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> Iterator[Document | DocumentRejected]:
    """``items`` with empty metadata fields filled from ``table`` (by document id), then from
    ``published``/``outlet``. A document's own values (from a sidecar, JSON line or page) win.

    Rejected inputs pass through unchanged; ids missing from the table keep their metadata.
    """
    for item in items:
        if isinstance(item, DocumentRejected):
            yield item
            continue
        row = table.get(item.id, Meta())
        m = item.meta
        meta = Meta(
            outlet=m.outlet or row.outlet or outlet,
            published=m.published or row.published or published,
            title=m.title or row.title,
            url=m.url or row.url,
            language=m.language or row.language,
        )
        yield item if meta == m else dataclasses.replace(item, meta=meta)


def ingest_documents(
    items: Iterable[Document | DocumentRejected],
    *,
    db_url: str | Engine | None = None,
    workers: int = 1,
    progress: bool = True,
    model: str | None = None,
    extract: Extractor | None = None,
    batch_size: int = BATCH_SIZE,
    batch_seconds: float = BATCH_SECONDS,
) -> IngestSummary:
    """Extract and store ``items`` (see ``ingest``).

    Args:
        items: documents and rejected inputs, in order.
        db_url: the store's URL (see ``store.db.resolve_url``) or an open engine.
        workers: extraction processes.
        progress: show a progress bar on stderr.
        model: the spaCy model the extractor runs (default ``nlp.DEFAULT_MODEL``).
        extract: the extractor, ``pipeline.extract_many`` by default; it receives the items
            and ``workers=`` and must yield one result per item, in order.
        batch_size, batch_seconds: when to commit (see ``BATCH_SIZE``, ``BATCH_SECONDS``).

    Raises:
        ValueError: ``workers`` or ``batch_size`` < 1, or an unsupported URL.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if extract is None:
        from .nlp import DEFAULT_MODEL
        from .pipeline import extract_many

        chosen = model or DEFAULT_MODEL

        def extract(xs: Iterable[Document | DocumentRejected], *, workers: int) -> Iterator[
            Extraction | DocumentRejected
        ]:
            return extract_many(xs, workers=workers, model=chosen)

    started = time.perf_counter()
    engine = db_url if isinstance(db_url, Engine) else db.create(db_url)
    version = extractor_version(model)
    known = _stored_fingerprints(engine)
    tally = _Tally()

    with _progress(progress) as advance:

        # Rejected inputs never travel to the workers (nothing to extract, and an exception
        # is a fragile thing to pickle): they wait in ``slots``, in input order, beside a
        # marker for each document sent, and rejoin the results in their place.
        slots: deque[DocumentRejected | None] = deque()

        def fresh() -> Iterator[Document]:
            # Runs in the worker pool's feeder thread: it touches only ``known``, ``slots``
            # (a thread-safe deque) and a counter that nothing else writes.
            for item in items:
                if isinstance(item, DocumentRejected):
                    slots.append(item)
                    continue
                fp = fingerprint(item, version)
                if known.get(item.id) == fp:
                    tally.unchanged += 1
                    advance(1)
                    continue
                known[item.id] = fp
                slots.append(None)
                yield item

        def in_order() -> Iterator[Extraction | DocumentRejected]:
            for result in extract(fresh(), workers=workers):
                while slots and slots[0] is not None:
                    yield slots.popleft()  # type: ignore[misc]
                slots.popleft()  # this result's own marker
                yield result
            yield from (s for s in slots if s is not None)

        with engine.connect() as conn:
            conn.execution_options(sqlite_immediate=True)
            batch: list[Extraction | DocumentRejected] = []
            opened = time.monotonic()
            for result in in_order():
                if not batch:
                    opened = time.monotonic()
                batch.append(result)
                if len(batch) >= batch_size or time.monotonic() - opened >= batch_seconds:
                    _commit(conn, batch, version, tally)
                    advance(len(batch))
                    batch = []
            if batch:
                _commit(conn, batch, version, tally)
                advance(len(batch))

    if not isinstance(db_url, Engine):
        engine.dispose()
    return IngestSummary(
        new=tally.new, unchanged=tally.unchanged, updated=tally.updated,
        rejected=tuple(tally.rejected), claims_added=tally.claims,
        seconds=time.perf_counter() - started, write_seconds=tally.write_seconds,
    )


def _commit(
    conn: Any, batch: list[Extraction | DocumentRejected], version: str, tally: _Tally
) -> None:
    t0 = time.perf_counter()
    with conn.begin():
        written = write_batch(conn, batch, extractor=version)
    tally.write_seconds += time.perf_counter() - t0
    tally.add(written, batch)


def _stored_fingerprints(engine: Engine) -> dict[str, str]:
    """The fingerprint of every stored good document, by key (a few dozen bytes each)."""
    documents = metadata.tables["documents"]
    with engine.connect() as conn:
        return {
            key: fp
            for key, fp in conn.execute(
                select(documents.c.key, documents.c.fingerprint).where(
                    documents.c.status == "ok"
                )
            )
            if fp is not None
        }


class _progress:
    """A rich progress display on stderr (or nothing), as a context giving ``advance(n)``."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import (
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("ingest"),
            MofNCompleteColumn(),
            TextColumn("documents"),
            TaskProgressColumn(show_speed=True),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._bar.__enter__()
        task = self._bar.add_task("ingest", total=None)
        bar = self._bar
        return lambda n: bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
