"""Health, version, topics and jurisdictions."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter

from api.deps import EngineDep
from api.schemas import HealthResponse, VersionResponse

router = APIRouter(prefix="/v1", tags=["meta"])


@router.get("/health", response_model=HealthResponse)
def health(engine: EngineDep) -> HealthResponse:
    """Whether a build is being served."""
    return HealthResponse(status="ok", build=engine.build().path.name)


@router.get("/version", response_model=VersionResponse)
def version(engine: EngineDep) -> VersionResponse:
    """Data version (hash of data/), build time and counts."""
    return VersionResponse(**engine.version())


@router.get("/topics")
def topics(engine: EngineDep) -> dict[str, Any]:
    """The topic thesaurus: ids, labels and terms in every language."""
    rows = engine.build().query("SELECT id, label, terms FROM topics ORDER BY id")
    return {"topics": [{"id": r["id"], "label": json.loads(r["label"]), "terms": json.loads(r["terms"])} for r in rows]}


@router.get("/jurisdictions")
def jurisdictions(engine: EngineDep) -> dict[str, Any]:
    """The jurisdictions and their names."""
    rows = engine.build().query("SELECT code, name, languages FROM jurisdictions ORDER BY code")
    return {
        "jurisdictions": [
            {"code": r["code"], "name": json.loads(r["name"]), "languages": json.loads(r["languages"])} for r in rows
        ]
    }
