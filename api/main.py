"""The FastAPI application: read-only, versioned under /v1, OpenAPI at /docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.mcp_server import MCPMount
from api.routes import check, export, meta, records, search, timeline
from api.schemas import ErrorResponse
from api.security import SecurityMiddleware
from api.settings import get_settings
from api.web import install_web
from indexer.engine import Engine

log = logging.getLogger("api")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "The query or a parameter cannot be used"),
        (404, "No such record, provision or endpoint"),
        (413, "The request body is too large"),
        (422, "A parameter is missing or malformed"),
        (503, "No usable build is being served"),
    )
}


def create_app(build_dir: Path | None = None, *, warm: bool | None = None) -> FastAPI:
    """The app over the build in ``build_dir`` (default: ``KB_BUILD_DIR`` or ``build``)."""
    settings = get_settings()
    build_dir = build_dir or settings.build_dir
    warm = settings.warm if warm is None else warm
    mcp = MCPMount(lambda: app.state.engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = Engine.open(build_dir, settings.result_cache)
        if warm:
            engine.warm()
        app.state.engine = engine
        async with mcp.running():
            yield

    app = FastAPI(
        title="TFSV knowledge base",
        version="1",
        summary="Laws, cases, platform policies and incidents on technology-facilitated sexual violence, "
        "in Korean, Chinese and English.",
        lifespan=lifespan,
    )
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=[])
    app.add_middleware(SecurityMiddleware)
    install_error_handlers(app)
    for module in (search, records, timeline, check, export, meta):
        app.include_router(module.router, responses=ERROR_RESPONSES)
    app.add_route("/mcp", mcp, include_in_schema=False)
    install_web(app)  # the web page at / and its static files
    return app


def __getattr__(name: str) -> FastAPI:
    """``api.main:app`` for uvicorn, created on first access."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
