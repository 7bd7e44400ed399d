"""GET /v1/search."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query

from api.deps import EngineDep
from api.schemas import ErrorResponse, ResolveResponse, SearchResponse
from indexer.search import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SearchRequest, resolution_data
from kb.errors import QueryError
from kb.ids import LANGUAGE_CODES

router = APIRouter(
    prefix="/v1", tags=["search"], responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}
)

Kind = Literal["law", "case", "policy", "incident", "provision"]
Code = Annotated[str, Query(pattern=r"^[A-Za-z]{2,3}$")]
Slug = Annotated[str, Query(pattern=r"^[a-z0-9_-]{1,60}$")]


@router.get("/search", response_model=SearchResponse)
def search(
    engine: EngineDep,
    q: Annotated[
        str, Query(max_length=MAX_QUERY_LENGTH, description='Words, "phrases", AND/OR/NOT, -word, title:…')
    ] = "",
    jurisdiction: Annotated[list[Code], Query(description="KR, CN, EU, US, UK, FR, INT (repeatable)")] = [],  # noqa: B006
    kind: Annotated[list[Kind], Query(description="law, case, policy, incident, provision (repeatable)")] = [],  # noqa: B006
    topic: Annotated[list[Slug], Query(description="Topic ids from /v1/topics (repeatable)")] = [],  # noqa: B006
    status: Annotated[list[Slug], Query(description="in_force, repealed, final… (repeatable)")] = [],  # noqa: B006
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    lang: Annotated[str, Query(description="Language of titles and snippets, with fallback")] = "en",
    sort: Literal["relevance", "date"] = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_RESULT_WINDOW)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
) -> SearchResponse:
    """Search laws, provisions, cases, policies and incidents in Korean, Chinese or English."""
    if lang not in LANGUAGE_CODES:
        raise QueryError(f"unknown language {lang!r}", detail={"known": list(LANGUAGE_CODES)})
    if date_from and date_to and date_from > date_to:
        raise QueryError("date_from is after date_to", detail={"date_from": str(date_from), "date_to": str(date_to)})
    if "\x00" in q:
        raise QueryError("the query contains a NUL character")
    request = SearchRequest(
        q=q,
        jurisdictions=[j.upper() for j in jurisdiction],
        kinds=list(kind),
        topics=list(topic),
        statuses=list(status),
        date_from=date_from,
        date_to=date_to,
        lang=lang,
        sort=sort,
        page=page,
        page_size=page_size,
    )
    result = engine.search(request)
    hits = []
    for hit in result.hits:
        url = f"/v1/records/{hit.id}" + (f"/provisions/{quote(hit.provision, safe='')}" if hit.provision else "")
        hits.append({**asdict(hit), "url": url})
    facets = dict(result.facets)
    facets["topic"] = facets.pop("topics")
    facets["year"] = {k: v for k, v in facets["year"].items() if k != "None"}
    return SearchResponse(
        query=q,
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
    if "\x00" in cite:
        raise QueryError("the citation contains a NUL character")
    citations = [resolution_data(r) for r in engine.resolve(cite)]
    status = citations[0]["status"] if citations else "not_found"
    return ResolveResponse(cite=cite, status=status, citations=citations)  # type: ignore[arg-type]
