"""Quantities as hedged intervals (STUB, to be replaced)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .model import Diagnostic, Quantity, Span


def find_quantities(
    doc: Doc, *, exclude: Sequence[Span] = ()
) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """Every quantity of ``doc``; numbers inside ``exclude`` (time expressions) are skipped."""
    return (), ()
