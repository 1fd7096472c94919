"""Attribution extraction: who said what, through which cue (STUB, being written)."""

from __future__ import annotations

from spacy.tokens import Doc

from .entities import EntityIndex
from .model import Attribution, Diagnostic


def find_attributions(
    doc: Doc, entities: EntityIndex, *, outlet: str | None = None
) -> tuple[tuple[Attribution, ...], tuple[Diagnostic, ...]]:
    """Every attribution of ``doc``."""
    return (), ()
