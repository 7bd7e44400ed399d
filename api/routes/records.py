"""GET /v1/records/{id} and /v1/records/{id}/provisions/{number}."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import EngineDep
from api.schemas import ErrorResponse, ProvisionResponse, RecordResponse

router = APIRouter(prefix="/v1/records", tags=["records"], responses={404: {"model": ErrorResponse}})


@router.get("/{record_id}", response_model=RecordResponse)
def get_record(record_id: str, engine: EngineDep) -> RecordResponse:
    """A whole record as written, with its relations in both directions."""
    return RecordResponse(**engine.record_data(record_id))


@router.get("/{record_id}/provisions/{number}", response_model=ProvisionResponse)
def get_provision(record_id: str, number: str, engine: EngineDep) -> ProvisionResponse:
    """One provision of a law, by its number as written (제14조의2, Article 16) or its key (14-2, 16)."""
    return ProvisionResponse(**engine.provision_data(record_id, number))
