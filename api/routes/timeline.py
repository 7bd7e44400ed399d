"""GET /v1/timeline and GET /v1/compare."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import ToolsDep
from api.routes.filters import Code, FiltersDep, Slug
from api.schemas import ErrorResponse

router = APIRouter(prefix="/v1", tags=["timeline and comparison"], responses={400: {"model": ErrorResponse}})


@router.get("/timeline")
def timeline(tools: ToolsDep, request: FiltersDep) -> dict[str, Any]:
    """Dated events across kinds and jurisdictions, oldest first: laws promulgated, in force, amended;
    judgments; policy changes; incidents. Takes the search filters (and q)."""
    events = tools.timeline(request)
    return {"total": len(events), "events": events}


@router.get("/compare")
def compare(
    tools: ToolsDep,
    topic: Annotated[Slug, Query(description="A topic id, e.g. deepfake")],
    jurisdiction: Annotated[list[Code], Query(description="Jurisdictions to compare (default: all)")] = [],  # noqa: B006
) -> dict[str, Any]:
    """For each jurisdiction: the provisions that address the topic, the conduct they criminalise
    (creation, distribution, possession, viewing — only where the records say so), the maximum
    prison term recorded, platform duties and the leading cases."""
    rows = tools.compare(topic, [j.upper() for j in jurisdiction])
    return {
        "topic": topic,
        "note": "A conduct missing from 'criminalises' means the knowledge base records no provision for it, "
        "not that it is lawful.",
        "jurisdictions": [asdict(r) for r in rows],
    }
