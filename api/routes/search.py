"""GET /v1/search and GET /v1/resolve."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query

from api.deps import EngineDep
from api.routes.filters import FiltersDep, reject_nul
from api.schemas import ErrorResponse, ResolveResponse, SearchResponse
from indexer.search import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, resolution_data

router = APIRouter(
    prefix="/v1", tags=["search"], responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}
)


@router.get("/search", response_model=SearchResponse)
def search(
    engine: EngineDep,
    request: FiltersDep,
    page: Annotated[int, Query(ge=1, le=MAX_RESULT_WINDOW)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
) -> SearchResponse:
    """Search laws, provisions, cases, policies and incidents in Korean, Chinese or English."""
    request.page, request.page_size = page, page_size
    result = engine.search(request)
    hits = []
    for hit in result.hits:
        url = f"/v1/records/{hit.id}" + (f"/provisions/{quote(hit.provision, safe='')}" if hit.provision else "")
        hits.append({**asdict(hit), "url": url})
    facets = dict(result.facets)
    facets["topic"] = facets.pop("topics")
    return SearchResponse(
        query=request.q,
        total=result.total,
        page=result.page,
        page_size=result.page_size,
        pages=result.pages,
        hits=hits,  # type: ignore[arg-type]
        facets=facets,
        interpretation=asdict(result.interpretation),  # type: ignore[arg-type]
    )


@router.get("/resolve", response_model=ResolveResponse)
def resolve(
    engine: EngineDep,
    cite: Annotated[
        str, Query(min_length=1, max_length=MAX_QUERY_LENGTH, description="A citation, e.g. 성폭력처벌법 제14조의2")
    ],
) -> ResolveResponse:
    """Resolve a citation (law, article, case number; five jurisdictions) to records and provisions."""
    reject_nul(cite, "citation")
    citations = [resolution_data(r) for r in engine.resolve(cite)]
    status = citations[0]["status"] if citations else "not_found"
    return ResolveResponse(cite=cite, status=status, citations=citations)  # type: ignore[arg-type]
