"""The comparison page (/v1/compare data) and the timeline page (/v1/timeline data)."""

from __future__ import annotations

from dataclasses import asdict
from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import ToolsDep
from api.web.forms import CODE_RE, KINDS, SLUG_RE, clean_query
from api.web.i18n import Translator
from api.web.interpret import record_href
from api.web.lookups import names
from api.web.render import current_language, render
from indexer.search import SearchRequest
from kb.comparison import CONDUCT_GROUPS
from kb.errors import QueryError

router = APIRouter(include_in_schema=False)


def _topic(request: Request) -> str:
    topic = request.query_params.get("topic", "")
    return topic if SLUG_RE.fullmatch(topic) else ""


def _codes(request: Request) -> list[str]:
    values = (v.upper() for v in request.query_params.getlist("jurisdiction") if CODE_RE.fullmatch(v))
    return list(dict.fromkeys(values))


def _has_content(row: dict[str, Any]) -> bool:
    return bool(row["provisions"] or row["cases"] or row["policies"] or row["platform_duties"])


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, tools: ToolsDep) -> HTMLResponse:
    t = Translator(current_language(request))
    topic, codes = _topic(request), _codes(request)
    context: dict[str, Any] = {
        "names": names(tools.engine),
        "topic": topic,
        "codes": codes,
        "conducts": list(CONDUCT_GROUPS),
        "record_href": record_href,
    }
    if not topic:
        return render(request, "compare.html", rows=None, empty=[], **context)
    try:
        rows = [asdict(row) for row in tools.compare(topic, codes)]
    except QueryError as exc:
        return render(
            request, "compare.html", 400, rows=None, empty=[], error=t("bad_query", message=exc.message), **context
        )
    shown = [row for row in rows if _has_content(row)]
    empty = [row["jurisdiction"] for row in rows if not _has_content(row)]
    return render(request, "compare.html", rows=shown, empty=empty, **context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, tools: ToolsDep) -> HTMLResponse:
    lang = current_language(request)
    topic, codes = _topic(request), _codes(request)
    kinds = [k for k in dict.fromkeys(request.query_params.getlist("kind")) if k in KINDS]
    q, _ = clean_query(request.query_params.get("q", ""))
    search = SearchRequest(q=q, jurisdictions=codes, kinds=kinds, topics=[topic] if topic else [], lang=lang)
    events = tools.timeline(search)
    years = [(year, list(items)) for year, items in groupby(events, key=lambda e: e["date"][:4])]
    return render(
        request,
        "timeline.html",
        names=names(tools.engine),
        topic=topic,
        codes=codes,
        kinds=kinds,
        q=q,
        total=len(events),
        years=years,
        record_href=record_href,
    )
