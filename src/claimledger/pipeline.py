"""The extract pipeline: one document in, one ``Extraction`` out.

Stage order is fixed here: parse (spaCy), entities, attributions, times, statement dates,
quantities and their holders, then linking of times and quantities to the attribution whose
content holds them (a time outside every content is linked to the statement it dates: "X
said on Saturday").
Each stage is a pure function returning data; this module only composes them.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import attribution, entities, quantities, quantity_holders, statement_dates, times
from .errors import DocumentRejected
from .model import Attribution, Diagnostic, Document, Extraction, Span
from .nlp import DEFAULT_MODEL, load_nlp

#: Documents handed to a worker at a time.
CHUNK = 8


def extract(document: Document, *, model: str = DEFAULT_MODEL) -> Extraction:
    """Extract everything from one document.

    Raises:
        ValueError: the spaCy model is not installed.
    """
    doc = load_nlp(model)(document.text)
    return analyse(document, doc)


def analyse(document: Document, doc: Doc) -> Extraction:
    """Run every stage after parsing on an already parsed ``doc`` of ``document.text``."""
    if doc.text != document.text:
        raise ValueError("the parsed doc's text differs from the document's canonical text")
    anchor = _date(document.meta.published)
    index = entities.link_entities(doc)
    attrs, attr_diags = attribution.find_attributions(doc, index, outlet=document.meta.outlet)
    found_times, time_diags = times.find_times(document.text, anchor)
    attrs, found_times, dating = statement_dates.assign(
        document.text, attrs, found_times, anchor
    )
    found_quantities, quantity_diags = quantities.find_quantities(
        doc, exclude=[t.span for t in found_times]
    )
    found_times = tuple(
        replace(t, attribution=_holder(attrs, t.span) or dating.get(t.span))
        for t in found_times
    )
    found_quantities = tuple(
        replace(q, attribution=_holder(attrs, q.span))
        for q in quantity_holders.find_holders(doc, found_quantities, index)
    )
    diagnostics: tuple[Diagnostic, ...] = (
        index.diagnostics + attr_diags + time_diags + quantity_diags
    )
    return Extraction(
        document=document,
        attributions=attrs,
        quantities=found_quantities,
        times=found_times,
        entities=index.entities,
        diagnostics=diagnostics,
    )


def extract_many(
    items: Iterable[Document | DocumentRejected],
    *,
    workers: int = 1,
    model: str = DEFAULT_MODEL,
) -> Iterator[Extraction | DocumentRejected]:
    """Extract from many documents, in input order, on ``workers`` processes.

    Rejected inputs pass through unchanged, in their place, so the caller can report them.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        _init_worker(model)
        for chunk in _chunks(items, CHUNK):
            yield from _work(chunk)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        for done in pool.imap(_work, _chunks(items, CHUNK)):
            yield from done


def _chunks(
    items: Iterable[Document | DocumentRejected], size: int
) -> Iterator[list[Document | DocumentRejected]]:
    chunk: list[Document | DocumentRejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_workers() -> int:
    """One worker per available core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


_MODEL = DEFAULT_MODEL


def _init_worker(model: str) -> None:
    global _MODEL
    _MODEL = model
    load_nlp(model)


def _work(chunk: list[Document | DocumentRejected]) -> list[Extraction | DocumentRejected]:
    """Parse a chunk in one ``nlp.pipe`` batch (spaCy is faster on batches), then analyse.

    A document that breaks a stage is returned as a ``DocumentRejected`` (``internal_error``)
    so the rest of the batch goes on; the error names the document and the exception.
    """
    docs = [d for d in chunk if isinstance(d, Document)]
    nlp = load_nlp(_MODEL)
    parsed: list[Doc | DocumentRejected]
    try:
        parsed = list(nlp.pipe(d.text for d in docs))
    except Exception:  # one bad text must not cost the chunk: parse them one by one
        parsed = [_parse_one(nlp, d) for d in docs]
    out: list[Extraction | DocumentRejected] = []
    docs_iter = iter(parsed)
    for item in chunk:
        if isinstance(item, DocumentRejected):
            out.append(item)
            continue
        doc = next(docs_iter)
        if isinstance(doc, DocumentRejected):
            out.append(doc)
            continue
        try:
            out.append(analyse(item, doc))
        except Exception as exc:  # a bug on one document: record it, go on with the rest
            out.append(_internal_error(item, exc))
    return out


def _parse_one(nlp: Language, document: Document) -> Doc | DocumentRejected:
    try:
        return nlp(document.text)
    except Exception as exc:
        return _internal_error(document, exc)


def _internal_error(document: Document, exc: Exception) -> DocumentRejected:
    origin = document.origin or document.id
    return DocumentRejected(
        "internal_error",
        f"{origin}: extraction failed ({type(exc).__name__}: {exc}); please report this",
        origin,
    )


def _holder(attrs: tuple[Attribution, ...], span: Span) -> str | None:
    """The id of the innermost attribution whose content contains ``span``."""
    best: Attribution | None = None
    for a in attrs:
        if a.content.contains(span) and (
            best is None or len(a.content.text) < len(best.content.text)
        ):
            best = a
    return best.id if best else None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
