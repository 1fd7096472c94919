"""The exception tree of claimledger.

    ClaimledgerError
    ├── DocumentRejected   an input document that cannot be read; a batch records it and goes on
    └── ConfigError        a setting or option with an invalid value (also a ValueError)

A caller's mistake (a wrong argument) raises ``TypeError``/``ValueError`` naming the valid
values. A local problem inside a good document is not an exception at all: it becomes a
``Diagnostic`` in the result and work goes on.
"""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class DocumentRejected(ClaimledgerError):
    """A document that cannot be read.

    Attributes:
        reason: a short stable code (``empty``, ``binary``, ``too_large``, ``not_found``,
            ``no_article``, ``bad_json``, ``bad_meta``, ``undecodable``, ...).
        detail: a human-readable sentence naming the problem.
        origin: the path (or ``path:line``) of the document.
    """

    def __init__(self, reason: str, detail: str, origin: str = "") -> None:
        super().__init__(f"{origin}: {detail}" if origin else detail)
        self.reason = reason
        self.detail = detail
        self.origin = origin

    def __reduce__(self) -> tuple[type[DocumentRejected], tuple[str, str, str]]:
        # Batches cross process boundaries: keep the three fields through pickling.
        return (type(self), (self.reason, self.detail, self.origin))


class ConfigError(ClaimledgerError, ValueError):
    """An option or setting with an invalid value."""
