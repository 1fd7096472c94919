"""The result model: frozen records whose every span indexes one canonical text.

Every record is a frozen dataclass with tuples inside, so results are hashable and can be
compared, cached and de-duplicated. Offsets are Python ``str`` indices (Unicode code points)
into ``Document.text``, end exclusive, and ``text[span.start:span.end] == span.text`` holds for
every span any stage produces (``Span.within`` checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

Kind = Literal["direct", "indirect", "mixed", "according_to"]
KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according_to")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A run of characters ``text[start:end]`` of the canonical text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(
                f"span bounds must satisfy 0 <= start <= end, got {self.start}..{self.end}"
            )
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but bounds {self.start}..{self.end}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` from ``start`` to ``end``."""
        return cls(start, end, text[start:end])

    def within(self, text: str) -> bool:
        """Whether this span's text is what ``text`` holds at its offsets."""
        return text[self.start : self.end] == self.text

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about a document besides its text (the sidecar keys of OUTPUT.md)."""

    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    language: str | None = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its id, its canonical text and its metadata.

    ``origin`` names where it came from (a path, ``path:line`` for JSON Lines, or ``stdin``),
    for error messages; ``encoding`` is the decoding that produced ``text``.
    """

    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    origin: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A local problem inside a good document; work went on past it."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Relay:
    """An intermediary that passed a report on ("..., Yonhap News Agency reported"): its
    mention, its cue and the report as it gives it, which holds the inner source's words."""

    source: Span
    source_entity: str | None
    cue: Span | None
    content: Span

    def spans(self) -> tuple[Span, ...]:
        return tuple(s for s in (self.source, self.cue, self.content) if s is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "source_entity": self.source_entity,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: a content span attributed to a source through a cue."""

    id: str
    content: Span
    kind: Kind
    source: Span | None = None
    source_entity: str | None = None
    source_role: str | None = None
    cue: Span | None = None
    via: tuple[str, ...] = ()
    channel: str | None = None
    said_on: str | None = None
    nested_in: str | None = None
    hedge: str | None = None
    #: ``via`` grounded: each intermediary's mention, cue and relayed report, nearest first.
    relays: tuple[Relay, ...] = ()

    def spans(self) -> tuple[Span, ...]:
        own = tuple(s for s in (self.source, self.cue, self.content) if s is not None)
        return own + tuple(s for r in self.relays for s in r.spans())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "source_entity": self.source_entity,
            "source_role": self.source_role,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "via": list(self.via),
            "channel": self.channel,
            "said_on": self.said_on,
            "nested_in": self.nested_in,
            "hedge": self.hedge,
            "relays": [r.to_dict() for r in self.relays],
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as the writer meant it: an interval with inclusiveness and a hedge flag.

    ``low``/``high`` of ``None`` mean unbounded on that side. ``kind`` is one of ``count``,
    ``percent``, ``money``, ``age``; ``currency`` is an ISO 4217 code for money. ``holder`` is
    the mention of the named entity whose count it is ("*Clinton* won 739 delegates") and
    ``holder_entity`` that entity's canonical name, when the text says so.
    """

    span: Span
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None
    subject: str | None = None
    kind: str = "count"
    currency: str | None = None
    attribution: str | None = None
    holder: Span | None = None
    holder_entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "low": _number(self.low),
            "high": _number(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "approximate": self.approximate,
            "unit": self.unit,
            "subject": self.subject,
            "kind": self.kind,
            "currency": self.currency,
            "attribution": self.attribution,
            "holder": self.holder.to_dict() if self.holder else None,
            "holder_entity": self.holder_entity,
        }


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TimeML TIMEX3: ``type`` is DATE, TIME, DURATION or SET; ``value`` its normal form.

    ``anchor`` is the date the value was resolved against (the publication date, or the
    statement's own date inside reported speech), or ``None`` for an absolute expression.
    """

    span: Span
    type: str
    value: str | None
    anchor: str | None = None
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
            "attribution": self.attribution,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of one document with every mention of it."""

    name: str
    type: str
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    attributions: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def spans(self) -> tuple[Span, ...]:
        """Every span of the result, for the offsets invariant."""
        out: list[Span] = []
        for a in self.attributions:
            out.extend(a.spans())
        out.extend(q.span for q in self.quantities)
        out.extend(q.holder for q in self.quantities if q.holder is not None)
        out.extend(t.span for t in self.times)
        for e in self.entities:
            out.extend(e.mentions)
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """The OUTPUT.md shape of one document."""
        return {
            "schema": SCHEMA_VERSION,
            "id": self.document.id,
            "meta": self.document.meta.to_dict(),
            "text": self.document.text,
            "attributions": [a.to_dict() for a in self.attributions],
            "quantities": [q.to_dict() for q in self.quantities],
            "times": [t.to_dict() for t in self.times],
            "entities": [e.to_dict() for e in self.entities],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def _number(x: float | None) -> int | float | None:
    """Integral values print as integers (``1000``, not ``1000.0``)."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x
