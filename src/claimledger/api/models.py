"""pydantic models of the HTTP edge: request bodies and the documented response shapes.

The rest of claimledger works on frozen dataclasses; these models exist only so the API checks
what comes in and describes what goes out in its OpenAPI document.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: Longest document id accepted by ``POST /api/documents``.
MAX_ID_CHARS = 200

T = TypeVar("T")


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[Any] = []


class ErrorOut(BaseModel):
    """The shape of every error response."""

    error: ErrorInfo


class Page(BaseModel, Generic[T]):
    """One page of a listing; ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class DocumentIn(BaseModel):
    """A document to extract and store: its id, its text or its HTML page, and metadata.

    ``meta`` takes the sidecar keys (``outlet``, ``published``, ``title``, ``url``,
    ``language``); nothing in it, or anywhere in the request, is a path on the server.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, pattern=r"^[^\x00-\x1f\x7f]+$")
    text: str | None = None
    html: str | None = None
    meta: dict[str, str | None] = {}

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" and "html"')
        return self


class StoredOut(BaseModel):
    """What ``POST /api/documents`` stored: ``new`` or ``updated``, and the extraction."""

    stored: str
    document: dict[str, Any]


class DocumentSummaryOut(BaseModel):
    id: str
    status: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    attributions: int
    reject_reason: str | None


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class AttributionOut(BaseModel):
    id: str
    source: SpanOut | None
    source_entity: str | None
    source_role: str | None
    cue: SpanOut | None
    content: SpanOut
    kind: str
    via: list[str]
    channel: str | None
    said_on: str | None
    nested_in: str | None
    hedge: str | None


class ExtractionOut(BaseModel):
    """A stored document in the ``claimledger extract`` shape (docs/OUTPUT.md)."""

    model_config = ConfigDict(extra="allow")

    schema_: int = Field(alias="schema")
    id: str
    meta: dict[str, Any]
    text: str
    attributions: list[AttributionOut]
    quantities: list[dict[str, Any]]
    times: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    diagnostics: list[dict[str, Any]]


class ClaimOut(BaseModel):
    document: str
    id: str
    kind: str
    content: str
    content_start: int
    content_end: int
    source: str | None
    source_start: int | None
    source_end: int | None
    source_entity: str | None
    source_role: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    via: list[str]
    channel: str | None
    said_on: str | None
    nested_in: str | None
    hedge: str | None
    outlet: str | None
    published: str | None
    date: str | None


class SourceOut(BaseModel):
    name: str
    claims: int
    documents: int
    channels: list[str]
    roles: list[str]
    first: str | None
    last: str | None
    entity_id: int | None = Field(
        None, description="The cross-document entity, once `claimledger analyze` merged it."
    )
    names: list[str] = Field(
        default_factory=list, description="The names this speaker was written as."
    )


class RoleOut(BaseModel):
    role: str
    first: str | None
    last: str | None


class EntityOut(BaseModel):
    id: int
    name: str
    type: str | None
    roles: list[RoleOut]
    names: list[str]
    documents: int


class TimelineEntryOut(BaseModel):
    date: str | None
    source: str | None
    via: list[str]
    interval: str | None
    outlet: str | None
    origin: str | None
    document: str
    text: str


class ClusterSummaryOut(BaseModel):
    id: int
    label: str | None
    origins: int
    mentions: int
    outlets: list[str]
    entries: list[TimelineEntryOut]


class ClusterMemberOut(BaseModel):
    document: str
    attribution: str
    date: str | None
    source: str | None
    via: list[str]
    outlet: str | None
    origin: str | None
    role: str
    content: str


class ClusterOut(BaseModel):
    id: int
    label: str | None
    origins: int
    mentions: int
    outlets: list[str]
    members: list[ClusterMemberOut]


class MeasureSummaryOut(BaseModel):
    id: int
    label: str
    unit: str | None
    subject: str | None
    period: str | None
    estimates: int
    holder: str | None = Field(None, description="Whose count it is, when the text says so.")


class EstimateOut(BaseModel):
    index: int
    quantity: str
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    interval: str
    date: str | None
    source: str | None
    via: list[str]
    outlet: str | None
    document: str
    attribution: str | None
    origin: str | None
    conflicts_with: list[int]


class PairOut(BaseModel):
    i: int
    j: int
    relation: str


class MeasureOut(BaseModel):
    id: int
    label: str
    unit: str | None
    subject: str | None
    period: str | None
    holder: str | None = Field(None, description="Whose count it is, when the text says so.")
    relation: str
    counts: dict[str, int]
    origins: int
    estimates: list[EstimateOut]
    pairs: list[PairOut]
