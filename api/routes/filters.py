"""The query and filters shared by search, timeline and export."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Depends, Query

from indexer.search import MAX_QUERY_LENGTH, SearchRequest
from kb.errors import QueryError
from kb.ids import LANGUAGE_CODES

Kind = Literal["law", "case", "policy", "incident", "provision"]
Code = Annotated[str, Query(pattern=r"^[A-Za-z]{2,3}$")]
Slug = Annotated[str, Query(pattern=r"^[a-z0-9_-]{1,60}$")]


def reject_nul(text: str, what: str) -> None:
    if "\x00" in text:
        raise QueryError(f"the {what} contains a NUL character")


def search_filters(
    q: Annotated[
        str, Query(max_length=MAX_QUERY_LENGTH, description='Words, "phrases", AND/OR/NOT, -word, title:, word*')
    ] = "",
    jurisdiction: Annotated[list[Code], Query(description="KR, CN, EU, US, UK, FR, INT (repeatable)")] = [],  # noqa: B006
    kind: Annotated[list[Kind], Query(description="law, case, policy, incident, provision (repeatable)")] = [],  # noqa: B006
    topic: Annotated[list[Slug], Query(description="Topic ids from /v1/topics (repeatable)")] = [],  # noqa: B006
    status: Annotated[list[Slug], Query(description="in_force, repealed, final… (repeatable)")] = [],  # noqa: B006
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    lang: Annotated[str, Query(description="Language of titles and snippets: ko, zh, en…, with fallback")] = "en",
    sort: Literal["relevance", "date"] = "relevance",
) -> SearchRequest:
    if lang not in LANGUAGE_CODES:
        raise QueryError(f"unknown language {lang!r}", detail={"known": list(LANGUAGE_CODES)})
    if date_from and date_to and date_from > date_to:
        raise QueryError("date_from is after date_to", detail={"date_from": str(date_from), "date_to": str(date_to)})
    reject_nul(q, "query")
    return SearchRequest(
        q=q,
        jurisdictions=[j.upper() for j in jurisdiction],
        kinds=list(kind),
        topics=list(topic),
        statuses=list(status),
        date_from=date_from,
        date_to=date_to,
        lang=lang,
        sort=sort,
    )


FiltersDep = Annotated[SearchRequest, Depends(search_filters)]
