"""In-document entities: canonical names, aliases, roles, and resolution of mentions (STUB)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from .model import Diagnostic, Entity


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of one document and a way to resolve a mention to one of them."""

    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def resolve(
        self, start: int, end: int, *, recent_sources: Sequence[str] = ()
    ) -> tuple[str | None, str | None]:
        """The canonical name and role of the entity the mention ``text[start:end]`` denotes.

        Pronouns and descriptions ("It", "the agency", "he") resolve to the named entity
        they refer to; ``recent_sources`` lists the canonical names of the sources of earlier
        attributions, most recent last, as the most salient antecedents. An anonymous source
        ("officials") gives ``(None, None)``.
        """
        return None, None


def link_entities(doc: Doc) -> EntityIndex:
    """Group the mentions of ``doc`` into canonical entities."""
    return EntityIndex()
