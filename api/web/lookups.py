"""Names of jurisdictions and topics, from the same functions as /v1/jurisdictions and /v1/topics."""

from __future__ import annotations

from dataclasses import dataclass

from api.routes.meta import jurisdictions, topics
from indexer.engine import Engine


@dataclass(frozen=True)
class Names:
    jurisdictions: dict[str, dict[str, str]]  # code -> {lang: name}
    topics: dict[str, dict[str, str]]  # id -> {lang: label}


def names(engine: Engine) -> Names:
    return Names(
        jurisdictions={j["code"]: j["name"] for j in jurisdictions(engine)["jurisdictions"]},
        topics={t["id"]: t["label"] for t in topics(engine)["topics"]},
    )
