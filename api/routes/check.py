"""POST /v1/check: find and check every citation in a letter."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import ToolsDep
from api.routes.filters import reject_nul
from api.schemas import ErrorResponse

router = APIRouter(prefix="/v1", tags=["citation check"], responses={422: {"model": ErrorResponse}})

MAX_CHECK_CHARS = 51_200


class CheckRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHECK_CHARS, description="A letter or brief (≤ 50 KB).")


@router.post("/check")
def check(body: CheckRequest, tools: ToolsDep) -> dict[str, Any]:
    """Every citation in the text with its span, what it resolved to, and a status:
    found, ambiguous (with candidates), not_found, or repealed_or_amended."""
    reject_nul(body.text, "text")
    items = tools.check(body.text)
    counts: dict[str, int] = {}
    for item in items:
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    return {"total": len(items), "counts": counts, "citations": items}
