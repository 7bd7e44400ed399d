"""Rendering pages: one Jinja environment with autoescape on, and the context every page shares."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.web.i18n import COOKIE, UI_LANGUAGES, Translator, pick, ui_language

log = logging.getLogger("api.web")

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Autoescape everything; the only markup passed through is the API's snippet HTML (see search.html).
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def current_language(request: Request) -> str:
    return ui_language(request.cookies.get(COOKIE), request.headers.get("accept-language"))


def current_url(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _version(request: Request) -> dict[str, Any] | None:
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        return None
    try:
        version: dict[str, Any] = engine.version()
    except Exception:  # the footer must never break a page, not even the error page
        log.exception("no version for the footer")
        return None
    return version


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """``template`` rendered in the visitor's interface language."""
    lang = current_language(request)
    t = Translator(lang)
    page = ENV.get_template(template).render(
        ui=lang,
        t=t,
        pick=lambda texts: pick(texts, lang),
        languages=UI_LANGUAGES,
        here=current_url(request),
        path=request.url.path,
        version=_version(request),
        **context,
    )
    return HTMLResponse(page, status_code=status_code, headers={"Vary": "Cookie, Accept-Language"})
