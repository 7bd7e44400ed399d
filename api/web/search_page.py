"""The search page: one box, results with snippets and badges, facets, pagination, interpretation."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import EngineDep
from api.web.forms import SearchForm
from api.web.i18n import Translator
from api.web.interpret import explain, record_href
from api.web.lookups import names
from api.web.render import current_language, render
from kb.errors import QueryError

router = APIRouter(include_in_schema=False)

EXAMPLES = (
    ("딥페이크 처벌", "ko"),
    ("텔레그램", "ko"),
    ("偷拍", "zh"),
    ("深度伪造", "zh"),
    ("NCII platform liability", "en"),
    ("성폭력처벌법 제14조의2", "ko"),
)
FACETS = (("jurisdiction", "jurisdiction"), ("kind", "kind"), ("topics", "topic"), ("year", "year"))


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, engine: EngineDep) -> HTMLResponse:
    lang = current_language(request)
    t = Translator(lang)
    form = SearchForm.from_params(request.query_params)
    try:
        result = engine.search(form.request(lang))
    except QueryError as exc:
        return render(
            request, "search.html", 400, form=form, error=t("bad_query", message=exc.message), examples=EXAMPLES
        )
    facets = {
        param: {value: count for value, count in result.facets.get(name, {}).items() if value not in ("None", "")}
        for name, param in FACETS
    }
    if facets["year"]:
        facets["year"] = dict(sorted(facets["year"].items(), reverse=True))
    return render(
        request,
        "search.html",
        form=form,
        result=result,
        facets=facets,
        names=names(engine),
        messages=explain(t, result.interpretation, form, result.total, result.pages),
        record_href=record_href,
        examples=EXAMPLES,
        page_numbers=_page_numbers(result.page, result.pages),
    )


def _page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """1 … page-2 … page+2 … last; None marks a gap."""
    shown = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)} - {0})
    out: list[int | None] = []
    for n in shown:
        if out and out[-1] is not None and n - out[-1] > 1:  # type: ignore[operator]
            out.append(None)
        out.append(n)
    return out
