"""The ledger's view of one attribution: a claim with its canonical source and context.

Claim clustering, origin counting and the timelines work on :class:`ClaimRecord`, built from
``Extraction`` results and a cross-document :class:`~claimledger.ledger.names.EntityMerge`, so
that they never touch spaCy or the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Extraction, Quantity
from .names import EntityMerge


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One attribution as the ledger sees it.

    Attributes:
        key: unique across the corpus, ``"<document id>:<attribution id>"``.
        document_id: the document it comes from.
        text: the content span's text.
        source_key: the canonical cross-document entity of the *root* source (the speaker, not
            its relays), as a stable string; ``None`` for an anonymous or unresolved source.
        source: the source's display name (canonical name, else the mention as written).
        via: the relays between the source and the outlet, nearest to the source first.
        outlet: the publishing outlet.
        date: the statement's date (``said_on``), else the document's publication date.
        said_on: the statement's own date when the text gives it.
        mentions: canonical keys of the entities mentioned inside the content.
        quantities: the quantities inside the content.
    """

    key: str
    document_id: str
    text: str
    source_key: str | None = None
    source: str | None = None
    via: tuple[str, ...] = ()
    outlet: str | None = None
    date: str | None = None
    said_on: str | None = None
    mentions: frozenset[str] = frozenset()
    quantities: tuple[Quantity, ...] = ()


def entity_key(merge: EntityMerge | None, document_id: str, name: str | None) -> str | None:
    """The stable key of a document's entity ``name``: ``e<id>`` when merged, else the name."""
    if name is None:
        return None
    if merge is not None:
        entity = merge.entity_of(document_id, name)
        if entity is not None:
            return f"e{entity.id}"
    return f"name:{name.casefold()}"


def claim_records(
    extractions: Iterable[Extraction], merge: EntityMerge | None = None
) -> list[ClaimRecord]:
    """One :class:`ClaimRecord` per attribution of ``extractions``.

    ``merge`` maps each document's entity names to cross-document entities; without it, the
    source key is the case-folded canonical name, which merges nothing across spellings.
    """
    index = merge.index() if merge is not None else {}
    names = {i: e for i, e in enumerate(merge.entities)} if merge is not None else {}

    def key(doc_id: str, name: str | None) -> str | None:
        if name is None:
            return None
        found = index.get((doc_id, name))
        return f"e{found}" if found is not None else f"name:{name.casefold()}"

    out: list[ClaimRecord] = []
    for ex in extractions:
        doc = ex.document
        for a in ex.attributions:
            mentions = frozenset(
                k
                for e in ex.entities
                for m in e.mentions
                if a.content.contains(m) and (k := key(doc.id, e.name)) is not None
            )
            quantities = tuple(q for q in ex.quantities if a.content.contains(q.span))
            found = index.get((doc.id, a.source_entity)) if a.source_entity else None
            display = (
                names[found].name
                if found is not None
                else a.source_entity or (a.source.text if a.source else None)
            )
            out.append(
                ClaimRecord(
                    key=f"{doc.id}:{a.id}",
                    document_id=doc.id,
                    text=a.content.text,
                    source_key=key(doc.id, a.source_entity),
                    source=display,
                    via=a.via,
                    outlet=doc.meta.outlet,
                    date=a.said_on or doc.meta.published,
                    said_on=a.said_on,
                    mentions=mentions,
                    quantities=quantities,
                )
            )
    return out
