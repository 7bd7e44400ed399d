"""The record page: titles, summary, provisions with versions, sources, verification, relations, citations."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import EngineDep, ToolsDep
from api.web.interpret import record_href
from api.web.lookups import names
from api.web.render import render
from indexer.engine import Tools
from kb.citations import CITATION_STYLES
from kb.errors import NotFound

router = APIRouter(include_in_schema=False)

# The order of the style chooser: the jurisdiction's own form first.
STYLES = ("native", "en", "bibtex", "ris", "csl-json")
assert set(STYLES) == set(CITATION_STYLES)


@dataclass(frozen=True)
class CiteWidget:
    """One copy-citation control: what it cites, where the API serves it, the text shown now."""

    anchor: str
    record_id: str
    provision: str | None
    api_url: str
    style: str
    text: str


def citation_text(citation: str | dict[str, Any]) -> str:
    return citation if isinstance(citation, str) else json.dumps(citation, ensure_ascii=False, indent=2)


def cite_widget(tools: Tools, record_id: str, provision: str | None, style: str, native: str) -> CiteWidget:
    base = f"/v1/records/{quote(record_id, safe='')}"
    api_url = base + (f"/provisions/{quote(provision, safe='')}/cite" if provision else "/cite")
    text = native if style == "native" else citation_text(tools.cite(record_id, provision, style)["citation"])
    anchor = f"cite-{provision_anchor(provision)}" if provision else "cite"
    return CiteWidget(anchor, record_id, provision, api_url, style, text)


def provision_anchor(number: str) -> str:
    return "p-" + quote(number, safe="")


def _as_of(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/records/{record_id}", response_class=HTMLResponse)
def record_page(request: Request, record_id: str, engine: EngineDep, tools: ToolsDep) -> HTMLResponse:
    try:
        data = engine.record_data(record_id)
    except NotFound:
        return render(request, "error.html", 404, title_key="not_found_title", record_id=record_id[:120])
    params = request.query_params
    style = params.get("style", "native")
    style = style if style in STYLES else "native"
    cited = params.get("cite") or None  # the provision whose widget the no-JavaScript form asked for
    record = data["record"]
    widgets = {None: cite_widget(tools, record_id, None, style if cited is None else "native", data["citation"])}
    for provision in record.get("provisions", []):
        number = provision["number"]
        widgets[number] = cite_widget(
            tools, record_id, number, style if cited == number else "native", provision["citation"]
        )
    relations: dict[str, list[dict[str, Any]]] = {}
    for relation in data["relations"]:
        relations.setdefault(relation["type"], []).append(relation)
    as_of = _as_of(params.get("as_of"))
    wordings = {w["provision"]: w for w in tools.record_as_of(record_id, as_of)} if as_of else {}
    return render(
        request,
        "record.html",
        record=record,
        citation=data["citation"],
        relations=relations,
        widgets=widgets,
        styles=STYLES,
        as_of=as_of,
        wordings=wordings,
        names=names(engine),
        record_href=record_href,
        provision_anchor=provision_anchor,
    )
