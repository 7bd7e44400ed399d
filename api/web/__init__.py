"""The web page for people: search, records, citations, comparison and timeline, in ko / zh / en.

It calls the same :class:`indexer.engine.Engine` and :class:`indexer.engine.Tools` methods as the
JSON API; nothing here searches or formats citations on its own.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.web import record_page, search_page, topic_pages
from api.web.i18n import COOKIE, UI_LANGUAGES
from api.web.render import STATIC, render

router = APIRouter(include_in_schema=False)
for _module in (search_page, record_page, topic_pages):
    router.include_router(_module.router)

ONE_YEAR = 365 * 24 * 3600


def safe_next(target: str | None) -> str:
    """A path on this site to go back to; anything else (another host, a scheme) becomes /."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/lang/{code}")
def set_language(code: str, next: str | None = None) -> Response:  # noqa: A002
    """Remember the interface language in a cookie and go back to the page."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if code in UI_LANGUAGES:
        response.set_cookie(COOKIE, code, max_age=ONE_YEAR, samesite="lax", httponly=True)
    return response


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/v1") and "text/html" in request.headers.get("accept", "")


def install_web(app: FastAPI) -> None:
    """Add the pages, the static files, and an HTML 404 page for browsers (JSON API errors unchanged)."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    json_handler = app.exception_handlers[StarletteHTTPException]

    async def not_found(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StarletteHTTPException) and exc.status_code == 404 and wants_html(request):
            return render(request, "error.html", 404, title_key="not_found_title")
        return await json_handler(request, exc)  # type: ignore[no-any-return]

    app.add_exception_handler(StarletteHTTPException, not_found)
