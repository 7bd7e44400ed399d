"""Records, provisions, their citations, relations and versions in time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import EngineDep, ToolsDep
from api.schemas import CitationResponse, ErrorResponse, ProvisionResponse, RecordResponse, RelatedResponse

router = APIRouter(prefix="/v1/records", tags=["records"], responses={404: {"model": ErrorResponse}})

Style = Literal["native", "en", "csl-json", "bibtex", "ris"]
AsOf = Annotated[dt.date | None, Query(description="Return the wording in force on this day (YYYY-MM-DD)")]


@router.get("/{record_id}", response_model=RecordResponse)
def get_record(record_id: str, engine: EngineDep, tools: ToolsDep, as_of: AsOf = None) -> RecordResponse:
    """A whole record as written, with its relations in both directions (and, with as_of, each provision's wording then)."""
    data: dict[str, Any] = engine.record_data(record_id)
    if as_of is not None:
        data["as_of"] = tools.record_as_of(record_id, as_of)
    return RecordResponse(**data)


@router.get("/{record_id}/provisions/{number}", response_model=ProvisionResponse)
def get_provision(
    record_id: str, number: str, engine: EngineDep, tools: ToolsDep, as_of: AsOf = None
) -> ProvisionResponse:
    """One provision of a law, by its number as written (제14조의2, Article 16) or its key (14-2, 16)."""
    data: dict[str, Any] = engine.provision_data(record_id, number)
    if as_of is not None:
        data["as_of"] = tools.provision_as_of(record_id, number, as_of)
    return ProvisionResponse(**data)


@router.get("/{record_id}/cite", response_model=CitationResponse)
def cite_record(record_id: str, tools: ToolsDep, style: Style = "native") -> CitationResponse:
    """The record's citation: native (the jurisdiction's own form), en, csl-json, bibtex or ris."""
    return CitationResponse(**tools.cite(record_id, None, style))


@router.get("/{record_id}/provisions/{number}/cite", response_model=CitationResponse)
def cite_provision(record_id: str, number: str, tools: ToolsDep, style: Style = "native") -> CitationResponse:
    """A provision's citation in the chosen style."""
    return CitationResponse(**tools.cite(record_id, number, style))


@router.get("/{record_id}/related", response_model=RelatedResponse)
def related(
    record_id: str,
    tools: ToolsDep,
    type: Annotated[list[str], Query(description="Relation types, e.g. applied_in, amended_by (repeatable)")] = [],  # noqa: A002,B006
    kind: Annotated[list[str], Query(description="Kinds of the related records (repeatable)")] = [],  # noqa: B006
    jurisdiction: Annotated[list[str], Query(description="Jurisdictions of the related records (repeatable)")] = [],  # noqa: B006
) -> RelatedResponse:
    """Typed edges in both directions: amends/amended by, applies/applied in, responds to/prompted…"""
    edges = tools.related(record_id, type, kind, [j.upper() for j in jurisdiction])
    groups: dict[str, list[dict[str, Any]]] = {}
    for edge in edges:
        groups.setdefault(edge["type"], []).append(edge)
    return RelatedResponse(id=record_id, total=len(edges), relations=edges, by_type=groups)  # type: ignore[arg-type]
