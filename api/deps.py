"""Dependencies shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from indexer.engine import Engine, Tools


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_tools(request: Request) -> Tools:
    return Tools(get_engine(request))


EngineDep = Annotated[Engine, Depends(get_engine)]
ToolsDep = Annotated[Tools, Depends(get_tools)]
