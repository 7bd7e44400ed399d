"""Response models: the JSON the API promises."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable error code.")
    message: str = Field(description="One sentence for people.")
    detail: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class DateOut(BaseModel):
    type: str
    date: str


class HitResponse(BaseModel):
    id: str = Field(description="Record id.")
    provision: str | None = Field(description="Provision number when the hit is a provision of a law.")
    kind: str
    jurisdiction: str
    title: str
    title_lang: str
    snippet: str = Field(description="HTML with matches in <mark>; everything else escaped.")
    dates: list[DateOut]
    score: float
    citation: str
    verification: str = Field(description="verified | partially_verified | unverified")
    topics: list[str]
    url: str = Field(description="API address of the record or provision.")


class CitationTarget(BaseModel):
    id: str
    provision: str | None


class CitationResolution(BaseModel):
    text: str = Field(description="The citation as found in the text.")
    span: list[int] = Field(description="[start, end) character offsets in the text.")
    jurisdiction: str
    kind: str = Field(description="provision | law | case")
    status: str = Field(description="found | ambiguous | not_found")
    targets: list[CitationTarget] = Field(description="The record (and provision); several when ambiguous.")
    note: str | None


class ResolveResponse(BaseModel):
    cite: str
    status: str = Field(description="found | ambiguous | not_found (of the first citation recognised)")
    citations: list[CitationResolution]


class InterpretationResponse(BaseModel):
    tokens: list[str]
    tokens_by_script: dict[str, list[str]]
    expansions: dict[str, list[str]]
    stopped: list[str]
    excluded: list[str]
    citations: list[CitationResolution]
    corrections: dict[str, list[str]] = Field(
        description="Words found in no record, and the near spellings searched instead."
    )
    reinterpreted: bool
    notes: list[str]


class SearchResponse(BaseModel):
    query: str
    total: int
    page: int
    page_size: int
    pages: int
    hits: list[HitResponse]
    facets: dict[str, dict[str, int]]
    interpretation: InterpretationResponse


class RelationResponse(BaseModel):
    type: str
    provision: str | None
    target: str
    target_provision: str | None
    note: str | None
    declared: bool = Field(description="False when derived as the inverse of an edge declared on the other record.")
    target_kind: str
    target_jurisdiction: str
    target_title: dict[str, str]


class ProvisionVersionResponse(BaseModel):
    record_id: str
    provision: str
    citation: str
    as_of: str
    found: bool = Field(description="False when no wording was in force on that day.")
    version: str | None = Field(description="current, or versions[i] for an earlier wording")
    valid_from: str | None
    valid_to: str | None
    text: dict[str, str] | None
    text_kind: str | None
    amended_by: str | None = Field(description="The law that ended this wording.")
    later_amendment: bool = Field(description="True when a later wording exists.")
    note: str | None


class RecordResponse(BaseModel):
    record: dict[str, Any] = Field(description="The record exactly as written in its YAML file, provisions with keys.")
    citation: str
    file: str
    relations: list[RelationResponse]
    as_of: list[ProvisionVersionResponse] | None = None


class ProvisionResponse(BaseModel):
    record_id: str
    provision: dict[str, Any]
    citation: str
    relations: list[RelationResponse]
    as_of: ProvisionVersionResponse | None = None


class CitationResponse(BaseModel):
    id: str
    provision: str | None
    style: str
    citation: str | dict[str, Any] = Field(description="A string, or a CSL-JSON item for style=csl-json.")
    identifiers: dict[str, str]
    url: str | None = Field(description="Deep link to the official text.")
    verification: str


class RelatedResponse(BaseModel):
    id: str
    total: int
    relations: list[RelationResponse]
    by_type: dict[str, list[RelationResponse]]


class HealthResponse(BaseModel):
    status: str
    build: str | None


class VersionResponse(BaseModel):
    data_version: str
    built_at: str
    schema_version: int
    build: str
    records: int
    provisions: int
    relations: int
    counts: dict[str, int]
