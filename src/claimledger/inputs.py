"""Reading input documents: .txt (+ sidecar), HTML, JSON Lines, directories, stdin (STUB)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from .errors import DocumentRejected
from .model import Document

#: Largest canonical text accepted, in characters.
MAX_CHARS = 1_000_000


def iter_documents(
    paths: Sequence[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Document | DocumentRejected]:
    """Every document named by ``paths`` in order; an unreadable one is yielded as its error."""
    raise NotImplementedError
